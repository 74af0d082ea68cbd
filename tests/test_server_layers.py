"""The layers: the command and the server are front ends on ``core``; neither imports the
other (the command only launches the server), the plain linter never pays for pygls, and
the engine and the prescan do not import each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "flake8_qiskit_migrate"


def _imported(path: Path) -> set[str]:
    """The modules of the package a file imports (absolute names), wherever the import is."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found |= {module, *(f"{module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m.startswith("flake8_qiskit_migrate")}


def _imports_of(folder: str) -> dict[str, set[str]]:
    return {str(p.relative_to(ROOT)): _imported(p) for p in (PACKAGE / folder).glob("*.py")}


def test_core_imports_neither_front_end() -> None:
    front_ends = ("flake8_qiskit_migrate.cli", "flake8_qiskit_migrate.server")
    for path, modules in _imports_of("core").items():
        assert not {m for m in modules if m.startswith(front_ends)}, path


def test_the_server_imports_nothing_of_the_command_line() -> None:
    for path, modules in _imports_of("server").items():
        assert not {m for m in modules if m.startswith("flake8_qiskit_migrate.cli")}, path


def test_the_command_line_only_launches_the_server() -> None:
    found = {path: {m for m in modules if m.startswith("flake8_qiskit_migrate.server")}
             for path, modules in _imports_of("cli").items()}
    assert {path: m for path, m in found.items() if m} == {
        "flake8_qiskit_migrate/cli/main.py": {"flake8_qiskit_migrate.server",
                                              "flake8_qiskit_migrate.server.serve"}}


def test_engine_and_prescan_do_not_import_each_other() -> None:
    assert "flake8_qiskit_migrate.engine" not in _imported(PACKAGE / "prescan.py")
    assert "flake8_qiskit_migrate.prescan" in _imported(PACKAGE / "engine.py")


def test_a_check_imports_neither_pygls_nor_lsprotocol(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from qiskit import execute\n", encoding="utf-8")
    probe = ("import sys, runpy\n"
             "sys.argv = ['flake8-qiskit-migrate', 'check', '--no-cache', 'a.py']\n"
             "try:\n    runpy.run_module('flake8_qiskit_migrate', run_name='__main__')\n"
             "except SystemExit as done:\n"
             "    print(done.code, sorted(m for m in sys.modules if m.split('.')[0] in "
             "('pygls', 'lsprotocol', 'cattrs')))\n")
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                         text=True, env={"PYTHONPATH": str(ROOT)}, timeout=120)
    assert run.stdout.splitlines()[-1] == "1 []", run.stderr


def test_without_the_extra_the_server_says_what_to_install(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "pygls").mkdir()
    (blocker / "pygls" / "__init__.py").write_text("raise ImportError('blocked', name='pygls')\n")
    run = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "server"],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
                         env={"PYTHONPATH": f"{blocker}:{ROOT}"})
    assert run.returncode == 2
    assert run.stderr == ("error: the language server needs the 'server' extra (pygls is not "
                          "installed): pip install '.[server]' in a clone of "
                          "flake8-qiskit-migrate\n")
