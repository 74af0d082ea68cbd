"""Options of ``execute`` on a local simulator that need a proof. ``max_credits=``, passed to
``backend.run`` and ignored there: QKM101's fix drops it, and its QKM406 finding carries that
fix (none on IBM Quantum or ``backend.run``). A name for ``shots=`` on BasicAer, which rejects
``None`` where ``execute`` dropped it: passed on only where every binding is a constant."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from helpers import command

LOCAL = textwrap.dedent("""\
    from qiskit import Aer, QuantumCircuit, execute
    qc = QuantumCircuit(1, 1)
    qc.measure(0, 0)
    sim = Aer.get_backend("aer_simulator")
    job = execute(qc, sim, shots=100, max_credits=10)
    print(job.result().get_counts())
    """)


def _report(tmp_path: Path, text: str, *flags: str) -> list[dict[str, object]]:
    path = tmp_path / "legacy.py"
    path.write_text(text)
    found: list[dict[str, object]] = json.loads(command(
        "check", str(path), "--output-format", "json", "--exit-zero", "--no-cache", *flags,
        cwd=tmp_path).stdout)
    return found


def _fix_of(found: list[dict[str, object]], code: str) -> object:
    [fix] = [f["fix"] for f in found if f["code"] == code and f["location"] == {
        "row": 5, "column": {"QKM101": 7, "QKM406": 35}[code]}]
    return fix


def test_the_credit_option_goes_with_the_safe_fix_of_execute(tmp_path: Path) -> None:
    found = _report(tmp_path, LOCAL)
    credits = _fix_of(found, "QKM406")
    assert isinstance(credits, dict) and credits["applicability"] == "safe"
    assert credits["message"] == "Drop `max_credits=`, with the fix of `execute`"
    call = _fix_of(found, "QKM101")
    assert isinstance(call, dict) and credits["edits"] == call["edits"]
    path = tmp_path / "legacy.py"
    command("check", str(path), "--fix", "--no-cache", cwd=tmp_path)
    assert "job = sim.run(transpile(qc, sim), shots=100)" in path.read_text().splitlines()
    after = _report(tmp_path, path.read_text())
    assert not [f for f in after if f["code"] in ("QKM101", "QKM406")]


def test_with_unsafe_fixes_it_goes_with_the_sampler_form(tmp_path: Path) -> None:
    path = tmp_path / "legacy.py"
    path.write_text(LOCAL)
    command("check", str(path), "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert path.read_text().splitlines()[-2:] == [
        "job = BackendSamplerV2(backend=sim).run([transpile(qc, sim)], shots=100)",
        "print(job.result()[0].data.c.get_counts())"]


def test_no_fix_for_credits_on_backend_run_or_ibm_quantum(tmp_path: Path) -> None:
    run = LOCAL.replace("execute(qc, sim,", "sim.run(qc,     ")  # the option stays in column 35
    assert _fix_of(_report(tmp_path, run), "QKM406") is None
    ibm = textwrap.dedent("""\
        from qiskit import QuantumCircuit, execute
        from qiskit_ibm_runtime import QiskitRuntimeService
        qc = QuantumCircuit(1, 1)
        sim = QiskitRuntimeService().backend("ibm_brisbane")
        job = execute(qc, sim, shots=100, max_credits=10)
        """)
    assert _fix_of(_report(tmp_path, ibm, "--unsafe-fixes"), "QKM406") is None


BASIC = textwrap.dedent("""\
    from qiskit import BasicAer, QuantumCircuit, execute
    {binding}
    qc = QuantumCircuit(1, 1)
    qc.measure(0, 0)
    backend = BasicAer.get_backend("qasm_simulator")
    result = execute(qc, backend, shots=shots).result()
    """)


def _fixed_call(tmp_path: Path, binding: str) -> str | None:
    """The fixed ``execute`` line, or None where the safe fix is not offered."""
    text = BASIC.format(binding=binding)
    row = text.splitlines().index("result = execute(qc, backend, shots=shots).result()") + 1
    found = _report(tmp_path, text)
    [fix] = [f["fix"] for f in found if f["code"] == "QKM101" and f["location"]["row"] == row]
    if fix is None:
        return None
    path = tmp_path / "legacy.py"
    command("check", str(path), "--fix", "--no-cache", "--select", "QKM101", cwd=tmp_path)
    return path.read_text().splitlines()[row - 1]


def test_a_name_bound_only_to_constants_is_never_none(tmp_path: Path) -> None:
    # BasicSimulator.run rejects shots=None, which execute dropped: a name is passed on only
    # where every binding of it is a constant.
    for binding in ("shots = 1024", "shots = 2 ** 10", "shots = 1024\nshots = 512"):
        assert _fixed_call(tmp_path, binding) == (
            "result = backend.run(transpile(qc, backend), shots=shots).result()")


def test_a_name_that_may_be_none_or_anything_gets_no_fix(tmp_path: Path) -> None:
    for binding in ("shots = None", "shots = 1024\nshots = None", "shots = int('5')",
                    "for shots in (1, 2):\n    pass", "def f(shots):\n    pass\nshots = 1",
                    "from settings import *\nshots = 10", "from settings import shots",
                    "shots = 1\nshots += 1", "pass"):
        assert _fixed_call(tmp_path, binding) is None, binding


def test_every_simulator_option_taken_is_one_of_today_s_aer_simulator() -> None:
    from qiskit_aer import AerSimulator

    from flake8_qiskit_migrate.rules.aer_options import AER_SIMULATOR_OPTIONS
    assert AER_SIMULATOR_OPTIONS <= set(vars(AerSimulator._default_options()))
    assert {"fusion_threshold", "cuStateVec_enable", "max_parallel_threads"} <= (
        AER_SIMULATOR_OPTIONS)


def test_aer_simulator_options_of_execute_stay_on_the_run(tmp_path: Path) -> None:
    text = LOCAL.replace("max_credits=10", "fusion_threshold=20, cuStateVec_enable=False")
    path = tmp_path / "legacy.py"
    path.write_text(text)
    command("check", str(path), "--fix", "--no-cache", "--select", "QKM101", cwd=tmp_path)
    assert ("job = sim.run(transpile(qc, sim), shots=100, fusion_threshold=20, "
            "cuStateVec_enable=False)") in path.read_text().splitlines()
