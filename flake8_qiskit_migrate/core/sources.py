"""Finding the files to check and reading them: ``.py``, ``.pyi`` and ``.ipynb``, folders
recursively, standard input; exclusion by glob as ruff does it."""

from __future__ import annotations

import codecs
import contextlib
import errno
import fnmatch
import functools
import io
import os
import re
import signal
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


@dataclass(frozen=True)
class Exclusion:
    """Which paths are skipped. Below a folder being walked: hidden folders, virtual
    environments and paths matching ``patterns`` (which apply to the part of the path below
    the named folder). A path named on the command line is always checked, unless ``force``
    (ruff's ``--force-exclude``): then it is skipped if a walk of the project ``root`` would
    skip it or one of its folders."""

    patterns: tuple[str, ...] = DEFAULT_EXCLUDE
    force: bool = False
    root: str = "."

    def skips_named(self, path: str) -> bool:
        if not self.force:
            return False
        absolute, root = os.path.abspath(path), os.path.abspath(self.root)
        try:
            parts = Path(os.path.relpath(absolute, root)).parts
        except ValueError:  # another drive (Windows)
            parts = (os.pardir,)
        if parts[:1] == (os.pardir,):  # outside the project: every folder up, as ruff does
            every = Path(absolute).parts
            root, parts = every[0], every[1:]
        excluded = _matcher(self.patterns)
        for depth, name in enumerate(parts, 1):
            if excluded("/".join(parts[:depth]), name):
                return True
            folder = os.path.join(root, *parts[:depth])
            if (depth < len(parts) or os.path.isdir(folder)) and _walk_skips(folder, name):
                return True
        return False


def _walk_skips(folder: str, name: str) -> bool:
    """Folders a walk never enters, whatever the patterns: hidden ones and virtual
    environments."""
    return name.startswith(".") or os.path.exists(os.path.join(folder, "pyvenv.cfg"))


def discover(paths: Iterable[str], exclusion: Exclusion) -> Iterator[str]:
    """Files to check, in the order named; the files of a folder sorted, as ``exclusion``
    lets through."""
    excluded = _matcher(exclusion.patterns)
    for given in paths:
        if exclusion.skips_named(given):
            continue
        if not os.path.isdir(given):
            yield given
            continue
        for root, folders, files in os.walk(given):
            below = os.path.relpath(root, given).replace(os.sep, "/")
            below = "" if below == "." else below + "/"
            folders[:] = sorted(
                f for f in folders
                if not excluded(below + f, f) and not _walk_skips(os.path.join(root, f), f)
            )
            for name in sorted(files):
                if name.endswith(SUFFIXES) and not excluded(below + name, name):
                    yield os.path.normpath(os.path.join(root, name))


@functools.lru_cache(maxsize=8)  # one set of patterns per run, asked for each path named
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
    """Store new text for a file in its own encoding and byte-order mark; a symbolic link is
    written through to its target. A file the user may not write is refused as an editor
    refuses it (``PermissionError``), though root could; a file that changed on disk since it
    was read is left alone (``OSError``). The new text replaces the file atomically (a
    temporary file beside it, renamed over it) unless that would change the file: its hard
    links, or an owner or group the new file cannot be given; then it is written in place."""
    target = os.path.realpath(source.path)
    status = os.stat(target)
    if not writable(target, status.st_mode):
        raise PermissionError(errno.EACCES, "permission denied")
    if Path(target).read_bytes() != _encoded(source, source.text):
        raise OSError(0, "it changed on disk since it was read; not fixed")
    data = _encoded(source, text)
    if status.st_nlink > 1 or not _replace(target, data, status):
        _write_in_place(target, data)


def writable(path: str, mode: int) -> bool:
    """Whether the user may write the file, as vim decides (``mch_writable``): the system
    allows it and the file has a write bit; root may write a 0444 file, an editor does not."""
    return os.access(path, os.W_OK) and bool(mode & 0o222)


def _replace(target: str, data: bytes, status: os.stat_result) -> bool:
    """Rename a temporary file holding ``data`` over ``target``, with its owner, group and
    mode; False, leaving nothing, if the temporary file cannot have that owner and group."""
    # The temporary file's name is known before the file exists, so an interruption (SIGTERM
    # unwinds like Ctrl-C) at any point, even inside the call that creates it, leaves nothing.
    temporary = os.path.join(os.path.dirname(target), f".qkm-fix-{os.urandom(8).hex()}")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # Windows
        handle = os.open(temporary, flags, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            if not _same_owner(stream.fileno(), status):
                os.unlink(temporary)
                return False
        os.chmod(temporary, status.st_mode & 0o7777)  # after chown, which clears set-id bits
        os.replace(temporary, target)
    except FileExistsError:
        raise  # a file of that name that is not ours: left alone
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True


def _same_owner(handle: int, status: os.stat_result) -> bool:
    """Give the new file the old one's owner and group, if the user may (root, or a group
    of the user's); whether it has them."""
    if not hasattr(os, "fchown"):  # Windows: no owners to keep
        return True
    new = os.fstat(handle)
    if (new.st_uid, new.st_gid) == (status.st_uid, status.st_gid):
        return True
    try:
        os.fchown(handle, status.st_uid, status.st_gid)
    except PermissionError:
        return False
    return True


def _write_in_place(target: str, data: bytes) -> None:
    """Overwrite the file itself, keeping its inode (links, owner, group, mode). Not atomic
    against a kill; Ctrl-C and SIGTERM wait until the file is whole. They are deferred by
    handlers, not a signal mask: a mask holds only this thread, and the kernel may hand the
    signal to another one (a process pool's), whose flag the main thread then acts on."""
    pending: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    try:
        previous = {number: signal.signal(number, lambda got, _: pending.append(got))
                    for number in held}
    except ValueError:  # not the main thread, where Python runs every handler
        previous = {}
    try:
        with open(target, "r+b") as stream:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        for deferred in pending:
            signal.raise_signal(deferred)  # delivered now that the file is whole


def describe(error: OSError) -> str:
    """An operating system error as the end of a message: ``permission denied``."""
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def _encoded(source: Source, text: str) -> bytes:
    return (codecs.BOM_UTF8 if source.bom else b"") + text.encode(source.encoding)
