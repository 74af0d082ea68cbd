"""``--fix`` under faults: killed at random points, run twice at once, on read-only files. A
file is always either its old or its new content, byte for byte."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 120
LEGACY = (
    "from qiskit_ibm_runtime import EstimatorV2, QiskitRuntimeService, SamplerV2, Session\n"
    "service = QiskitRuntimeService()\n"
    + "".join(f"def helper_{i}(values):\n    return sum(v * {i} for v in values)\n"
              for i in range(300))
    + "with Session(service=service, backend=backend) as session:\n"
    "    sampler = SamplerV2(session=session)\n"
    "estimator = EstimatorV2(backend=backend)\n"
)
FIX = [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--quiet", "--fix", "-j", "1",
       "."]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """The old and the fixed bytes of one file."""
    folder = tmp_path_factory.mktemp("reference")
    (folder / "a.py").write_text(LEGACY)
    subprocess.run([*FIX[:-1], "a.py"], cwd=folder, capture_output=True, check=False)
    new = (folder / "a.py").read_bytes()
    assert new != LEGACY.encode() and b"SamplerV2(mode=session)" in new
    return LEGACY.encode(), new


def tree(root: Path, count: int = FILES) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    for i in range(count):
        (root / f"m{i:03}.py").write_text(LEGACY)


def states(root: Path, old: bytes, new: bytes) -> tuple[int, int]:
    """(old files, new files); fails on any other content."""
    olds = news = 0
    for path in sorted(root.glob("*.py")):
        data = path.read_bytes()
        assert data in (old, new), f"{path.name} is neither the old nor the new text"
        olds, news = olds + (data == old), news + (data == new)
    return olds, news


@pytest.mark.slow
def test_killed_at_random_points_every_file_is_old_or_new(
        tmp_path: Path, versions: tuple[bytes, bytes]) -> None:
    old, new = versions
    chance = random.Random(20261201)
    seen_partial = 0
    for trial in range(8):
        root = tmp_path / "tree"
        tree(root)
        process = subprocess.Popen(FIX, cwd=root, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.3, 1.5))
        kill = signal.SIGKILL if trial % 2 else signal.SIGTERM
        process.send_signal(kill)
        process.wait(timeout=60)
        olds, news = states(root, old, new)
        seen_partial += 0 < news < FILES
        leftovers = list(root.glob(".qkm-fix-*"))
        if kill == signal.SIGTERM:
            assert leftovers == []  # SIGTERM unwinds: the temporary file is removed
        assert len(leftovers) <= 1  # SIGKILL: at most the one being written, never the file
    assert seen_partial  # the kills did land in the middle of the run


def test_two_concurrent_fix_runs_leave_every_file_fixed(
        tmp_path: Path, versions: tuple[bytes, bytes]) -> None:
    old, new = versions
    root = tmp_path / "tree"
    tree(root, 60)
    first = subprocess.Popen(FIX, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = subprocess.Popen(FIX, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    errors = [first.communicate(timeout=120)[1], second.communicate(timeout=120)[1]]
    assert states(root, old, new) == (0, 60)
    assert all(b"Traceback" not in e for e in errors)
    assert list(root.glob(".qkm-fix-*")) == []


def test_read_only_files_are_refused_and_stay_read_only(
        tmp_path: Path, versions: tuple[bytes, bytes]) -> None:
    """As an editor refuses them, even as root (more in test_fix_permissions.py)."""
    old, new = versions
    root = tmp_path / "tree"
    tree(root, 3)
    for path in root.glob("*.py"):
        path.chmod(0o444)
    result = subprocess.run(FIX, cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == "".join(f"error: m{i:03}.py: cannot write: permission denied\n"
                                    for i in range(3))
    assert states(root, old, new) == (3, 0)
    assert {path.stat().st_mode & 0o777 for path in root.glob("*.py")} == {0o444}


def test_an_interruption_right_after_the_temporary_file_is_created_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window a random kill rarely hits: a signal handler raising just after the
    temporary file exists, before the code that made it returns. Nothing may be left, and the
    file keeps its old text."""
    from flake8_qiskit_migrate.core import sources
    target = tmp_path / "a.py"
    target.write_text("old\n")
    real_open = sources.os.open

    def open_then_interrupted(path: str, flags: int, mode: int = 0o777) -> int:
        real_open(path, flags, mode)
        raise KeyboardInterrupt  # what SIGTERM's handler does, at the worst moment

    monkeypatch.setattr(sources.os, "open", open_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        sources.write(sources.read(str(target)), "new\n")
    monkeypatch.undo()
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]


def test_a_temporary_name_taken_by_another_file_is_not_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_qiskit_migrate.core import sources
    target = tmp_path / "a.py"
    target.write_text("old\n")
    (tmp_path / ".qkm-fix-0000000000000000").write_text("someone else's\n")
    monkeypatch.setattr(sources.os, "urandom", lambda n: bytes(n))
    with pytest.raises(FileExistsError):
        sources.write(sources.read(str(target)), "new\n")
    monkeypatch.undo()
    assert (tmp_path / ".qkm-fix-0000000000000000").read_text() == "someone else's\n"
    assert target.read_text() == "old\n"
