"""Nothing in the library opens a connection, reads the clock (outside the CLI), writes a
file (outside the CLI), or evaluates code from data; and what it returns cannot change."""

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import duloxinfo

PACKAGE = Path(duloxinfo.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
NETWORK = {"socket", "ssl", "http", "urllib", "requests", "httpx", "ftplib", "smtplib"}
CODE_FROM_DATA = {"eval", "exec", "compile", "__import__"}  # the builtins, called by name
CLOCK_METHODS = {"now", "utcnow", "today"}  # datetime.now(), date.today(), ...
CLOCK_FUNCTIONS = {"time", "time_ns", "monotonic", "perf_counter"}  # of the time module
WRITES = {"write_text", "write_bytes", "unlink", "remove", "rmtree", "mkdir", "rename"}


def _calls(tree):
    """Each call with its name, and the name it is called on (``time`` in ``time.time()``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                yield node, func.attr, owner
            else:
                yield node, getattr(func, "id", ""), None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_source_reaches_no_network_clock_file_or_code_from_data(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert not imported & (NETWORK | {"pickle", "marshal", "shelve", "subprocess"}), path
    for node, name, owner in _calls(tree):
        where = f"{path.name}:{node.lineno} calls {name}"
        assert owner is not None or name not in CODE_FROM_DATA, where
        if "cli" not in path.relative_to(PACKAGE).parts:  # the CLI reads the clock, writes -o
            assert owner is None or name not in CLOCK_METHODS, where
            assert owner != "time" or name not in CLOCK_FUNCTIONS, where
            assert name not in WRITES, where
            if name == "open":
                modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
                assert all(set(m) <= {"r", "b", "t"} for m in modes), f"{path.name}:{node.lineno}"


_WORKLOAD = """
import datetime as dt, json, sys
import duloxinfo

def work():
    g = duloxinfo.guide()
    for render in (duloxinfo.render_text, duloxinfo.render_markdown, duloxinfo.render_html):
        render(g)
    duloxinfo.guide_from_json(duloxinfo.guide_to_json(g))
    duloxinfo.guide_json_schema()
    r = duloxinfo.Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    now = dt.datetime(2026, 3, 29, 13, tzinfo=dt.UTC)
    taken = [duloxinfo.Intake(now - dt.timedelta(days=d, hours=5), 60) for d in range(1, 9)]
    duloxinfo.advise_missed_dose(r, taken, now)
    duloxinfo.audit(r, taken)
    duloxinfo.titration_status(r, taken, now)
    duloxinfo.supply_forecast(r, 60, 28, now)
    duloxinfo.dose_times(r, now, now + dt.timedelta(days=3))
    duloxinfo.from_fhir_dosage(duloxinfo.to_fhir_dosage(r), "Europe/London")
    duloxinfo.fhir_medication(60)
    duloxinfo.dose_calendar(r, dt.date(2026, 3, 28), dt.date(2026, 3, 30), created=now)

# First use: modules are imported, attrs generates the records' methods and the schema
# resolves their annotations once; all of that is the package's own code, not data.
work()
events = []
WATCHED = ("socket.", "urllib.", "http.", "exec", "compile", "subprocess.", "os.system",
           "os.remove", "os.rename", "shutil.", "pickle.")
def hook(event, args):
    if event.startswith(WATCHED) or event == "open" and args[1] not in (None, "r", "rb"):
        events.append((event, repr(args)[:120]))
sys.addaudithook(hook)
work()
print(json.dumps(events))
"""


def test_at_run_time_no_connection_write_or_code_evaluation_happens():
    result = subprocess.run(
        [sys.executable, "-c", _WORKLOAD], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_answers_and_content_are_immutable():
    r = duloxinfo.Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    now = dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC)
    answers = [
        r,
        duloxinfo.Intake(now, 60),
        duloxinfo.IntakeHistory([]),
        duloxinfo.advise_missed_dose(r, [], now),
        duloxinfo.titration_status(r, [], now),
        duloxinfo.supply_forecast(r, 60, 10, now),
        duloxinfo.LABEL,
        duloxinfo.guide(),
        duloxinfo.guide().how_to_take.starting,
        duloxinfo.seed_claims()[0],
    ]
    for answer in answers:
        name = attrs.fields(type(answer))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(answer, name, None)
    assert isinstance(duloxinfo.guide().about.paragraphs, tuple)
    assert isinstance(duloxinfo.seed_claims(), tuple)
