"""Issue 25, item 1: the keyword options of a call the heuristics report (QKM104) are reported
with their V2 homes, and the V1 result reads of a call QKM309 found follow it; both go with
their heuristic when it is ignored (command and flake8 alike)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from flake8_qiskit_migrate.engine import check
from helpers import command

HEURISTIC = (
    "import qiskit\n"
    "\n"
    "\n"
    "def sample(backend, estimator, qc, obs):\n"
    "    backend.run(qc, shots=100, memory=True, noise_model=nm, **extra)\n"
    "    estimator.run(qc, obs).result().values\n"
    "    app.run(debug=True)\n"
)


def findings(source: str) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col + 1, f.code, f.gated_by)
            for f in check(ast.parse(source), source)]


def test_options_of_a_by_name_run_are_reported_gated_by_qkm104() -> None:
    assert findings(HEURISTIC) == [
        (5, 5, "QKM104", ""),
        (5, 21, "QKM401", "QKM104"),
        (5, 32, "QKM402", "QKM104"),
        (5, 45, "QKM417", "QKM104"),
        (5, 61, "QKM418", "QKM104"),
        (6, 5, "QKM308", "QKM309"),  # two changes on one line: the field and the call
        (6, 5, "QKM309", ""),
    ]


def test_the_option_messages_name_their_v2_homes() -> None:
    source = HEURISTIC
    found = {f.code: f.message for f in check(ast.parse(source), source)}
    assert found["QKM401"].startswith("QKM401 run option 'shots=' of backend.run/execute: use "
                                      "the shots of the PUB")
    assert "result[0].data.<register>.get_bitstrings()" in found["QKM402"]


def test_traps_stay_silent() -> None:
    source = (
        "import qiskit, subprocess, asyncio\n"
        "subprocess.run(['ls'], check=True)\n"
        "asyncio.run(main(), debug=True)\n"
        "app.run(host='0.0.0.0', port=80)\n"
        "sim.run([(circuit,)], shots=10)\n"  # the V2 PUB shape: a primitive, not a backend
    )
    assert findings(source) == []


def codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [json.loads(line)["code"] for line in result.stdout.splitlines()]


def test_command_ignoring_a_heuristic_silences_what_follows_from_it(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(HEURISTIC)
    base = ("check", "--output-format", "json-lines", "a.py")
    assert codes(command(*base, cwd=tmp_path)) == [
        "QKM104", "QKM401", "QKM402", "QKM417", "QKM418", "QKM308", "QKM309"]
    assert codes(command(*base, "--ignore", "QKM104", cwd=tmp_path)) == ["QKM308", "QKM309"]
    assert codes(command(*base, "--ignore", "QKM309", cwd=tmp_path)) == [
        "QKM104", "QKM401", "QKM402", "QKM417", "QKM418"]
    # Selecting only the options shows none: the call they belong to is not selected.
    assert codes(command(*base, "--select", "QKM4", cwd=tmp_path)) == []


def test_a_proven_call_keeps_its_options_when_its_rule_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "from qiskit_aer import AerSimulator\nAerSimulator().run(qc, shots=5)\n")
    result = command("check", "--output-format", "json-lines", "--ignore", "QKM103", "a.py",
                     cwd=tmp_path)
    assert codes(result) == ["QKM401"]


def flake8(*args: str, cwd: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", "QKM",
                             *args], cwd=cwd, capture_output=True, text=True, check=False)
    return [line.split(": ", 1)[1][:6] for line in result.stdout.splitlines()]


def test_flake8_ignoring_a_heuristic_silences_what_follows_from_it(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(HEURISTIC)
    assert flake8("a.py", cwd=tmp_path) == [
        "QKM104", "QKM401", "QKM402", "QKM417", "QKM418", "QKM308", "QKM309"]
    assert flake8("--extend-ignore", "QKM104", "a.py", cwd=tmp_path) == ["QKM308", "QKM309"]
    assert flake8("--ignore", "QKM309", "a.py", cwd=tmp_path) == [
        "QKM104", "QKM401", "QKM402", "QKM417", "QKM418"]
