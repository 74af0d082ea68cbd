"""Issue 22 item 5, the shapes of real IBMQ code: an unused ``IBMQ`` import (QKM203) or
``qiskit.providers.ibmq`` name (QKM202) is dropped as ruff's F401 drops it; the provider chain
(QKM204/205/209) is rewritten whole in the shapes 2019-2023 notebooks wrote it, across notebook
cells, or not at all. Each case runs the command (``--fix`` rounds included) and compares the
exact text."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import qiskit_ibm_runtime
from helpers import command
from qiskit_ibm_runtime.models import BackendStatus, QasmBackendConfiguration


def fix(tmp_path: Path, text: str, *flags: str, name: str = "legacy.py") -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    command("check", "--fix", *flags, "--no-cache", name, cwd=tmp_path)
    return path.read_text()


def report(tmp_path: Path, text: str, name: str = "legacy.py") -> list[tuple[str, int, object]]:
    """(code, row, fix applicability or None) of each finding."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    found = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                               "--no-cache", name, cwd=tmp_path).stdout)
    return [(d["code"], d["location"]["row"], d["fix"] and d["fix"]["applicability"])
            for d in found]


# -- an unused IBMQ / qiskit.providers.ibmq import: dropped (safe) ----------------------------
CHALLENGE_IMPORTS = """\
from qiskit import QuantumCircuit, execute, Aer, IBMQ, QuantumRegister, ClassicalRegister
from qiskit.providers.ibmq import least_busy
from qiskit import IBMQ as Q

qc = QuantumCircuit(QuantumRegister(1), ClassicalRegister(1))
"""


def test_unused_ibmq_names_are_dropped_by_the_safe_fixes(tmp_path: Path) -> None:
    assert [r for r in report(tmp_path, CHALLENGE_IMPORTS) if r[0] in ("QKM202", "QKM203")] == [
        ("QKM203", 1, "safe"), ("QKM202", 2, "safe"), ("QKM203", 3, "safe")]
    assert fix(tmp_path, CHALLENGE_IMPORTS, "--select", "QKM202,QKM203") == """\
from qiskit import QuantumCircuit, execute, Aer, QuantumRegister, ClassicalRegister

qc = QuantumCircuit(QuantumRegister(1), ClassicalRegister(1))
"""


def test_ibmq_in_a_package_init_or_all_is_a_re_export(tmp_path: Path) -> None:
    reexport = "from qiskit import IBMQ, QuantumCircuit\n"
    assert report(tmp_path, reexport, "pkg/__init__.py") == [("QKM203", 1, None)]
    assert fix(tmp_path, reexport, name="pkg/__init__.py") == reexport
    listed = "from qiskit import IBMQ\n__all__ = ['IBMQ']\n"
    assert report(tmp_path, listed) == [("QKM203", 1, None)]
    assert report(tmp_path, "from qiskit import IBMQ\ndel IBMQ\n") == [("QKM203", 1, None)]
    # the same import in a module of the package is dropped
    assert fix(tmp_path, reexport, name="pkg/module.py") == "from qiskit import QuantumCircuit\n"


def test_an_import_inside_a_try_stays(tmp_path: Path) -> None:
    guarded = "try:\n    from qiskit import IBMQ\nexcept ImportError:\n    pass\n"
    assert report(tmp_path, guarded) == [("QKM203", 2, None)]


# -- the provider chain in the shapes notebooks wrote ------------------------------------------
def test_load_account_result_overwritten_by_get_provider(tmp_path: Path) -> None:
    assert fix(tmp_path, """\
from qiskit import QuantumCircuit, IBMQ
provider = IBMQ.load_account()
provider = IBMQ.get_provider(hub='ibm-q', group='open', project='main')
backend = provider.get_backend('ibmq_manila')
""", "--unsafe-fixes") == """\
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q', group='open', \
project='main'): instance= now takes an IBM Cloud CRN or name
backend = service.backend('ibmq_manila')
"""


def test_the_provider_load_account_returns(tmp_path: Path) -> None:
    assert fix(tmp_path, """\
from qiskit import IBMQ
my_provider = IBMQ.load_account()
simulator_cloud = my_provider.get_backend('ibmq_qasm_simulator')
device = my_provider.get_backend('ibmq_16_melbourne')
for backend in my_provider.backends():
    print(backend)
""", "--unsafe-fixes") == """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
simulator_cloud = service.backend('ibmq_qasm_simulator')
device = service.backend('ibmq_16_melbourne')
for backend in service.backends():
    print(backend)
"""


def test_least_busy_filters_are_kept_as_written(tmp_path: Path) -> None:
    assert fix(tmp_path, """\
from qiskit import IBMQ
from qiskit.providers.ibmq import least_busy
IBMQ.load_account()
provider = IBMQ.get_provider(hub='ibm-q')
backend = least_busy(provider.backends(filters=lambda x: x.configuration().n_qubits >= (n+1) and
                                   not x.configuration().simulator and \
x.status().operational==True))
""", "--unsafe-fixes") == """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now takes an \
IBM Cloud CRN or name
backend = service.least_busy(filters=lambda x: x.configuration().n_qubits >= (n+1) and
                                   not x.configuration().simulator and \
x.status().operational==True)
"""


def test_the_filters_see_the_same_accessors_on_an_ibm_backend() -> None:
    """Why the lambda is kept: ``least_busy(filters=f)`` calls ``f`` on ``IBMBackend`` objects,
    which still have ``configuration()`` (``n_qubits``, ``simulator``) and ``status()``
    (``operational``) in qiskit-ibm-runtime 0.51."""
    source = inspect.getsource(qiskit_ibm_runtime.QiskitRuntimeService.least_busy)
    assert "min_num_qubits=min_num_qubits, filters=filters" in source  # to self.backends
    backend = qiskit_ibm_runtime.IBMBackend
    assert inspect.signature(backend.configuration).return_annotation == "QasmBackendConfiguration"
    assert inspect.signature(backend.status).return_annotation == "BackendStatus"
    assert {"n_qubits", "simulator"} <= set(inspect.signature(QasmBackendConfiguration).parameters)
    assert "operational" in inspect.signature(BackendStatus).parameters


def test_least_busy_of_a_listed_variable(tmp_path: Path) -> None:
    assert fix(tmp_path, """\
from qiskit import IBMQ
from qiskit.providers.ibmq import least_busy
provider = IBMQ.load_account()
devices = provider.backends(simulator=False, operational=True)
backend = least_busy(devices)
""", "--unsafe-fixes") == """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
devices = service.backends(simulator=False, operational=True)
backend = service.least_busy(simulator=False, operational=True)
"""


def test_providers_listing_becomes_the_instances(tmp_path: Path) -> None:
    assert fix(tmp_path, """\
from qiskit import IBMQ
IBMQ.load_account()
IBMQ.providers() # see a list of providers you have access to
provider = IBMQ.get_provider(hub=hub_name, group=group_name, project=project_name)
backend = provider.get_backend(backend_name)
""", "--unsafe-fixes") == """\
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()  # was IBMQ.get_provider(hub=hub_name, group=group_name, \
project=project_name): instance= now takes an IBM Cloud CRN or name
service.instances() # see a list of providers you have access to
backend = service.backend(backend_name)
"""


def test_the_service_import_comes_before_its_use(tmp_path: Path) -> None:
    """The only import left empty is after the chain: the import goes to the top instead."""
    assert fix(tmp_path, """\
from qiskit import QuantumCircuit, IBMQ
provider = IBMQ.load_account()
device = provider.get_backend('ibmq_lima')
from qiskit import IBMQ
""", "--unsafe-fixes") == """\
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
device = service.backend('ibmq_lima')
"""


# -- no half chain ------------------------------------------------------------------------------
def test_ibmq_used_in_a_way_not_migrated_leaves_the_chain_alone(tmp_path: Path) -> None:
    for other in ("IBMQ.save_account(token, url=url)\n", "x = IBMQ.providers()\n",
                  "print(provider)\n", "provider.jobs()\n"):
        source = ("from qiskit import IBMQ\nIBMQ.load_account()\n"
                  "provider = IBMQ.get_provider(hub='ibm-q')\n"
                  "backend = provider.get_backend('ibmq_lima')\n" + other)
        assert fix(tmp_path, source, "--unsafe-fixes") == source, other


def test_a_read_between_load_account_and_get_provider_leaves_the_chain_alone(
        tmp_path: Path) -> None:
    source = ("from qiskit import IBMQ\nprovider = IBMQ.load_account()\nprint(provider)\n"
              "provider = IBMQ.get_provider(hub='ibm-q')\n"
              "backend = provider.get_backend('ibmq_lima')\n")
    assert fix(tmp_path, source, "--unsafe-fixes") == source


def test_a_provider_that_is_not_from_ibmq_is_not_rewritten(tmp_path: Path) -> None:
    source = """\
from qiskit import IBMQ
from qiskit.providers.ibmq import least_busy
from my_lab import LabProvider
IBMQ.load_account()
provider = LabProvider()
backend = least_busy(provider.backends(simulator=False))
"""
    assert [r for r in report(tmp_path, source) if r[0] in ("QKM205", "QKM209")] == [
        ("QKM209", 6, None)]
    # the account call alone is migrated; the user's provider is left as it is
    assert fix(tmp_path, source, "--unsafe-fixes") == """\
from qiskit.providers.ibmq import least_busy
from my_lab import LabProvider
from qiskit_ibm_runtime import QiskitRuntimeService
QiskitRuntimeService()
provider = LabProvider()
backend = least_busy(provider.backends(simulator=False))
"""


# -- notebooks: the chain spans cells ----------------------------------------------------------
def notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                                  "outputs": [], "source": source.splitlines(keepends=True)}
                                 for source in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def test_a_notebook_chain_across_cells_is_one_fix(tmp_path: Path) -> None:
    path = tmp_path / "hardware.ipynb"
    path.write_text(notebook(
        "%matplotlib inline\nfrom qiskit import QuantumCircuit, IBMQ, transpile\n"
        "from qiskit.providers.ibmq import least_busy\n",
        "qc = QuantumCircuit(2)\n",
        "from qiskit import IBMQ\nIBMQ.load_account()\nprovider = IBMQ.get_provider(hub='ibm-q')",
        "backend = least_busy(provider.backends(simulator=False))\n"
        "print(transpile(qc, backend).depth())"))
    found = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                               "hardware.ipynb", cwd=tmp_path).stdout)
    [load] = [d for d in found if d["code"] == "QKM204"]
    assert load["cell"] == 3 and load["fix"]["applicability"] == "unsafe"
    assert {(e["location"]["row"], e["content"]) for e in load["fix"]["edits"]} >= {
        (2, "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= "
            "now takes an IBM Cloud CRN or name"),  # rows inside each edit's own cell
        (1, "service.least_busy(simulator=False)")}
    result = command("check", "--fix", "--unsafe-fixes", "hardware.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    cells = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    assert cells == [
        "%matplotlib inline\nfrom qiskit import QuantumCircuit, transpile\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService\n",
        "qc = QuantumCircuit(2)\n",
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now "
        "takes an IBM Cloud CRN or name",  # its last line went with the line end before it
        "backend = service.least_busy(simulator=False)\nprint(transpile(qc, backend).depth())"]


def test_a_used_ibmq_import_carries_the_chain_fix_as_unsafe(tmp_path: Path) -> None:
    """One fix, carried by every finding it resolves: the import's finding too, with the
    applicability and title of the first unsafe rule carrying it (QKM204), never the safe
    ones of an unused import."""
    source = ("from qiskit import IBMQ, QuantumCircuit\nIBMQ.load_account()\n"
              "provider = IBMQ.get_provider(hub='ibm-q')\n"
              "backend = provider.get_backend('ibmq_lima')\n")
    (tmp_path / "chain.py").write_text(source)
    found = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                               "chain.py", cwd=tmp_path).stdout)
    load = "Replace `IBMQ.load_account()` with `QiskitRuntimeService()`"
    chain = "Rewrite the provider chain as a `QiskitRuntimeService` chain"
    assert [(d["code"], d["fix"]["applicability"], d["fix"]["message"]) for d in found] == [
        ("QKM203", "unsafe", load), ("QKM204", "unsafe", load), ("QKM205", "unsafe", chain),
        ("QKM205", "unsafe", chain)]
    assert len({json.dumps(d["fix"]["edits"]) for d in found}) == 1
    assert fix(tmp_path, source, name="chain.py") == source  # the safe fixes leave it alone
    summary = command("check", "chain.py", cwd=tmp_path, quiet=False).stdout
    assert summary.endswith("Found 4 errors.\n4 unsafe fixes available with `--fix "
                            "--unsafe-fixes`.\n")
