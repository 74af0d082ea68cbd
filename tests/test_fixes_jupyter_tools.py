"""QKM212 on real legacy code (issue 22, item 6): `job_monitor(job)` statements of every shape
go with their import and the unused names beside it; `import qiskit.tools.jupyter` goes with
every magic it registered, which are reported (at the `%`) in notebooks; deletion fixes may span
notebook cells, made in all of them or none."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from helpers import command
from lsp_support import CONFIG, apply_text_edits, codes, diagnostics, edits_of, start
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_qiskit_migrate.core.fixing import _cells_fixed
from flake8_qiskit_migrate.edits import Edit, apply
from flake8_qiskit_migrate.engine import check

URL = "(https://quantum.cloud.ibm.com/docs/migration-guides/qiskit-1.0-features#monitor)"


def offered(source: str) -> list[tuple[int, int, bool]]:
    """(line, 1-based column, whether a fix is offered) of each QKM212 finding."""
    return [(f.line, f.col + 1, bool(f.edits)) for f in check(ast.parse(source), source)
            if f.code == "QKM212"]


def fixed(source: str) -> str:
    text, _ = apply(source, [f.edits for f in check(ast.parse(source), source)
                             if f.edits and f.code == "QKM212"])
    return text


def notebook(*cells: str) -> str:
    return json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                   "source": cell.splitlines(keepends=True)} for cell in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def cells_of(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]


# -- job_monitor: every statement shape, the import's other names ------------------------------
LOOPED = """\
from qiskit.tools.monitor import job_monitor, backend_monitor, backend_overview
jobs = [backend.run(c) for c in circuits]
for job in jobs:
    job_monitor(job, interval=2, quiet=True)
def wait(job):
    job_monitor(job)
backend_monitor(backend)
"""


def test_job_monitor_with_keywords_in_a_loop_and_alone_in_a_function() -> None:
    assert offered(LOOPED) == [(1, 34, True), (1, 47, False), (1, 64, True), (4, 5, True),
                               (6, 5, True), (7, 1, False)]
    assert fixed(LOOPED) == """\
from qiskit.tools.monitor import backend_monitor
jobs = [backend.run(c) for c in circuits]
for job in jobs:
    pass
def wait(job):
    pass
backend_monitor(backend)
"""


def test_unused_names_of_the_import_go_with_it() -> None:
    source = ("from qiskit.tools.monitor import (backend_overview, job_monitor,\n"
              "                                  backend_monitor)\n"
              "import numpy\njob_monitor(job)\nprint(job.result())\n")
    assert fixed(source) == "import numpy\nprint(job.result())\n"
    # The last names go from the kept one before them; the first up to the kept one after.
    source = "from qiskit.tools.monitor import job_monitor, backend_overview, backend_monitor\n"
    assert fixed(source + "backend_monitor(b)\n") == (
        "from qiskit.tools.monitor import backend_monitor\nbackend_monitor(b)\n")
    assert fixed("from qiskit.tools.monitor import backend_monitor, job_monitor, "
                 "backend_overview\nbackend_monitor(b)\n") == (
        "from qiskit.tools.monitor import backend_monitor\nbackend_monitor(b)\n")
    # Alone and unused, backend_overview's import goes: the module is gone in Qiskit 1.0.
    assert fixed("from qiskit.tools.monitor import backend_overview\nx = 1\n") == "x = 1\n"


def test_job_monitor_of_an_item_goes_a_call_in_its_arguments_stays() -> None:
    source = ("from qiskit.tools.monitor import job_monitor\n"
              "job_monitor(jobs[0])\njob_monitor(jobs[i], output=sys.stdout)\n")
    assert fixed(source) == ""
    for argument in ("jobs[next(it)]", "backend.run(qc)", "jobs()[0]"):
        call = f"from qiskit.tools.monitor import job_monitor\njob_monitor({argument})\n"
        assert offered(call) == [(1, 34, False), (2, 1, False)], argument


def test_no_job_monitor_fix_where_its_result_is_a_value_or_the_name_is_the_users() -> None:
    for use in ("status = job_monitor(job)", "print(job_monitor(job))",
                "if job_monitor(job):\n    pass"):
        source = f"from qiskit.tools.monitor import job_monitor\njob_monitor(job)\n{use}\n"
        assert not any(fix for *_, fix in offered(source)), use
    own = "def job_monitor(job):\n    print(job)\njob_monitor(job)\n"
    assert offered(own) == []  # not Qiskit's: not reported, nothing fixed


# -- import qiskit.tools.jupyter in modules ----------------------------------------------------
def test_jupyter_import_goes_keeping_the_other_names_and_qiskit() -> None:
    source = "import qiskit\nimport numpy, qiskit.tools.jupyter\nprint(qiskit.__version__)\n"
    assert offered(source) == [(2, 15, True)]
    assert fixed(source) == "import qiskit\nimport numpy\nprint(qiskit.__version__)\n"
    star = "from qiskit.tools.jupyter import *\nfrom qiskit import QuantumCircuit\n"
    assert fixed(star) == "from qiskit import QuantumCircuit\n"


def test_the_only_qiskit_import_becomes_import_qiskit_where_qiskit_is_read() -> None:
    # ``import qiskit.tools.jupyter`` binds ``qiskit``: read elsewhere, it stays bound there.
    source = "import qiskit.tools.jupyter\nprint(qiskit.__version__)\n"
    assert offered(source) == [(1, 8, True)]
    assert fixed(source) == "import qiskit\nprint(qiskit.__version__)\n"
    two = "import numpy, qiskit.tools.jupyter\nimport qiskit.tools.jupyter\nqiskit.x\n"
    assert fixed(two) == "import numpy, qiskit\nqiskit.x\n"


def test_no_jupyter_fix_where_a_name_it_binds_is_read() -> None:
    for source in (
            "import qiskit\nimport qiskit.tools.jupyter\nqiskit.tools.jupyter.HTMLProgressBar()\n",
            "from qiskit.tools.jupyter import *\nHTMLProgressBar()\n",
            "from qiskit.tools.jupyter import HTMLProgressBar\nHTMLProgressBar()\n",
            "from qiskit.tools import jupyter\njupyter.HTMLProgressBar()\n",
            "try:\n    import qiskit.tools.jupyter\nexcept ImportError:\n    pass\n"):
        assert offered(source) and not any(fix for *_, fix in offered(source)), source
    # A star import's name bound again by the module is the module's own.
    source = "from qiskit.tools.jupyter import *\nimport warnings\nwarnings.warn('x')\n"
    assert fixed(source) == "import warnings\nwarnings.warn('x')\n"


def test_exported_notebook_magic_calls_are_reported_and_go_with_the_import() -> None:
    source = ("import qiskit.tools.jupyter\n"
              "get_ipython().run_line_magic('qiskit_version_table', '')\n"
              "get_ipython().run_line_magic('matplotlib', 'inline')\n"
              "if True:\n    get_ipython().run_line_magic('qiskit_copyright', '')\n")
    findings = [(f.line, f.col + 1, f.name, bool(f.edits))
                for f in check(ast.parse(source), source) if f.code == "QKM212"]
    assert findings == [(1, 8, "qiskit.tools.jupyter", True), (2, 1, "%qiskit_version_table", True),
                        (5, 5, "%qiskit_copyright", True)]
    assert fixed(source) == ("get_ipython().run_line_magic('matplotlib', 'inline')\n"
                             "if True:\n    pass\n")
    assigned = ("import qiskit.tools.jupyter\n"
                "bar = get_ipython().run_line_magic('qiskit_progress_bar', '')\n")
    assert offered(assigned) == [(1, 8, False), (2, 7, False)]


def test_fixed_module_runs_on_todays_qiskit(tmp_path: Path) -> None:
    program = tmp_path / "legacy.py"
    program.write_text("""\
import qiskit
import qiskit.tools.jupyter
from qiskit.tools.monitor import job_monitor, backend_overview
from qiskit_aer import AerSimulator
from qiskit import QuantumCircuit, transpile

backend = AerSimulator(seed_simulator=3)
qc = QuantumCircuit(1, 1)
qc.x(0)
qc.measure(0, 0)
for shots in (10, 20):
    job = backend.run(transpile(qc, backend), shots=shots)
    job_monitor(job, interval=0.5)
    print(shots, job.result().get_counts(), qiskit.__version__ > "1")
""")
    result = command("check", "--fix", "--unsafe-fixes", "--select", "QKM212", "legacy.py",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                         check=False)
    assert (run.returncode, run.stdout) == (0, "10 {'1': 10} True\n20 {'1': 20} True\n"), run.stderr


# -- notebooks: the magics, reported and fixed with their import -------------------------------
LEGACY_NOTEBOOK = (
    "from qiskit import QuantumCircuit, transpile\n"
    "from qiskit.tools.monitor import job_monitor, backend_overview\n"
    "import qiskit.tools.jupyter\n"
    "%qiskit_job_watcher",
    "qc = QuantumCircuit(1, 1)\nqc.measure(0, 0)\n"
    "job = backend.run(transpile(qc, backend))\n"
    "job_monitor(job, interval=2)",
    "if job:\n    job_monitor(job)\nprint(job.result().get_counts())",
    "%qiskit_version_table\n%qiskit_copyright",
)


def test_magics_are_reported_at_the_percent_sign(tmp_path: Path) -> None:
    (tmp_path / "nb.ipynb").write_text(notebook(*LEGACY_NOTEBOOK))
    report = json.loads(command("check", "--output-format", "json", "--select", "QKM212",
                                "--unsafe-fixes", "nb.ipynb", cwd=tmp_path).stdout)
    magics = [(d["cell"], d["location"], d["end_location"], d["message"].split(":")[0],
               d["fix"]["applicability"]) for d in report if "%" in d["message"]]
    assert magics == [
        (1, {"row": 4, "column": 1}, {"row": 4, "column": 20},
         "'%qiskit_job_watcher' was removed in Qiskit 1.0", "unsafe"),
        (4, {"row": 1, "column": 1}, {"row": 1, "column": 22},
         "'%qiskit_version_table' was removed in Qiskit 1.0", "unsafe"),
        (4, {"row": 2, "column": 1}, {"row": 2, "column": 18},
         "'%qiskit_copyright' was removed in Qiskit 1.0", "unsafe")]
    text = command("check", "--select", "QKM212", "nb.ipynb", cwd=tmp_path).stdout
    assert (f"nb.ipynb:cell 4:1:1: QKM212 '%qiskit_version_table' was removed in Qiskit 1.0: "
            f"use 'nothing: print qiskit.__version__ for the version table' {URL}"
            ) in text.splitlines()


def test_notebook_fix_removes_imports_calls_and_magics_in_every_cell(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(*LEGACY_NOTEBOOK))
    result = command("check", "--fix", "--unsafe-fixes", "--select", "QKM212", "nb.ipynb",
                     cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert cells_of(path) == [
        "from qiskit import QuantumCircuit, transpile",
        "qc = QuantumCircuit(1, 1)\nqc.measure(0, 0)\njob = backend.run(transpile(qc, backend))",
        "if job:\n    pass\nprint(job.result().get_counts())",
        ""]
    again = command("check", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
    assert "QKM212" not in again.stdout


def test_a_notebook_reading_qiskit_keeps_import_qiskit_where_the_magics_were(
        tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook("from qiskit import *\nqc = QuantumCircuit(1)",
                             "print(qiskit.__version__)",
                             "import qiskit.tools.jupyter\n%qiskit_version_table\n"
                             "%qiskit_copyright"))
    result = command("check", "--fix", "--unsafe-fixes", "--select", "QKM212", "nb.ipynb",
                     cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert cells_of(path) == ["from qiskit import *\nqc = QuantumCircuit(1)",
                              "print(qiskit.__version__)", "import qiskit"]


def test_no_jupyter_fix_where_a_magic_is_not_a_line_of_its_own(tmp_path: Path) -> None:
    for cell in ("bar = %qiskit_progress_bar", "%%qiskit_job_status\njob = run()",
                 "if x:\n    %qiskit_version_table"):
        path = tmp_path / "nb.ipynb"
        path.write_text(notebook("import qiskit.tools.jupyter", cell))
        before = path.read_text()
        report = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                                    "nb.ipynb", cwd=tmp_path).stdout)
        assert [d["code"] for d in report] == ["QKM212"] * len(report) and report, cell
        assert all(d["fix"] is None for d in report), cell
        command("check", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
        assert path.read_text() == before, cell


def test_magics_without_their_import_are_removed_too(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook("x = 1\n%qiskit_version_table\n%matplotlib inline\ny = 2"))
    command("check", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
    assert cells_of(path) == ["x = 1\n%matplotlib inline\ny = 2"]  # another magic stays


# -- the machinery: a fix of several cells is made in all of them or none ----------------------
def test_a_fix_spanning_cells_is_dropped_where_one_cell_cannot_take_it() -> None:
    codes = {1: "import a\nimport b", 2: "if x:\n    f()\ng()"}
    spanning = {1: (Edit(1, 1, 2, 1, ""),), 2: (Edit(2, 5, 2, 8, ""),)}  # cell 2: no body
    single = {1: (Edit(2, 8, 2, 9, "c"),)}
    assert _cells_fixed(codes, {10: spanning, 11: single}) == {1: "import a\nimport c"}
    works = {1: (Edit(1, 1, 2, 1, ""),), 2: (Edit(2, 5, 2, 8, "pass"),)}
    assert _cells_fixed(codes, {10: works}) == {1: "import b", 2: "if x:\n    pass\ng()"}


def test_a_rewrite_changing_a_magic_line_is_dropped() -> None:
    codes = {1: "x = 1\n%time f()\ny = 2"}
    replaced = {1: (Edit(1, 1, 3, 1, "z = 3\n"),)}  # replaces the magic with other code
    assert _cells_fixed(codes, {1: replaced}) == {}
    deleted = {1: (Edit(1, 1, 3, 1, ""),)}  # deletes it whole, with other code
    assert _cells_fixed(codes, {1: deleted}) == {1: "y = 2"}
    partial = {1: (Edit(2, 3, 2, 5, ""),)}  # a part of the magic line
    assert _cells_fixed(codes, {1: partial}) == {}


# -- the server: each edit lands in its own cell -----------------------------------------------
@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_server_fix_all_deletes_a_cells_last_line_inside_that_cell(
        client: LanguageClient, tmp_path: Path) -> None:
    await start(client, tmp_path, "vscode", settings={"unsafeFixes": True})
    notebook = (tmp_path / "legacy.ipynb").as_uri()
    cells = [f"{notebook}#cell{n}" for n in (1, 2)]
    texts = ["job = backend.run(qc)\nfrom qiskit.tools.monitor import job_monitor",
             "print(job.result())\njob_monitor(job)"]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
        types.NotebookDocument(notebook, "jupyter-notebook", 1, [
            types.NotebookCell(types.NotebookCellKind.Code, uri) for uri in cells]),
        [types.TextDocumentItem(uri, "python", 1, text) for uri, text in zip(cells, texts)]))
    found = await diagnostics(client, cells[1], lambda f: "QKM212" in codes(f))
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(cells[1]), found[0].range,
        types.CodeActionContext([], only=["notebook.source.fixAll"])))
    action = [a for a in result or [] if isinstance(a, types.CodeAction)][0]
    action = await client.code_action_resolve_async(action)  # VS Code asks for the edit
    assert action.edit is not None
    edits = edits_of(action.edit)
    assert [apply_text_edits(text, edits[uri]) for uri, text in zip(cells, texts)] == [
        "job = backend.run(qc)", "print(job.result())"]
