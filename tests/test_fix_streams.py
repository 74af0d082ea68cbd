"""Where ``--fix``, ``--diff`` and the report go: a fixed buffer from stdin on stdout with its
remaining findings on stderr (as ruff), diffs that ``git apply`` accepts, a report file that
cannot be written, and Ctrl-C in the middle of a run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import command as run

LEGACY = ("from qiskit_ibm_runtime import QiskitRuntimeService as S, SamplerV2\n"
          "SamplerV2(session=s)\nSamplerV2(backend=S().backend())\nbackend.run(qc)\n")
FIXED = ("from qiskit_ibm_runtime import QiskitRuntimeService as S, SamplerV2\n"
         "SamplerV2(mode=s)\nSamplerV2(mode=S().backend())\nbackend.run(qc)\n")


def test_stdin_fix_prints_the_code_on_stdout_and_what_remains_on_stderr(tmp_path: Path) -> None:
    result = run("check", "--no-cache", "--fix", "-", cwd=tmp_path, stdin=LEGACY, quiet=False)
    assert result.returncode == 1
    assert result.stdout == FIXED
    assert result.stderr.splitlines()[0].startswith("-:4:1: QKM104 'backend.run(...)'")
    assert result.stderr.splitlines()[1:] == ["", "Found 3 errors (2 fixed, 1 remaining)."]


def test_stdin_fix_of_everything_exits_0_and_counts_the_fixes(tmp_path: Path) -> None:
    fixable = LEGACY.replace("backend.run(qc)\n", "")
    result = run("check", "--no-cache", "--fix", "-", cwd=tmp_path, stdin=fixable, quiet=False)
    assert (result.returncode, result.stdout) == (0, FIXED.replace("backend.run(qc)\n", ""))
    assert result.stderr == "Found 2 errors (2 fixed, 0 remaining).\n"


def test_stdin_fix_with_json_and_exit_zero(tmp_path: Path) -> None:
    result = run("check", "--no-cache", "--fix", "--output-format", "json", "--exit-zero",
                 "--stdin-filename", "job.py", "-", cwd=tmp_path, stdin=LEGACY)
    assert (result.returncode, result.stdout) == (0, FIXED)
    assert [(Path(d["filename"]).name, d["code"], d["location"]["row"])
            for d in json.loads(result.stderr)] == [("job.py", "QKM104", 4)]


def _bytes(*args: str, cwd: Path, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    """What a command prints, byte for byte (text mode would turn CRLF into LF)."""
    done = subprocess.run(args, cwd=cwd, input=stdin, capture_output=True, check=False)
    return done.returncode, done.stdout, done.stderr


NOTEBOOK = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
    {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
     "source": ["from qiskit_ibm_runtime import SamplerV2\n", "SamplerV2(session=s)"]}]},
    indent=1)  # no final newline, as some tools write notebooks


@pytest.mark.parametrize("name, text", [
    ("no_final_newline.py", LEGACY.replace("\nbackend.run(qc)\n", "")),
    ("crlf.py", LEGACY.replace("\n", "\r\n")),
    ("crlf_no_final_newline.py", LEGACY.replace("\n", "\r\n").rstrip()),
    ("form_feed.py", LEGACY.replace("backend.run(qc)", "x = 1  # \x0c page\nbackend.run(qc)")),
    ("notebook.ipynb", NOTEBOOK),
])
def test_diff_is_a_patch_that_git_applies_as_fix_writes(
        tmp_path: Path, name: str, text: str) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    applied, fixed = tmp_path / "applied", tmp_path / "fixed"
    for folder in (applied, fixed):
        folder.mkdir()
        (folder / name).write_bytes(text.encode())
    code, diff, _ = _bytes(sys.executable, "-m", "flake8_qiskit_migrate", "check",
                           "--no-cache", "--diff", name, cwd=applied)
    assert code == 1 and diff.startswith(f"--- a/{name}\n+++ b/{name}\n".encode())
    run("check", "--no-cache", "--fix", name, cwd=fixed)
    assert (fixed / name).read_bytes() != text.encode()
    assert _bytes("git", "apply", "--verbose", "-", cwd=applied, stdin=diff) == (
        0, b"", f"Checking patch {name}...\nApplied patch {name} cleanly.\n".encode())
    assert (applied / name).read_bytes() == (fixed / name).read_bytes()
    if shutil.which("patch"):
        (applied / name).write_bytes(text.encode())
        code, _, error = _bytes("patch", "-p1", "--quiet", cwd=applied, stdin=diff)
        assert (code, error) == (0, b"")
        assert (applied / name).read_bytes() == (fixed / name).read_bytes()


def test_diff_marks_the_missing_final_newline(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from qiskit_ibm_runtime import SamplerV2\nSamplerV2(session=s)")
    assert run("check", "--no-cache", "--diff", "a.py", cwd=tmp_path).stdout.splitlines()[-4:] == [
        "-SamplerV2(session=s)", "\\ No newline at end of file",
        "+SamplerV2(mode=s)", "\\ No newline at end of file"]


def test_an_output_file_in_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    result = run("check", "--no-cache", "--output-file", "missing/report.json",
                 "--output-format", "json", "a.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("error: cannot write the report to missing/report.json: "
                             "no such file or directory\n")
    assert result.stdout == "" and not (tmp_path / "missing").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_with_one_line_and_no_half_written_file(tmp_path: Path, jobs: str) -> None:
    """SIGINT to the whole process group, as a terminal sends it, once fixing has begun."""
    from test_fix_faults import LEGACY as BIG
    for i in range(240):  # long enough that the signal lands mid-run on a loaded machine
        (tmp_path / f"m{i:03}.py").write_text(BIG)
    process = subprocess.Popen(
        [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--no-cache", "--fix",
         "-j", jobs, "."], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while all(p.read_text() == BIG for p in tmp_path.glob("m*.py")):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (130, "", "error: interrupted\n")
    contents = {p.read_text() for p in tmp_path.glob("m*.py")}
    assert BIG in contents and len(contents) == 2  # stopped midway, each file old or new
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("m")] == []
