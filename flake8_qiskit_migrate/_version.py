"""The release, in one place: pyproject.toml reads it from here (``tool.setuptools.dynamic``),
so the command knows it without asking the installed distribution's metadata (slow at start)."""

__version__ = "0.1.0"
