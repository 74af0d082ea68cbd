"""The unsafe fix of QKM102 (issue 22 item 4): ``backend.run`` on a proven IBM Quantum backend and
the counts read from its job become a Runtime Sampler run of the circuit made ISA for the backend
and ``result[0].data.<register>.get_counts()``, with the Sampler class of the targeted
qiskit-ibm-runtime releases. Exact fixed text per shape and per target range, the shapes that get
no fix, and fixed programs run in local testing mode on a fake device
(tests/migrations/runner.py)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flake8_qiskit_migrate.edits import apply
from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.rules.ibm_sampler import CLIENT_SIDE, SERVER_SIDE, sampler_class
from helpers import command

RUNNER = Path(__file__).parent / "migrations" / "runner.py"
OLD = (("qiskit-ibm-runtime", ">=0.30,<0.50"),)  # targets before the client-side classes
NEW = (("qiskit-ibm-runtime", ">=0.50"),)
HEAD = """\
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
backend = service.backend("ibm_kyiv")
"""
CLIENT_IMPORT = "from qiskit_ibm_runtime.executor_sampler import Sampler\n"
SERVER_IMPORT = "from qiskit_ibm_runtime import SamplerV2\n"
PM_IMPORT = "from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\n"


def fixed(source: str, targets: tuple[tuple[str, str], ...] = (),
          codes: frozenset[str] | None = None) -> str:
    """SOURCE with every fix of CODES (all, if None) applied, re-checked while fixes overlap."""
    settings = Settings(targets=targets)
    for _ in range(4):
        fixes = [f.edits for f in check(ast.parse(source), source, settings=settings)
                 if f.edits and (codes is None or f.code in codes)]
        source, applied = apply(source, fixes)
        if len(applied) == len(fixes):
            break
    return source


def qkm102_fix(source: str, targets: tuple[tuple[str, str], ...] = ()) -> str:
    return fixed(source, targets, frozenset({"QKM102"}))


def with_imports(body: str, *imports: str) -> str:
    """HEAD with IMPORTS added after its imports, then BODY."""
    first, rest = HEAD.split("service =", 1)
    return first + "".join(imports) + "service =" + rest + textwrap.dedent(body)


TRANSPILED = """\
qc = QuantumCircuit(2, 2)
qc.h(0)
qc.measure([0, 1], [0, 1])
job = backend.run(transpile(qc, backend), shots=100)
counts = job.result().get_counts()
"""


def test_a_transpiled_circuit_is_kept_and_the_client_side_sampler_written_by_default() -> None:
    assert qkm102_fix(HEAD + TRANSPILED) == with_imports("""\
        qc = QuantumCircuit(2, 2)
        qc.h(0)
        qc.measure([0, 1], [0, 1])
        job = Sampler(mode=backend).run([transpile(qc, backend)], shots=100)
        counts = job.result()[0].data.c.get_counts()
        """, CLIENT_IMPORT)
    assert qkm102_fix(HEAD + TRANSPILED, NEW) == qkm102_fix(HEAD + TRANSPILED)


def test_a_target_before_0_50_gets_sampler_v2() -> None:
    assert qkm102_fix(HEAD + TRANSPILED, OLD) == with_imports("""\
        qc = QuantumCircuit(2, 2)
        qc.h(0)
        qc.measure([0, 1], [0, 1])
        job = SamplerV2(mode=backend).run([transpile(qc, backend)], shots=100)
        counts = job.result()[0].data.c.get_counts()
        """, SERVER_IMPORT)


@pytest.mark.parametrize("target, expected", [
    ("0.51.0", CLIENT_SIDE), (">=0.50", CLIENT_SIDE), (">0.49", SERVER_SIDE),  # 0.49.1
    ("~=0.50.1", CLIENT_SIDE), ("==0.45.2", SERVER_SIDE), (">=0.24,<0.50", SERVER_SIDE),
    (">=0.30", SERVER_SIDE),  # both sides: SamplerV2 exists (deprecated only) in all of them
    ("<0.52", None), (">=0.23", None), ("==0.22.0", None),  # no ``mode=`` before 0.24
])
def test_the_sampler_class_is_valid_on_every_targeted_release(
        target: str, expected: tuple[str, str] | None) -> None:
    assert sampler_class((("qiskit-ibm-runtime", target),)) == expected
    assert sampler_class((("qiskit", target),)) == CLIENT_SIDE  # another package's target


def test_no_fix_where_a_targeted_release_has_no_mode() -> None:
    source = HEAD + TRANSPILED
    assert qkm102_fix(source, (("qiskit-ibm-runtime", ">=0.20,<0.30"),)) == source


def test_an_untranspiled_circuit_is_made_isa_before_the_statement() -> None:
    source = HEAD + textwrap.dedent("""\
        qc = QuantumCircuit(3)
        qc.h(0)
        qc.measure_all()
        def run(shots):
            if shots:
                return backend.run(qc, shots=shots).result().get_counts()  # counts
        """)
    body = """\
        qc = QuantumCircuit(3)
        qc.h(0)
        qc.measure_all()
        def run(shots):
            if shots:
                isa_qc = generate_preset_pass_manager(backend=backend, optimization_level=1).run(qc)
                return {}(mode=backend).run([isa_qc], shots=shots).result()[0].data.meas.\
get_counts()  # counts
        """
    assert qkm102_fix(source) == with_imports(body.format("Sampler"), PM_IMPORT, CLIENT_IMPORT)
    assert qkm102_fix(source, OLD) == with_imports(body.format("SamplerV2"), PM_IMPORT,
                                                   SERVER_IMPORT)


def test_memory_becomes_bitstrings_of_the_named_register() -> None:
    source = HEAD.replace("QuantumCircuit,", "ClassicalRegister, QuantumCircuit, QuantumRegister,"
                          ) + textwrap.dedent("""\
        q = QuantumRegister(2)
        out = ClassicalRegister(2, "out")
        qc = QuantumCircuit(q, out)
        result = backend.run(transpile(qc, backend), shots=10, memory=True).result()
        print(result.get_memory(), result.get_counts())
        """)
    assert qkm102_fix(source).endswith(textwrap.dedent("""\
        result = Sampler(mode=backend).run([transpile(qc, backend)], shots=10).result()
        print(result[0].data.out.get_bitstrings(), result[0].data.out.get_counts())
        """))


def test_a_list_of_circuits_is_read_by_index_and_by_circuit() -> None:
    source = HEAD + textwrap.dedent("""\
        a = QuantumCircuit(1, 1)
        b = QuantumCircuit(1, 1)
        b.x(0)
        circuits = transpile([a, b], backend)
        result = backend.run(circuits).result()
        print(result.get_counts(0), result.get_counts(b))
        """)
    assert qkm102_fix(source).endswith(textwrap.dedent("""\
        result = Sampler(mode=backend).run(circuits).result()
        print(result[0].data.c.get_counts(), result[1].data.c.get_counts())
        """))
    untranspiled = source.replace("circuits = transpile([a, b], backend)\n", "").replace(
        "run(circuits)", "run([a, b])")
    assert qkm102_fix(untranspiled).endswith(textwrap.dedent("""\
        isa_circuits = generate_preset_pass_manager(backend=backend, optimization_level=1).\
run([a, b])
        result = Sampler(mode=backend).run(isa_circuits).result()
        print(result[0].data.c.get_counts(), result[1].data.c.get_counts())
        """))


def test_job_monitor_goes_with_the_fix_and_job_id_stays() -> None:
    source = HEAD.replace("from qiskit_ibm_runtime",
                          "from qiskit.tools.monitor import job_monitor\nfrom qiskit_ibm_runtime",
                          ) + textwrap.dedent("""\
        qc = QuantumCircuit(1, 1)
        job = backend.run(transpile(qc, backend), shots=10)
        print(job.job_id())
        job_monitor(job, interval=2)
        counts = job.result().get_counts()
        """)
    assert qkm102_fix(source) == textwrap.dedent("""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_ibm_runtime import QiskitRuntimeService
        from qiskit_ibm_runtime.executor_sampler import Sampler
        service = QiskitRuntimeService()
        backend = service.backend("ibm_kyiv")
        qc = QuantumCircuit(1, 1)
        job = Sampler(mode=backend).run([transpile(qc, backend)], shots=10)
        print(job.job_id())
        counts = job.result()[0].data.c.get_counts()
        """)


def test_a_provider_chain_is_rewritten_with_the_run() -> None:
    source = textwrap.dedent("""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_ibm_provider import IBMProvider
        provider = IBMProvider()
        backend = provider.get_backend("ibm_kyiv")
        qc = QuantumCircuit(1, 1)
        counts = backend.run(transpile(qc, backend)).result().get_counts()
        """)
    expected = textwrap.dedent("""\
        from qiskit import QuantumCircuit, transpile
        from qiskit_ibm_runtime import QiskitRuntimeService
        from qiskit_ibm_runtime.executor_sampler import Sampler
        service = QiskitRuntimeService()
        backend = service.backend("ibm_kyiv")
        qc = QuantumCircuit(1, 1)
        counts = Sampler(mode=backend).run([transpile(qc, backend)]).result()[0].data.c.get_counts()
        """)
    assert qkm102_fix(source) == expected  # never a Sampler on a provider-era backend
    assert fixed(source) == expected  # with the chain's own fix: the same edits, made once


@pytest.mark.parametrize("body", [
    # several classical registers: the keys of the counts would change ('0 1' -> '01')
    "qc = QuantumCircuit(2, 2)\nqc.measure_all()\n"
    "counts = backend.run(transpile(qc, backend)).result().get_counts()\n",
    # a run option without a Sampler home
    "qc = QuantumCircuit(1, 1)\n"
    "counts = backend.run(transpile(qc, backend), job_name='x').result().get_counts()\n",
    "qc = QuantumCircuit(1, 1)\n"
    "counts = backend.run(transpile(qc, backend), **options).result().get_counts()\n",
    # a pulse schedule, not a circuit
    "from qiskit import pulse\nwith pulse.build(backend) as sched:\n    pulse.play(x, d0)\n"
    "counts = backend.run(sched, shots=10).result().get_counts()\n",
    # a result read with no Sampler counterpart
    "qc = QuantumCircuit(1, 1)\nresult = backend.run(transpile(qc, backend)).result()\n"
    "print(result.get_counts(), result.time_taken)\n",
    # the job passed to a function
    "qc = QuantumCircuit(1, 1)\njob = backend.run(transpile(qc, backend))\nsave(job)\n"
    "counts = job.result().get_counts()\n",
    # get_memory without memory=True raised
    "qc = QuantumCircuit(1, 1)\n"
    "memory = backend.run(transpile(qc, backend)).result().get_memory()\n",
    # transpiled for another target
    "qc = QuantumCircuit(1, 1)\n"
    "counts = backend.run(transpile(qc, basis_gates=['cx'])).result().get_counts()\n",
    # all counts of a list: a list of dicts
    "a = QuantumCircuit(1, 1)\nb = QuantumCircuit(1, 1)\n"
    "counts = backend.run(transpile([a, b], backend)).result().get_counts()\n",
    # inside a try: its handler may expect backend.run's errors
    "qc = QuantumCircuit(1, 1)\ntry:\n"
    "    counts = backend.run(transpile(qc, backend)).result().get_counts()\n"
    "except Exception:\n    pass\n",
    # the transpiled circuit's name is taken
    "qc = QuantumCircuit(1, 1)\nisa_qc = 1\ncounts = backend.run(qc).result().get_counts()\n",
    # a statement the transpilation cannot precede
    "qc = QuantumCircuit(1, 1)\nif backend.run(qc).result().get_counts():\n    pass\n",
])
def test_shapes_it_cannot_prove_get_no_fix(body: str) -> None:
    source = HEAD + body
    assert "QKM102" in {f.code for f in check(ast.parse(source), source)}
    assert qkm102_fix(source) == source


@pytest.mark.parametrize("head", [
    # a parameter of the same name: the function's backend is unknown
    HEAD + "def f(backend):\n    pass\n",
    # the provider is used beyond the chain: its rewrite is not offered, nor this fix
    "from qiskit import QuantumCircuit, transpile\nfrom qiskit_ibm_provider import IBMProvider\n"
    "provider = IBMProvider()\nbackend = provider.get_backend('ibm_kyiv')\n"
    "print(provider.active_account())\n",
    # a backend bound twice
    HEAD + "backend = service.backend('ibm_brisbane')\n",
])
def test_backends_it_cannot_prove_get_no_fix(head: str) -> None:
    source = head + "qc = QuantumCircuit(1, 1)\n" \
        "counts = backend.run(transpile(qc, backend)).result().get_counts()\n"
    findings = check(ast.parse(source), source)
    assert "QKM102" in {f.code for f in findings}
    assert qkm102_fix(source) == source


def test_the_fix_is_unsafe(tmp_path: Path) -> None:
    (tmp_path / "legacy.py").write_text(HEAD + TRANSPILED)
    command("check", "legacy.py", "--fix", "--no-cache", "--exit-zero", cwd=tmp_path)
    assert (tmp_path / "legacy.py").read_text() == HEAD + TRANSPILED
    shown = command("check", "legacy.py", "--output-format", "json", "--unsafe-fixes",
                    "--no-cache", "--exit-zero", cwd=tmp_path)
    fixes = {f["code"]: f["fix"] for f in json.loads(shown.stdout)}
    assert fixes["QKM102"]["applicability"] == "unsafe"
    assert fixes["QKM102"]["message"] == (
        "Run the circuit through the Runtime Sampler and read its counts")


PROGRAM = """\
# device: manila
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
backend = service.backend("ibmq_manila")
qc = QuantumCircuit(2)
qc.x(0)
qc.cx(0, 1)
qc.measure_all()
job = backend.run(qc, shots=500, memory=True)
result = job.result()
print("shots:", len(result.get_memory()))
print("top:", max(result.get_counts().items(), key=lambda item: item[1])[0])
"""


@pytest.mark.parametrize("target", ["", ">=0.30,<0.50"])
def test_the_fixed_program_runs_in_local_testing_mode(tmp_path: Path, target: str) -> None:
    """Both classes run on the installed releases, the backend swapped for a fake V2 device."""
    (tmp_path / "legacy.py").write_text(PROGRAM)
    given = ["--target-runtime", target] if target else []
    fixing = command("check", "legacy.py", "--fix", "--unsafe-fixes", "--no-cache",
                     "--exit-zero", *given, cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    text = (tmp_path / "legacy.py").read_text()
    assert ("SamplerV2(mode=backend)" if target else "Sampler(mode=backend)") in text
    assert "get_bitstrings()" in text and "backend.run" not in text
    subprocess.run([sys.executable, str(RUNNER), "--out", str(tmp_path / "out.json"),
                    str(tmp_path / "legacy.py")], check=True, timeout=300)
    ran = json.loads((tmp_path / "out.json").read_text())["legacy"]
    assert ran["error"] is None
    assert ran["output"] == "shots: 500\ntop: 11\n"


EXECUTE = """\
from qiskit import QuantumCircuit, execute
from qiskit_ibm_runtime import QiskitRuntimeService
service = QiskitRuntimeService()
backend = service.backend("ibm_kyiv")
qc = QuantumCircuit(2, 2)
job = execute(qc, backend, shots=100, seed_transpiler=7, memory=True)
print(job.result().get_memory())
"""


@pytest.mark.parametrize("targets, sampler, imported", [
    ((), "Sampler", CLIENT_IMPORT), (OLD, "SamplerV2", SERVER_IMPORT)])
def test_execute_on_an_ibm_backend_is_the_sampler_run_of_what_it_transpiled(
        targets: tuple[tuple[str, str], ...], sampler: str, imported: str) -> None:
    assert fixed(EXECUTE, targets) == (
        "from qiskit import QuantumCircuit, transpile\n"
        "from qiskit_ibm_runtime import QiskitRuntimeService\n" + imported +
        "service = QiskitRuntimeService()\n"
        "backend = service.backend(\"ibm_kyiv\")\n"
        "qc = QuantumCircuit(2, 2)\n"
        f"job = {sampler}(mode=backend).run([transpile(qc, backend, seed_transpiler=7)], "
        "shots=100)\n"
        "print(job.result()[0].data.c.get_bitstrings())\n")


def test_execute_of_a_list_through_qiskit_transpiles_the_list() -> None:
    source = EXECUTE.replace("from qiskit import QuantumCircuit, execute\n",
                             "import qiskit\nfrom qiskit import QuantumCircuit\n").replace(
        "qc = QuantumCircuit(2, 2)\njob = execute(qc, backend, shots=100, seed_transpiler=7, "
        "memory=True)\nprint(job.result().get_memory())\n",
        "a = QuantumCircuit(1, 1)\nb = QuantumCircuit(1, 1)\n"
        "result = qiskit.execute([a, b], backend).result()\nprint(result.get_counts(b))\n")
    assert fixed(source).endswith(
        "result = Sampler(mode=backend).run(qiskit.transpile([a, b], backend)).result()\n"
        "print(result[1].data.c.get_counts())\n")


def test_the_sampler_form_of_execute_is_unsafe_where_the_local_form_is_safe(
        tmp_path: Path) -> None:
    local = EXECUTE.replace("from qiskit_ibm_runtime import QiskitRuntimeService\n",
                            "from qiskit_aer import AerSimulator\n").replace(
        "service = QiskitRuntimeService()\nbackend = service.backend(\"ibm_kyiv\")\n",
        "backend = AerSimulator()\n")
    for name, text in (("ibm.py", EXECUTE), ("local.py", local)):
        (tmp_path / name).write_text(text)
    shown = command("check", ".", "--output-format", "json", "--unsafe-fixes", "--no-cache",
                    "--exit-zero", cwd=tmp_path)
    fixes = {(Path(f["filename"]).name, f["code"], f["location"]["row"]): f["fix"]
             for f in json.loads(shown.stdout)}
    assert {key: (fix["applicability"], fix["message"]) for key, fix in fixes.items()
            if key[1] in ("QKM101", "QKM416")} == {
        ("ibm.py", "QKM101", 1): ("unsafe", "Transpile and run through the Runtime Sampler, "
                                            "and read its counts"),
        ("ibm.py", "QKM101", 6): ("unsafe", "Transpile and run through the Runtime Sampler, "
                                            "and read its counts"),
        ("ibm.py", "QKM416", 6): ("unsafe", "Move the option into `transpile`, with the "
                                            "Sampler form of the fix of `execute`"),
        ("local.py", "QKM101", 1): ("safe", "Transpile and run on the backend, as `execute` did"),
        ("local.py", "QKM101", 5): ("safe", "Transpile and run on the backend, as `execute` did"),
        ("local.py", "QKM416", 5): ("safe", "Move the option into `transpile`, with the fix of "
                                            "`execute`")}
    command("check", ".", "--fix", "--no-cache", "--exit-zero", cwd=tmp_path)
    assert (tmp_path / "ibm.py").read_text() == EXECUTE  # --fix alone: not the unsafe form
    assert "backend.run(transpile(qc, backend, seed_transpiler=7)" in (
        tmp_path / "local.py").read_text()


def test_execute_with_an_option_without_a_sampler_home_gets_no_fix() -> None:
    source = EXECUTE.replace("memory=True", "memory=True, job_name='x'")
    assert fixed(source) == source
