"""flake8-qiskit-migrate: find deprecated Qiskit execution patterns and say how to migrate."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("flake8-qiskit-migrate")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
