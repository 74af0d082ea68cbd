"""Issue 25, item 3, across modules: the project index. The project under
``tests/projects/index_demo`` defines subclasses of Qiskit classes, values and functions in
``demo/backends.py``, a class named ``Backend`` of its own in ``demo/devices.py``, and uses them in
``demo/jobs.py`` and ``demo/lab.py``."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import command

from flake8_qiskit_migrate.core.cache import DEFAULT_NAME
from flake8_qiskit_migrate.engine import INDEX, check
from flake8_qiskit_migrate.prescan import may_find
from flake8_qiskit_migrate.project_index import ProjectIndex, build, project_files

DEMO = Path(__file__).parent / "projects" / "index_demo"
# demo/jobs.py: (line, column, code); the shots column is the ``shots=`` keyword's.
JOBS = [
    (17, 1, "QKM103"), (17, 23, "QKM401"),  # Device(), a subclass of BackendV2
    (18, 1, "QKM103"), (18, 27, "QKM401"),  # the same class, re-exported by demo/__init__.py
    (19, 1, "QKM103"), (19, 27, "QKM401"),  # a subclass of that subclass, in its module
    (20, 1, "QKM103"), (20, 26, "QKM401"),  # a subclass of it in the user's module
    (21, 1, "QKM103"), (21, 31, "QKM401"),  # a function returning a subclass of AerSimulator
    (22, 1, "QKM103"), (22, 28, "QKM401"),  # a function annotated to return a BackendV2
    (23, 1, "QKM103"), (23, 24, "QKM401"),  # a module-level AerSimulator()
    (24, 1, "QKM103"), (24, 33, "QKM401"),  # the same, through the module
    # 25: MySampler subclasses BaseSamplerV2, whose run takes shots; 27: demo.devices.Backend
    # subclasses nothing of Qiskit's, so the receiver's name says nothing.
    (29, 1, "QKM104"), (29, 29, "QKM401"),  # a class of another distribution stays unknown
]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "project")
    return tmp_path / "project"


def findings(root: Path, *args: str) -> dict[str, list[tuple[int, int, str]]]:
    run = command("check", "--output-format", "json", *args, cwd=root)
    assert run.returncode in (0, 1), run.stderr
    found: dict[str, list[tuple[int, int, str]]] = {}
    for item in json.loads(run.stdout):
        name = Path(item["filename"]).relative_to(root).as_posix()
        found.setdefault(name, []).append(
            (item["location"]["row"], item["location"]["column"], item["code"]))
    return found


def test_a_backend_subclass_defined_in_one_module_is_a_backend_in_another(project: Path) -> None:
    assert findings(project, "--no-cache") == {"demo/jobs.py": JOBS}


def test_one_file_checked_alone_knows_the_rest_of_its_package(project: Path) -> None:
    assert findings(project, "--no-cache", "demo/jobs.py") == {"demo/jobs.py": JOBS}


def test_a_buffer_from_stdin_is_checked_with_the_index_of_its_file_s_package(
        project: Path) -> None:
    text = (project / "demo" / "jobs.py").read_text()
    run = command("check", "--no-cache", "--output-format", "json", "--stdin-filename",
                  "demo/jobs.py", "-", cwd=project, stdin=text)
    assert [(d["location"]["row"], d["location"]["column"], d["code"])
            for d in json.loads(run.stdout)] == JOBS


def test_a_notebook_in_a_package_checked_alone_knows_its_package(project: Path) -> None:
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": ["from demo.backends import Device\n", "Device().run(qc, shots=1)\n"]}
    (project / "demo" / "try.ipynb").write_text(json.dumps(
        {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert findings(project, "--no-cache", "demo/try.ipynb") == {
        "demo/try.ipynb": [(2, 1, "QKM103"), (2, 18, "QKM401")]}


def test_editing_the_defining_module_rechecks_its_users(project: Path) -> None:
    assert findings(project) == {"demo/jobs.py": JOBS}
    assert findings(project) == {"demo/jobs.py": JOBS}  # warm: from the cache
    backends = project / "demo" / "backends.py"
    text = backends.read_text()
    backends.write_text(text.replace("class Device(BackendV2):", "class Device:"))
    # Device and its subclasses are nothing of Qiskit's now (rows 17 to 20).
    assert findings(project) == {"demo/jobs.py": JOBS[8:]}
    backends.write_text(text)
    assert findings(project) == {"demo/jobs.py": JOBS}


def test_a_clean_user_is_rechecked_when_the_class_it_uses_becomes_a_backend(
        project: Path) -> None:
    """demo/lab.py reported nothing, so the manifest of clean files vouches for it unread; the
    index it was checked with is part of that record."""
    assert "demo/lab.py" not in findings(project)
    devices = project / "demo" / "devices.py"
    devices.write_text("from qiskit_aer import AerSimulator\n\n\nclass Backend(AerSimulator):\n"
                       "    pass\n")
    assert findings(project)["demo/lab.py"] == [(3, 1, "QKM103")]
    assert findings(project, "--no-cache")["demo/lab.py"] == [(3, 1, "QKM103")]


def test_the_flake8_plugin_reads_the_index_the_command_stored(project: Path) -> None:
    def flake8() -> list[tuple[int, int, str]]:
        run = subprocess.run([sys.executable, "-m", "flake8", "--select", "QKM",
                              "--format", "%(row)d %(col)d %(code)s", "demo"], cwd=project,
                             capture_output=True, text=True, check=False)
        assert run.returncode in (0, 1), run.stderr
        return [(int(row), int(col), code)
                for row, col, code in (line.split() for line in run.stdout.splitlines())]
    # Without the index: only what jobs.py proves itself, and the by-name heuristics.
    assert flake8() == [(23, 1, "QKM104"), (23, 24, "QKM401"), (24, 1, "QKM104"),
                        (24, 33, "QKM401"), (27, 1, "QKM104"), (27, 22, "QKM401"),
                        (29, 1, "QKM104"), (29, 29, "QKM401")]
    findings(project)  # a run of the command fills the cache
    assert (project / DEFAULT_NAME).is_dir()
    assert flake8() == JOBS


def test_a_failing_index_pass_leaves_the_check_running(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from flake8_qiskit_migrate.core import runner, sources
    from flake8_qiskit_migrate.core.filters import Selection
    from flake8_qiskit_migrate.registry import Settings

    def broken(*args: object) -> ProjectIndex:
        raise KeyError("bug")
    monkeypatch.setattr(runner, "build", broken)
    job = runner.Job(Selection.build(None, [], []), Settings(), with_fixes=False)
    outcomes = list(runner.check_all([str(project / "demo")], sources.Exclusion(), 1, job, None))
    assert len(outcomes) == 5 and all(o.problem is None for o in outcomes)
    found = {(d.row, d.code) for o in outcomes for d in o.diagnostics}
    assert found == {(23, "QKM104"), (24, "QKM104"), (27, "QKM104"), (29, "QKM104"),
                     (23, "QKM401"), (24, "QKM401"), (27, "QKM401"), (29, "QKM401")}
    assert capsys.readouterr().err == ("warning: the project index was not built (KeyError: "
                                       "'bug'); the project's own classes are unknown\n")


def index_of(files: dict[str, str]) -> ProjectIndex:
    """The index of a project given as {relative path: text}, under a folder ``pkg``."""
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        modules = project_files([str(root / name) for name in files], INDEX.roots)
        index = build({path: Path(path).read_bytes() for path in modules}, modules, INDEX)
    return index


def test_the_index_holds_classes_values_functions_and_re_exports() -> None:
    index = index_of({
        "pkg/__init__.py": "from .sims import Sim\n",
        "pkg/sims.py": ("from qiskit_aer import AerSimulator\n"
                        "class Sim(AerSimulator):\n    pass\n"
                        "class Two(Sim, AerSimulator):\n    pass\n"
                        "DEFAULT = Sim()\n"
                        "def fresh():\n    return Sim()\n"
                        "def either(flag):\n    if flag:\n        return Sim()\n    return None\n"),
        "pkg/plain.py": "class Backend:\n    pass\n",
    })
    assert index.modules == {
        "pkg": {"Sim()": "qiskit_aer.AerSimulator()"},
        "pkg.sims": {"Sim()": "qiskit_aer.AerSimulator()", "Two()": "<local>.pkg.sims.Two()",
                     "DEFAULT": "qiskit_aer.AerSimulator()",
                     "fresh()": "qiskit_aer.AerSimulator()"},
        "pkg.plain": {"Backend()": "<local>.pkg.plain.Backend()"},  # read, not parsed
    }
    assert index.words == {b"Sim", b"DEFAULT", b"fresh"}


def test_what_a_module_may_rebind_or_a_function_may_not_return_is_not_known() -> None:
    index = index_of({
        "pkg/__init__.py": "",
        "pkg/m.py": ("from qiskit_aer import AerSimulator\n"
                     "try:\n    from qiskit_aer import QasmSimulator\nexcept ImportError:\n"
                     "    QasmSimulator = None\n"
                     "SIM = AerSimulator()\nOTHER = AerSimulator()\n"
                     "if flag:\n    SIM = None\n"
                     "def param(SIM):\n    return SIM\n"
                     "def rebound():\n    b = AerSimulator()\n    for b in x:\n        pass\n"
                     "    return b\n"
                     "def local():\n    b = AerSimulator()\n    return b\n"
                     "async def coroutine():\n    return AerSimulator()\n"
                     "def generator():\n    yield 1\n    return AerSimulator()\n"
                     "@decorated\ndef wrapped():\n    return AerSimulator()\n"
                     "def shim():\n    return QasmSimulator()\n"),
    })
    assert index.modules == {"pkg.m": {"OTHER": "qiskit_aer.AerSimulator()",
                                       "local()": "qiskit_aer.AerSimulator()",
                                       "shim()": "qiskit_aer.AerSimulator()"}}  # as Qiskit says


def test_a_test_backend_deriving_from_a_fake_backend_is_a_backend_where_it_is_used() -> None:
    index = index_of({"lab/__init__.py": "",
                      "lab/fakes.py": ("from qiskit_ibm_runtime.fake_provider import FakeManilaV2\n"
                                       "class TestBackend(FakeManilaV2):\n    pass\n")})
    user = "from lab.fakes import TestBackend\nTestBackend().run(qc, shots=1)\n"
    assert index.words == {b"TestBackend"}  # Fake* is an anchor, by its prefix
    found = check(ast.parse(user), user, project=index)
    assert [(f.line, f.col + 1, f.code, f.name) for f in found] == [
        (2, 1, "QKM103", "TestBackend().run"), (2, 23, "QKM401", "shots=")]


def test_a_module_reaching_no_value_of_a_finding_is_not_parsed() -> None:
    """No rule looks at what a QuantumCircuit is, so a module spelling no anchor of the prescan
    is only read for its classes (objects of the project, as a subclass of QuantumCircuit's
    would be nothing a rule looks at either); AerSimulator is an anchor."""
    index = index_of({"pkg/__init__.py": "",
                      "pkg/c.py": "from qiskit import QuantumCircuit\nclass Circ(QuantumCircuit):\n"
                                  "    pass\nDEFAULT = QuantumCircuit(2)\n",
                      "pkg/s.py": "from qiskit_aer import AerSimulator\nclass S(AerSimulator):\n"
                                  "    pass\n"})
    assert index.modules == {"pkg.c": {"Circ()": "<local>.pkg.c.Circ()"},
                             "pkg.s": {"S()": "qiskit_aer.AerSimulator()"}}
    assert index.words == {b"S"}


def test_qiskit_packages_and_files_outside_packages_are_not_the_project() -> None:
    value = "import qiskit\nX = qiskit.QuantumCircuit()\n"
    assert index_of({"qiskit/__init__.py": "", "qiskit/mine.py": value,
                     "script.py": value}).modules == {}


def test_the_prescan_lets_through_a_module_that_spells_a_name_of_the_index() -> None:
    user = "from mypkg.backends import MyBackend\nMyBackend().run(qc, shots=10)\n"
    index = ProjectIndex({"mypkg.backends": {"MyBackend()": "qiskit.providers.BackendV2()"}})
    assert not may_find(user)
    assert may_find(user, project=index.words)
    found = check(ast.parse(user), user, project=index)
    assert [(f.line, f.col + 1, f.code) for f in found] == [(2, 1, "QKM103"), (2, 21, "QKM401")]
    assert check(ast.parse(user), user) == []


def test_a_project_class_of_no_qiskit_base_is_not_a_backend_by_its_name() -> None:
    user = ("import qiskit\nfrom mypkg.devices import Backend\n"
            "backend = Backend()\nbackend.run(qc, shots=10)\n")
    index = ProjectIndex({"mypkg.devices": {"Backend()": "<local>.mypkg.devices.Backend()"}})
    assert check(ast.parse(user), user, project=index) == []
    assert [f.code for f in check(ast.parse(user), user)] == ["QKM104", "QKM401"]


def test_the_cache_key_follows_only_the_entries_a_module_spells() -> None:
    backend = "qiskit.providers.BackendV2()"
    index = ProjectIndex({"m": {"A()": backend, "b": "qiskit.QuantumCircuit()"}})
    changed = ProjectIndex({"m": {"A()": backend, "b": "qiskit_aer.AerSimulator()"}})
    assert index.digest({b"A"}) == changed.digest({b"A"}) != ""
    assert index.digest({b"b"}) != changed.digest({b"b"})
    assert index.digest({b"other"}) == "" and index.fingerprint != changed.fingerprint


def test_a_syntax_error_in_a_defining_module_is_reported_once_and_the_rest_still_known(
        project: Path) -> None:
    (project / "demo" / "broken.py").write_text("from qiskit import IBMQ\nclass (:\n")
    run = command("check", "--no-cache", "demo", cwd=project)
    assert run.returncode == 2
    assert run.stderr.count("demo/broken.py") == 1
    assert run.stdout.count("demo/jobs.py:") == len(JOBS)


def test_no_index_is_stored_for_files_outside_any_package(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from qiskit import IBMQ\n")
    command("check", "a.py", cwd=tmp_path)
    assert not list((tmp_path / DEFAULT_NAME).rglob("project-index"))
    assert os.listdir(tmp_path / DEFAULT_NAME)
