"""The ``flake8-qiskit-migrate`` command: the same engine as the flake8 plugin, with notebooks,
ruff-compatible output formats and rule export."""
