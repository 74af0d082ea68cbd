"""Baselines match files by their path relative to the project root (the folder of the
``pyproject.toml``), whatever folder the run starts in; only the entries of files this run
checked (or that are gone from a folder it walked) are stale; a baseline that cannot be
written or read is one line on stderr and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import command

LEGACY = "from qiskit import execute\nexecute(a, b)\n"
STALE = "\tstale\tbaseline entries whose findings are gone"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "top.py").write_text(LEGACY)
    (tmp_path / "pkg" / "sub" / "deep.py").write_text(LEGACY)
    written = command("check", "--no-cache", "--baseline-write", "baseline.json", cwd=tmp_path)
    assert (written.returncode, written.stderr) == (0, "wrote 4 findings to baseline.json\n")
    return tmp_path


def check(*args: str, cwd: Path) -> tuple[int, list[str]]:
    result = command("check", "--no-cache", *args, cwd=cwd)
    assert result.stderr == ""
    return result.returncode, result.stdout.splitlines()


def test_entries_are_stored_relative_to_the_project_root(project: Path) -> None:
    (project / "pkg" / "baseline.json").unlink(missing_ok=True)
    written = command("check", "--no-cache", "--baseline-write", "b.json", ".",
                      cwd=project / "pkg")
    assert written.returncode == 0
    entries = json.loads((project / "pkg" / "b.json").read_text())["entries"]
    assert {entry["path"] for entry in entries} == {"pkg/sub/deep.py"}
    # The same entries as the baseline written from the root.
    from_root = json.loads((project / "baseline.json").read_text())["entries"]
    assert entries == [entry for entry in from_root if entry["path"] == "pkg/sub/deep.py"]


def test_a_run_from_a_subfolder_is_suppressed_by_the_root_baseline(project: Path) -> None:
    sub = project / "pkg" / "sub"
    assert check("--baseline", "../../baseline.json", "deep.py", cwd=sub) == (0, [])
    assert check("--baseline", "../../baseline.json", ".", cwd=sub) == (0, [])
    (sub / "deep.py").write_text(LEGACY + "execute(c, d)\n")
    status, new = check("--baseline", "../../baseline.json", ".", cwd=sub)
    assert status == 1 and [line.split(" '")[0] for line in new] == ["deep.py:3:1: QKM101"]


def test_entries_of_files_not_checked_are_not_stale(project: Path) -> None:
    assert check("--baseline", "baseline.json", "--statistics", "top.py", cwd=project) == (
        0, ["    0" + STALE])
    sub = project / "pkg" / "sub"
    assert check("--baseline", "../../baseline.json", "--statistics", ".", cwd=sub) == (
        0, ["    0" + STALE])


def test_entries_of_fixed_or_deleted_files_are_stale(project: Path) -> None:
    (project / "top.py").write_text("import qiskit\n")
    assert check("--baseline", "baseline.json", "--statistics", "top.py", cwd=project) == (
        0, ["    2" + STALE])
    (project / "pkg" / "sub" / "deep.py").unlink()
    assert check("--baseline", "baseline.json", "--statistics", "pkg", cwd=project) == (
        0, ["    2" + STALE])
    assert check("--baseline", "baseline.json", "--statistics", cwd=project) == (
        0, ["    4" + STALE])


def test_a_baseline_of_the_current_format_is_still_read(project: Path) -> None:
    """Version 1 as the previous release wrote it, run from the project root."""
    entries = [{"path": "top.py", "code": "QKM101", "fingerprint": "08ee69a2b36a7413",
                "count": 1}]
    (project / "old.json").write_text(json.dumps({"version": 1, "entries": entries}))
    (project / "top.py").write_text("from qiskit import execute\n")
    assert check("--baseline", "old.json", "top.py", cwd=project) == (0, [])


@pytest.mark.parametrize("target, reason", [
    ("missing/b.json", "No such file or directory"),
    ("pkg", "Is a directory"),
])
def test_a_baseline_that_cannot_be_written(project: Path, target: str, reason: str) -> None:
    result = command("check", "--no-cache", "--baseline-write", target, cwd=project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {target}: cannot write the baseline ({reason})\n"
    assert sorted(p.name for p in project.iterdir()) == [
        "baseline.json", "pkg", "pyproject.toml", "top.py"]


CORRUPT = [
    ("{bad", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
    ("[]", "not a JSON object with 'version' and 'entries'"),
    ('{"version": 1, "entries": {}}', "'entries' is not a list"),
    ('{"version": 1, "entries": [{"path": "a.py"}]}',
     "entry 1 is not a path, a code, a fingerprint and a positive count"),
    ('{"version": 1, "entries": [{"path": "a", "code": "b", "fingerprint": "c", "count": 1e400}]}',
     "entry 1 is not a path, a code, a fingerprint and a positive count"),
    ('{"version": 1, "entries": [{"path": ["a"], "code": "b", "fingerprint": "c", "count": 1}]}',
     "entry 1 is not a path, a code, a fingerprint and a positive count"),
    ("[" * 100_000, "maximum recursion depth exceeded"),  # the rest of it is Python's
]


@pytest.mark.parametrize("text, reason", CORRUPT)
def test_a_corrupt_baseline_is_one_line_and_exit_2(project: Path, text: str, reason: str) -> None:
    (project / "bad.json").write_text(text)
    result = command("check", "--no-cache", "--baseline", "bad.json", cwd=project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: bad.json: not a readable baseline ({reason}")
    assert result.stderr.endswith(")\n") and result.stderr.count("\n") == 1


def test_another_version_and_undecodable_bytes(project: Path) -> None:
    (project / "v2.json").write_text('{"version": 2, "entries": []}')
    result = command("check", "--no-cache", "--baseline", "v2.json", cwd=project)
    assert (result.returncode, result.stderr) == (
        2, "error: v2.json: unsupported baseline version 2 (this release reads version 1)\n")
    (project / "bin.json").write_bytes(b"\xff\xfe{}")
    result = command("check", "--no-cache", "--baseline", "bin.json", cwd=project)
    assert result.returncode == 2 and result.stderr.startswith(
        "error: bin.json: not a readable baseline ('utf-8' codec can't decode byte 0xff")


def test_fix_from_a_subfolder_leaves_the_baselined_findings_alone(project: Path) -> None:
    sub = project / "pkg" / "sub"
    fixable = "from qiskit_ibm_runtime import SamplerV2\nSamplerV2(session=s)\n"
    (sub / "deep.py").write_text(fixable)
    assert command("check", "--no-cache", "--baseline-write", "baseline.json",
                   cwd=project).returncode == 0
    (sub / "deep.py").write_text(fixable + "SamplerV2(session=t)\n")
    result = command("check", "--no-cache", "--fix", "--baseline", "../../baseline.json",
                     "deep.py", cwd=sub)
    assert result.returncode == 0, result.stderr
    assert (sub / "deep.py").read_text() == fixable + "SamplerV2(mode=t)\n"
