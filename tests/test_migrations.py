"""The migration corpus runs: legacy programs, fixed with ``--fix --unsafe-fixes``, print on the
current releases what they printed on the legacy ones (issue 22, "Proof").

``tests/migrations/m*.py`` are programs written the way 2019-2024 tutorials and research scripts
were; ``<program>.expected.txt`` is what each printed on qiskit 0.46.3 / qiskit-aer 0.13.3
(recorded by ``tests/migrations/record.py``, which CI never runs). Each program's header says how
its output is compared and which findings are left after the fix:

- ``# compare: exact``: every value equal;
- ``# compare: close``: numbers (complex included) within 1e-6;
- ``# compare: tvd<=X``: a dict of numbers (counts, probabilities) is compared as a normalised
  distribution, within total-variation distance X (sampling, a device snapshot that changed); other
  values as ``close``. Integer outcome keys (V1 ``quasi_dists``) equal their bit strings;
- ``# remaining: QKM... | none``: the findings a check of the fixed program still reports, since
  no fix solves them (no fix may hide one);
- ``# device: NAME``: written for IBM hardware, run on the fake of that device (see runner.py).

``tests/migrations/reference/`` holds each program migrated by hand, the way the guides migrate it:
it passes the same comparison today, which proves the recording and its tolerance can be met, and
it is what the fixes aim at.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from helpers import command

OWN = (Path(__file__).parent / "migrations").resolve()
RUNNER = OWN / "runner.py"
# A reviewer runs held-out programs (recorded with record.py) the same way:
# QKM_MIGRATIONS=FOLDER pytest tests/test_migrations.py
MIGRATIONS = Path(os.environ.get("QKM_MIGRATIONS") or OWN).resolve()
REFERENCE = MIGRATIONS / "reference"
PROGRAMS = sorted(path.stem for path in MIGRATIONS.glob("m[0-9]*.py"))
REFERENCED = [program for program in PROGRAMS if (REFERENCE / f"{program}.py").exists()]
TOLERANCE = 1e-6

# Checks that wait for a fix (issue 22): "runs" (the fixed program prints the recorded results)
# and "remaining" (only the findings the header lists are left). Strict: the day the fix lands,
# the check passes and the entry must go.
BOTH = ("runs", "remaining")
SAMPLER = "the backend.run -> Sampler fix (issue 22 item 4)"
PENDING: dict[str, tuple[tuple[str, ...], str]] = {
    "m10_execute_circuit_list": (("remaining",), f"needs {SAMPLER}"),
    "m31_job_monitor_function": (("remaining",), f"needs {SAMPLER} (inside a function)"),
    "m33_job_monitor_batch": (("remaining",), f"needs {SAMPLER} (in a list comprehension)"),
}


def pending(program: str, check: str) -> Any:
    checks, reason = PENDING.get(program, ((), "")) if MIGRATIONS == OWN else ((), "")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if check in checks else []
    return pytest.param(program, marks=marks, id=program)


def header(program: str, key: str) -> str:
    source = (MIGRATIONS / f"{program}.py").read_text(encoding="utf-8")
    found = re.search(rf"^# {key}: (.+)$", source, re.MULTILINE)
    assert found, f"{program}.py has no '# {key}:' header"
    return found.group(1).strip()


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus after ``check --fix --unsafe-fixes``."""
    folder = tmp_path_factory.mktemp("migrations")
    for program in PROGRAMS:
        shutil.copy(MIGRATIONS / f"{program}.py", folder)
    fixing = command("check", "--fix", "--unsafe-fixes", "--exit-zero", ".", cwd=folder)
    assert fixing.returncode == 0, fixing.stderr
    return folder


def findings(folder: Path) -> dict[str, set[str]]:
    """The codes a check of each program in FOLDER reports."""
    checked = command("check", "--output-format", "json", "--exit-zero", "--no-cache", ".",
                      cwd=folder)
    assert checked.returncode == 0, checked.stderr
    found: dict[str, set[str]] = {path.stem: set() for path in folder.glob("m[0-9]*.py")}
    for finding in json.loads(checked.stdout):
        found[Path(finding["filename"]).stem].add(finding["code"])
    return found


def run_all(folder: Path, programs: list[str], out: Path) -> dict[str, dict[str, str | None]]:
    """What each program of FOLDER printed on the current releases (one interpreter, network
    off)."""
    if not programs:
        return {}
    subprocess.run([sys.executable, str(RUNNER), "--out", str(out),
                    *(str(folder / f"{program}.py") for program in programs)],
                   check=True, capture_output=True, text=True, timeout=300)
    results: dict[str, dict[str, str | None]] = json.loads(out.read_text(encoding="utf-8"))
    return results


@pytest.fixture(scope="module")
def remaining(fixed: Path) -> dict[str, set[str]]:
    return findings(fixed)


@pytest.fixture(scope="module")
def printed(fixed: Path) -> dict[str, dict[str, str | None]]:
    return run_all(fixed, PROGRAMS, fixed / "results.json")


@pytest.fixture(scope="module")
def printed_by_reference(tmp_path_factory: pytest.TempPathFactory) -> dict[
        str, dict[str, str | None]]:
    return run_all(REFERENCE, REFERENCED, tmp_path_factory.mktemp("reference") / "results.json")


# -- comparing results ------------------------------------------------------------------------

def results(output: str) -> list[tuple[str, Any]]:
    pairs = [line.split(": ", 1) for line in output.splitlines()]
    return [(label, ast.literal_eval(value)) for label, value in pairs]


def as_distribution(value: Mapping[Any, Any], width: int) -> dict[str, float]:
    total = sum(value.values())
    return {format(key, f"0{width}b") if isinstance(key, int) else key: count / total
            for key, count in value.items()}


def tvd(expected: Mapping[Any, Any], actual: Mapping[Any, Any]) -> float:
    width = max((len(key) for key in [*expected, *actual] if isinstance(key, str)), default=1)
    p, q = as_distribution(expected, width), as_distribution(actual, width)
    return sum(abs(p.get(key, 0.0) - q.get(key, 0.0)) for key in {*p, *q}) / 2


def is_distribution(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(
        isinstance(number, (int, float)) for number in value.values())


def differences(expected: Any, actual: Any, mode: str, where: str) -> list[str]:
    """Why ACTUAL is not EXPECTED under MODE (empty when it is)."""
    if mode.startswith("tvd<=") and is_distribution(expected) and is_distribution(actual):
        distance = tvd(expected, actual)
        limit = float(mode.removeprefix("tvd<="))
        return [] if distance <= limit else [f"{where}: TVD {distance:.4f} > {limit}"]
    if mode != "exact" and isinstance(expected, (int, float, complex)) and isinstance(
            actual, (int, float, complex)):
        close = abs(expected - actual) <= TOLERANCE
        return [] if close else [f"{where}: {actual!r} != {expected!r}"]
    if (isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple))
            and len(expected) == len(actual) and mode != "exact"):
        return [problem for index, (one, other) in enumerate(zip(expected, actual))
                for problem in differences(one, other, mode, f"{where}[{index}]")]
    if isinstance(expected, dict) and isinstance(actual, dict) and expected.keys() == actual.keys():
        return [problem for key in expected
                for problem in differences(expected[key], actual[key], mode, f"{where}[{key!r}]")]
    return [] if expected == actual else [f"{where}: {actual!r} != {expected!r}"]


# -- the tests --------------------------------------------------------------------------------

def test_every_program_is_recorded() -> None:
    assert PROGRAMS, f"no m*.py program in {MIGRATIONS}"
    if MIGRATIONS == OWN:
        assert len(PROGRAMS) >= 20
        assert REFERENCED == PROGRAMS
    for program in PROGRAMS:
        assert (MIGRATIONS / f"{program}.expected.txt").read_text(encoding="utf-8").strip()
        assert header(program, "compare") in {"exact", "close"} or re.fullmatch(
            r"tvd<=0\.\d+", header(program, "compare"))
    if MIGRATIONS == OWN:
        assert set(PENDING) <= set(PROGRAMS)


def assert_prints_the_recording(program: str, run: dict[str, str | None]) -> None:
    assert run["error"] is None, run["error"]
    expected = results((MIGRATIONS / f"{program}.expected.txt").read_text(encoding="utf-8"))
    actual = results(run["output"] or "")
    assert [label for label, _ in actual] == [label for label, _ in expected]
    mode = header(program, "compare")
    assert [problem for (label, one), (_, other) in zip(expected, actual)
            for problem in differences(one, other, mode, label)] == []


@pytest.mark.parametrize("program", [pending(program, "runs") for program in PROGRAMS])
def test_fixed_program_prints_the_recorded_results(
        program: str, printed: dict[str, dict[str, str | None]]) -> None:
    assert_prints_the_recording(program, printed[program])


@pytest.mark.parametrize("program", REFERENCED)
def test_reference_migration_prints_the_recorded_results(
        program: str, printed_by_reference: dict[str, dict[str, str | None]]) -> None:
    assert_prints_the_recording(program, printed_by_reference[program])


@pytest.mark.skipif(not REFERENCED, reason="the folder has no reference migrations")
def test_reference_migrations_leave_only_the_listed_findings() -> None:
    listed = {program: header(program, "remaining") for program in REFERENCED}
    assert findings(REFERENCE) == {
        program: set() if codes == "none" else set(codes.split())
        for program, codes in listed.items()}


@pytest.mark.parametrize("program", [pending(program, "remaining") for program in PROGRAMS])
def test_only_the_unsolved_findings_remain(program: str, remaining: dict[str, set[str]]) -> None:
    listed = header(program, "remaining")
    assert remaining[program] == (set() if listed == "none" else set(listed.split()))


# -- the comparison itself --------------------------------------------------------------------

def test_tvd_compares_counts_as_distributions() -> None:
    assert tvd({"00": 500, "11": 500}, {"00": 0.5, "11": 0.5}) == 0.0
    assert tvd({"0": 3, "1": 1}, {"0": 1, "1": 1}) == 0.25
    assert tvd({0: 0.5, 3: 0.5}, {"00": 0.5, "11": 0.5}) == 0.0
    assert differences({"0": 3, "1": 1}, {"0": 1, "1": 1}, "tvd<=0.2", "counts") == [
        "counts: TVD 0.2500 > 0.2"]


def test_close_and_exact_differ_on_rounding() -> None:
    assert differences([0.5, 1j], [0.5000001, 1j], "close", "evs") == []
    assert differences([0.5], [0.5000001], "exact", "evs") == ["evs: [0.5000001] != [0.5]"]
    assert differences([(0.7 + 0j)], [(0.7 - 2e-6j)], "close", "state") == [
        "state[0]: (0.7-2e-06j) != (0.7+0j)"]


# -- the runner: network off, the service bound to its real signatures ------------------------

def test_the_runner_blocks_the_network_and_binds_the_swapped_service(tmp_path: Path) -> None:
    (tmp_path / "online.py").write_text(
        "import socket\nsocket.create_connection(('example.com', 443))\n", encoding="utf-8")
    (tmp_path / "wrong_call.py").write_text(
        "# device: quito\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n"
        "QiskitRuntimeService().backend('ibmq_quito', chanel='x')\n", encoding="utf-8")
    (tmp_path / "swapped.py").write_text(
        "# device: quito\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n"
        "print('backend:', QiskitRuntimeService(channel='ibm_quantum_platform')"
        ".backend('ibmq_quito').name)\nprint('Job Status: done')\n", encoding="utf-8")
    out = tmp_path / "results.json"
    subprocess.run([sys.executable, str(RUNNER), "--out", str(out),
                    *(str(tmp_path / name) for name in ("online.py", "wrong_call.py",
                                                        "swapped.py"))],
                   check=True, capture_output=True, text=True, timeout=120)
    ran = json.loads(out.read_text(encoding="utf-8"))
    assert ran["online"]["error"].rstrip().endswith(
        "OSError: network access attempted by a migration program")
    assert ran["wrong_call"]["error"].rstrip().endswith(
        "TypeError: got an unexpected keyword argument 'chanel'")
    assert ran["swapped"] == {"output": "backend: fake_quito\n", "error": None}


# -- safe fixes keep what a program prints (on the legacy releases, where it runs) ------------

LEGACY_PYTHON = os.environ.get("QKM_LEGACY_PYTHON")


@pytest.mark.skipif(not LEGACY_PYTHON, reason="set QKM_LEGACY_PYTHON to the interpreter of "
                    "the environment record.py builds (CI does not build it)")
def test_safe_fixes_keep_the_recorded_results(tmp_path: Path) -> None:
    for program in PROGRAMS:
        shutil.copy(MIGRATIONS / f"{program}.py", tmp_path)
    fixing = command("check", "--fix", "--exit-zero", "--no-cache", ".", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    out = tmp_path / "results.json"
    subprocess.run([str(LEGACY_PYTHON), str(RUNNER), "--out", str(out),
                    *(str(tmp_path / f"{program}.py") for program in PROGRAMS)],
                   check=True, capture_output=True, text=True, timeout=300)
    ran = json.loads(out.read_text(encoding="utf-8"))
    for program in PROGRAMS:
        assert_prints_the_recording(program, ran[program])
