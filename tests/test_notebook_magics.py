"""IPython syntax in notebooks is set aside as ruff sets it aside (line magics, shell commands,
their assignments, help, autocall, continuation lines), keeping every position of the Python
around it, so a notebook using it is checked, not a syntax error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import command

from flake8_qiskit_migrate.core.notebook import notebook_code

IMPORT = "from qiskit import execute"  # QKM101, and ruff's F401, at column 20

# Each cell: IPython syntax, then the import, whose finding must be reported at its own row.
CELLS = {
    "shell assignment": "files = !ls\nfiles2 = !!ls -la\n" + IMPORT,
    "magic assignment": "t = %timeit -o sum([1])\n" + IMPORT,
    "continued magic": "%time x = \\\n    1\n" + IMPORT,
    "continued shell": "!ls \\\n  -la\n" + IMPORT,
    "magic alone in a block": "for i in range(2):\n    %time y = i\n" + IMPORT,
    "help and autocall": "sum?\n??sum\nsum.__doc__??\n/print 1\n,print 2\n;print 3\n" + IMPORT,
    "comment ending in ?": IMPORT + "  # why?",
    "% inside brackets": "x = (1\n     % 2)\n" + IMPORT,
    "% inside a string": "s = '''\n%not a magic\n'''\n" + IMPORT,
    "python cell magic": "%%timeit\n" + IMPORT,
    "indented magic": "  %matplotlib inline\n" + IMPORT,  # ruff: unexpected indentation
}


def notebook(*cells: str) -> str:
    return json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                   "source": cell.splitlines(keepends=True)} for cell in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def import_row(cell: str) -> int:
    return next(row for row, line in enumerate(cell.split("\n"), 1) if line.startswith(IMPORT))


@pytest.mark.parametrize("name", CELLS)
def test_the_notebook_is_checked_and_the_finding_is_where_it_is(
        tmp_path: Path, name: str) -> None:
    cell = CELLS[name]
    (tmp_path / "nb.ipynb").write_text(notebook("x = 1", cell))
    result = command("check", "--no-cache", "nb.ipynb", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert [line.split(" QKM")[0] for line in result.stdout.splitlines()] == [
        f"nb.ipynb:cell 2:{import_row(cell)}:20:"]


@pytest.mark.parametrize("name", [name for name in CELLS if name != "indented magic"])
def test_positions_are_ruffs(tmp_path: Path, name: str) -> None:
    """Where ruff parses the notebook, our finding on the import is where ruff's F401 is."""
    (tmp_path / "nb.ipynb").write_text(notebook("x = 1", CELLS[name]))
    ruff = Path(sys.executable).with_name("ruff")
    theirs = subprocess.run([str(ruff), "check", "--isolated", "--no-cache", "--select", "F401",
                             "--output-format", "json", "nb.ipynb"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    ours = command("check", "--no-cache", "--output-format", "json", "nb.ipynb", cwd=tmp_path)
    assert ours.stderr == ""

    def where(report: str) -> list[tuple[int, int, int]]:
        return [(d["cell"], d["location"]["row"], d["location"]["column"])
                for d in json.loads(report)]
    assert where(ours.stdout) == where(theirs.stdout) == [(2, import_row(CELLS[name]), 20)]


def code_of(*lines: str) -> list[str]:
    code, _ = notebook_code(notebook("\n".join(lines)))
    return code.split("\n")[: len(lines)]


def test_an_assigned_magic_keeps_its_name_and_columns() -> None:
    assert code_of("files = !ls -la", "t = %timeit -o f()", "a, b = %sx ls") == [
        "files = ...", "t = ...", "a, b = ..."]


def test_lines_continued_by_a_magic_are_magic_too() -> None:
    assert code_of("%time x = \\", "    1", "y = !echo \\", "  more", "z = 2") == [
        "", "", "y = ...", "", "z = 2"]


def test_a_magic_opening_a_block_is_pass_any_other_is_blank() -> None:
    assert code_of("if x:", "    %time f()", "    %time g()", "  %matplotlib inline") == [
        "if x:", "    pass", "", ""]
    assert code_of("def f():  # a block", "    !ls") == ["def f():  # a block", "    pass"]
    assert code_of("x = 1", "    %time f()") == ["x = 1", ""]
    assert code_of("for i in x:", "    %time y = \\", "        i") == [
        "for i in x:", "    pass", ""]


def test_only_a_logical_line_can_start_ipython_syntax() -> None:
    python = ["x = (1", "  % 2)", "s = '''", "!not a command", "'''", "y = 1 \\", "  % 2",
              "t = 'why?'", "u = 1  # why?", "# %comment"]
    assert code_of(*python) == python
    assert code_of("sum?", "?sum", "sum.__doc__??", "/f 1", ",f 2", ";f 3") == [""] * 6


def test_cell_magics_whose_body_is_python_are_checked_as_ruff_checks_them() -> None:
    for magic in ("capture", "debug", "prun", "pypy", "python", "python3", "time", "timeit"):
        assert code_of(f"%%{magic}", "x = 1") == ["", "x = 1"], magic
    assert code_of("%%bash", "echo hi") == ["", ""]


def test_a_fix_in_a_cell_keeps_its_ipython_lines(tmp_path: Path) -> None:
    cell = ("files = !ls\nfrom qiskit_ibm_runtime import SamplerV2\n"
            "s = SamplerV2(session=sess)\nt = %timeit -o f()\n")
    (tmp_path / "nb.ipynb").write_text(notebook(cell))
    result = command("check", "--no-cache", "--fix", "nb.ipynb", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    fixed = json.loads((tmp_path / "nb.ipynb").read_text())["cells"][0]["source"]
    assert "".join(fixed) == cell.replace("session=", "mode=")
