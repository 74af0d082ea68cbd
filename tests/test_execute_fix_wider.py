"""Issue 22: the option findings of ``execute(...)`` on a local simulator carry the call straight
to the Sampler form (QKM103's fix of the ``backend.run`` that QKM101's fix writes), the rest of
QKM101's whole fix joined to it; and QKM101 is fixed where the module imports ``transpile`` from
``qiskit.compiler`` and where ``from qiskit import *`` gives the circuit classes. Each option's
fix is applied alone, as an editor applies one code action, and the program checked and run."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from helpers import command

SAMPLER = "from qiskit.primitives import BackendSamplerV2"


def findings(tmp_path: Path, legacy: str) -> list[dict[str, Any]]:
    (tmp_path / "legacy.py").write_text(textwrap.dedent(legacy))
    checked = command("check", "legacy.py", "--output-format", "json", "--unsafe-fixes",
                      "--no-cache", "--exit-zero", cwd=tmp_path)
    found: list[dict[str, Any]] = json.loads(checked.stdout)
    return found


def applied(text: str, fix: dict[str, Any]) -> str:
    """``text`` with one fix of the JSON output (1-based rows and columns), last edit first."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(location: dict[str, int]) -> int:
        return offsets[location["row"] - 1] + location["column"] - 1
    for edit in sorted(fix["edits"], key=lambda e: offset(e["location"]), reverse=True):
        text = text[:offset(edit["location"])] + edit["content"] + text[
            offset(edit["end_location"]):]
    return text


def run(tmp_path: Path, text: str) -> str:
    program = tmp_path / "run.py"
    program.write_text(text)
    ran = subprocess.run([sys.executable, "-W", "ignore", str(program)], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def the(found: list[dict[str, Any]], code: str, row: int) -> dict[str, Any]:
    return next(f for f in found if f["code"] == code and f["location"]["row"] == row)


LEGACY = """\
    from qiskit import QuantumCircuit, execute
    from qiskit_aer import AerSimulator

    bell = QuantumCircuit(2, 2)
    bell.h(0)
    bell.cx(0, 1)
    bell.measure([0, 1], [0, 1])
    backend = AerSimulator()
    job = execute(bell, backend, shots=500, seed_simulator=4, memory=True,
                  seed_transpiler=1)
    print(dict(sorted(job.result().get_counts().items())), job.result().get_memory()[:3])
    """


def test_each_option_of_a_local_execute_carries_the_sampler_form(tmp_path: Path) -> None:
    """``shots=``, ``seed_simulator=`` and ``memory=True`` carry one unsafe fix: the call as the
    Sampler run of the circuit transpiled as ``execute`` did (the transpiler option goes into
    ``transpile``), its reads rewritten, ``execute`` imported as ``transpile``. QKM101 keeps its
    safe fix, and QKM416 goes with it."""
    found = findings(tmp_path, LEGACY)
    assert [(f["code"], f["location"]["row"], f["fix"]["applicability"]) for f in found] == [
        ("QKM101", 1, "safe"), ("QKM101", 9, "safe"), ("QKM401", 9, "unsafe"),
        ("QKM417", 9, "unsafe"), ("QKM402", 9, "unsafe"), ("QKM416", 10, "safe")]
    options = [f["fix"] for f in found if f["code"] in ("QKM401", "QKM417", "QKM402")]
    assert all(fix["edits"] == options[0]["edits"] for fix in options)
    assert the(found, "QKM416", 10)["fix"]["edits"] == the(found, "QKM101", 9)["fix"]["edits"]
    assert options[0]["message"] == "Move `shots=` into the Sampler run, with the fix of the call"
    text = applied(textwrap.dedent(LEGACY), options[0])
    assert text.splitlines()[0] == "from qiskit import QuantumCircuit, transpile"
    assert SAMPLER in text.splitlines()
    assert ('job = BackendSamplerV2(backend=backend, options={"seed_simulator": 4}).run('
            '[transpile(bell, backend, seed_transpiler=1)], shots=500)\n') in text
    assert ("print(dict(sorted(job.result()[0].data.c.get_counts().items())), "
            "job.result()[0].data.c.get_bitstrings()[:3])\n") in text


def test_the_option_fix_leaves_no_finding_and_keeps_the_output(tmp_path: Path) -> None:
    """A re-check after the option's fix alone finds nothing; the program prints what the
    program with QKM101's safe fix (``backend.run``, what ``execute`` ran) prints, seeded."""
    found = findings(tmp_path, LEGACY)
    sampler = applied(textwrap.dedent(LEGACY), the(found, "QKM401", 9)["fix"])
    run_form = applied(textwrap.dedent(LEGACY), the(found, "QKM101", 9)["fix"])
    assert "backend.run(transpile(bell, backend, seed_transpiler=1), shots=500" in run_form
    assert findings(tmp_path, sampler) == []
    assert run(tmp_path, sampler) == run(tmp_path, run_form)


def test_the_option_fix_joins_every_other_execute_of_the_module(tmp_path: Path) -> None:
    """One ``execute`` left would need ``from qiskit import execute``: the option's fix makes the
    other call's QKM101 fix too (whose result is read otherwise, so it keeps ``backend.run``),
    and the import changes with them. Nothing of ``execute`` is left."""
    legacy = """\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import AerSimulator
        sim = AerSimulator()
        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        counts = execute(qc, sim, shots=100).result().get_counts()
        other = execute(qc, sim, shots=100).result()
        print(counts, other.success)
        """
    found = findings(tmp_path, legacy)
    assert [(f["code"], f["location"]["row"], bool(f["fix"])) for f in found] == [
        ("QKM101", 1, True), ("QKM101", 7, True), ("QKM401", 7, True), ("QKM101", 8, True),
        ("QKM401", 8, False)]
    text = applied(textwrap.dedent(legacy), the(found, "QKM401", 7)["fix"])
    assert "execute" not in text
    assert ("counts = BackendSamplerV2(backend=sim).run([transpile(qc, sim)], shots=100)"
            ".result()[0].data.c.get_counts()\n") in text
    assert "other = sim.run(transpile(qc, sim), shots=100).result()\n" in text
    assert [f["code"] for f in findings(tmp_path, text)] == ["QKM103", "QKM401"]
    assert run(tmp_path, text) == "{'1': 100} True\n"


def test_no_option_fix_where_another_execute_has_no_fix(tmp_path: Path) -> None:
    """A call on a backend the module does not prove local keeps ``from qiskit import
    execute``: no call is fixed, in either form."""
    found = findings(tmp_path, """\
        from qiskit import QuantumCircuit, execute
        from qiskit_aer import AerSimulator
        sim = AerSimulator()
        qc = QuantumCircuit(1, 1)
        counts = execute(qc, sim, shots=100).result().get_counts()
        def run(backend):
            return execute(qc, backend, shots=10)
        """)
    assert [(f["code"], bool(f["fix"])) for f in found] == [
        ("QKM101", False), ("QKM101", False), ("QKM401", False), ("QKM101", False),
        ("QKM401", False)]


NOT_PROVEN = {
    "inside try": """\
        try:
            counts = execute(qc, sim, shots=10).result().get_counts()
        except Exception:
            counts = {}
        """,
    "two registers": """\
        two = QuantumCircuit(QuantumRegister(2), ClassicalRegister(1), ClassicalRegister(1))
        counts = execute(two, sim, shots=10).result().get_counts()
        """,
    "memory read without memory=True": """\
        shots = execute(qc, sim, shots=10).result().get_memory()
        """,
    "result read otherwise": """\
        result = execute(qc, sim, shots=10).result()
        print(result.get_counts(), result.time_taken)
        """,
    "memory=False": """\
        counts = execute(qc, sim, shots=10, memory=False).result().get_counts()
        """,
}


@pytest.mark.parametrize("shape", NOT_PROVEN, ids=list(NOT_PROVEN))
def test_no_option_fix_where_the_sampler_step_is_not_proven(tmp_path: Path, shape: str) -> None:
    """QKM101's safe fix stays; the options carry nothing where QKM103's fix would not be
    offered on the run it writes."""
    found = findings(tmp_path, textwrap.dedent("""\
        from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, execute
        from qiskit_aer import AerSimulator
        sim = AerSimulator()
        qc = QuantumCircuit(1, 1)
        """) + textwrap.dedent(NOT_PROVEN[shape]))
    assert [f["code"] for f in found if f["code"] == "QKM101" and f["fix"]] == ["QKM101"] * 2
    assert [(f["code"], f["fix"]) for f in found if f["code"] != "QKM101"] == [
        (code, None) for code in ("QKM401", "QKM402")[:len(found) - 2]]


def test_a_transpile_imported_from_qiskit_compiler_is_transpile(tmp_path: Path) -> None:
    """``from qiskit.compiler import transpile`` before the first use: ``execute`` leaves its
    import (no second ``transpile``), and the Sampler form reads the circuit through the
    ``transpile`` call the module makes."""
    legacy = """\
        from qiskit import QuantumCircuit, execute, Aer
        from qiskit.compiler import transpile, assemble

        qc = QuantumCircuit(1, 1)
        qc.x(0)
        qc.measure(0, 0)
        sim = Aer.get_backend('aer_simulator')
        print(transpile(qc, sim).depth())
        counts = execute(qc, sim, shots=10).result().get_counts()
        print(counts)
        """
    found = findings(tmp_path, legacy)
    call = the(found, "QKM101", 9)["fix"]
    assert call["applicability"] == "safe"
    text = applied(textwrap.dedent(legacy), call)
    assert text.splitlines()[:2] == ["from qiskit import QuantumCircuit, Aer",
                                     "from qiskit.compiler import transpile, assemble"]
    assert "counts = sim.run(transpile(qc, sim), shots=10).result().get_counts()\n" in text
    sampler = applied(textwrap.dedent(legacy), the(found, "QKM401", 9)["fix"])
    assert ("counts = BackendSamplerV2(backend=sim).run([transpile(qc, sim)], shots=10)"
            ".result()[0].data.c.get_counts()\n") in sampler


@pytest.mark.parametrize(("imports", "first"), [
    ("from qiskit import QuantumCircuit, execute\nfrom qiskit.compiler import transpile\n",
     "from qiskit import QuantumCircuit\n"),
    ("from qiskit import QuantumCircuit, execute\nqc = QuantumCircuit(1)\n"
     "job = execute(qc, sim)\nfrom qiskit.compiler import transpile\n",
     "from qiskit import QuantumCircuit, transpile\n"),
])
def test_execute_leaves_its_import_where_transpile_is_bound_before_its_use(
        tmp_path: Path, imports: str, first: str) -> None:
    """Dropped where the other import binds ``transpile`` before the first use (or where
    nothing uses ``execute``); renamed where ``transpile`` is imported only after a call."""
    legacy = "from qiskit_aer import AerSimulator\nsim = AerSimulator()\n" + imports
    found = findings(tmp_path, legacy)
    assert all(f["fix"] for f in found if f["code"] == "QKM101")
    text = applied(legacy, next(f["fix"] for f in found if f["code"] == "QKM101"))
    assert text.splitlines(keepends=True)[2] == first


def test_no_fix_where_transpile_names_something_else(tmp_path: Path) -> None:
    found = findings(tmp_path, """\
        from qiskit import QuantumCircuit, execute
        from qiskit.compiler import transpile
        from qiskit_aer import AerSimulator
        def transpile(circuit):
            return circuit
        sim = AerSimulator()
        job = execute(QuantumCircuit(1), sim)
        """)
    assert [(f["code"], f["fix"]) for f in found] == [("QKM101", None), ("QKM101", None)]


def test_the_circuit_classes_of_a_star_import_are_known(tmp_path: Path) -> None:
    """``from qiskit import *`` binds ``QuantumCircuit`` and the registers (``qiskit.__all__``,
    0.46 and today): the register of the circuit is proven and the options carry the fix,
    which needs no import edit for ``transpile``; the result runs."""
    legacy = """\
        from qiskit import *
        from qiskit_aer import AerSimulator

        def flip(bit):
            q = QuantumRegister(1)
            c = ClassicalRegister(1)
            qc = QuantumCircuit(q, c)
            if bit == "1":
                qc.x(q[0])
            qc.x(q[0])
            qc.measure(q[0], c[0])
            backend = AerSimulator()
            job = execute(qc, backend, shots=1, memory=True)
            return job.result().get_memory()[0]

        print(flip("0"), flip("1"))
        """
    found = findings(tmp_path, legacy)
    assert [(f["code"], f["fix"]["applicability"]) for f in found] == [
        ("QKM101", "safe"), ("QKM401", "unsafe"), ("QKM402", "unsafe")]
    text = applied(textwrap.dedent(legacy), the(found, "QKM402", 13)["fix"])
    assert ("    job = BackendSamplerV2(backend=backend).run([transpile(qc, backend)], "
            "shots=1)\n") in text
    assert "    return job.result()[0].join_data().get_bitstrings()[0]\n" in text
    assert findings(tmp_path, text) == []
    assert run(tmp_path, text) == "1 0\n"
