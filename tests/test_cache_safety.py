"""The result cache deletes only what it made: a cache folder named at a project or at a
shared cache folder (``~/.cache``) leaves every file of theirs as it was, through ``check`` and
``clean``; and a forged cache entry is a cache miss, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_qiskit_migrate import __version__
from flake8_qiskit_migrate.core.cache import FORMAT, TAG

from helpers import command

LEGACY = "from qiskit import execute\njob = execute(qc, backend, shots=10)\n"
OURS = f"{__version__}-{FORMAT}"


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """Every entry under ``root``: its mode and, for a file, a hash of its bytes."""
    tree = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder, name)
            info = path.lstat()
            content = (hashlib.sha256(path.read_bytes()).hexdigest()
                       if stat.S_ISREG(info.st_mode) else "")
            tree[str(path.relative_to(root))] = (info.st_mode, content)
    return tree


def populate_project(root: Path) -> None:
    for folder in ("src", "tests", ".git/objects", "0.0.9-1"):  # the last named like a version
        (root / folder).mkdir(parents=True)
    (root / "src" / "a.py").write_text(LEGACY)
    (root / "tests" / "test_a.py").write_text("def test(): pass\n")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / ".gitignore").write_text("build/\n")
    (root / "0.0.9-1" / "notes.txt").write_text("mine\n")
    (root / "run.sh").write_text("#!/bin/sh\n")
    (root / "run.sh").chmod(0o755)


def populate_shared_cache(root: Path) -> None:
    """A ``~/.cache``: other programs' caches, one with a cache-directory tag of its own."""
    for folder in ("pip/http", "ruff/0.17.6", "0.0.1-1"):
        (root / folder).mkdir(parents=True)
    (root / "pip" / "http" / "entry").write_bytes(b"\x00\x01")
    (root / "ruff" / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    (root / "ruff" / ".gitignore").write_text("*\n")
    (root / "0.0.1-1" / "data").write_text("another program's\n")


def run(way: str, cache: Path, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command, naming the cache folder by flag, environment or ``pyproject.toml``."""
    environment = dict(os.environ)
    environment.pop("FLAKE8_QISKIT_MIGRATE_CACHE_DIR", None)
    if way == "flag":
        args = (*args[:1], "--cache-dir", str(cache), *args[1:])
    elif way == "environment":
        environment["FLAKE8_QISKIT_MIGRATE_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate", *args], cwd=project,
                          capture_output=True, text=True, check=False, env=environment)


@pytest.mark.parametrize("way", ["flag", "environment", "pyproject"])
@pytest.mark.parametrize("kind", ["project", "shared-cache"])
def test_a_cache_folder_of_the_users_keeps_every_file(tmp_path: Path, way: str,
                                                      kind: str) -> None:
    project = tmp_path / "p"
    populate_project(project)
    cache = project if kind == "project" else tmp_path / "home" / ".cache"
    if kind == "shared-cache":
        populate_shared_cache(cache)
    if way == "pyproject":
        setting = "." if kind == "project" else str(cache)
        (project / "pyproject.toml").write_text(
            f'[tool.flake8-qiskit-migrate]\ncache-dir = "{setting}"\n')
    before = snapshot(tmp_path)

    for _ in range(2):  # cold, then warm: both leave the user's files alone
        checked = run(way, cache, project, "check", "--quiet", "src")
        assert checked.returncode == 1 and checked.stderr == ""
        assert checked.stdout.count("QKM101") == 2
        after = snapshot(tmp_path)
        prefix = str((cache / OURS).relative_to(tmp_path))
        added = set(after) - set(before)
        assert added and all(path.startswith(prefix) for path in added)  # our folder only
        assert {path: after[path] for path in before} == before  # nothing changed or removed
    assert (cache / OURS / "CACHEDIR.TAG").read_text() == TAG
    assert not (cache / "CACHEDIR.TAG").exists()  # the user's folder is not tagged as ours

    cleaned = run(way, cache, project, "clean")
    assert cleaned.returncode == 0 and cleaned.stderr.startswith("removed the cache in ")
    assert snapshot(tmp_path) == before


def test_a_users_folder_named_as_our_version_folder_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / OURS / "ab").mkdir(parents=True)
    (tmp_path / OURS / "ab" / "file").write_text("mine\n")
    before = snapshot(tmp_path)
    for _ in range(2):
        checked = command("check", "--cache-dir", ".", "a.py", cwd=tmp_path)
        assert checked.returncode == 1 and checked.stdout.count("QKM101") == 2
        assert snapshot(tmp_path) == before  # not written into, not removed
    assert command("clean", "--cache-dir", ".", cwd=tmp_path).returncode == 0
    assert snapshot(tmp_path) == before


def test_a_root_the_cache_made_goes_with_clean_unless_the_user_added_to_it(
        tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    command("check", "--cache-dir", "made", "a.py", cwd=tmp_path)
    made = tmp_path / "made"
    assert (made / "CACHEDIR.TAG").read_text() == TAG
    assert (made / ".gitignore").read_text() == "*\n"
    # Another version of ours, in the root we made, is replaced; a user's look-alike is kept.
    for name, tag in (("0.0.1-2", TAG), ("0.0.2-2", "Signature: someone else's\n")):
        (made / name).mkdir()
        (made / name / "CACHEDIR.TAG").write_text(tag)
    (tmp_path / "a.py").write_text(LEGACY + "x = 1\n")  # a miss: the cache is written again
    command("check", "--cache-dir", "made", "a.py", cwd=tmp_path)
    assert sorted(p.name for p in made.iterdir()) == [
        ".gitignore", "0.0.2-2", OURS, "CACHEDIR.TAG"]
    (made / "0.0.2-2" / "CACHEDIR.TAG").unlink()
    (made / "0.0.2-2").rmdir()

    (made / "mine.txt").write_text("kept\n")
    assert command("clean", "--cache-dir", "made", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in made.iterdir()) == [".gitignore", "CACHEDIR.TAG", "mine.txt"]
    (made / "mine.txt").unlink()
    assert command("clean", "--cache-dir", "made", cwd=tmp_path).returncode == 0
    assert not made.exists()


def test_clean_reads_the_cache_dir_setting(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-qiskit-migrate]\ncache-dir = "c"\n')
    command("check", "a.py", cwd=tmp_path)
    assert (tmp_path / "c" / OURS).is_dir()
    cleaned = command("clean", cwd=tmp_path)
    assert cleaned.returncode == 0 and cleaned.stderr == "removed the cache in c\n"
    assert not (tmp_path / "c").exists()


# -- forged entries ------------------------------------------------------------------------------

FORGERIES = {
    "unknown code": lambda r: r[:2] + ["QKM999"] + r[3:],
    "unknown gating rule": lambda r: r[:8] + ["QKM999"] + r[9:],
    "a line that is text": lambda r: ["1"] + r[1:],
    "a line that is a bool": lambda r: [True] + r[1:],
    "a replacement that is a number": lambda r: r[:4] + [5] + r[5:],
    "a short edit": lambda r: r[:9] + [[[1, 2]]],
    "an edit of the wrong types": lambda r: r[:9] + [[[1, 2, 3, 4, 5]]],
    "a missing field": lambda r: r[:9],
    "not a record": lambda r: {"line": 1},
}


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_a_forged_cache_entry_is_a_miss(tmp_path: Path, forgery: str) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    cold = command("check", "--output-format", "json", "a.py", cwd=tmp_path)
    entries = [p for p in (tmp_path / ".flake8-qiskit-migrate_cache" / OURS).glob("*/*")]
    assert len(entries) == 1
    records = json.loads(entries[0].read_text())
    entries[0].write_text(json.dumps([FORGERIES[forgery](records[0]), *records[1:]]))
    warm = command("check", "--output-format", "json", "a.py", cwd=tmp_path)
    assert (warm.returncode, warm.stderr, warm.stdout) == (1, "", cold.stdout)
    assert json.loads(entries[0].read_text()) == records  # checked again, and rewritten
