"""``python -m flake8_qiskit_migrate``: the command line."""

import sys

from .cli.main import main

sys.exit(main())
