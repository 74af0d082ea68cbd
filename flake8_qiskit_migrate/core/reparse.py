"""Parsing an edited text again, by parsing only what the edit touched.

An editor sends a document after each keystroke, and most keystrokes change one statement;
parsing the whole of a 3,000-line module again takes most of a check. A ``Reparser`` keeps the
last tree it made and, for the next text, keeps the module's top-level statements that lie in
the lines the edit left alone, parsing only the lines between them. The result is the tree
``ast.parse`` makes of the whole text (``tests/test_reparse.py`` checks this on random edits
of real programs); wherever that is not certain, it parses the whole text.

Why the pieces join up: the kept statements before the edit are the same text, so tokenized
the same, and each ends where the tokenizer is back at the top level (no open bracket, string
or backslash continuation). Parsing the edited lines alone succeeds only if they too end at
the top level, so the statements after them (which start at column 0) are tokenized as they
were, only on other lines.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .. import collector
from ..edits import newline_lines


@dataclass(frozen=True)
class _Parsed:
    lines: list[str]  # the text's lines, each with its "\n" (the last one may lack it)
    tree: ast.Module
    spans: list[tuple[int, int]]  # each top-level statement's first and last row (decorators in)


class Reparser:
    """Parses the successive texts of one document (not thread-safe: one checker at a time).

    The trees it returns share their unedited statements: a caller must not change them."""

    def __init__(self) -> None:
        self._last: _Parsed | None = None

    def parse(self, code: str, filename: str = "<unknown>") -> ast.Module:
        """The tree of ``code``, as ``ast.parse(code, filename)`` gives it (and its errors)."""
        lines = newline_lines(code)
        tree = None if self._last is None or "\r" in code else _spliced(self._last, lines)
        if tree is None:
            tree = ast.parse(code, filename=filename)
        # What the new tree does not share is freed once the check's message is sent.
        collector.free_later(self._last)
        # "\r" ends a line for the parser but not in ``newline_lines``: such texts are parsed whole.
        self._last = None if "\r" in code else _Parsed(lines, tree, _spans(tree))
        return tree


def _spans(tree: ast.Module) -> list[tuple[int, int]]:
    return [(min([s.lineno] + [d.lineno for d in getattr(s, "decorator_list", ())]),
             s.end_lineno or s.lineno) for s in tree.body]


def _spliced(last: _Parsed, lines: list[str]) -> ast.Module | None:
    """The tree of ``lines``: ``last``'s statements outside the edit, and the edited lines
    parsed alone; None where that is not proven the same as parsing all of ``lines``."""
    old = last.lines
    same_start = 0  # rows unchanged at the start, and at the end (not overlapping)
    limit = min(len(old), len(lines))
    while same_start < limit and old[same_start] == lines[same_start]:
        same_start += 1
    if same_start == len(old) == len(lines):
        return last.tree
    same_end = 0
    while same_end < limit - same_start and old[-1 - same_end] == lines[-1 - same_end]:
        same_end += 1
    spans = last.spans
    # Statements before the edit: those ending in its unchanged start, none sharing its last
    # row with the next statement or ending in a backslash that continues onto the next row.
    before = sum(1 for _, end in spans if end <= same_start)
    while before and (before < len(spans) and spans[before][0] <= spans[before - 1][1]
                      or old[spans[before - 1][1] - 1].rstrip("\n").endswith("\\")):
        before -= 1
    # Statements after it: those starting in its unchanged end, on a row of their own.
    after = next((i for i, (first, _) in enumerate(spans)
                  if first > len(old) - same_end), len(spans))
    after = max(after, before)
    while after < len(spans) and after > before and spans[after][0] <= spans[after - 1][1]:
        after += 1
    start = spans[before - 1][1] if before else 0  # rows before the parsed ones
    shift = len(lines) - len(old)
    stop = spans[after][0] - 1 + shift if after < len(spans) else len(lines)
    if stop > start and lines[stop - 1].rstrip("\n").endswith("\\"):
        return None  # it would continue onto the statement after it
    try:
        # Blank rows before the parsed ones give its nodes their rows in the whole text.
        middle = ast.parse("\n" * start + "".join(lines[start:stop]))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the whole text's parse says what is wrong, and where
    kept_after = last.tree.body[after:]
    if shift:
        for statement in kept_after:
            _move(statement, shift)
    return ast.Module(body=last.tree.body[:before] + middle.body + kept_after, type_ignores=[])


def _move(statement: ast.stmt, rows: int) -> None:
    """Moves a kept statement's nodes down ``rows`` rows (up, if negative)."""
    for node in ast.walk(statement):
        if "lineno" in node._attributes:
            node.lineno += rows  # type: ignore[attr-defined]
            if node.end_lineno is not None:  # type: ignore[attr-defined]
                node.end_lineno += rows  # type: ignore[attr-defined]
