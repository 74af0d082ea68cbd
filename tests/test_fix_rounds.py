"""``--fix`` rounds: each text is checked once. The last round's check of the fixed text is the
report (never a second check of it), and the fixed text's tree, parsed to prove it parses, is
the one that check walks. The report must be exactly what a check of the written file finds."""

from __future__ import annotations

import ast
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from flake8_qiskit_migrate.core import baseline, diagnostics, fixing, runner, sources
from flake8_qiskit_migrate.core.filters import Selection
from flake8_qiskit_migrate.core.unchecked import SYNTAX, Unchecked
from flake8_qiskit_migrate.registry import Settings

TESTS = Path(__file__).parent
PROGRAMS = sorted((TESTS / "fixtures").glob("*.py")) + sorted(
    (TESTS / "migrations").glob("m[0-9]*.py"))
SELECTION = Selection.build(None, [], [])
THREE_FIXES = """\
from qiskit_ibm_runtime import EstimatorV2, QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService()
backend = service.backend("ibm_brisbane")
with Session(service=service, backend=backend) as session:
    sampler = SamplerV2(session=session)
estimator = EstimatorV2(backend=backend)
"""
FIXED = """\
from qiskit_ibm_runtime import EstimatorV2, QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService()
backend = service.backend("ibm_brisbane")
with Session(backend=backend) as session:
    sampler = SamplerV2(mode=session)
estimator = EstimatorV2(mode=backend)
"""
# The second name goes in the first round; the statement, left with none, in the second.
TWO_ROUNDS = """\
from qiskit.providers.ibmq import job_manager
from qiskit.providers.ibmq import least_busy, job_monitor as monitor
print(job_manager)
"""


def job(with_fixes: bool = False, write: bool = True, unsafe: bool = True,
        recorded: Counter[baseline.Key] | None = None, root: str = "") -> runner.Job:
    return runner.Job(SELECTION, Settings(), with_fixes=with_fixes,
                      fix=runner.FixRequest(unsafe, write=write, baseline=recorded, root=root))


def fresh_check(path: Path, with_fixes: bool) -> list[diagnostics.Diagnostic]:
    """What a plain check of the file as it is on disk now reports."""
    outcome = runner.check_source(sources.read(str(path)),
                                  runner.Job(SELECTION, Settings(), with_fixes=with_fixes))
    assert outcome.problem is None
    return outcome.diagnostics


@pytest.mark.parametrize("with_fixes", [False, True], ids=["concise", "json"])
@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_the_report_after_fix_is_a_check_of_the_written_file(
        tmp_path: Path, program: Path, with_fixes: bool) -> None:
    path = tmp_path / program.name
    shutil.copyfile(program, path)
    outcome = runner.check_source(sources.read(str(path)), job(with_fixes))
    assert outcome.problem is None
    assert outcome.diagnostics == fresh_check(path, with_fixes)
    if outcome.change is not None:
        assert path.read_text(encoding="utf-8") == outcome.change.after


def test_a_notebook_fixed_across_cells_reports_what_its_check_finds(tmp_path: Path) -> None:
    path = tmp_path / "legacy.ipynb"
    path.write_text(json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                   "source": source} for source in (
            "from qiskit import QuantumCircuit, assemble\nfrom qiskit_aer import AerSimulator\n"
            "sim = AerSimulator()\n",
            "qc = QuantumCircuit(1, 1)\nqc.x(0)\nqc.measure(0, 0)\nqobj = assemble(qc, shots=7)\n"
            "print(sim.run(qobj).result().get_counts())\n",
            "from qiskit import IBMQ\nprint(IBMQ)\n")],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    outcome = runner.check_source(sources.read(str(path)), job(with_fixes=True))
    assert outcome.change is not None and outcome.before == 4
    assert outcome.diagnostics == fresh_check(path, with_fixes=True)
    assert [(d.code, d.cell, d.row) for d in outcome.diagnostics] == [("QKM203", 3, 1)]


class Counted:
    """How many times the runner checks a text, and how many times anything parses one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.checks: list[str] = []
        self.parses = 0
        diagnose, parse = runner.diagnose, ast.parse

        def counted_diagnose(source: sources.Source, *args: Any, **kwargs: Any) -> Any:
            self.checks.append(source.code)
            return diagnose(source, *args, **kwargs)

        def counted_parse(*args: Any, **kwargs: Any) -> Any:
            self.parses += 1
            return parse(*args, **kwargs)
        monkeypatch.setattr(runner, "diagnose", counted_diagnose)
        monkeypatch.setattr(ast, "parse", counted_parse)


@pytest.mark.parametrize("write", [True, False], ids=["fix", "diff"])
def test_one_round_checks_and_parses_the_fixed_text_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: bool) -> None:
    path = tmp_path / "a.py"
    path.write_text(THREE_FIXES)
    counted = Counted(monkeypatch)
    outcome = runner.check_source(sources.read(str(path)), job(write=write))
    assert outcome.change is not None and outcome.change.after == FIXED
    assert counted.checks == [THREE_FIXES, FIXED]  # the original, then the fixed text, once
    assert counted.parses == 2
    assert path.read_text() == (FIXED if write else THREE_FIXES)
    assert [d.code for d in outcome.diagnostics] == (
        [] if write else ["QKM414", "QKM412", "QKM413"])
    assert outcome.before == 3


def test_a_second_round_checks_each_new_text_once(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.py"
    path.write_text(TWO_ROUNDS)
    counted = Counted(monkeypatch)
    outcome = runner.check_source(sources.read(str(path)), job())
    final = "from qiskit.providers.ibmq import job_manager\nprint(job_manager)\n"
    assert path.read_text() == final
    assert len(counted.checks) == 3 and counted.checks[-1] == final
    assert counted.parses == 3
    assert [d.code for d in outcome.diagnostics] == ["QKM202"]  # job_manager: no fix
    assert outcome.diagnostics == fresh_check(path, with_fixes=False)


def test_a_file_without_an_allowed_fix_is_checked_once(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.py"
    path.write_text('from qiskit_ibm_runtime import QiskitRuntimeService\n'
                    'QiskitRuntimeService(channel="ibm_quantum")\n')  # QKM501: unsafe only
    counted = Counted(monkeypatch)
    outcome = runner.check_source(sources.read(str(path)), job(unsafe=False))
    assert outcome.change is None and len(counted.checks) == 1
    assert [d.code for d in outcome.diagnostics] == ["QKM501"]


def test_a_baseline_finding_is_left_and_reported_by_the_last_check(tmp_path: Path) -> None:
    """The rounds fix what the baseline does not hold; the report is every finding of the
    fixed text, the baseline's included (the command subtracts those afterwards)."""
    path = tmp_path / "a.py"
    path.write_text(THREE_FIXES)
    first = fresh_check(path, with_fixes=False)
    recorded = Counter(baseline.key(d, str(tmp_path)) for d in first if d.code == "QKM412")
    outcome = runner.check_source(sources.read(str(path)), job(recorded=recorded,
                                                               root=str(tmp_path)))
    assert "SamplerV2(session=session)" in path.read_text()
    assert "EstimatorV2(mode=backend)" in path.read_text()
    assert [d.code for d in outcome.diagnostics] == ["QKM412"]
    assert outcome.diagnostics == fresh_check(path, with_fixes=False)


def test_a_fixed_text_that_cannot_be_read_back_is_never_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a round's notebook text not a notebook any more (a bug), the rounds stop at the
    text before it: the file is not emptied, and its findings stay."""
    path = tmp_path / "a.py"
    path.write_text(THREE_FIXES)

    def unreadable(name: str, text: str) -> sources.Source:
        return sources.Source(name, error=Unchecked(name, SYNTAX, "invalid notebook"))
    monkeypatch.setattr(fixing, "redecode", unreadable)
    outcome = runner.check_source(sources.read(str(path)), job())
    assert outcome.change is None and path.read_text() == THREE_FIXES
    assert [d.code for d in outcome.diagnostics] == ["QKM414", "QKM412", "QKM413"]
