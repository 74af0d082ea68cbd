"""Jupyter notebooks: their code cells joined into one module (names flow from cell to cell, as
when the notebook runs), with a map back to cell numbers. Magics and shell lines are blanked."""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from ..edits import Edit, Fix
from ..registry import Magic

# What makes a logical line IPython's, as IPython and ruff read it: it starts with %magic,
# %%cell magic, !shell, ?help or an autocall prefix (/ , ;); or it assigns one (``x = !ls``,
# ``t = %timeit -o f()``), the value being IPython's and the name Python's.
_ESCAPE = re.compile(r"[ \t]*[%!?/,;]")
_ESCAPED_VALUE = re.compile(r"[ \t]*[\w.\[\]'\", \t]+?=[ \t]*(?=[%!])")
# Cell magics whose body is still Python (ruff's list); any other %%magic cell is skipped.
_PYTHON_CELL_MAGICS = frozenset({"capture", "debug", "prun", "pypy", "python", "python3", "time",
                                 "timeit"})


class NotebookError(ValueError):
    """The file is not a notebook we can read (not JSON, or not nbformat)."""


@dataclass(frozen=True)
class CellMap:
    """Where each code cell starts in the joined module. ``cells`` are 1-based over all cells,
    markdown included, as ruff and Jupyter number them."""

    first_lines: tuple[int, ...]  # 1-based line of the joined module where each cell starts
    cells: tuple[int, ...]
    last_line: int = 0  # the joined module's last line of cell code
    magics: tuple[Magic, ...] = ()
    widths: tuple[int, ...] = ()  # each line's length in its cell (IPython lines unblanked)
    blanked: frozenset[int] = frozenset()  # the joined module's lines that are IPython's

    def code_of(self, code: str, cell: int) -> str:
        """The (IPython-blanked) code of one cell, out of the joined module."""
        index = self.cells.index(cell)
        lines = code.split("\n")
        end = self.first_lines[index + 1] - 1 if index + 1 < len(self.cells) else len(lines) - 1
        return "\n".join(lines[self.first_lines[index] - 1: end])

    def split(self, fix: Fix) -> dict[int, Fix] | None:
        """A fix of the joined module as the fixes of its cells (cell number: edits
        with cell-relative rows), or None where an edit crosses into another cell. A deletion
        of a cell's last lines up to the next cell's start ends at the cell's end instead and
        takes the line end before them (a cell's text has no last line end)."""
        cells: dict[int, list[Edit]] = {}
        for edit in fix:
            if self._changes_ipython(edit):
                return None
            cell, row = self.locate(edit.row)
            index = self.cells.index(cell)
            after = self.first_lines[index + 1] if index + 1 < len(self.cells) else (
                self.last_line + 1)
            shift = row - edit.row
            local = Edit(row, edit.column, edit.end_row + shift, edit.end_column, edit.content)
            if edit.end_row >= after:
                if edit.end_row > after or edit.end_column != 1 or edit.content or (
                        edit.column != 1):
                    return None
                rows = after - self.first_lines[index]
                last = self.widths[after - 2] + 1
                local = Edit(1, 1, rows, last, "") if row == 1 else Edit(
                    row - 1, self.widths[edit.row - 2] + 1, rows, last, "")
            cells.setdefault(cell, []).append(local)
        return {cell: _merged(edits) for cell, edits in cells.items()}

    def _changes_ipython(self, edit: Edit) -> bool:
        """Whether an edit changes an IPython line other than by deleting it whole (the cell's
        text is edited as it is, and a magic is not Python to rewrite)."""
        whole = not edit.content and edit.column == 1 and edit.end_column == 1
        # An edit ending at the start of a line leaves it alone if it ends a line itself.
        last = edit.end_row - (edit.end_column == 1 and edit.end_row > edit.row and (
            not edit.content or edit.content.endswith("\n")))
        return not whole and any(line in self.blanked for line in range(edit.row, last + 1))

    def contained(self, fix: Fix) -> Fix:
        """The fix (rows of the joined module) with each edit inside its cell, as ``split``
        places them; () where an edit crosses into another cell."""
        split = self.split(fix) or {}
        return tuple(Edit(e.row + first - 1, e.column, e.end_row + first - 1, e.end_column,
                          e.content)
                     for cell, edits in split.items()
                     for first in (self.first_lines[self.cells.index(cell)],) for e in edits)

    def locate(self, line: int) -> tuple[int, int]:
        """(cell number, 1-based row inside the cell) of a line of the joined module."""
        index = bisect.bisect_right(self.first_lines, line) - 1
        return self.cells[index], line - self.first_lines[index] + 1


def _merged(edits: list[Edit]) -> Fix:
    """A cell's edits with overlapping deletions made one (deleting a cell's last line takes
    the line end before it, which deleting the line before takes too)."""
    merged: list[Edit] = []
    for edit in sorted(edits):
        last = merged[-1] if merged else None
        if last is not None and not last.content and not edit.content and (
                edit.row, edit.column) < (last.end_row, last.end_column):
            end = max((last.end_row, last.end_column), (edit.end_row, edit.end_column))
            merged[-1] = Edit(last.row, last.column, *end, "")
        else:
            merged.append(edit)
    return tuple(merged)


def notebook_code(raw: str) -> tuple[str, CellMap]:
    document = _document(raw)
    cells = document.get("cells") if isinstance(document, dict) else None
    if not isinstance(cells, list):
        raise NotebookError("no 'cells' list: not a Jupyter notebook")
    lines: list[str] = []
    first_lines: list[int] = []
    numbers: list[int] = []
    magics: list[Magic] = []
    widths: list[int] = []
    blanked: set[int] = set()
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if not isinstance(source, str) and not (
                isinstance(source, list) and all(isinstance(line, str) for line in source)):
            raise NotebookError(f"the 'source' of cell {number} is not text or a list of lines")
        text = "".join(source) if isinstance(source, list) else source
        original = text.split("\n")
        cell_lines = _python_lines(original)
        magics += _magics(original, cell_lines, len(lines) + 1)
        first_lines.append(len(lines) + 1)
        numbers.append(number)
        blanked.update(len(lines) + row for row, (python, line) in enumerate(
            zip(cell_lines, original), start=1) if python != line)
        lines.extend(cell_lines)
        widths.extend(map(len, original))
    return "\n".join(lines) + "\n", CellMap(tuple(first_lines), tuple(numbers), len(lines),
                                            tuple(magics), tuple(widths), frozenset(blanked))


_MAGIC = re.compile(r"%%?(\w+)")


def _magics(original: list[str], python: list[str], first_line: int) -> list[Magic]:
    """The magics among a cell's blanked lines: a line starting with one, or a value
    assigned from one (``x = %timeit -o f()``, left as ``x = ...``)."""
    found = []
    for index, (line, code) in enumerate(zip(original, python)):
        if line == code:
            continue
        column = len(line) - len(line.lstrip(" \t"))
        if code.endswith("...") and line[len(code) - 3:].startswith("%"):
            column = len(code) - 3
        match = _MAGIC.match(line, column)
        if match is None or line[:column].strip() and column != len(code) - 3:
            continue
        alone = column == 0 and not code and not _continued(line) and (
            not match.group().startswith("%%"))
        found.append(Magic(first_line + index, column, match.group(1),
                           line.rstrip("\r"), alone))
    return found


def _document(raw: str) -> object:
    """The notebook's JSON, or a ``NotebookError`` saying why it cannot be read."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotebookError(f"not valid JSON ({error.msg} at line {error.lineno})") from None
    except RecursionError:
        raise NotebookError("JSON nested too deeply to read") from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise NotebookError(f"unreadable JSON ({str(error).split(';')[0]})") from None


def rewrite_code_cells(raw: str, rewrite: Callable[[int, str], str | None]) -> str:
    """The notebook with code cells rewritten: ``rewrite(cell number, code)`` gets a cell's
    code as stored (IPython lines included: see ``blanked``) and returns new code or None.
    Only the changed cells' ``source`` values are replaced in the file's text: everything else
    (outputs, metadata, key order, indentation, escapes) stays byte for byte."""
    document = json.loads(raw)
    spans = _source_spans(raw)
    pieces, position = [], 0
    for number, cell in enumerate(document["cells"], start=1):
        if cell.get("cell_type") != "code" or number not in spans:
            continue
        source = cell.get("source", "")
        new = rewrite(number, "".join(source) if isinstance(source, list) else str(source))
        if new is None:
            continue
        start, end = spans[number]
        pieces += [raw[position:start], _source_json(raw[start:end], source, new)]
        position = end
    return "".join(pieces) + raw[position:]


def blanked(code: str) -> tuple[str, list[int]]:
    """A cell's code as the joined module holds it (IPython lines blanked, same line count and
    columns), and the 0-based indices of the lines that differ."""
    original = code.split("\n")
    python = _python_lines(original)
    return "\n".join(python), [i for i, (a, b) in enumerate(zip(original, python)) if a != b]


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _skip(text: str, index: int) -> int:
    """Past the JSON white space at ``index``."""
    match = _SPACE.match(text, index)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _source_spans(raw: str) -> dict[int, tuple[int, int]]:
    """Where each cell's ``source`` value is in the notebook's text, by cell number."""
    spans: dict[int, tuple[int, int]] = {}
    for key, start, end in _members(raw, _skip(raw, 0)):
        if key != "cells" or raw[start] != "[":
            continue
        number, index = 0, _skip(raw, start + 1)
        while raw[index] != "]":
            number += 1
            if raw[index] == "{":
                for field, value_start, value_end in _members(raw, index):
                    if field == "source":
                        spans[number] = (value_start, value_end)
            index = _skip(raw, _DECODER.raw_decode(raw, index)[1])
            if raw[index] == ",":
                index = _skip(raw, index + 1)
    return spans


def _members(raw: str, index: int) -> list[tuple[str, int, int]]:
    """The (key, value start, value end) of the JSON object starting at ``index``."""
    members = []
    index = _skip(raw, index + 1)
    while raw[index] != "}":
        key, index = json.decoder.scanstring(raw, index + 1)  # type: ignore[attr-defined]
        index = _skip(raw, index) + 1  # past the colon
        start = _skip(raw, index)
        end = _DECODER.raw_decode(raw, start)[1]
        members.append((key, start, end))
        index = _skip(raw, end)
        if raw[index] == ",":
            index = _skip(raw, index + 1)
    return members


def _source_json(old: str, value: object, text: str) -> str:
    """The new ``source`` value in the style of the old one: a list of lines laid out with the
    old separators (unchanged lines keep their old text), or one string."""
    ascii_only = "\\u" in old or old.isascii()
    dump = functools.partial(json.dumps, ensure_ascii=ascii_only)
    if not isinstance(value, list):
        return dump(text)
    lines = text.splitlines(keepends=True)
    items, index = [], _skip(old, 1)
    while old[index] != "]":
        end = _DECODER.raw_decode(old, index)[1]
        items.append((index, end))
        index = _skip(old, end)
        if old[index] == ",":
            index = _skip(old, index + 1)
    if not items:
        return dump(lines)
    opening = old[1: items[0][0]]
    separator = old[items[0][1]: items[1][0]] if len(items) > 1 else "," + (opening or " ")
    closing = old[items[-1][1]: -1]
    kept = {i: old[a:b] for i, (a, b) in enumerate(items)}
    parts = [kept[i] if i < len(value) and value[i] == line and i in kept else dump(line)
             for i, line in enumerate(lines)]
    return "[" + opening + separator.join(parts) + closing + "]" if parts else "[]"


def _python_lines(lines: list[str]) -> list[str]:
    """The cell's lines with IPython syntax blanked, keeping the line count and every column
    of the Python left (so positions stay right). IPython syntax counts only where a logical
    line starts (not inside brackets or a string), with the lines its backslashes continue;
    ``x = !ls`` keeps the assignment, its value becoming ``...``. A magic opening an indented
    block becomes ``pass`` so the block still parses; any other is blanked, indented or not."""
    first = lines[0].strip() if lines else ""
    if first.startswith("%%") and first[2:].split(" ")[0] not in _PYTHON_CELL_MAGICS:
        return [""] * len(lines)
    python: list[str] = []
    state = _Scan()
    opener: int | None = None  # the indent of a line opening a block still empty
    statement_indent = 0  # the indent of the logical line being read
    escaped = False  # the line continues an IPython line
    for line in lines:
        indent = len(line) - len(line.lstrip(" \t"))
        starts = not escaped and state.depth == 0 and state.string is None and not state.joined
        value = _ESCAPED_VALUE.match(line) if starts else None
        scanned = _scan(line, state) if not escaped and value is None else state
        if escaped or starts and (_ESCAPE.match(line) or scanned.help):
            block = not escaped and opener is not None and indent > opener  # its first line
            escaped = _continued(line)
            python.append(line[:indent] + "pass" if block else "")
            opener = None if block else opener
            continue
        if value is not None:
            escaped = _continued(line)
            line = line[: value.end()] + "..."
            scanned = _scan(line, state)
        if starts and line.strip() and not line.lstrip().startswith("#"):
            opener = None
            statement_indent = indent
        if scanned.ends_block and scanned.depth == 0 and not scanned.joined:
            opener = statement_indent
        state = scanned
        python.append(line)
    return python


def _continued(line: str) -> bool:
    return line.rstrip("\r").endswith("\\")


class _Scan(NamedTuple):
    """What a line leaves open for the next: brackets, a triple-quoted string, a backslash."""

    depth: int = 0
    string: str | None = None  # the delimiter of an open triple-quoted string
    joined: bool = False  # it ends with a backslash: the next line continues it
    ends_block: bool = False  # its code ends with ':'
    help: bool = False  # a '?' outside strings and comments: IPython's help, not Python


# Where a comment or a string starts, and the rest of each kind of string.
_COMMENT_OR_STRING = re.compile("#|'''|\"\"\"|'|\"")
_STRING_REST = {
    quote * size: re.compile(r"(?:[^%s\\]|\\.%s)*%s" % (
        quote, f"|{quote}(?!{quote * 2})" if size == 3 else "", quote * size))
    for quote in "'\"" for size in (1, 3)
}


def _scan(line: str, before: _Scan) -> _Scan:
    """Where a line of Python leaves the tokenizer (brackets and strings only, enough to tell
    where logical lines start), jumping from string to string."""
    depth, string, help_mark = before.depth, before.string, False
    index, code_end = 0, len(line)
    while True:
        if string is not None:
            rest = _STRING_REST[string].match(line, index)
            if rest is None:
                break
            index, string = rest.end(), None
        mark = _COMMENT_OR_STRING.search(line, index)
        code = line[index: mark.start() if mark else len(line)]
        depth = max(depth + sum(map(code.count, "([{")) - sum(map(code.count, ")]}")), 0)
        help_mark = help_mark or "?" in code
        if mark is None:
            break
        if mark.group() == "#":
            code_end = mark.start()
            break
        string, index = mark.group(), mark.end()
    joined = code_end == len(line) and _continued(line)
    if string is not None and len(string) == 1 and not joined:
        string = None  # an unclosed one-line string ends with its line
    ends_block = string is None and line[:code_end].rstrip().endswith(":")
    return _Scan(depth, string, joined, ends_block, help_mark)
