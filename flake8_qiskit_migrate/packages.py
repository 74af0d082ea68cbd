"""Which package a file belongs to, for relative imports: read from the ``__init__.py`` files
around it (directory entries only; the code is never read). Shared by the flake8 plugin and
the command line."""

from __future__ import annotations

import functools
import os


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
