"""The server checks with the command's core: the same findings as ``check -`` on the same
buffer, with the same settings; a check that fails says so instead of going silent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_qiskit_migrate.server import checking

ROOT = Path(__file__).resolve().parent.parent
LEGACY = '''from qiskit import execute, IBMQ
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService(channel="ibm_quantum")
with Session(backend=service.backend("ibm_kyiv")) as session:
    s = "\u00e9"; sampler = SamplerV2(session=session)
job = execute(circuit, backend, shots=100)  # noqa: QKM101
IBMQ.load_account()
'''


def test_the_same_findings_and_fixes_as_check_stdin(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-qiskit-migrate]\nignore = ["QKM401"]\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check",
                          "--output-format", "json", "--no-cache", "--stdin-filename", "a.py",
                          "-"], input=LEGACY, capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(ROOT)}, timeout=120)
    command = [(d["code"], d["location"]["row"], d["location"]["column"],
                d["fix"] and [(e["location"]["row"], e["location"]["column"], e["content"])
                              for e in d["fix"]["edits"]]) for d in json.loads(run.stdout)]
    resolved = checking.resolve(tmp_path, checking.EditorSettings())
    server = [(d.code, d.row, d.column,
               d.fix and [(e.row, e.column, e.content) for e in d.fix.edits])
              for d in checking.check(str(tmp_path / "a.py"), LEGACY, resolved).diagnostics]
    assert server == command
    # QKM401 ignored by the project, the use of execute by its noqa.
    assert [code for code, *_ in server] == ["QKM101", "QKM203", "QKM501", "QKM412", "QKM204"]


def test_a_check_that_fails_is_a_problem_not_silence(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")
    monkeypatch.setattr(checking, "diagnose", broken)
    resolved = checking.resolve(tmp_path, checking.EditorSettings())
    result = checking.check(str(tmp_path / "a.py"), LEGACY, resolved)
    assert result.diagnostics == []
    assert result.problem is not None
    assert result.problem.message == "internal error while checking it (RuntimeError: boom)"
