"""The package as an application meets it: the public face, light import, the main job."""

import subprocess
import sys

import pytest

import duloxinfo


def _run(code):
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_import_is_light_content_loads_on_first_use():
    loaded = _run(
        "import sys, duloxinfo; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'cattrs', 'importlib_resources'} or m.startswith('duloxinfo.content')))"
    )
    assert loaded == "[]"
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
