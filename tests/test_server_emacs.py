"""End to end with a second real editor: batch Emacs with Eglot attaches
``flake8-qiskit-migrate server``, shows its diagnostics through Flymake, applies a quick fix
through ``M-x eglot-code-actions`` and sees the diagnostic go."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server needs the 'server' extra (pygls)")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "editors" / "emacs_quickfix.el"
LEGACY = '''from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    s = "\U0001d6fc\u00e9"; sampler = SamplerV2(session=session)
'''
EMACS = shutil.which("emacs")


def has_eglot() -> bool:
    assert EMACS is not None
    probe = subprocess.run([EMACS, "--batch", "-q", "--eval",
                            "(progn (package-initialize) (require 'eglot))"],
                           capture_output=True, text=True, timeout=60,
                           stdin=subprocess.DEVNULL)
    return probe.returncode == 0


@pytest.mark.skipif(EMACS is None or not has_eglot(),
                    reason="Emacs with Eglot is not installed (.ci/run installs Debian's "
                    "'emacs-nox' and 'elpa-eglot' where it can)")
def test_emacs_eglot_shows_the_diagnostic_applies_the_quick_fix_and_the_diagnostic_goes(
        tmp_path: Path) -> None:
    path = tmp_path / "legacy.py"
    path.write_text(LEGACY, encoding="utf-8")
    result = tmp_path / "result.txt"
    line = LEGACY.splitlines()[4]
    column = line.index("session=")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SERVER_PYTHON": sys.executable,
           "FILE": str(path), "RESULT": str(result), "ROW": "5", "COLUMN": str(column),
           "PICK": "Replace `session=` with `mode=`", "GONE": "QKM412"}
    assert EMACS is not None
    run = subprocess.run([EMACS, "--batch", "-q", "-l", str(SCRIPT)], cwd=tmp_path, env=env,
                         timeout=120, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    said = result.read_text(encoding="utf-8").splitlines() if result.exists() else []
    assert run.returncode == 0, (said, run.stdout, run.stderr)
    # Eglot speaks UTF-16 and Flymake counts characters: the astral alpha before the finding
    # is two UTF-16 units but one character, so the column proves the conversion.
    assert said[0] == f"diagnostics QKM412@4:{column} QKM501@2:31"
    assert "offered Replace `session=` with `mode=`" in said
    assert "offered Disable QKM412 for this line" in said
    assert said[-2] == "line " + line.replace("session=session", "mode=session")
    assert said[-1] == "after QKM501@2:31"
    assert path.read_text(encoding="utf-8") == LEGACY  # the buffer changed, not the file
