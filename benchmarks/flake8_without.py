"""Run flake8 with some plugins left out, to measure what a plugin costs.

Usage: python benchmarks/flake8_without.py [CODE_PREFIX ...] -- [flake8 arguments]
The prefixes name ``flake8.extension`` entry points (``QKM``, ``QKT``) to leave out.
"""

from __future__ import annotations

import sys

from flake8.main import cli
from flake8.plugins import finder


def main() -> int:
    split = sys.argv.index("--") if "--" in sys.argv else len(sys.argv)
    dropped = set(sys.argv[1:split])
    find = finder.find_plugins

    def without(*args: object, **kwargs: object) -> list[finder.Plugin]:
        return [p for p in find(*args, **kwargs) if p.entry_point.name not in dropped]

    finder.find_plugins = without
    return cli.main(sys.argv[split + 1:])


if __name__ == "__main__":
    sys.exit(main())
