"""flake8-qiskit-migrate: find deprecated Qiskit execution patterns and say how to migrate."""

from ._version import __version__

__all__ = ["__version__"]
