"""The package as an application meets it: the public face, light import, the main job."""

import importlib.metadata
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import duloxinfo


def _run(code):
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


_HEAVY = (
    "{m for m in sys.modules if m.split('.')[0] in {'attr', 'attrs', 'cattrs', "
    "'importlib_resources'} or m.startswith(('duloxinfo.content', "
    "'duloxinfo.rules', 'duloxinfo._label', 'duloxinfo._sources'))}"
)


def test_import_is_light_rules_and_content_load_on_first_use():
    assert _run(f"import sys, duloxinfo; print(sorted({_HEAVY}))") == "[]"
    # Not even typing, unless a coverage tracer in this subprocess brought it.
    typing_loaded = _run(
        "import sys, duloxinfo; print('typing' in sys.modules, 'coverage' in sys.modules)"
    )
    assert typing_loaded in {"False False", "True True"}
    rules_only = _run(
        "import sys, datetime as dt, duloxinfo; "
        "duloxinfo.Regimen(60, [dt.time(8)], 'UTC', dt.datetime(2026, 1, 1, tzinfo=dt.UTC)); "
        f"print(sorted({_HEAVY}))"
    )
    assert "duloxinfo.rules.regimen" in rules_only
    assert "duloxinfo.content" not in rules_only
    assert "cattrs" not in rules_only
    assert "importlib_resources" not in rules_only
    assert "attrs" in rules_only
    after = _run(
        "import sys, duloxinfo; duloxinfo.guide(); "
        "print('cattrs' in sys.modules, 'duloxinfo.content.load' in sys.modules)"
    )
    assert after == "True True"


def test_every_public_name_is_exported_and_documented():
    for name in duloxinfo.__all__:
        value = getattr(duloxinfo, name)
        if callable(value) or isinstance(value, type):
            assert value.__doc__, name
    assert set(dir(duloxinfo)) == set(duloxinfo.__all__)
    assert issubclass(duloxinfo.DuloxinfoError, ValueError)
    errors = [
        v for v in vars(duloxinfo).values() if isinstance(v, type) and issubclass(v, Exception)
    ]
    assert all(issubclass(e, duloxinfo.DuloxinfoError) for e in errors)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        duloxinfo.no_such_name  # noqa: B018


def test_python_m_duloxinfo_prints_summary_and_worked_example():
    result = subprocess.run(
        [sys.executable, "-m", "duloxinfo"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Duloxetine muscle spasm\n")
    assert "Muscle spasm is not an approved use" in out
    assert "Starting dose: 30 mg once daily" in out
    assert "action:       take-now (60 mg)" in out
    assert "next dose at: 2026-01-08 08:00 GMT" in out
    assert "not medical advice" in out


def test_version_flag():
    result = subprocess.run(
        [sys.executable, "-m", "duloxinfo", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"duloxinfo {duloxinfo.__version__}"


def test_the_consumer_app_runs_against_the_package():
    script = Path(__file__).with_name("consumer_app.py")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"consumer app: ok (duloxinfo {duloxinfo.__version__})"


def test_the_package_works_imported_from_a_zip_archive(tmp_path):
    package = Path(duloxinfo.__file__).parent
    archive = tmp_path / "duloxinfo.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, Path("duloxinfo") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import duloxinfo; "
        "print(duloxinfo.__file__); g = duloxinfo.guide(); "
        "print(g.dosage.usual.dose_mg, duloxinfo.check_guide(g), len(duloxinfo.render_text(g)) > 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    where, loaded = result.stdout.splitlines()
    assert where == str(archive / "duloxinfo" / "__init__.py")
    assert loaded == "60 () True"


def test_the_version_has_one_source_and_the_metadata_agrees():
    assert importlib.metadata.version("duloxinfo") == duloxinfo.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.dev\d+)?", duloxinfo.__version__)


def test_the_changelog_names_the_release():
    root = Path(__file__).parent.parent
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    if ".dev" not in duloxinfo.__version__:
        version = re.escape(duloxinfo.__version__)
        assert re.search(rf"^## \[{version}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.MULTILINE)
