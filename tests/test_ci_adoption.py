"""Baselines, target versions read from project files, and the GitHub Action's command."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import command
import yaml

from flake8_qiskit_migrate.engine import REGISTRY, check
from flake8_qiskit_migrate.project import find_targets
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.snippets import snippets

ROOT = Path(__file__).parent.parent
LEGACY = "from qiskit import execute\njob = execute(qc, backend, shots=10)\n"


run = command


# -- baselines ---------------------------------------------------------------------------------

def test_baseline_round_trip_survives_shifted_lines(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    written = run("check", "--baseline-write", "baseline.json", cwd=tmp_path)
    assert written.returncode == 0 and "wrote 3 findings" in written.stderr
    entries = json.loads((tmp_path / "baseline.json").read_text())["entries"]
    assert [(e["path"], e["code"], e["count"]) for e in entries] == [
        ("a.py", "QKM101", 1), ("a.py", "QKM101", 1), ("a.py", "QKM401", 1)]

    clean = run("check", "--baseline", "baseline.json", cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")

    (tmp_path / "a.py").write_text('"""Docs."""\nimport os\n\n' + LEGACY)  # lines move down
    assert run("check", "--baseline", "baseline.json", cwd=tmp_path).stdout == ""

    (tmp_path / "a.py").write_text('"""Docs."""\n\n' + LEGACY + "execute(qc, backend)\n")
    new = run("check", "--baseline", "baseline.json", cwd=tmp_path)
    assert new.returncode == 1
    assert [line.split(" ")[0] for line in new.stdout.splitlines()] == ["a.py:5:1:"]


def test_identical_lines_are_counted_and_stale_entries_reported(tmp_path: Path) -> None:
    twice = "from qiskit import execute\nexecute(a, b)\nexecute(a, b)\n"
    (tmp_path / "a.py").write_text(twice)
    run("check", "--baseline-write", "b.json", cwd=tmp_path)
    (tmp_path / "a.py").write_text(twice + "execute(a, b)\n")  # a third identical call is new
    assert run("check", "--baseline", "b.json", cwd=tmp_path).stdout.startswith("a.py:4:1: QKM101")
    (tmp_path / "a.py").write_text("from qiskit import execute\nexecute(a, b)\n")
    stats = run("check", "--baseline", "b.json", "--statistics", cwd=tmp_path)
    assert stats.stdout.splitlines() == ["    1\tstale\tbaseline entries whose findings are gone"]


def test_unreadable_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "b.json").write_text("{}")
    result = run("check", "--baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 2 and "not a readable baseline" in result.stderr


# -- target versions ---------------------------------------------------------------------------

GATED = [rule.code for rule in REGISTRY if rule.releases is not None]


def _below(version: str) -> str:
    major, minor, *_ = (int(part) for part in version.split("."))
    return f"<{major}.{minor}" if (major, minor) != (0, 0) else "<0.0.1"


@pytest.mark.parametrize("code", GATED)
def test_each_rule_is_gated_by_its_releases(code: str) -> None:
    releases = REGISTRY.rules[code].releases
    assert releases is not None
    example, _ = snippets(code)
    tree = ast.parse(example)

    def found(target: str) -> list[str]:
        settings = Settings(targets=((releases.package, target),))
        return [f.status for f in check(tree, example, settings=settings) if f.code == code]

    assert found(_below(releases.deprecated)) == []
    assert found(f"=={releases.deprecated}")[0] == (
        f"deprecated since {releases.package} {releases.deprecated}"
        if releases.removed != releases.deprecated
        else f"removed in {releases.package} {releases.removed}")
    if releases.removed:
        removed = f"removed in {releases.package} {releases.removed}"
        assert found(f">={releases.removed}")[0] == removed
    assert found(">=0")  # a target that allows anything reaches the deprecation


PROJECT_FILES = {
    "uv.lock": '[[package]]\nname = "qiskit"\nversion = "0.45.3"\n',
    "poetry.lock": '[[package]]\nname = "Qiskit"\nversion = "0.45.3"\n',
    "pylock.toml": 'lock-version = "1.0"\n[[packages]]\nname = "qiskit"\nversion = "0.45.3"\n',
    "Pipfile.lock": json.dumps({"default": {"qiskit": {"version": "==0.45.3"}}}),
    "pyproject.toml": '[project]\nname = "x"\ndependencies = ["numpy", "qiskit<0.46"]\n',
    "requirements-dev.txt": "# pinned\n-r base.txt\nqiskit==0.45.3  # old\nnumpy\n",
}


@pytest.mark.parametrize("name", sorted(PROJECT_FILES))
def test_targets_are_read_from_each_project_file_kind(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(PROJECT_FILES[name])
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.py").write_text(LEGACY + "from qiskit.primitives import Sampler\n")
    assert dict(find_targets(tmp_path / "sub"))["qiskit"] in ("==0.45.3", "<0.46")
    # qiskit 0.45 had execute (deprecated only in 0.46) and the V1 Sampler: nothing to report.
    assert run("check", cwd=tmp_path / "sub").stdout == ""
    overridden = run("check", "--target-qiskit", "1.4", cwd=tmp_path / "sub").stdout
    assert "QKM101 'qiskit.execute' was removed in Qiskit 1.0 [removed in qiskit 1.0.0]" in (
        overridden)
    assert "[deprecated since qiskit 1.2.0]" in overridden


def test_a_lock_file_wins_over_declared_ranges(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["qiskit>=1"]\n')
    (tmp_path / "uv.lock").write_text('[[package]]\nname = "qiskit"\nversion = "1.1.0"\n')
    assert find_targets(tmp_path) == (("qiskit", "==1.1.0"),)


def test_no_project_files_means_no_gating(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    assert find_targets(tmp_path) == () or "qiskit" not in dict(find_targets(tmp_path))
    assert "[" not in run("check", "a.py", cwd=tmp_path).stdout.split("(https")[0]


def test_target_settings_in_pyproject_section_and_bad_specifier(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from qiskit_ibm_runtime import Session\n"
                                   "Session(backend='ibm_x')\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-qiskit-migrate]\ntarget-runtime = "0.25"\n')
    assert run("check", cwd=tmp_path).stdout == ""  # backends by name were fine before 0.26
    assert "QKM415" in run("check", "--target-runtime", ">=0.34", cwd=tmp_path).stdout
    bad = run("check", "--target-qiskit", "not a version", cwd=tmp_path)
    assert bad.returncode == 2 and "invalid version specifier" in bad.stderr


def test_flake8_options_and_discovery(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "requirements.txt").write_text("qiskit==0.45.3\n")
    flake8 = [sys.executable, "-m", "flake8", "--select", "QKM"]
    discovered = subprocess.run([*flake8, "a.py"], cwd=tmp_path, capture_output=True, text=True)
    assert discovered.stdout == ""
    given = subprocess.run([*flake8, "--qkm-target-qiskit", ">=1", "a.py"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert "[removed in qiskit 1.0.0]" in given.stdout


# -- the GitHub Action -------------------------------------------------------------------------

def action_script(step_id: str, inputs: dict[str, str]) -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    step = next(s for s in action["runs"]["steps"] if s.get("id") == step_id)
    script = step["run"]
    script = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], script)
    return script.replace("${{ github.action_path }}", str(ROOT))


def run_action(tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    script = action_script("check", inputs)
    bin_dir = str(Path(sys.executable).parent)
    return subprocess.run(["bash", "-c", f'export PATH="{bin_dir}:$PATH"\n{script}'], cwd=tmp_path,
                          capture_output=True, text=True, check=False)


def test_action_annotates_with_github_format(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    result = run_action(tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("::error title=flake8-qiskit-migrate (QKM101),file=")


def test_action_writes_sarif_and_honours_a_baseline(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    result = run_action(tmp_path, **{"output-format": "sarif", "output-file": "qkm.sarif",
                                     "args": "--exit-zero"})
    assert result.returncode == 0
    assert len(json.loads((tmp_path / "qkm.sarif").read_text())["runs"][0]["results"]) == 3
    run("check", "--baseline-write", "baseline.json", cwd=tmp_path)
    assert run_action(tmp_path, baseline="baseline.json").returncode == 0
