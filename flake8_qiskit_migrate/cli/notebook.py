"""Jupyter notebooks: their code cells joined into one module (names flow from cell to cell, as
when the notebook runs), with a map back to cell numbers. Magics and shell lines are blanked."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Callable

# Lines IPython handles itself: %magic, %%cell magic, !shell, and ``obj?`` help.
_IPYTHON_LINE = re.compile(r"^\s*(%|!|\?)|\?\s*$")
# Cell magics whose body is still Python; any other %%magic cell is not Python and is skipped.
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})


class NotebookError(ValueError):
    """The file is not a notebook we can read (not JSON, or not nbformat)."""


@dataclass(frozen=True)
class CellMap:
    """Where each code cell starts in the joined module. ``cells`` are 1-based over all cells,
    markdown included, as ruff and Jupyter number them."""

    first_lines: tuple[int, ...]  # 1-based line of the joined module where each cell starts
    cells: tuple[int, ...]

    def code_of(self, code: str, cell: int) -> str:
        """The (IPython-blanked) code of one cell, out of the joined module."""
        index = self.cells.index(cell)
        lines = code.split("\n")
        end = self.first_lines[index + 1] - 1 if index + 1 < len(self.cells) else len(lines) - 1
        return "\n".join(lines[self.first_lines[index] - 1: end])

    def locate(self, line: int) -> tuple[int, int]:
        """(cell number, 1-based row inside the cell) of a line of the joined module."""
        index = bisect.bisect_right(self.first_lines, line) - 1
        return self.cells[index], line - self.first_lines[index] + 1


def notebook_code(raw: str) -> tuple[str, CellMap]:
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotebookError(f"not valid JSON ({error.msg} at line {error.lineno})") from None
    cells = document.get("cells") if isinstance(document, dict) else None
    if not isinstance(cells, list):
        raise NotebookError("no 'cells' list: not a Jupyter notebook")
    lines: list[str] = []
    first_lines: list[int] = []
    numbers: list[int] = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        cell_lines = _python_lines(text.split("\n"))
        first_lines.append(len(lines) + 1)
        numbers.append(number)
        lines.extend(cell_lines)
    return "\n".join(lines) + "\n", CellMap(tuple(first_lines), tuple(numbers))


def rewrite_code_cells(raw: str, rewrite: Callable[[int, str], str | None]) -> str:
    """The notebook with code cells rewritten: ``rewrite(cell number, code)`` gets a cell's
    code with IPython lines blanked and returns new code or None. IPython lines are put back;
    a rewrite that changes the line count of a cell holding them is dropped. Outputs and
    metadata are kept as they are."""
    document = json.loads(raw)
    for number, cell in enumerate(document["cells"], start=1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        original = ("".join(source) if isinstance(source, list) else str(source)).split("\n")
        python = _python_lines(original)
        new = rewrite(number, "\n".join(python))
        if new is None:
            continue
        new_lines = new.split("\n")
        blanked = [i for i, (a, b) in enumerate(zip(original, python)) if a != b]
        if blanked and len(new_lines) != len(original):
            continue
        for i in blanked:
            new_lines[i] = original[i]
        text = "\n".join(new_lines)
        cell["source"] = text.splitlines(keepends=True) if isinstance(source, list) else text
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _python_lines(lines: list[str]) -> list[str]:
    """The cell's lines with IPython syntax blanked, keeping the line count (and so the rows).
    A magic inside an indented block becomes ``pass`` so the block still parses."""
    first = lines[0].strip() if lines else ""
    if first.startswith("%%") and first[2:].split(" ")[0] not in _PYTHON_CELL_MAGICS:
        return [""] * len(lines)
    blanked = []
    for line in lines:
        if _IPYTHON_LINE.search(line):
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}pass" if indent else ""
        blanked.append(line)
    return blanked
