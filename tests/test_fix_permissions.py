"""``--fix`` and file permissions: a file the user may not write is refused as an editor
refuses it, and reported with every finding it has; a rewritten file keeps its owner, group,
mode and hard links. Root ignores permission bits, so the cases about them run the command as
an unprivileged user (``nobody``, else root without capabilities), or are skipped."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from flake8_qiskit_migrate.cli import main as cli_main
from flake8_qiskit_migrate.core import sources

LEGACY = ("from qiskit_ibm_runtime import QiskitRuntimeService as S, SamplerV2\n"
          "SamplerV2(session=s)\nSamplerV2(backend=S().backend())\nbackend.run(qc)\n")
FIXED = ("from qiskit_ibm_runtime import QiskitRuntimeService as S, SamplerV2\n"
         "SamplerV2(mode=s)\nSamplerV2(mode=S().backend())\nbackend.run(qc)\n")
NOBODY = 65534
REFUSED = "cannot write: permission denied"


@dataclass(frozen=True)
class User:
    """How to run the command as a user without privileges, and who that user is."""

    prefix: tuple[str, ...]  # put before the interpreter
    uid: int
    gid: int
    other: tuple[int, int]  # the owner of "someone else's" files
    as_nobody: bool

    def run(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [*self.prefix, sys.executable, "-m", "flake8_qiskit_migrate", "check",
                   "--no-cache", *args]
        return _as(command, self.as_nobody, cwd)


def _as(command: list[str], as_nobody: bool, cwd: Path) -> subprocess.CompletedProcess[str]:
    nobody = NOBODY if as_nobody else None
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False,
                          user=nobody, group=nobody, extra_groups=[] if as_nobody else None)


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder another user can reach (pytest's own is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="qkm-perm-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _works(prefix: tuple[str, ...], as_nobody: bool, cwd: Path) -> str | None:
    """Why the command cannot run that way, or None if it can."""
    probe = [*prefix, sys.executable, "-c", "import flake8_qiskit_migrate.cli.main"]
    try:
        result = _as(probe, as_nobody, cwd)
    except OSError as error:
        return str(error)
    return None if result.returncode == 0 else (result.stderr.strip().splitlines() or ["?"])[-1]


@pytest.fixture
def user(shared: Path) -> User:
    if sys.platform == "win32" or os.geteuid() != 0:
        pytest.skip("needs root, to make files of another user and drop the privileges")
    why_not_nobody = _works((), True, shared)
    if why_not_nobody is None:
        return User((), NOBODY, NOBODY, (0, 0), as_nobody=True)
    capless = ("setpriv", "--inh-caps=-all", "--bounding-set=-all", "--")
    why_not_capless = (_works(capless, False, shared) if shutil.which("setpriv")
                       else "no setpriv")
    if why_not_capless is None:  # uid 0 without capabilities obeys permission bits
        return User(capless, 0, 0, (NOBODY, NOBODY), as_nobody=False)
    pytest.skip(f"cannot run the interpreter as nobody ({why_not_nobody}) nor as root "
                f"without capabilities ({why_not_capless})")


def _file(folder: Path, owner: tuple[int, int], mode: int, text: str = LEGACY) -> Path:
    path = folder / "a.py"
    path.write_text(text)
    os.chown(path, *owner)
    path.chmod(mode)
    return path


def _folder(root: Path, owner: tuple[int, int], mode: int) -> Path:
    folder = root / "work"
    folder.mkdir()
    os.chown(folder, *owner)
    folder.chmod(mode)
    return folder


def _assert_refused(result: subprocess.CompletedProcess[str], path: Path) -> None:
    """Exit 2, the write error, and all three findings reported as remaining."""
    assert result.returncode == 2
    assert result.stderr == f"error: a.py: {REFUSED}\n"
    lines = result.stdout.splitlines()
    assert [line.split(" ")[1] for line in lines[:3]] == ["QKM412", "QKM413", "QKM104"]
    assert lines[4:] == ["Found 3 errors (0 fixed, 3 remaining).", "[*] 2 fixable with `--fix`."]
    assert path.read_text() == LEGACY


def test_a_file_in_a_read_only_folder_is_reported_with_every_finding(
        user: User, shared: Path) -> None:
    folder = _folder(shared, (user.uid, user.gid), 0o755)
    path = _file(folder, (user.uid, user.gid), 0o644)
    folder.chmod(0o555)
    result = user.run("--fix", "a.py", cwd=folder)
    _assert_refused(result, path)
    as_json = user.run("--fix", "--output-format", "json", "a.py", cwd=folder)
    assert as_json.returncode == 2 and as_json.stderr == f"error: a.py: {REFUSED}\n"
    # every finding remains, and the write error is a diagnostic of its own (E902, as ruff)
    reported = json.loads(as_json.stdout)
    assert [d["code"] for d in reported] == ["QKM412", "QKM413", "QKM104", "E902"]
    assert reported[-1]["message"] == REFUSED
    assert sorted(p.name for p in folder.iterdir()) == ["a.py"]


def test_a_read_only_file_of_someone_else_is_refused_not_replaced(
        user: User, shared: Path) -> None:
    folder = _folder(shared, (user.uid, user.gid), 0o755)
    path = _file(folder, user.other, 0o444)
    before = path.stat()
    _assert_refused(user.run("--fix", "a.py", cwd=folder), path)
    after = path.stat()
    assert (after.st_ino, after.st_uid, after.st_gid, after.st_mode & 0o7777) == (
        before.st_ino, *user.other, 0o444)
    assert sorted(p.name for p in folder.iterdir()) == ["a.py"]


def test_a_writable_file_of_someone_else_is_fixed_and_keeps_its_owner(
        user: User, shared: Path) -> None:
    """The user may write the file but could not give a new file its owner: written in
    place."""
    folder = _folder(shared, (user.uid, user.gid), 0o755)
    path = _file(folder, user.other, 0o666)
    before = path.stat()
    result = user.run("--fix", "a.py", cwd=folder)
    assert result.returncode == 1 and result.stderr == ""
    assert path.read_text() == FIXED
    after = path.stat()
    assert (after.st_ino, after.st_uid, after.st_gid, after.st_mode & 0o7777) == (
        before.st_ino, *user.other, 0o666)
    assert sorted(p.name for p in folder.iterdir()) == ["a.py"]


def test_root_keeps_the_owner_group_and_mode_of_a_file_it_rewrites(tmp_path: Path) -> None:
    if sys.platform == "win32" or os.geteuid() != 0:
        pytest.skip("needs root, to make a file of another user")
    path = _file(tmp_path, (NOBODY, NOBODY), 0o640)
    result = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check",
                             "--no-cache", "--fix", "a.py"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and result.stderr == ""
    assert path.read_text() == FIXED
    status = path.stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o7777) == (NOBODY, NOBODY, 0o640)


def test_a_read_only_file_of_ones_own_is_refused_even_by_root(tmp_path: Path) -> None:
    """As an editor does (vim: no write bit, no write without ``!``), though root could."""
    path = _file(tmp_path, (os.getuid(), os.getgid()), 0o444)
    result = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check",
                             "--no-cache", "--fix", "a.py"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    _assert_refused(result, path)
    assert path.stat().st_mode & 0o777 == 0o444


def test_an_immutable_file_is_reported_with_every_finding(tmp_path: Path) -> None:
    path = _file(tmp_path, (os.getuid(), os.getgid()), 0o644)
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True,
                                        check=False).returncode:
        pytest.skip("cannot make a file immutable here (chattr +i)")
    try:
        result = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check",
                                 "--no-cache", "--fix", "a.py"], cwd=tmp_path,
                                capture_output=True, text=True, check=False)
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)
    _assert_refused(result, path)


def test_hard_links_keep_one_text(tmp_path: Path) -> None:
    path = _file(tmp_path, (os.getuid(), os.getgid()), 0o644)
    other = tmp_path / "b.txt"
    os.link(path, other)
    result = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", "check",
                             "--no-cache", "--fix", "a.py"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and result.stderr == ""
    assert path.read_text() == other.read_text() == FIXED
    assert path.stat().st_ino == other.stat().st_ino and path.stat().st_nlink == 2


def test_a_failed_write_keeps_every_finding_in_every_format(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever the machine allows: the rename of the fixed file fails (a full disk)."""
    path = _file(tmp_path, (os.getuid(), os.getgid()), 0o644)
    monkeypatch.chdir(tmp_path)

    def full(source: str, target: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "replace", full)  # the rename over the file
    assert cli_main.main(["check", "--no-cache", "--fix", "a.py"]) == 2
    out, err = capsys.readouterr()
    assert err == "error: a.py: cannot write: no space left on device\n"
    assert out.splitlines()[4] == "Found 3 errors (0 fixed, 3 remaining)."
    assert cli_main.main(["check", "--no-cache", "--fix", "--output-format", "json",
                          "a.py"]) == 2
    out, err = capsys.readouterr()
    reported = json.loads(out)
    assert [d["code"] for d in reported] == ["QKM412", "QKM413", "QKM104", "E902"]
    assert reported[-1]["message"] == "cannot write: no space left on device"
    assert path.read_text() == LEGACY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]


def test_ctrl_c_during_a_write_in_place_waits_until_the_file_is_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hard-linked file is written in place; Ctrl-C right after the new bytes, before the
    old tail is cut, takes effect once the file is whole."""
    path = _file(tmp_path, (os.getuid(), os.getgid()), 0o644)
    os.link(path, tmp_path / "b.txt")
    real_open = open

    class Interrupted:
        def __init__(self, name: str, mode: str) -> None:
            self.stream = real_open(name, mode)

        def __enter__(self) -> Interrupted:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            written = self.stream.write(data)
            os.kill(os.getpid(), signal.SIGINT)
            return written

        def __getattr__(self, name: str) -> object:
            return getattr(self.stream, name)
    monkeypatch.setattr(sources, "open", Interrupted, raising=False)
    with pytest.raises(KeyboardInterrupt):
        sources.write(sources.read(str(path)), FIXED[:40] + "\n")
    assert path.read_text() == FIXED[:40] + "\n"
