"""Fixes are what they claim (issue 21, section 6): a fix is offered only where its precondition
is proven, never for one step of a chain whose other steps still use the old object, never
inside a ``try`` whose handler catches an exception of the old API, and, in notebooks, never
when its edits would span cells. Where a fix is not offered the finding stays, unmarked."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from helpers import command

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check


def offered(source: str) -> list[tuple[str, int, int, bool]]:
    """(code, line, 1-based column, whether a fix is offered) of every finding."""
    return [(f.code, f.line, f.col + 1, bool(f.edits)) for f in check(ast.parse(source), source)]


def fixed(source: str) -> str:
    """The source with every offered fix applied once (the fixes here never overlap)."""
    text, _ = apply(source, [f.edits for f in check(ast.parse(source), source) if f.edits])
    return text


def marks(result_stdout: str) -> list[str]:
    """``row:col CODE`` with `` [*]`` for each finding the run marks fixable."""
    found = []
    for line in result_stdout.splitlines():
        place, code, rest = line.split(" ", 2)
        found.append(f"{place.split(':', 1)[1].rstrip(':')} {code}"
                     + (" [*]" if rest.startswith("[*]") else ""))
    return found


# -- QKM414: drop ``service=`` only where the backend is proven a backend object --------------
SESSIONS = """\
from qiskit_ibm_runtime import IBMBackend, QiskitRuntimeService, Session
service = QiskitRuntimeService()
name = "ibm_kyiv"
backend = service.backend(name)
Session(service=service, backend=name)
Session(service=service, backend=backend.name)
Session(service=service, backend=backend.name())
Session(service=service, backend=backend)
Session(service, service.least_busy())


def run(device: IBMBackend, other):
    Session(service=service, backend=device)
    Session(service=service, backend=other)
"""
SESSIONS_FIXED = SESSIONS.replace(
    "Session(service=service, backend=backend)\n", "Session(backend=backend)\n").replace(
    "Session(service, service.least_busy())", "Session(service.least_busy())").replace(
    "Session(service=service, backend=device)", "Session(backend=device)").replace(
    "backend=backend.name())", "backend=backend.name)")  # QKM707: name is a property of V2


def test_qkm414_fix_only_where_the_backend_is_a_backend_object() -> None:
    assert offered(SESSIONS) == [
        ("QKM414", 5, 9, False),  # a variable bound to "ibm_kyiv"
        ("QKM415", 5, 34, False),  # ... which is a backend given by name
        ("QKM414", 6, 9, False),  # backend.name
        ("QKM415", 6, 34, False),
        ("QKM414", 7, 9, False),  # backend.name()
        ("QKM415", 7, 34, False),
        ("QKM707", 7, 34, True),  # ... and name is a string attribute of a V2 backend
        ("QKM414", 8, 9, True),  # service.backend(name)
        ("QKM414", 9, 9, True),  # positional service, service.least_busy()
        ("QKM414", 13, 13, True),  # a parameter annotated IBMBackend
        ("QKM414", 14, 13, False),  # an unknown parameter
    ]
    assert fixed(SESSIONS) == SESSIONS_FIXED


def test_qkm414_names_stay_reported_after_fix(tmp_path: Path) -> None:
    (tmp_path / "s.py").write_text(SESSIONS)
    diff = command("check", "--diff", "s.py", cwd=tmp_path)
    assert diff.returncode == 1
    assert diff.stdout.splitlines()[2:] == [
        "@@ -4,11 +4,11 @@",
        " backend = service.backend(name)",
        " Session(service=service, backend=name)",
        " Session(service=service, backend=backend.name)",
        "-Session(service=service, backend=backend.name())",
        "-Session(service=service, backend=backend)",
        "-Session(service, service.least_busy())",
        "+Session(service=service, backend=backend.name)",
        "+Session(backend=backend)",
        "+Session(service.least_busy())",
        " ",
        " ",
        " def run(device: IBMBackend, other):",
        "-    Session(service=service, backend=device)",
        "+    Session(backend=device)",
        "     Session(service=service, backend=other)",
    ]
    result = command("check", "--fix", "s.py", cwd=tmp_path)
    assert (tmp_path / "s.py").read_text() == SESSIONS_FIXED
    assert (result.returncode, marks(result.stdout)) == (
        1, ["5:9 QKM414", "5:34 QKM415", "6:9 QKM414", "6:34 QKM415", "7:9 QKM414",
            "7:34 QKM415", "14:13 QKM414"])  # the fixed backend.name is still a name


# -- QKM413 / QKM412: ``mode=`` takes no backend name, and V1 classes are left alone ----------
PRIMITIVES = """\
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV1, SamplerV2, Session
name = "ibm_kyiv"
backend = QiskitRuntimeService().least_busy()
SamplerV2(backend=name)
SamplerV2(backend=backend.name)
SamplerV2(backend=backend)
with Session(backend=backend) as session:
    SamplerV2(session=session)
    SamplerV1(session=session)
"""


def test_backend_keyword_becomes_mode_only_for_a_backend_object() -> None:
    assert [f for f in offered(PRIMITIVES) if f[0] in ("QKM412", "QKM413")] == [
        ("QKM413", 4, 11, False),
        ("QKM413", 5, 11, False),
        ("QKM413", 6, 11, True),
        ("QKM412", 8, 15, True),
        ("QKM412", 9, 15, False),  # SamplerV1: its mode= cannot be checked
    ]
    assert fixed(PRIMITIVES) == PRIMITIVES.replace(
        "SamplerV2(backend=backend)", "SamplerV2(mode=backend)").replace(
        "SamplerV2(session=session)", "SamplerV2(mode=session)")


def test_fix_leaves_backend_names_reported(tmp_path: Path) -> None:
    (tmp_path / "p.py").write_text(PRIMITIVES)
    command("check", "--fix", "p.py", cwd=tmp_path)
    after = (tmp_path / "p.py").read_text()
    assert "SamplerV2(backend=name)\nSamplerV2(backend=backend.name)\n" in after
    assert [f for f in offered(after) if f[0] in ("QKM412", "QKM413")] == [
        ("QKM413", 4, 11, False), ("QKM413", 5, 11, False), ("QKM412", 9, 15, False)]


# -- QKM204 / QKM207: one step of a provider chain is not fixed alone ---------------------------
# (The whole chain is: tests/test_fixes_providers_primitives.py. ``provider.jobs()`` is a step
# that rewrite does not cover.)
TUTORIAL = """\
from qiskit import IBMQ

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q")
backend = provider.get_backend("ibmq_lima")
jobs = provider.jobs()
"""
ALONE = """\
from qiskit import IBMQ

IBMQ.load_account()
"""


def test_load_account_is_not_fixed_while_ibmq_is_used_after_it() -> None:
    assert offered(TUTORIAL)[:3] == [
        ("QKM203", 1, 20, False), ("QKM204", 3, 1, False), ("QKM205", 4, 12, False)]
    bound = "from qiskit import IBMQ\nprovider = IBMQ.load_account()\nprovider.jobs()\n"
    assert ("QKM204", 2, 12, False) in offered(bound)
    twice = "from qiskit import IBMQ\nIBMQ.load_account()\nIBMQ.enable_account('t')\n"
    assert [f for f in offered(twice) if f[0] == "QKM204"] == [
        ("QKM204", 2, 1, False), ("QKM204", 3, 1, False)]


def test_load_account_alone_is_fixed() -> None:
    assert offered(ALONE) == [("QKM203", 1, 20, False), ("QKM204", 3, 1, True)]
    assert fixed(ALONE) == ("from qiskit import IBMQ\n"
                            "from qiskit_ibm_runtime import QiskitRuntimeService\n\n"
                            "QiskitRuntimeService()\n")


def test_unsafe_fixes_leave_a_half_migration_alone(tmp_path: Path) -> None:
    (tmp_path / "t.py").write_text(TUTORIAL)
    (tmp_path / "a.py").write_text(ALONE)
    result = command("check", "--fix", "--unsafe-fixes", "t.py", "a.py", cwd=tmp_path,
                     quiet=False)
    assert (tmp_path / "t.py").read_text() == TUTORIAL
    assert (tmp_path / "a.py").read_text() == (  # the IBMQ import, then unused, goes too
        "from qiskit_ibm_runtime import QiskitRuntimeService\n\nQiskitRuntimeService()\n")
    assert result.returncode == 1
    assert "t.py:3:1: QKM204 'qiskit.IBMQ.load_account'" in result.stdout
    assert "Found 6 errors (2 fixed, 4 remaining)." in result.stdout
    assert "fixable" not in result.stdout and "unsafe fix" not in result.stdout


def test_ibm_provider_is_fixed_only_when_nothing_reads_it() -> None:
    used = ("from qiskit_ibm_provider import IBMProvider\nprovider = IBMProvider()\n"
            "backend = provider.get_backend('ibm_kyiv')\njobs = provider.jobs()\n")
    assert [f for f in offered(used) if f[0] == "QKM207"] == [
        ("QKM207", 2, 12, False), ("QKM207", 3, 11, False)]
    unused = "from qiskit_ibm_provider import IBMProvider\nIBMProvider()\n"
    assert ("QKM207", 2, 1, True) in offered(unused)
    assert fixed(unused).splitlines()[1:] == [
        "from qiskit_ibm_runtime import QiskitRuntimeService", "QiskitRuntimeService()"]


# -- handlers of old-API exceptions ------------------------------------------------------------
HANDLED = """\
from qiskit import IBMQ
from qiskit.providers.ibmq import IBMQAccountError
from qiskit_ibm_provider.exceptions import IBMProviderError
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

try:
    IBMQ.load_account()
except IBMQAccountError:
    print("no account")
try:
    SamplerV2(session=session)
except (KeyError, IBMProviderError):
    pass
try:
    SamplerV2(session=session)
except KeyError:
    pass
"""


def test_no_fix_inside_a_try_that_catches_old_api_exceptions(tmp_path: Path) -> None:
    assert [f for f in offered(HANDLED) if f[0] in ("QKM204", "QKM412")] == [
        ("QKM204", 7, 5, False), ("QKM412", 11, 15, False), ("QKM412", 15, 15, True)]
    (tmp_path / "h.py").write_text(HANDLED)
    diff = command("check", "--diff", "--unsafe-fixes", "h.py", cwd=tmp_path)
    assert diff.stdout.splitlines()[2:] == [
        "@@ -12,6 +12,6 @@",
        " except (KeyError, IBMProviderError):",
        "     pass",
        " try:",
        "-    SamplerV2(session=session)",
        "+    SamplerV2(mode=session)",
        " except KeyError:",
        "     pass",
    ]


# -- QKM501: no new channel with the Classic token -------------------------------------------
def test_channel_is_fixed_only_without_classic_credentials() -> None:
    source = ("from qiskit_ibm_runtime import QiskitRuntimeService\n"
              "QiskitRuntimeService.save_account(channel='ibm_quantum', token='t')\n"
              "QiskitRuntimeService(channel='ibm_quantum', **account)\n"
              "QiskitRuntimeService(channel='ibm_quantum')\n")
    assert offered(source) == [
        ("QKM501", 2, 35, False), ("QKM501", 3, 22, False), ("QKM501", 4, 22, True)]
    assert fixed(source).splitlines()[3] == "QiskitRuntimeService(channel='ibm_quantum_platform')"


# -- QKM301 / QKM302: the V2 class must accept every construction -----------------------------
def test_v2_rename_only_where_every_construction_fits_v2(tmp_path: Path) -> None:
    source = ("from qiskit.primitives import BackendSampler, Sampler\n"
              "BackendSampler(backend, {'shots': 10})\n"
              "Sampler(options={'shots': 100})\n")
    assert offered(source) == [("QKM302", 1, 31, False), ("QKM301", 1, 47, False),
                               ("QKM302", 2, 1, False), ("QKM301", 3, 1, False)]
    (tmp_path / "v.py").write_text(source)
    result = command("check", "--unsafe-fixes", "v.py", cwd=tmp_path, quiet=False)
    assert "fixable" not in result.stdout  # before: advertised, then dropped (did not parse)
    fits = ("from qiskit.primitives import BackendSampler\nfrom qiskit_aer import AerSimulator\n"
            "BackendSampler(AerSimulator())\n")
    assert offered(fits) == [("QKM302", 1, 31, True), ("QKM302", 3, 1, True)]
    assert fixed(fits) == ("from qiskit.primitives import BackendSamplerV2 as BackendSampler\n"
                           "from qiskit_aer import AerSimulator\n"
                           "BackendSampler(backend=AerSimulator())\n")
    # A backend not proven a simulator: V1 transpiled the circuits for it, V2 does not.
    unknown = "from qiskit.primitives import BackendSampler\nBackendSampler(backend)\n"
    assert offered(unknown) == [("QKM302", 1, 31, False), ("QKM302", 2, 1, False)]


# -- notebooks: a fix may span cells (the notebook runs as one module), all of it or none ----
def notebook(*cells: list[str]) -> dict[str, object]:
    return {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title\n"]}] + [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": source} for source in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_notebook_fix_adding_an_import_to_an_earlier_cell_edits_both_cells(
        tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook(["from qiskit import IBMQ\n"], ["IBMQ.load_account()"])))
    report = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                                "nb.ipynb", cwd=tmp_path).stdout)
    [load] = [d for d in report if d["code"] == "QKM204"]
    assert load["cell"] == 3
    assert [(e["location"]["row"], e["location"]["column"], e["content"])
            for e in load["fix"]["edits"]] == [  # rows inside each edit's own cell
        (1, 24, "\nfrom qiskit_ibm_runtime import QiskitRuntimeService"),
        (1, 1, "QiskitRuntimeService()")]  # in the order of the cells
    fix = command("check", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
    assert fix.returncode == 0, fix.stdout  # the IBMQ import, now unused, went too (QKM203)
    cells = [c["source"] for c in json.loads(path.read_text())["cells"][1:]]
    assert cells == [["from qiskit_ibm_runtime import QiskitRuntimeService\n"],
                     ["QiskitRuntimeService()"]]


def test_notebook_fix_keeps_the_ipython_lines_of_the_cells_it_edits(tmp_path: Path) -> None:
    """A cell is edited as it is, magics included: lines may come and go around them."""
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook(
        ["from qiskit import IBMQ\n", "%matplotlib inline\n", "x = !ls\n"],
        ["IBMQ.load_account()"])))
    fix = command("check", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
    assert fix.returncode == 0, fix.stdout
    assert [c["source"] for c in json.loads(path.read_text())["cells"][1:]] == [
        ["from qiskit_ibm_runtime import QiskitRuntimeService\n", "%matplotlib inline\n",
         "x = !ls\n"], ["QiskitRuntimeService()"]]


def test_a_fix_touching_an_ipython_line_is_not_offered() -> None:
    from flake8_qiskit_migrate.core.notebook import notebook_code
    from flake8_qiskit_migrate.edits import Edit
    code, cells = notebook_code(json.dumps(notebook(["a = 1\n", "x = !ls\n"], ["b = 2\n"])))
    assert code == "a = 1\nx = ...\n\nb = 2\n\n"
    assert cells.split((Edit(1, 1, 1, 2, "y"), Edit(4, 1, 4, 2, "c"))) == {
        2: (Edit(1, 1, 1, 2, "y"),), 3: (Edit(1, 1, 1, 2, "c"),)}
    assert cells.split((Edit(2, 1, 2, 2, "y"),)) is None  # the ``x = !ls`` line
    assert cells.split((Edit(1, 1, 2, 1, "a = 1\n"),)) is not None  # up to its start
    assert cells.split((Edit(1, 1, 2, 1, "a = 1"),)) is None  # would join it
    assert cells.split((Edit(3, 1, 4, 2, ""),)) is None  # across the cells' border
    code, cells = notebook_code(json.dumps(notebook(["a = 1\nb = 2"], ["c = 3\n"])))
    # A cell's last line (no line end of its own) goes with the line end before it.
    assert cells.split((Edit(2, 1, 3, 1, ""),)) == {2: (Edit(1, 6, 2, 6, ""),)}


def test_notebook_fix_in_the_cell_that_holds_the_imports_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook(
        ["from qiskit import IBMQ\n", "IBMQ.load_account()\n"], ["x = 1"])))
    report = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                                "nb.ipynb", cwd=tmp_path).stdout)
    [load] = [d for d in report if d["code"] == "QKM204"]
    assert load["cell"] == 2 and load["fix"]["applicability"] == "unsafe"
    assert sorted((e["location"]["row"], e["location"]["column"]) for e in
                  load["fix"]["edits"]) == [(1, 24), (2, 1)]  # cell-relative, never -1
    result = command("check", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 0  # the IBMQ import, then unused, went in the next round
    document = json.loads(path.read_text())
    assert (document["nbformat"], document["nbformat_minor"]) == (4, 5)
    assert [c["cell_type"] for c in document["cells"]] == ["markdown", "code", "code"]
    assert document["cells"][1]["source"] == [
        "from qiskit_ibm_runtime import QiskitRuntimeService\n", "QiskitRuntimeService()\n"]
    assert document["cells"][2]["source"] == ["x = 1"]
    assert all(set(c) == {"cell_type", "execution_count", "metadata", "outputs", "source"}
               for c in document["cells"][1:])
