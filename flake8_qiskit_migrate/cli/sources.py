"""Finding the files to check and reading them: ``.py``, ``.pyi`` and ``.ipynb``, folders
recursively, standard input; exclusion by glob as ruff does it."""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .notebook import CellMap, NotebookError, notebook_code

SUFFIXES = (".py", ".pyi", ".ipynb")
# Folders never entered unless named on the command line (ruff's defaults).
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache",
    ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox",
    ".venv", ".vscode", "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules",
    "site-packages", "venv",
)


@dataclass(frozen=True)
class Source:
    """A file's code, ready for the engine, or the reason it cannot be checked."""

    path: str  # as the user will see it
    code: str = ""  # Python code; for a notebook, its code cells joined
    cells: CellMap | None = None
    error: str | None = None
    text: str = ""  # the file as stored (for a notebook, the JSON), for rewriting it
    bom: bool = False


def discover(paths: Iterable[str], exclude: Iterable[str]) -> Iterator[str]:
    """Files to check. A file or folder named explicitly is always checked; below a folder,
    hidden folders, virtual environments and paths matching ``exclude`` are skipped (the
    patterns apply to the part of the path below the named folder)."""
    excluded = _matcher(tuple(exclude))
    for given in paths:
        if not os.path.isdir(given):
            yield given
            continue
        for root, folders, files in os.walk(given):
            below = os.path.relpath(root, given)
            folders[:] = sorted(
                f for f in folders
                if not f.startswith(".")
                and not excluded(os.path.join(below, f))
                and not os.path.exists(os.path.join(root, f, "pyvenv.cfg"))
            )
            for name in sorted(files):
                if name.endswith(SUFFIXES) and not excluded(os.path.join(below, name)):
                    yield os.path.normpath(os.path.join(root, name))


def _matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a path below a checked folder matches one of the globs, whole or by one of
    its components. The globs are compiled into one expression, once."""
    if not patterns:
        return lambda relative: False
    glob = re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns))

    def excluded(relative: str) -> bool:
        path = Path(relative)
        return any(glob.match(part) for part in (path.as_posix(), *path.parts))
    return excluded


def read(path: str) -> Source:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Source(path, error=error.strerror or str(error))
    return decode(path, data)


def read_stdin(display_name: str) -> Source:
    return decode(display_name, sys.stdin.buffer.read())


def decode(path: str, data: bytes) -> Source:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Source(path, error=f"not UTF-8 (byte 0x{data[error.start]:02x} at offset "
                                  f"{error.start})")
    bom = data.startswith(codecs.BOM_UTF8)
    if path.endswith(".ipynb"):
        try:
            code, cells = notebook_code(text)
        except NotebookError as error:
            return Source(path, error=f"invalid notebook: {error}")
        return Source(path, code, cells, text=text, bom=bom)
    return Source(path, text, text=text, bom=bom)


def write(source: Source, text: str) -> None:
    """Store new text for a file, keeping its byte-order mark."""
    Path(source.path).write_bytes((codecs.BOM_UTF8 if source.bom else b"") + text.encode())
