"""Which package a file belongs to, for relative imports: read from the ``__init__.py`` files
around it (directory entries only; the code is never read). Shared by the flake8 plugin and
the command line."""

from __future__ import annotations

import functools
import os


def package_of(filename: str) -> str | None:
    """The dotted package a file belongs to, from the ``__init__.py`` files around it; used
    only to resolve relative imports. Reads directory entries, never the code."""
    return _package_of_folder(os.path.dirname(os.path.abspath(filename)))


@functools.lru_cache(maxsize=4096)
def _package_of_folder(directory: str) -> str | None:
    """Per folder, so the files of one folder (and its subfolders) share the look-ups."""
    if not os.path.isfile(os.path.join(directory, "__init__.py")):
        return None
    parent = os.path.dirname(directory)
    above = _package_of_folder(parent) if parent != directory else None
    name = os.path.basename(directory)
    return f"{above}.{name}" if above else name
