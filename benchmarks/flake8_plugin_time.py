"""Run flake8 in this process and time what our plugin itself spends: importing it, reading
its options, and checking every file. Prints ``plugin <seconds> total <seconds>`` on stderr.

Usage: python benchmarks/flake8_plugin_time.py [flake8 arguments]
Timing the plugin inside the run it is part of gives its share without the run-to-run noise
of two separate flake8 runs of twenty seconds each.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Iterator

START = time.perf_counter()
import flake8_qiskit_migrate.plugin as plugin  # noqa: E402  (timed: the plugin's import)

spent = time.perf_counter() - START


def main() -> int:
    from flake8.main import cli
    checker = plugin.QiskitMigrateChecker
    run, parse_options = checker.run, checker.parse_options.__func__

    def timed_run(self: Any) -> Iterator[Any]:
        global spent
        begin = time.perf_counter()
        results = list(run(self))
        spent += time.perf_counter() - begin
        yield from results

    def timed_parse_options(cls: Any, options: Any) -> None:
        global spent
        begin = time.perf_counter()
        parse_options(cls, options)
        spent += time.perf_counter() - begin

    checker.run = timed_run  # type: ignore[method-assign]
    checker.parse_options = classmethod(  # type: ignore[method-assign,assignment]
        timed_parse_options)
    try:
        return cli.main(sys.argv[1:])
    finally:
        print(f"plugin {spent:.3f} total {time.perf_counter() - START:.3f}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
