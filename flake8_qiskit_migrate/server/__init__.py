"""``flake8-qiskit-migrate server``: the language server, a third front end on the core (the
flake8 plugin and the command are the others). ``checking`` is the part without LSP types: the
settings of a document and the check, fixes and ``noqa`` edits the core computes;
``protocol`` turns those into LSP messages; ``lsp`` holds the pygls server. pygls and
lsprotocol come with the ``server`` extra and are imported only when the server starts."""

from __future__ import annotations

import sys


def serve() -> int:
    try:
        from .lsp import server
    except ImportError as missing:  # the plain linter does not need pygls
        print(f"error: the language server needs the 'server' extra ({missing.name} is not "
              "installed): pip install '.[server]' in a clone of flake8-qiskit-migrate",
              file=sys.stderr)
        return 2
    server().start_io()
    return 0
