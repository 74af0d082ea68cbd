"""The flake8 front end: flake8 hands us a parsed tree, we hand back engine findings."""

from __future__ import annotations

import ast
import functools
import os
from typing import Any, Iterator

from . import __version__
from .engine import check


@functools.lru_cache(maxsize=1024)
def package_of(filename: str) -> str | None:
    """The dotted package a file belongs to, from the ``__init__.py`` files around it; used
    only to resolve relative imports. Reads directory entries, never the code."""
    directory = os.path.dirname(os.path.abspath(filename))
    parts: list[str] = []
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        parts.append(os.path.basename(directory))
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return ".".join(reversed(parts)) or None


class QiskitMigrateChecker:
    name = "flake8-qiskit-migrate"
    version = __version__

    def __init__(
        self, tree: ast.AST, filename: str = "stdin", lines: list[str] | None = None
    ) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        source = "".join(self.lines) if self.lines is not None else None
        real_file = self.filename not in ("stdin", "-")
        findings = check(
            self.tree, source, package=lambda: package_of(self.filename) if real_file else None
        )
        for finding in findings:
            yield finding.line, finding.col, finding.message, type(self)
