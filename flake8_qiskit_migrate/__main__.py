"""``python -m flake8_qiskit_migrate``: the command line."""

from .cli.main import entry

entry()
