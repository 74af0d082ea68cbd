"""Issue 22 item 5, the provider chains of real notebooks beyond the plain ``load_account()`` +
``get_provider()`` + ``get_backend()``: ``IBMQ.save_account(token)`` and
``IBMQ.enable_account(token)`` in the chain, ``IBMQ.load_account()`` repeated in later cells,
an account bound to a name nothing reads, a ``get_provider(...)`` statement whose provider is
never read, and the findings at ``IBMQ`` itself under ``from qiskit import *``. Each is one
rewrite of the whole chain or none; each case runs the command and compares the exact text,
and a re-check after ``--fix --unsafe-fixes`` reports what stays unsolved."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import qiskit_ibm_runtime
from helpers import command

CHANNEL = 'channel="ibm_quantum_platform"'


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def fix(tmp_path: Path, text: str, name: str = "legacy.py") -> str:
    path = write(tmp_path, text, name)
    command("check", "--fix", "--unsafe-fixes", "--no-cache", name, cwd=tmp_path)
    return path.read_text()


def report(tmp_path: Path, text: str, name: str = "legacy.py") -> list[tuple[str, int, object]]:
    """(code, row, fix applicability or None) of each finding."""
    write(tmp_path, text, name)
    found = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                               "--no-cache", name, cwd=tmp_path).stdout)
    return [(d["code"], d["location"]["row"], d["fix"] and d["fix"]["applicability"])
            for d in found]


def remaining(tmp_path: Path, name: str = "legacy.py") -> list[tuple[str, int]]:
    found = json.loads(command("check", "--output-format", "json", "--no-cache", name,
                               cwd=tmp_path).stdout)
    return [(d["code"], d["location"]["row"]) for d in found]


def test_the_runtime_takes_what_the_rewrites_write() -> None:
    """The channel written is the one qiskit-ibm-runtime 0.51 accepts (ibm_quantum is gone),
    and the account calls take ``channel``, ``token`` and ``overwrite``."""
    from qiskit_ibm_runtime.accounts.management import _CHANNEL_TYPES

    assert "ibm_quantum_platform" in _CHANNEL_TYPES and "ibm_quantum" not in _CHANNEL_TYPES
    service = qiskit_ibm_runtime.QiskitRuntimeService
    inspect.signature(service.save_account).bind(
        channel="ibm_quantum_platform", token="t", overwrite=True)
    inspect.signature(service).bind(channel="ibm_quantum_platform", token="t")


# -- save_account / enable_account in the chain ------------------------------------------------
SAVED = """\
from qiskit import IBMQ, QuantumCircuit
from qiskit.providers.ibmq import least_busy

IBMQ.save_account('MY_TOKEN')
IBMQ.load_account()
provider = IBMQ.get_provider(hub='ibm-q')
backend = least_busy(provider.backends(filters=lambda x: x.configuration().n_qubits >= 5 and
    not x.configuration().simulator and x.status().operational==True))
"""


def test_save_account_is_rewritten_with_the_chain(tmp_path: Path) -> None:
    assert report(tmp_path, SAVED) == [
        ("QKM203", 1, "unsafe"), ("QKM202", 2, "unsafe"), ("QKM204", 4, "unsafe"),
        ("QKM204", 5, "unsafe"), ("QKM205", 6, "unsafe"), ("QKM209", 7, "unsafe"),
        ("QKM205", 7, "unsafe")]
    assert fix(tmp_path, SAVED) == f"""\
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService

QiskitRuntimeService.save_account({CHANNEL}, token='MY_TOKEN', overwrite=True)
service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now takes \
an IBM Cloud CRN or name
backend = service.least_busy(filters=lambda x: x.configuration().n_qubits >= 5 and
    not x.configuration().simulator and x.status().operational==True)
"""
    assert remaining(tmp_path) == []


def test_save_account_keeps_an_overwrite_it_was_given(tmp_path: Path) -> None:
    source = ("from qiskit import IBMQ\nIBMQ.save_account(token=key, overwrite=False)\n"
              "provider = IBMQ.load_account()\nbackend = provider.get_backend('ibmq_lima')\n")
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        f"QiskitRuntimeService.save_account({CHANNEL}, token=key, overwrite=False)\n"
        "service = QiskitRuntimeService()\nbackend = service.backend('ibmq_lima')\n")


def test_a_setup_cell_that_only_saves_the_account(tmp_path: Path) -> None:
    source = "from qiskit import IBMQ\n\nIBMQ.save_account('MY_API_TOKEN')\n"
    assert report(tmp_path, source) == [("QKM203", 1, "unsafe"), ("QKM204", 3, "unsafe")]
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n\n"
        f"QiskitRuntimeService.save_account({CHANNEL}, token='MY_API_TOKEN', overwrite=True)\n")


def test_enable_account_becomes_the_service_with_its_token(tmp_path: Path) -> None:
    source = ("from qiskit import IBMQ\nIBMQ.enable_account('MY_API_TOKEN')\n"
              "provider = IBMQ.get_provider(hub='ibm-q', group='open', project='main')\n"
              "print(provider.backends())\nbackend = provider.get_backend('ibmq_quito')\n")
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        f"service = QiskitRuntimeService({CHANNEL}, token='MY_API_TOKEN')  # was "
        "IBMQ.get_provider(hub='ibm-q', group='open', project='main'): instance= now takes an "
        "IBM Cloud CRN or name\n"
        "print(service.backends())\nbackend = service.backend('ibmq_quito')\n")
    bound = ("from qiskit import IBMQ\nprovider = IBMQ.enable_account(token=key)\n"
             "backend = provider.get_backend('ibmq_quito')\n")
    assert fix(tmp_path, bound) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        f"service = QiskitRuntimeService({CHANNEL}, token=key)\n"
        "backend = service.backend('ibmq_quito')\n")


def test_account_calls_without_a_counterpart_leave_the_chain_alone(tmp_path: Path) -> None:
    chain = ("provider = IBMQ.get_provider(hub='ibm-q')\n"
             "backend = provider.get_backend('ibmq_lima')\n")
    for account in (
            "IBMQ.enable_account(token, url)\n",  # a Classic authentication URL
            "IBMQ.save_account(token, hub='ibm-q')\nIBMQ.load_account()\n",
            "IBMQ.load_account()\nIBMQ.enable_account(token)\n",  # IBMQ raised: one in use
            "IBMQ.load_account()\nprint(IBMQ.stored_account())\n",  # another result shape
            "def setup():\n    IBMQ.save_account(token)\nIBMQ.load_account()\n",  # elsewhere
            "IBMQ.enable_account(IBMQ.stored_account()['token'])\n",  # IBMQ in an argument
    ):
        source = "from qiskit import IBMQ\n" + account + chain
        assert not any(fix for code, _, fix in report(tmp_path, source)), account
        assert fix(tmp_path, source) == source, account


# -- the chain spread over a notebook ----------------------------------------------------------
def notebook(*cells: str) -> str:
    return json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": cell.splitlines(keepends=True)} for cell in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 4})


def cells(path: Path) -> list[str]:
    return ["".join(cell["source"]) for cell in json.loads(path.read_text())["cells"]]


def test_a_notebook_that_loads_the_account_in_several_cells(tmp_path: Path) -> None:
    """The account loaded at the top (its provider never read), again before the provider is
    chosen, and the providers listed: each load is the service, the listing its instances."""
    path = write(tmp_path, notebook(
        "from qiskit import QuantumCircuit, transpile, IBMQ\n"
        "provider = IBMQ.load_account()",
        "from qiskit import IBMQ\nIBMQ.load_account()\n"
        "IBMQ.providers() # see a list of providers you have access to",
        "hub_name = 'iqc2021-1'\n"
        "provider = IBMQ.get_provider(hub=hub_name, group='challenge-1', project='ex4')\n"
        "backend = provider.get_backend('ibmq_jakarta')\nbackend"), "ex4.ipynb")
    command("check", "--fix", "--unsafe-fixes", "--no-cache", "ex4.ipynb", cwd=tmp_path)
    assert cells(path) == [
        "from qiskit import QuantumCircuit, transpile\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        "service = QiskitRuntimeService()",
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub=hub_name, "
        "group='challenge-1', project='ex4'): instance= now takes an IBM Cloud CRN or name\n"
        "service.instances() # see a list of providers you have access to",
        "hub_name = 'iqc2021-1'\nbackend = service.backend('ibmq_jakarta')\nbackend"]
    assert remaining(tmp_path, "ex4.ipynb") == []


def test_a_get_provider_statement_whose_provider_nothing_reads_goes(tmp_path: Path) -> None:
    """``provider = IBMQ.load_account()`` serves the backends; the ``get_provider(...)`` shown
    in the cell's output after it selected nothing."""
    source = ("from qiskit import QuantumCircuit, IBMQ\nprovider = IBMQ.load_account()\n"
              "IBMQ.get_provider(hub='ibm-q', group='open', project='main')\n"
              "backend = provider.get_backend('ibmq_armonk')\n")
    assert fix(tmp_path, source) == (
        "from qiskit import QuantumCircuit\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n"
        "service = QiskitRuntimeService()\nbackend = service.backend('ibmq_armonk')\n")


def test_an_account_bound_to_a_name_nothing_reads(tmp_path: Path) -> None:
    source = ("from qiskit import IBMQ\nprovider = IBMQ.load_account()\n"
              "my_provider = IBMQ.get_provider(hub='ibm-q')\n"
              "backend_real = my_provider.get_backend('ibmq_vigo')\n")
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now "
        "takes an IBM Cloud CRN or name\nbackend_real = service.backend('ibmq_vigo')\n")
    # read, the default provider is a second provider: no rewrite
    read = source + "print(provider.backends())\n"
    assert fix(tmp_path, read) == read


def test_the_uses_of_a_star_imported_ibmq_carry_the_chain_fix(tmp_path: Path) -> None:
    source = ("from qiskit import *\n\nIBMQ.load_account()\n"
              "provider = IBMQ.get_provider(hub='ibm-q')\n"
              "backend = provider.get_backend('ibmq_quito')\n")
    assert report(tmp_path, source) == [
        ("QKM203", 3, "unsafe"), ("QKM204", 3, "unsafe"), ("QKM203", 4, "unsafe"),
        ("QKM205", 4, "unsafe"), ("QKM205", 5, "unsafe")]
    assert fix(tmp_path, source) == (
        "from qiskit import *\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n\n"
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now "
        "takes an IBM Cloud CRN or name\nbackend = service.backend('ibmq_quito')\n")
    assert remaining(tmp_path) == []


def test_an_unsolved_chain_keeps_every_finding_after_the_fixes(tmp_path: Path) -> None:
    """A listing loop over the providers has no rewrite: nothing of the chain is touched, and
    a re-check reports each step as before."""
    source = ("from qiskit import IBMQ\nIBMQ.save_account('T')\nIBMQ.load_account()\n"
              "for provider in IBMQ.providers():\n    print(provider.backends())\n")
    write(tmp_path, source, "legacy.py")
    before = remaining(tmp_path)
    assert fix(tmp_path, source) == source
    assert remaining(tmp_path) == before == [
        ("QKM203", 1), ("QKM204", 2), ("QKM204", 3), ("QKM205", 4)]


def test_a_backend_reached_as_an_attribute_of_the_provider_backends(tmp_path: Path) -> None:
    """qiskit-ibmq-provider set each backend on ``provider.backends`` under its name."""
    source = ("from qiskit import IBMQ\nIBMQ.load_account()\n"
              "provider = IBMQ.get_provider(hub='ibm-q')\n"
              "backend = provider.backends.ibmq_lima\n"
              "simulator = provider.backends.ibmq_qasm_simulator\n")
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now "
        "takes an IBM Cloud CRN or name\n"
        'backend = service.backend("ibmq_lima")\n'
        'simulator = service.backend("ibmq_qasm_simulator")\n')
    # a method of the backend service, or a name the provider changed, is not a device
    for other in ("provider.backends.jobs(limit=5)\n", "b = provider.backends.ibmq_lima_\n",
                  "provider.backends.ibmq_lima = None\n"):
        assert fix(tmp_path, source + other) == source + other, other


def test_a_provider_used_at_once_without_a_name(tmp_path: Path) -> None:
    source = ("from qiskit import IBMQ\nfrom qiskit.providers.ibmq import least_busy\n\n"
              "IBMQ.load_account()\n"
              "backend = IBMQ.get_provider(hub='ibm-q').get_backend('ibmq_lima')\n"
              "device = least_busy(IBMQ.get_provider(hub='ibm-q').backends(simulator=False))\n")
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\n\n"
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now "
        "takes an IBM Cloud CRN or name\nbackend = service.backend('ibmq_lima')\n"
        "device = service.least_busy(simulator=False)\n")
    assert remaining(tmp_path) == []
    # no account loaded (IBMQ raised), or a use without a counterpart: no rewrite
    for changed in (source.replace("IBMQ.load_account()\n", ""),
                    source + "jobs = IBMQ.get_provider(hub='ibm-q').jobs()\n"):
        assert fix(tmp_path, changed) == changed


def test_the_provider_made_again_in_a_later_cell(tmp_path: Path) -> None:
    path = write(tmp_path, notebook(
        "from qiskit import IBMQ\nIBMQ.load_account()\n"
        "provider = IBMQ.get_provider(hub='ibm-q')\n"
        "sim = provider.get_backend('ibmq_qasm_simulator')",
        "provider = IBMQ.get_provider(hub='ibm-q')\ndevice = provider.get_backend('ibmq_lima')"),
        "nb.ipynb")
    command("check", "--fix", "--unsafe-fixes", "--no-cache", "nb.ipynb", cwd=tmp_path)
    assert cells(path) == [
        "from qiskit_ibm_runtime import QiskitRuntimeService\n"
        "service = QiskitRuntimeService()  # was IBMQ.get_provider(hub='ibm-q'): instance= now "
        "takes an IBM Cloud CRN or name\nsim = service.backend('ibmq_qasm_simulator')",
        "device = service.backend('ibmq_lima')"]
    # another instance is another provider: no rewrite
    other = ("from qiskit import IBMQ\nIBMQ.load_account()\n"
             "provider = IBMQ.get_provider(hub='ibm-q')\n"
             "provider = IBMQ.get_provider(hub='ibm-q-research')\n"
             "device = provider.get_backend('ibmq_lima')\n")
    assert fix(tmp_path, other) == other


def test_a_project_fixed_and_checked_again(tmp_path: Path) -> None:
    """``--fix --unsafe-fixes`` over a solved and an unsolved chain reports what remains, and
    a re-check reports exactly the unsolved file's findings, still without a fix."""
    write(tmp_path, SAVED, "solved.py")
    unsolved = ("from qiskit import IBMQ\nIBMQ.load_account()\n"
                "print(IBMQ.stored_account())\n")
    write(tmp_path, unsolved, "unsolved.py")
    fixing = command("check", "--fix", "--unsafe-fixes", "--no-cache", ".", cwd=tmp_path)
    assert fixing.returncode == 1
    assert [line.split(" ")[:2] for line in fixing.stdout.splitlines()] == [
        ["unsolved.py:1:20:", "QKM203"], ["unsolved.py:2:1:", "QKM204"],
        ["unsolved.py:3:7:", "QKM204"]]
    assert (tmp_path / "unsolved.py").read_text() == unsolved
    again = json.loads(command("check", "--output-format", "json", "--unsafe-fixes",
                               "--no-cache", ".", cwd=tmp_path).stdout)
    assert [(Path(d["filename"]).name, d["code"], d["location"]["row"], d["fix"])
            for d in again] == [("unsolved.py", "QKM203", 1, None),
                                ("unsolved.py", "QKM204", 2, None),
                                ("unsolved.py", "QKM204", 3, None)]
    assert json.loads(command("check", "--output-format", "json", "--no-cache", "solved.py",
                              cwd=tmp_path).stdout) == []


def test_get_backend_with_its_name_as_a_keyword(tmp_path: Path) -> None:
    source = ("from qiskit import IBMQ\nprovider = IBMQ.load_account()\n"
              "backend = provider.get_backend(name='ibmq_lima')\n")
    assert fix(tmp_path, source) == (
        "from qiskit_ibm_runtime import QiskitRuntimeService\nservice = QiskitRuntimeService()\n"
        "backend = service.backend(name='ibmq_lima')\n")
    for call in ("get_backend('ibmq_lima', name='x')", "get_backend(name='x', hub='h')"):
        changed = source.replace("get_backend(name='ibmq_lima')", call)
        assert fix(tmp_path, changed) == changed, call
