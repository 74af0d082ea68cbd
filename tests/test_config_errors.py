"""A project file that is not what its name says is an error that names the file and the key
(exit 2; in the flake8 plugin a warning, and the run goes on with the target unknown); and
the target is every pin the project declares, whatever the files' names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import command

V1_SAMPLER = "from qiskit.primitives import Sampler\nSampler()\n"
REMOVED = "QKM301 'qiskit.primitives.Sampler' is a V1 primitive, removed in Qiskit 2.0"

BROKEN = {  # file, its text, the error's text after "error: "
    "invalid TOML, section unparseable": (
        "pyproject.toml", '[tool.flake8-qiskit-migrate\nignore = ["QKM3"]\n',
        "pyproject.toml: invalid TOML: Expected ']' at the end of a table declaration "
        "(at line 1, column 28)"),
    "invalid TOML after the section": (
        "pyproject.toml", '[tool.flake8-qiskit-migrate]\nignore = ["QKM3"]\n[project\n',
        "pyproject.toml: invalid TOML: Expected ']' at the end of a table declaration "
        "(at line 3, column 9)"),
    "unknown output format": (
        "pyproject.toml", '[tool.flake8-qiskit-migrate]\noutput-format = "xml"\n',
        "pyproject.toml: 'output-format' in [tool.flake8-qiskit-migrate] must be one of: "
        "concise, full, github, gitlab, json, json-lines, sarif, summary, summary-html "
        "(not 'xml')"),
    "section not a table": (
        "pyproject.toml", "[tool]\nflake8-qiskit-migrate = 3\n",
        "pyproject.toml: 'tool.flake8-qiskit-migrate' must be a table"),
    "tool not a table": (
        "pyproject.toml", "tool = 3\n[project]\ndependencies = ['qiskit']\n",
        "pyproject.toml: 'tool' must be a table"),
    "project not a table": (
        "pyproject.toml", "project = 5\n[tool.flake8-qiskit-migrate]\n",
        "pyproject.toml: 'project' must be a table"),
    "a dependency not a string": (
        "pyproject.toml", '[project]\ndependencies = ["qiskit==1.4", 5]\n',
        "pyproject.toml: 'project.dependencies' must be a list of strings"),
    "uv.lock: package not tables": (
        "uv.lock", "package = 3  # qiskit\n", "uv.lock: 'package' must be an array of tables"),
    "uv.lock: a name not a string": (
        "uv.lock", '[[package]]\nname = 5\nversion = "1"  # qiskit\n',
        "uv.lock: the 'name' and 'version' of each 'package' must be strings (found 5, '1')"),
    "uv.lock: not a version": (
        "uv.lock", '[[package]]\nname = "qiskit"\nversion = "abc"\n',
        "uv.lock: qiskit: invalid version specifier '==abc'"),
    "uv.lock: invalid TOML": (
        "uv.lock", '[[package]\nname = "qiskit"\n',
        "uv.lock: invalid TOML: Expected ']]' at the end of an array declaration "
        "(at line 1, column 10)"),
    "Pipfile.lock: default a list": (
        "Pipfile.lock", '{"default": ["qiskit"]}',
        "Pipfile.lock: must hold an object with a 'default' object"),
    "Pipfile.lock: a list": (
        "Pipfile.lock", '["qiskit"]', "Pipfile.lock: must hold an object with a 'default' object"),
    "Pipfile.lock: a version not a string": (
        "Pipfile.lock", '{"default": {"qiskit": {"version": 5}}}',
        "Pipfile.lock: 'default.qiskit.version' must be a string"),
    "Pipfile.lock: invalid JSON": (
        "Pipfile.lock", '{"default": {"qiskit": {"version": "==1.0"}}',
        "Pipfile.lock: invalid JSON: Expecting ',' delimiter: line 1 column 45 (char 44)"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_malformed_project_file_is_an_error_naming_file_and_key(tmp_path: Path,
                                                                  case: str) -> None:
    name, text, message = BROKEN[case]
    (tmp_path / name).write_text(text)
    (tmp_path / "a.py").write_text(V1_SAMPLER)
    result = command("check", "a.py", cwd=tmp_path)
    assert (result.returncode, result.stderr, result.stdout) == (2, f"error: {message}\n", "")


def test_an_invalid_config_file_given_by_option_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "pyproject.toml").write_text(
        '[tool.flake8-qiskit-migrate\nignore = ["QKM3"]\n')
    (tmp_path / "a.py").write_text(V1_SAMPLER)
    for subcommand in ("check", "clean"):
        result = command(subcommand, "--config", "conf/pyproject.toml", cwd=tmp_path)
        assert result.returncode == 2 and result.stderr == (
            "error: conf/pyproject.toml: invalid TOML: Expected ']' at the end of a table "
            "declaration (at line 1, column 28)\n")


@pytest.mark.parametrize("case", ["invalid TOML after the section", "a dependency not a string",
                                  "uv.lock: a name not a string", "Pipfile.lock: a list"])
def test_the_flake8_plugin_warns_and_checks_on(tmp_path: Path, case: str) -> None:
    name, text, message = BROKEN[case]
    (tmp_path / name).write_text(text)
    (tmp_path / "a.py").write_text(V1_SAMPLER)
    result = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", "QKM",
                             "a.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == (f"flake8-qiskit-migrate: warning: {message}; the target releases "
                             "it declares are unknown\n")
    assert [line.split(" (https")[0] for line in result.stdout.splitlines()] == [
        f"a.py:1:31: {REMOVED}: use 'qiskit.primitives.StatevectorSampler'",
        f"a.py:2:1: {REMOVED}: use 'qiskit.primitives.StatevectorSampler'"]  # no target


# -- every declared pin counts -------------------------------------------------------------------

def sampler_findings(tmp_path: Path) -> list[str]:
    (tmp_path / "a.py").write_text(V1_SAMPLER)
    result = command("check", "a.py", cwd=tmp_path)
    return [line.split(": use ")[0] for line in result.stdout.splitlines()]


@pytest.mark.parametrize("new, old", [("requirements.txt", "requirements-dev.txt"),
                                      ("requirements-dev.txt", "requirements.txt")])
def test_pins_in_several_requirements_files_combine(tmp_path: Path, new: str, old: str) -> None:
    (tmp_path / new).write_text("qiskit==2.0\n")
    (tmp_path / old).write_text("qiskit==0.45\n")
    assert sampler_findings(tmp_path) == [
        f"a.py:1:31: {REMOVED} [removed in qiskit 2.0.0, as targeted by qiskit==2.0]",
        f"a.py:2:1: {REMOVED} [removed in qiskit 2.0.0, as targeted by qiskit==2.0]"]


def test_pyproject_and_requirements_pins_combine(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["qiskit<0.46"]\n')
    (tmp_path / "requirements-dev.txt").write_text("qiskit>=1.2,<1.3\n")
    assert sampler_findings(tmp_path) == [
        f"a.py:1:31: {REMOVED} [deprecated since qiskit 1.2.0, as targeted by qiskit<1.3,>=1.2]",
        f"a.py:2:1: {REMOVED} [deprecated since qiskit 1.2.0, as targeted by qiskit<1.3,>=1.2]"]
    (tmp_path / "requirements-dev.txt").write_text("qiskit==0.45.3\n")
    assert sampler_findings(tmp_path) == []  # no pin reaches the deprecation


def test_an_option_overrides_every_pin(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("qiskit==2.0\n")
    (tmp_path / "requirements-dev.txt").write_text("qiskit==0.45\n")
    (tmp_path / "a.py").write_text(V1_SAMPLER)
    assert command("check", "--target-qiskit", "0.45", "a.py", cwd=tmp_path).stdout == ""


def test_the_flake8_plugin_combines_pins_too(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("qiskit==2.0\n")
    (tmp_path / "requirements-dev.txt").write_text("qiskit==0.45\n")
    (tmp_path / "a.py").write_text(V1_SAMPLER)
    result = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", "QKM",
                             "a.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.count("[removed in qiskit 2.0.0, as targeted by qiskit==2.0]") == 2


PIP_COMPILE = """\
#
# This file is autogenerated by pip-compile with Python 3.11
#
numpy==1.26.4 \\
    --hash=sha256:2e4ee3380d6de9c9ec04745830fd9e2eccb3e6cf790d39d7b98ffd19b0dd754a
    # via qiskit
qiskit=={version} \\
    --hash=sha256:00b1bb5d8a2bbd1c1f4c4f8a0b8b7b9a2d3f6e6b4c1b3a2d5e4f3a2b1c0d9e8f7 \\
    --hash=sha256:11b1bb5d8a2bbd1c1f4c4f8a0b8b7b9a2d3f6e6b4c1b3a2d5e4f3a2b1c0d9e8f7
    # via -r requirements.in
"""


def test_pip_compile_files_with_hashes_are_read(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text(PIP_COMPILE.format(version="0.45.3"))
    assert sampler_findings(tmp_path) == []  # qiskit 0.45 had the V1 Sampler
    (tmp_path / "requirements.txt").write_text(PIP_COMPILE.format(version="2.0.0"))
    assert sampler_findings(tmp_path) == [f"a.py:1:31: {REMOVED} [removed in qiskit 2.0.0]",
                                          f"a.py:2:1: {REMOVED} [removed in qiskit 2.0.0]"]


def test_a_pipfile_lock_still_reads(tmp_path: Path) -> None:
    (tmp_path / "Pipfile.lock").write_text(json.dumps(
        {"_meta": {}, "default": {"qiskit": {"version": "==2.0.0"}, "numpy": {}}}))
    assert sampler_findings(tmp_path) == [f"a.py:1:31: {REMOVED} [removed in qiskit 2.0.0]",
                                          f"a.py:2:1: {REMOVED} [removed in qiskit 2.0.0]"]
