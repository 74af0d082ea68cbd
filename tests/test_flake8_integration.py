"""The real flake8, run as a subprocess, with the installed plugin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
LEGACY = (
    "from qiskit import IBMQ\n"
    "IBMQ.load_account()  # noqa: QKM204\n"
    "from qiskit.primitives import Sampler  # noqa\n"
)


def flake8(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", *args],
        capture_output=True, text=True, cwd=cwd, check=False,
    )


def codes(output: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in output.splitlines() if ": QKM" in line]


def test_version_and_bug_report_name_the_plugin() -> None:
    assert "flake8-qiskit-migrate: " in flake8("--version").stdout
    plugins = json.loads(flake8("--bug-report").stdout)["plugins"]
    assert any(p["plugin"] == "flake8-qiskit-migrate" for p in plugins)


def test_reports_fixture_with_exact_lines_and_columns() -> None:
    result = flake8("--select", "QKM", str(FIXTURES / "QKM207.py"))
    lines = [line.split(" ")[0] for line in result.stdout.splitlines()]
    positions = ("2:8", "4:12", "5:11", "6:1", "8:1")
    assert lines == [f"{FIXTURES / 'QKM207.py'}:{pos}:" for pos in positions]
    assert result.returncode == 1


def test_noqa_silences_exactly_what_it_names(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    result = flake8("--select", "QKM", "a.py", cwd=tmp_path)
    assert codes(result.stdout) == ["QKM203"]
    result = flake8("--select", "QKM", "--disable-noqa", "a.py", cwd=tmp_path)
    assert codes(result.stdout) == ["QKM203", "QKM204", "QKM301"]


def test_noqa_for_another_code_does_not_silence(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from qiskit import IBMQ  # noqa: E501\n")
    assert codes(flake8("--select", "QKM", "a.py", cwd=tmp_path).stdout) == ["QKM203"]


def test_extend_ignore_by_code_and_by_prefix(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    base = ("--select", "QKM", "--disable-noqa", "--extend-ignore")
    ignored = flake8(*base, "QKM204", "a.py", cwd=tmp_path)
    assert codes(ignored.stdout) == ["QKM203", "QKM301"]
    by_prefix = flake8(*base, "QKM2", "a.py", cwd=tmp_path)
    assert codes(by_prefix.stdout) == ["QKM301"]


def test_per_file_ignores_from_config(tmp_path: Path) -> None:
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "a.py").write_text(LEGACY)
    (tmp_path / "b.py").write_text(LEGACY)
    config = "[flake8]\nselect = QKM\nper-file-ignores =\n    legacy/*.py: QKM2\n"
    (tmp_path / "setup.cfg").write_text(config)
    result = subprocess.run([sys.executable, "-m", "flake8", "--disable-noqa", "."], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    paths = sorted({line.split(":")[0] for line in result.stdout.splitlines()})
    assert paths == ["./b.py", "./legacy/a.py"], result.stdout
    legacy = [line for line in result.stdout.splitlines() if line.startswith("./legacy")]
    assert codes("\n".join(legacy)) == ["QKM301"]


def test_syntax_error_gets_flake8_e999_and_nothing_from_us(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("from qiskit import IBMQ\ndef (:\n")
    result = flake8("--select", "E999,QKM", "bad.py", cwd=tmp_path)
    assert "E999" in result.stdout
    assert "QKM" not in result.stdout


@pytest.mark.parametrize("source", [
    "import qiskit\nx = " + "(" * 150 + "1" + ")" * 150 + "\nqiskit.IBMQ\n",
    "\ufeffimport qiskit\r\n\x0cx = 1\r\nqiskit.IBMQ\r\n",
], ids=["nested-parens", "bom-crlf-formfeed"])
def test_parseable_oddities_are_checked_to_the_end(tmp_path: Path, source: str) -> None:
    (tmp_path / "odd.py").write_text(source, encoding="utf-8", newline="")
    result = flake8("--select", "QKM", "odd.py", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("odd.py:3:1: QKM203"), result.stdout


def test_examples_print_findings_with_links() -> None:
    examples = Path(__file__).parent.parent / "examples"
    result = flake8("--select", "QKM", str(examples))
    lines = result.stdout.splitlines()
    assert len(lines) >= 5
    assert all("(https://quantum.cloud.ibm.com/docs/migration-guides/" in line for line in lines)


HEURISTIC = "import qiskit\n\n\ndef go(machine, backend):\n    machine.run(c)\n    backend.run(c)\n"


def test_backend_names_option_from_command_line_and_config(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(HEURISTIC)
    default = flake8("--select", "QKM", "a.py", cwd=tmp_path)
    assert [line.split(":")[1] for line in default.stdout.splitlines()] == ["6"]
    option = flake8("--select", "QKM", "--qkm-backend-names", "machine,qpu", "a.py", cwd=tmp_path)
    assert [line.split(":")[1] for line in option.stdout.splitlines()] == ["5"]
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = QKM\nqkm-backend-names = machine\n")
    configured = subprocess.run([sys.executable, "-m", "flake8", "a.py"], cwd=tmp_path,
                                capture_output=True, text=True, check=False)
    assert [line.split(":")[1] for line in configured.stdout.splitlines()] == ["5"]


def test_extend_ignore_of_qkm104_turns_the_heuristic_off(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(HEURISTIC.replace("run(c)", "run(c, shots=5)"))
    result = flake8("--select", "QKM", "--extend-ignore", "QKM104", "a.py", cwd=tmp_path)
    assert result.stdout == ""


def test_readme_example_output_is_real() -> None:
    """The excerpt under "Try it" is what flake8 prints on the bundled example."""
    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("Real output (an excerpt", 1)[1].split("```\n", 2)[1]
    shown = [line for line in excerpt.splitlines() if line]
    actual = flake8("--select", "QKM", "examples/", cwd=root).stdout.splitlines()
    assert shown and all(line in actual for line in shown)


V1_BY_NAME = "import qiskit\n\n\ndef go(estimator, energy_model):\n    estimator.run(a, b)\n" \
             "    energy_model.run(a, b)\n"


def test_primitive_names_option_and_extend_ignore(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(V1_BY_NAME)
    default = flake8("--select", "QKM", "a.py", cwd=tmp_path)
    assert [line.split(": ")[1][:6] for line in default.stdout.splitlines()] == ["QKM309"]
    assert [line.split(":")[1] for line in default.stdout.splitlines()] == ["5"]
    option = flake8("--select", "QKM", "--qkm-primitive-names", "model", "a.py", cwd=tmp_path)
    assert [line.split(":")[1] for line in option.stdout.splitlines()] == ["6"]
    ignored = flake8("--select", "QKM", "--extend-ignore", "QKM309", "a.py", cwd=tmp_path)
    assert ignored.stdout == ""
