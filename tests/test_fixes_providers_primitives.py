"""Issue 22 items 5-7: fixes that migrate whole chains. ``job_monitor`` statements and their
import go together (QKM212); V1 reference primitives become V2 with class, call shape and
result read rewritten together (QKM307/QKM308); and the IBMQ provider chain becomes a
``QiskitRuntimeService`` chain. Migrated programs are run with today's releases."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import command

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check


def offered(source: str, code: str) -> list[tuple[int, int, bool]]:
    """(line, 1-based column, whether a fix is offered) of every finding of ``code``."""
    return [(f.line, f.col + 1, bool(f.edits)) for f in check(ast.parse(source), source)
            if f.code == code]


def fixed(source: str, codes: set[str]) -> str:
    text, _ = apply(source, [f.edits for f in check(ast.parse(source), source)
                             if f.edits and f.code in codes])
    return text


# -- item 6: job_monitor ----------------------------------------------------------------------
MONITORED = """\
from qiskit.tools.monitor import job_monitor, backend_monitor
from qiskit.tools import job_monitor as jm
job = backend.run(qc)
job_monitor(job)
jm(job, interval=2)  # watch
if job:
    job_monitor(job)
    jm(job)
else:
    print(1)
for i in range(2):
    jm(job, output=sys.stdout)
    print(i)
print(job.result())
"""
MONITOR_REMOVED = """\
from qiskit.tools.monitor import backend_monitor
job = backend.run(qc)
if job:
    pass
else:
    print(1)
for i in range(2):
    print(i)
print(job.result())
"""


def test_job_monitor_calls_and_imports_go_in_one_fix() -> None:
    assert offered(MONITORED, "QKM212") == [
        (1, 34, True), (1, 47, False),  # backend_monitor stays, unfixed
        (2, 26, True), (4, 1, True), (5, 1, True), (7, 5, True), (8, 5, True), (12, 5, True)]
    fixes = {f.edits for f in check(ast.parse(MONITORED), MONITORED) if f.edits}
    assert len(fixes) == 1  # every finding carries the whole rewrite
    assert fixed(MONITORED, {"QKM212"}) == MONITOR_REMOVED


def test_job_monitor_no_fix_where_a_use_is_not_a_plain_statement() -> None:
    for use in ("status = job_monitor(job)", "callbacks = [job_monitor]",
                "job_monitor(backend.run(qc))", "a = 1; job_monitor(job)",
                "def job_monitor(job):\n    pass"):
        source = f"from qiskit.tools.monitor import job_monitor\njob_monitor(job)\n{use}\n"
        assert not any(fix for *_, fix in offered(source, "QKM212")), use


def test_job_monitor_no_fix_inside_a_try() -> None:
    source = ("from qiskit.tools.monitor import job_monitor\n"
              "try:\n    job_monitor(job)\nexcept KeyboardInterrupt:\n    pass\n")
    assert offered(source, "QKM212") == [(1, 34, False), (3, 5, False)]


def test_job_monitor_fix_through_the_command(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(MONITORED)
    result = command("check", "--fix", "--unsafe-fixes", "--select", "QKM212", "m.py",
                     cwd=tmp_path)
    assert (tmp_path / "m.py").read_text() == MONITOR_REMOVED
    assert result.stdout.splitlines() == [
        "m.py:1:34: QKM212 'qiskit.tools.monitor.backend_monitor' was removed in Qiskit 1.0: "
        "use 'job.status() in a loop, or the IBM Quantum dashboard' "
        "(https://quantum.cloud.ibm.com/docs/migration-guides/qiskit-1.0-features#monitor)"]
    assert result.returncode == 1


def test_job_monitor_fix_that_would_span_notebook_cells_is_not_applied(tmp_path: Path) -> None:
    import json
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": [text]} for text in (
                  "from qiskit.tools.monitor import job_monitor\n", "job_monitor(job)\n")]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                           "nbformat_minor": 5}, indent=1)
    (tmp_path / "n.ipynb").write_text(notebook)
    command("check", "--fix", "--unsafe-fixes", "n.ipynb", cwd=tmp_path)
    assert (tmp_path / "n.ipynb").read_text() == notebook
