"""End to end with a real editor: headless Neovim attaches ``flake8-qiskit-migrate server``,
shows its diagnostics, applies a quick fix through its own code-action path and sees the
diagnostic go."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server needs the 'server' extra (pygls)")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "editors" / "neovim_quickfix.lua"
LEGACY = '''from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    s = "\U0001d6fc\u00e9"; sampler = SamplerV2(session=session)
'''
NVIM = shutil.which("nvim")


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (.ci/run installs Debian's "
                    "'neovim' where it can; 'apt-get install -y neovim' to run this test)")
@pytest.mark.parametrize("pick", [
    "Replace `session=` with `mode=`",
    # Its edit comes when it is picked: Neovim asks for it (codeAction/resolve).
    "flake8-qiskit-migrate: fix all auto-fixable problems"])
def test_neovim_shows_the_diagnostic_applies_the_quick_fix_and_the_diagnostic_goes(
        tmp_path: Path, pick: str) -> None:
    assert NVIM is not None
    path = tmp_path / "legacy.py"
    path.write_text(LEGACY, encoding="utf-8")
    result = tmp_path / "result.txt"
    line = LEGACY.splitlines()[4]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SERVER_PYTHON": sys.executable,
           "RESULT": str(result), "ROW": "5", "COLUMN": str(line.index("session=")),
           "PICK": pick, "BEFORE": line, "GONE": "QKM412"}
    run = subprocess.run([NVIM, "--headless", "--clean", "-n", str(path), "-c",
                          f"luafile {SCRIPT}"], cwd=tmp_path, env=env, timeout=120,
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    said = result.read_text(encoding="utf-8").splitlines() if result.exists() else []
    assert run.returncode == 0, (said, run.stdout, run.stderr)
    # Neovim 0.7 speaks UTF-16 to the server and shows byte columns in vim.diagnostic: the
    # column proves the conversion (the alpha is 2 units and 4 bytes, the e-acute 1 and 2).
    column = len(line[:line.index("session=")].encode("utf-8"))
    assert said[0] == f"diagnostics QKM412@4:{column} QKM501@2:31"
    assert "offered Replace `session=` with `mode=`" in said
    assert "offered Disable QKM412 for this line" in said
    assert said[-2] == "line " + line.replace("session=session", "mode=session")
    assert said[-1] == "after QKM501@2:31"
    assert path.read_text(encoding="utf-8") == LEGACY  # the buffer changed, not the file
