"""The counts paths of legacy code as they are written in notebooks and scripts (issue 22 items 3
and 4): chained simulators, circuits rebound from cell to cell, untranspiled circuits, run
options the Sampler carries, ``execute`` beside IBM backends, and the option findings of a call
whose fix takes the option away. Each legacy program is fixed by the command on a copy and run
with the installed releases: seeded, it prints what the unfixed program printed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import command

SAMPLER = "from qiskit.primitives import BackendSamplerV2"


def notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                                  "execution_count": None, "source": textwrap.dedent(c)}
                                 for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def fix_notebook(tmp_path: Path, *cells: str) -> list[str]:
    """The code cells after ``check --fix --unsafe-fixes``."""
    program = tmp_path / "legacy.ipynb"
    program.write_text(notebook(*cells))
    fixing = command("check", "legacy.ipynb", "--fix", "--unsafe-fixes", "--no-cache",
                     "--exit-zero", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stderr
    return [c["source"] for c in json.loads(program.read_text())["cells"]]


def run_cells(tmp_path: Path, cells: list[str]) -> str:
    """What the notebook's cells print, run in order as one program."""
    program = tmp_path / "cells.py"
    program.write_text("\n".join(cells))
    ran = subprocess.run([sys.executable, "-W", "ignore", str(program)], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_an_import_goes_to_the_cell_of_the_simulator(tmp_path: Path) -> None:
    """``AerSimulator`` is imported at the top of the cell that builds it (the module's
    imports are in the first cell): the fix of QKM111 stays within one cell."""
    cells = fix_notebook(tmp_path, """\
        from qiskit import QuantumCircuit
        from qiskit_aer import Aer
        """, """\
        # a bit flip
        sim = Aer.get_backend('qasm_simulator')
        """)
    assert cells[1] == "# a bit flip\nfrom qiskit_aer import AerSimulator\nsim = AerSimulator()\n"
