"""The package as an application meets it: the public face, light import, the main job."""

import ast
import importlib
import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import duloxinfo

PACKAGE = Path(duloxinfo.__file__).parent


def _run(code):
    """Run ``code`` in a fresh interpreter, without the coverage tracer the test run may add."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()


def _loaded(code):
    return _run(
        f"import sys\n{code}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'attr', 'attrs', 'cattrs', 'importlib_resources', 'typing', 'icalendar', 'duloxinfo'}))"
    )


def test_import_loads_the_errors_and_the_version_and_nothing_heavy():
    assert _loaded("import duloxinfo") == str(
        ["duloxinfo", "duloxinfo._version", "duloxinfo.errors"]
    )


def test_the_rules_load_attrs_and_the_label_but_not_the_content():
    loaded = _loaded(
        "import datetime as dt, duloxinfo\n"
        "duloxinfo.Regimen(60, [dt.time(8)], 'UTC', dt.datetime(2026, 1, 1, tzinfo=dt.UTC))"
    )
    assert "'duloxinfo.rules.regimen'" in loaded
    assert "'attrs'" in loaded
    assert "duloxinfo.content" not in loaded
    assert "cattrs" not in loaded
    assert "importlib_resources" not in loaded


def test_the_content_records_load_without_cattrs_and_the_guide_loads_it():
    assert "cattrs" not in _loaded("import duloxinfo; duloxinfo.Guide; duloxinfo.render_text")
    loaded = _loaded("import duloxinfo; duloxinfo.guide()")
    assert "'cattrs'" in loaded
    assert "'duloxinfo.content._converter'" in loaded
    assert "icalendar" not in loaded


def test_a_text_answer_loads_neither_the_answers_json_nor_the_content():
    loaded = _loaded(
        "import contextlib, io\n"
        "from duloxinfo import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['missed-dose', '--dose', '60', '--at', '08:00', '--tz', 'UTC',\n"
        "              '--start', '2026-11-01', '--now', '2026-11-02T09:00+00:00'])"
    )
    assert "'duloxinfo.rules.missed_dose'" in loaded
    assert "duloxinfo.answers" not in loaded
    assert "duloxinfo.content" not in loaded
    assert "duloxinfo.interactions" not in loaded


def test_the_command_line_loads_nothing_of_the_library_for_version_and_help():
    for argv in (["--version"], ["--help"]):
        loaded = _loaded(
            "import contextlib, io\n"
            "from duloxinfo import cli\n"
            f"with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            f"    cli.main({argv!r})"
        )
        assert "attrs" not in loaded
        assert "duloxinfo.rules" not in loaded
        assert "duloxinfo.content" not in loaded


def _modules_in_the_tree():
    """Every public module of the source tree, as a name relative to duloxinfo."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            continue  # packages hold no names of their own
        if not any(part.startswith("_") for part in parts):
            found.add(".".join(parts))
    return found


def _star_imports_for_type_checkers():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    return [node.module for node in block.body if isinstance(node, ast.ImportFrom)]


def test_the_public_modules_are_listed_once_for_run_time_and_once_for_type_checkers():
    listed = list(duloxinfo._PUBLIC_MODULES)
    assert len(listed) == len(set(listed))
    assert set(listed) == _modules_in_the_tree() - {"errors", "cli", *duloxinfo._NAMESPACES}
    assert sorted(_star_imports_for_type_checkers()) == sorted(listed)


def test_every_public_name_is_defined_in_one_public_module_and_exported():
    seen = {}
    for module_name in ("errors", *duloxinfo._PUBLIC_MODULES):
        module = importlib.import_module(f"duloxinfo.{module_name}")
        for name in module.__all__:
            assert name not in seen, (name, module_name, seen.get(name))
            seen[name] = module_name
            value = getattr(module, name)
            assert getattr(duloxinfo, name) is value
            if isinstance(value, type) or callable(value):
                assert value.__doc__, name
                assert value.__module__ == f"duloxinfo.{module_name}", name
    assert sorted(duloxinfo.__all__) == sorted([*seen, "__version__"])
    assert set(dir(duloxinfo)) >= set(duloxinfo.__all__)
    assert issubclass(duloxinfo.DuloxinfoError, ValueError)


def test_a_namespace_module_documents_every_name_and_is_not_re_exported():
    for module_name in duloxinfo._NAMESPACES:
        module = importlib.import_module(f"duloxinfo.{module_name}")
        assert module.__all__
        for name in module.__all__:
            value = getattr(module, name)
            assert value.__doc__, name
            assert value.__module__ == module.__name__, name
            assert name not in duloxinfo.__all__, name
            if hasattr(value, "__attrs_attrs__"):  # every field documented for help()
                for field in value.__attrs_attrs__:
                    assert f"        {field.name}: " in value.__doc__, (name, field.name)


# The layers, lowest first: a module may import its own layer and the layers below it.
LAYERS = [
    {
        "errors",
        "choices",
        "_validate",
        "_json",
        "_once",
        "_names",
        "_walltime",
        "_words",
        "_version",
    },
    {"sources", "label", "reasons"},
    {"_wording"},
    {"rules"},
    {"content", "interactions"},
    {"interop", "answers"},
    {"cli", "__main__", "__init__"},
]


def _layer(module):
    top = module.split(".")[0]
    return next(i for i, layer in enumerate(LAYERS) if top in layer)


def test_data_flows_one_way_nothing_imports_a_layer_above_it():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        module = ".".join(parts)
        package_parts = parts[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                target = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            elif isinstance(node, ast.ImportFrom | ast.Import):
                names = (
                    [node.module]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                )
                targets = [
                    n.removeprefix("duloxinfo.") for n in names if n and n.startswith("duloxinfo")
                ]
                if not targets:
                    continue
                target = targets[0] if targets[0] != "duloxinfo" else "__init__"
            else:
                continue
            if not target:
                target = "__init__"
            assert _layer(target) <= _layer(module), f"{module} imports {target}"
            assert not (module.startswith("rules") and target.startswith("content")), module
            assert not (module.startswith("content") and target.startswith("rules")), module
            assert not (module.startswith("rules") and target.startswith("interactions")), module
            assert not (module.startswith("interactions") and target.startswith("rules")), module


def _module_name(path):
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("duloxinfo", *(parts[:-1] if parts[-1] == "__init__" else parts)))


def _import_graph():
    """Each module of the package and the modules of the package it imports.

    Every import counts, wherever it is written: at the top, inside a function, or
    under ``if TYPE_CHECKING``.  ``from . import x`` imports the module ``x``.
    """
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module or ""]) if node.level else node.module
                module = module.strip(".")
                candidates = [module, *(f"{module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            targets |= {c for c in candidates if c in modules and c != name}
        graph[name] = targets
    return graph


def _cycles(graph):
    """Every import cycle, each as the modules on it (a depth-first search for back edges)."""
    found, state = [], {}

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_imports_run_one_way_no_module_imports_itself_through_others():
    graph = _import_graph()
    assert graph["duloxinfo.rules.regimen"] >= {"duloxinfo.rules._slots"}
    assert _cycles(graph) == []
    # The search finds a cycle however it is written, a function-level import included.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_imports_a_private_name_from_another():
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # `from . import _durations` imports a private module of the library: fine.
            # `from ._slots import _window` would reach into another module: not.
            if isinstance(node, ast.ImportFrom) and node.level and node.module:
                for alias in node.names:
                    assert not alias.name.startswith("_") or alias.name.startswith("__"), (
                        f"{path.relative_to(PACKAGE)} imports {alias.name}"
                    )


@pytest.mark.parametrize("module_name", ["errors", *duloxinfo._PUBLIC_MODULES])
def test_dir_of_a_public_module_shows_its_all_and_nothing_it_imports(module_name):
    module = importlib.import_module(f"duloxinfo.{module_name}")
    shown = dir(module)
    assert shown == sorted(shown)
    assert {n for n in shown if not (n.startswith("__") and n.endswith("__"))} == set(
        module.__all__
    )
    assert {"__all__", "__doc__", "__name__"} <= set(shown)
    # What the module imports is in its namespace, but not in dir(): the test sees a change.
    hidden = {n for n in vars(module) if not n.startswith("__")} - set(module.__all__)
    assert hidden, module_name
    assert not hidden & set(shown)


def _public_module_imports():
    """Each ``from <public module> import name`` in the package: (file, module, name)."""
    public = {"errors", *duloxinfo._PUBLIC_MODULES}
    for path in sorted(PACKAGE.rglob("*.py")):
        package_parts = path.relative_to(PACKAGE).with_suffix("").parts[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                target = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            else:
                target = (node.module or "").removeprefix("duloxinfo.")
            if target in public:
                for alias in node.names:
                    yield str(path.relative_to(PACKAGE)), target, alias.name


def test_nothing_imports_from_a_public_module_a_name_outside_its_all():
    found = set()
    for file, target, name in _public_module_imports():
        module = importlib.import_module(f"duloxinfo.{target}")
        if name != "*" and name not in module.__all__:
            found.add((file, target, name))
    assert found == set()


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        duloxinfo.no_such_name  # noqa: B018


def test_python_m_duloxinfo_prints_summary_and_worked_example():
    result = subprocess.run(
        [sys.executable, "-m", "duloxinfo"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Duloxetine: information for patients\n")
    first = out.split("\n\n")[1]
    assert first.startswith("Duloxetine is an antidepressant.")
    assert "Muscle spasm is not an approved use" in " ".join(first.split())
    assert "  EU: depression, in adults." in out
    assert "Get help now: Thoughts of suicide." in out
    assert "30 mg once daily for one week, then 60 mg once daily" in " ".join(out.split())
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
        "print(g.how_to_take.usual.dose_mg, duloxinfo.check_guide(g), len(duloxinfo.render_text(g)) > 1000)"
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


def test_ci_runs_every_python_version_the_metadata_claims():
    root = Path(__file__).parent.parent
    metadata = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    claimed = sorted(
        c.rsplit(" :: ", 1)[1]
        for c in metadata["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    )
    workflow = (root / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    (matrix,) = re.findall(r"python-version: \[(.*)\]", workflow)
    assert sorted(v.strip().strip('"') for v in matrix.split(",")) == claimed
    assert metadata["requires-python"] == f">={claimed[0]}"
    assert "run: bash .ci/run" in workflow
