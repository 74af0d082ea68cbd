"""The JSON output of a notebook names the cell of each edit of a fix (its rows are the
cell's, as ruff gives them), so a fix spanning cells can be applied from the report alone:
doing so gives what ``--fix`` writes."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import command, notebook

CELLS = ["import qiskit.tools.jupyter\nfrom qiskit import QuantumCircuit\n",
         "qc = QuantumCircuit(1)\n%qiskit_version_table\n%qiskit_copyright\n"]


def _apply(text: str, edits: list[dict[str, object]]) -> str:
    """Edits with 1-based rows and columns, applied from the last one back."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(where: object) -> int:
        assert isinstance(where, dict)
        return offsets[where["row"] - 1] + where["column"] - 1
    for edit in sorted(edits, key=lambda e: offset(e["location"]), reverse=True):
        start, end = offset(edit["location"]), offset(edit["end_location"])
        text = text[:start] + str(edit["content"]) + text[end:]
    return text


def test_each_edit_names_its_cell_and_applying_them_gives_the_fixed_cells(
        tmp_path: Path) -> None:
    path = tmp_path / "magics.ipynb"
    path.write_text(notebook(*CELLS))
    report = json.loads(command("check", str(path), "--output-format", "json", "--exit-zero",
                                "--no-cache", cwd=tmp_path).stdout)
    assert [(d["code"], d["cell"]) for d in report] == [
        ("QKM212", 1), ("QKM212", 2), ("QKM212", 2)]
    edits = report[0]["fix"]["edits"]
    assert [(e["cell"], e["location"]["row"], e["end_location"]["row"]) for e in edits] == [
        (1, 1, 2), (2, 2, 3), (2, 3, 4)]
    from_report = [_apply(text, [e for e in edits if e["cell"] == cell])
                   for cell, text in enumerate(CELLS, 1)]
    command("check", str(path), "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    fixed = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    assert from_report == fixed == ["from qiskit import QuantumCircuit\n",
                                    "qc = QuantumCircuit(1)\n"]


def test_a_script_s_edits_name_no_cell(tmp_path: Path) -> None:
    path = tmp_path / "legacy.py"
    path.write_text("from qiskit import IBMQ\n")
    report = json.loads(command("check", str(path), "--output-format", "json", "--exit-zero",
                                "--no-cache", cwd=tmp_path).stdout)
    assert report[0]["fix"]["edits"] and all("cell" not in e for e in report[0]["fix"]["edits"])
