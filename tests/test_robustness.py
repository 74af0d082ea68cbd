"""The engine never raises, and the command gives a clear outcome on pathological input."""

from __future__ import annotations

import ast
import subprocess
import sys
import sysconfig
import warnings
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings

from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.packages import package_of

# Prefixes that put generated code into a Qiskit module with everything resolvable.
PREFIXES = [
    "",
    "import qiskit\nfrom qiskit import *\nfrom qiskit.primitives import *\n",
    "from qiskit_ibm_runtime import *\nfrom qiskit_aer import AerSimulator as backend\n",
]


def parses(source: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(source=hypothesmith.from_grammar())
@pytest.mark.parametrize("prefix", PREFIXES)
def test_engine_never_raises_on_generated_programs(prefix: str, source: str) -> None:
    code = prefix + source
    tree = parses(code)
    if tree is not None:
        check(tree, code)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(source=hypothesmith.from_node())
def test_engine_never_raises_on_generated_syntax_trees(source: str) -> None:
    code = PREFIXES[1] + source
    tree = parses(code)
    if tree is not None:
        check(tree, code)


def _walk_tree(root: Path) -> tuple[int, list[str]]:
    checked, failures = 0, []
    for path in sorted(root.rglob("*.py")):
        if "site-packages" in path.relative_to(root).parts:
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        tree = parses(source)
        if tree is None:
            continue
        try:
            check(tree, source, package=lambda: package_of(str(path)))
        except Exception as error:  # the assertion below lists them all
            failures.append(f"{path}: {error!r}")
        checked += 1
    return checked, failures


@pytest.mark.slow
@pytest.mark.parametrize("root", [
    Path(sys.modules["qiskit"].__file__).parent if "qiskit" in sys.modules
    else Path(__import__("qiskit").__file__).parent,
    Path(sysconfig.get_paths()["stdlib"]),
], ids=["qiskit", "stdlib"])
def test_engine_runs_over_whole_source_trees(root: Path) -> None:
    checked, failures = _walk_tree(root)
    assert failures == []
    assert checked > 500


def command(path: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check", "--quiet",
                           str(path)],
                          capture_output=True, text=True, timeout=timeout, check=False)


def test_hundred_thousand_lines(tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    body = "".join(f"x{i} = backend.run(c)\n" for i in range(100_000))
    path.write_text("import qiskit\n" + body + "from qiskit import execute\n")
    result = command(path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 100_001 and lines[-1].startswith(f"{path}:100002:20: QKM101")


def test_nesting_beyond_the_parser_limit_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.py"
    path.write_text("from qiskit import execute\nx = " + "(" * 1000 + "1" + ")" * 1000 + "\n")
    result = command(path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {path}: ")


def test_deep_call_chain_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "chain.py"
    path.write_text("import qiskit\ny = qiskit" + ".f()" * 1200 + "\nqiskit.IBMQ\n")
    result = command(path)
    assert result.stdout.startswith(f"{path}:3:1: QKM203"), result.stderr


def test_very_long_line(tmp_path: Path) -> None:
    path = tmp_path / "long.py"
    path.write_text("import qiskit\nx = [" + "1, " * 200_000 + "]; qiskit.execute(c, b)\n")
    result = command(path)
    assert result.returncode == 1 and ":2:" in result.stdout and "QKM101" in result.stdout


@pytest.mark.parametrize("data, expected", [
    (b"import qiskit\x00\nqiskit.IBMQ\n", "error"),
    (b"\xef\xbb\xbfimport qiskit\r\nqiskit.IBMQ\r\n", ":2:1: QKM203"),
    (b"import qiskit\r\n\x0c\r\nqiskit.IBMQ\r\n", ":3:1: QKM203"),
    (b"import qiskit\rqiskit.IBMQ\r", ":2:1: QKM203"),
], ids=["nul-byte", "bom-crlf", "form-feed", "cr-only"])
def test_odd_bytes_have_a_clear_outcome(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "odd.py"
    path.write_bytes(data)
    result = command(path, timeout=20)
    assert "Traceback" not in result.stderr
    if expected == "error":
        assert result.returncode == 2 and result.stderr.startswith(f"error: {path}: ")
    else:
        assert expected in result.stdout
