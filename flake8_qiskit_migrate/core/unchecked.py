"""A file that could not be checked, and why: every output format shows it, as ruff shows its
``invalid-syntax`` and ``E902`` (``io-error``) diagnostics, so a file is never passed over
silently."""

from __future__ import annotations

import os
from dataclasses import dataclass

SYNTAX = "invalid-syntax"  # ruff's code and name: it does not parse, or is not a notebook
IO_ERROR = "E902"  # ruff's and flake8's code: it cannot be read, or not in its encoding
INTERNAL = "internal-error"  # checking it raised: a bug, reported for this file only
NAMES = {SYNTAX: "invalid-syntax", IO_ERROR: "io-error", INTERNAL: "internal-error"}


@dataclass(frozen=True)
class Unchecked:
    path: str  # as given on the command line
    code: str  # SYNTAX, IO_ERROR or INTERNAL
    message: str
    cell: int | None = None
    row: int | None = None  # where a syntax error is, when Python says
    column: int = 1  # 1-based, in characters
    end_row: int | None = None
    end_column: int = 1
    unwritten: bool = False  # checked, but --fix could not write it: its findings remain

    @property
    def name(self) -> str:
        return NAMES[self.code]

    @property
    def filename(self) -> str:
        return os.path.abspath(self.path)

    @property
    def start(self) -> tuple[int, int]:
        """(row, column), 1:1 for an error of the whole file, as ruff places it."""
        return (self.row or 1, self.column)

    @property
    def end(self) -> tuple[int, int]:
        return (self.end_row or self.row or 1, self.end_column)

    @property
    def position(self) -> str:
        """``path:row:col`` or, in a notebook, ``path:cell N:row:col``."""
        cell = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{self.path}:{cell}{self.start[0]}:{self.start[1]}"

    @property
    def reason(self) -> str:
        """The one line standard error gets: what went wrong and, for a syntax error, where."""
        if self.row is None:
            return self.message
        where = f"line {self.row}" if self.cell is None else f"cell {self.cell}, line {self.row}"
        return f"syntax error at {where}: {self.message}"
