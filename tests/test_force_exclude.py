"""``--force-exclude``: the excludes apply to paths named on the command line too (as ruff's
flag does), so the pre-commit hook, which names every staged file, skips excluded ones."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from helpers import command
import yaml

ROOT = Path(__file__).parent.parent
LEGACY = "from qiskit import execute\n"
SETTINGS = '[tool.flake8-qiskit-migrate]\nextend-exclude = ["gen", "skip_me.py", "src/old/*"]\n'
NAMED = ["gen/a.py", "gen/sub/b.py", "skip_me.py", "src/c.py", "src/old/d.py", ".hidden/e.py",
         "env/f.py"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in NAMED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(LEGACY)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (tmp_path / "pyproject.toml").write_text(SETTINGS)
    return tmp_path


def checked(*args: str, cwd: Path) -> list[str]:
    result = command("check", "--no-cache", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return [line.split(":")[0] for line in result.stdout.splitlines()]


def test_named_files_are_checked_even_when_excluded_without_the_flag(project: Path) -> None:
    assert checked(*NAMED, cwd=project) == NAMED


def test_force_exclude_skips_what_a_walk_of_the_project_skips(project: Path) -> None:
    assert checked(".", cwd=project) == ["src/c.py"]
    # By file name, by an excluded folder above the file, by a path glob, a hidden folder, a
    # virtual environment.
    assert checked("--force-exclude", *NAMED, cwd=project) == ["src/c.py"]


def test_force_exclude_skips_named_folders(project: Path) -> None:
    result = command("check", "--no-cache", "--force-exclude", "gen", ".hidden", "env",
                     cwd=project, quiet=False)
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")
    assert result.stderr == "warning: No Python files found under the given path(s)\n"
    assert command("check", "--no-cache", "--force-exclude", "gen", cwd=project).stderr == ""


def test_paths_from_a_subfolder_are_matched_relative_to_the_project_root(project: Path) -> None:
    src = project / "src"
    assert checked("--force-exclude", "old/d.py", "c.py", "../gen/a.py", cwd=src) == ["c.py"]


def test_force_exclude_setting_and_no_force_exclude(project: Path) -> None:
    (project / "pyproject.toml").write_text(SETTINGS + "force-exclude = true\n")
    assert checked(*NAMED, cwd=project) == ["src/c.py"]
    assert checked("--no-force-exclude", *NAMED, cwd=project) == NAMED
    # The last of the two flags wins, as in ruff.
    assert checked("--no-force-exclude", "--force-exclude", *NAMED, cwd=project) == ["src/c.py"]
    assert checked("--force-exclude", "--no-force-exclude", *NAMED, cwd=project) == NAMED


def test_force_exclude_setting_must_be_a_boolean(project: Path) -> None:
    (project / "pyproject.toml").write_text(SETTINGS + 'force-exclude = "yes"\n')
    result = command("check", "--no-cache", "src/c.py", cwd=project)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "'force-exclude' in [tool.flake8-qiskit-migrate] must be true or false\n")


def test_stdin_named_like_an_excluded_file(project: Path) -> None:
    named = ("check", "--no-cache", "--stdin-filename", "gen/a.py", "-")
    assert command(*named, cwd=project, stdin=LEGACY).stdout.startswith("gen/a.py:1:20: QKM101")
    skipped = command(*named, "--force-exclude", cwd=project, stdin=LEGACY)
    assert (skipped.returncode, skipped.stdout) == (0, "")
    # An editor replaces its buffer with what --fix prints: the text, unchanged.
    fixed = command(*named, "--force-exclude", "--fix", cwd=project, stdin=LEGACY)
    assert (fixed.returncode, fixed.stdout) == (0, LEGACY)
    # A buffer without a name is always checked, as in ruff.
    anonymous = command("check", "--no-cache", "--force-exclude", "-", cwd=project, stdin=LEGACY)
    assert anonymous.stdout.startswith("-:1:20: QKM101")


def test_pre_commit_hook_skips_excluded_files(project: Path) -> None:
    """pre-commit runs the hook's entry with the staged file names appended."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(hooks[0]["entry"])
    assert entry[:2] == ["flake8-qiskit-migrate", "check"] and "--force-exclude" in entry
    assert checked(*entry[2:], *NAMED, cwd=project) == ["src/c.py"]
