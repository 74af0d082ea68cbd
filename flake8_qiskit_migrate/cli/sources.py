"""Finding the files to check and reading them: ``.py``, ``.pyi`` and ``.ipynb``, folders
recursively, standard input; exclusion by glob as ruff does it."""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .notebook import CellMap, NotebookError, notebook_code
from .unchecked import IO_ERROR, SYNTAX, Unchecked

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
    error: Unchecked | None = None
    text: str = ""  # the file as stored (for a notebook, the JSON), for rewriting it
    bom: bool = False
    encoding: str = "utf-8"  # as Python reads the file: its PEP 263 cookie, else UTF-8


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
            below = os.path.relpath(root, given).replace(os.sep, "/")
            below = "" if below == "." else below + "/"
            folders[:] = sorted(
                f for f in folders
                if not f.startswith(".")
                and not excluded(below + f, f)
                and not os.path.exists(os.path.join(root, f, "pyvenv.cfg"))
            )
            for name in sorted(files):
                if name.endswith(SUFFIXES) and not excluded(below + name, name):
                    yield os.path.normpath(os.path.join(root, name))


def _matcher(patterns: tuple[str, ...]) -> Callable[[str, str], bool]:
    """Whether a path below a checked folder matches one of the globs, whole or by its last
    component (the walk never enters a folder that matched, so the components above it were
    asked already). The globs are compiled into one expression, once."""
    if not patterns:
        return lambda relative, name: False
    glob = re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns))

    def excluded(relative: str, name: str) -> bool:
        return glob.match(relative) is not None or glob.match(name) is not None
    return excluded


def read(path: str) -> Source:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Source(path, error=Unchecked(path, IO_ERROR, error.strerror or str(error)))
    return decode(path, data)


def read_stdin(display_name: str) -> Source:
    return decode(display_name, sys.stdin.buffer.read())


def _may_have_cookie(data: bytes) -> bool:
    """PEP 263: a coding cookie is a comment naming ``coding`` in one of the first two lines."""
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first >= 0 else -1
    return b"coding" in (data if second < 0 else data[:second])


def decode(path: str, data: bytes) -> Source:
    """A file's text as Python reads it: a notebook as UTF-8 JSON, a module in the encoding
    its PEP 263 cookie names (UTF-8 without one), a byte-order mark set aside."""
    bom = data.startswith(codecs.BOM_UTF8)
    encoding = "utf-8"
    if not path.endswith(".ipynb") and _may_have_cookie(data):
        import tokenize  # only for the few files whose first lines may name an encoding
        try:
            found = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
            encoding = codecs.lookup(found).name.replace("utf-8-sig", "utf-8")
        except SyntaxError as error:  # an unknown cookie, or bytes that are not UTF-8
            if "unknown encoding" in str(error):
                return Source(path, error=Unchecked(
                    path, IO_ERROR, f"unknown encoding in its coding cookie ({error})"))
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        named = "UTF-8" if encoding == "utf-8" else encoding
        return Source(path, error=Unchecked(
            path, IO_ERROR, f"not {named} (byte 0x{data[error.start]:02x} at offset "
                            f"{error.start})"))
    return _source(path, text, bom, encoding)


def redecode(path: str, text: str) -> Source:
    """The source of a file's new text (after fixes), for checking it again."""
    return _source(path, text, False, "utf-8")


def _source(path: str, text: str, bom: bool, encoding: str) -> Source:
    if path.endswith(".ipynb"):
        try:
            code, cells = notebook_code(text)
        except NotebookError as error:
            return Source(path, error=Unchecked(path, SYNTAX, f"invalid notebook: {error}"))
        return Source(path, code, cells, text=text, bom=bom)
    return Source(path, text, text=text, bom=bom, encoding=encoding)


def write(source: Source, text: str) -> None:
    """Store new text for a file in its own encoding and byte-order mark, atomically: a
    temporary file beside it, flushed to disk, then renamed over it, with the file's mode; a
    symbolic link is written through to its target. A file that changed on disk since it was
    read is left alone (``OSError``)."""
    target = os.path.realpath(source.path)
    if Path(target).read_bytes() != _encoded(source, source.text):
        raise OSError(0, "it changed on disk since it was read; not fixed")
    mode = os.stat(target).st_mode & 0o7777
    # The temporary file's name is known before the file exists, so an interruption (SIGTERM
    # unwinds like Ctrl-C) at any point, even inside the call that creates it, leaves nothing.
    temporary = os.path.join(os.path.dirname(target), f".qkm-fix-{os.urandom(8).hex()}")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # Windows
        handle = os.open(temporary, flags, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(_encoded(source, text))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except FileExistsError:
        raise  # a file of that name that is not ours: left alone
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _encoded(source: Source, text: str) -> bytes:
    return (codecs.BOM_UTF8 if source.bom else b"") + text.encode(source.encoding)
