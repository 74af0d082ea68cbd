"""Running the command as a user would, for the tests that need a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def command(*args: str, cwd: Path, stdin: str | None = None,
            quiet: bool = True) -> subprocess.CompletedProcess[str]:
    """``flake8-qiskit-migrate ARGS``; a ``check`` is ``--quiet`` unless asked otherwise, so
    tests read the findings without the closing summary (tested on its own)."""
    if quiet and args and args[0] == "check":
        args = ("check", "--quiet", *args[1:])
    return subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", *args], cwd=cwd,
                          input=stdin, capture_output=True, text=True, check=False)


def notebook(*cells: str, indent: int | None = None) -> str:
    """An ``.ipynb`` document (nbformat 4) of code cells with these sources."""
    return json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                                  "outputs": [], "source": cell.splitlines(keepends=True)}
                                 for cell in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=indent)
