"""Benchmark the fixing modes against the plain check, in the same run, on generated files.

Files like the ones users reported: ~3,000 lines of ordinary code with three fixable findings
each (``Session(service=...)``, ``SamplerV2(session=...)``, ``EstimatorV2(backend=...)``),
each file's text its own (a result cache would otherwise serve every file but the first).
Each repeat runs every command once with ``-j 1``, in turn, each on a fresh copy of the
files, so a change of the machine's load weighs on all of them alike; each ratio is the median
of the repeats' ratios to that repeat's plain check, in wall time and in the command's CPU
time (user + system: steadier on a shared machine):

  check                   concise output                       (the baseline)
  check --diff            target <= 2.0 x check
  check --fix                                                  target <= 2.5 x check
  check --output-format json (fix edits included)              target <= 1.5 x concise

first with ``--no-cache`` (the work itself), then with the result cache as a first run in a
project meets it (an empty cache folder each time, which the run fills); then how the cost
grows: one file of 1x, 2x, 4x the size (same findings), and one file of 1x, 2x, 4x the fixable
findings (100, 200, 400 ``SamplerV2(backend=...)`` calls), concise vs JSON.

Usage: python benchmarks/bench_fix.py [--repeat N] [--files N]
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HEADER = """\
from qiskit_ibm_runtime import EstimatorV2, QiskitRuntimeService, SamplerV2, Session

service = QiskitRuntimeService()
backend = service.backend("ibm_brisbane")
"""
FIXABLE = """\
with Session(service=service, backend=backend) as session:
    sampler = SamplerV2(session=session)
estimator = EstimatorV2(backend=backend)
"""


def filler(index: int) -> str:
    """Ten lines of ordinary code that holds no finding."""
    return (f"\n\ndef helper_{index}(values, scale=2):\n"
            f"    total = 0\n"
            f"    for value in values:\n"
            f"        if value % {index % 7 + 2} == 0:\n"
            f"            total += value * scale\n"
            f"    return {{'index': {index}, 'total': total}}\n")


def module(lines: int, fixable_calls: int = 0, name: str = "") -> str:
    body = [f"# {name}\n" if name else "", HEADER, FIXABLE]
    body += [f"sampler_{i} = SamplerV2(backend=backend)\n" for i in range(fixable_calls)]
    index = 0
    while sum(part.count("\n") for part in body) < lines:
        body.append(filler(index))
        index += 1
    return "".join(body)


# Run as installed commands do, from compiled bytecode (see bench.py).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def command(*args: str, cache: str | None = None) -> list[str]:
    caching = ["--cache-dir", cache] if cache else ["--no-cache"]  # no cache: cold runs
    return [sys.executable, "-m", "flake8_qiskit_migrate", "check", "-j", "1", "--exit-zero",
            *caching, *args]


def timed(args: list[str], before: Callable[[], object] | None = None) -> tuple[float, float]:
    """The wall time and the CPU time (user + system) of one run of the command."""
    if before is not None:
        before()
    start, used = time.perf_counter(), _children_cpu()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=ENVIRONMENT)
    return time.perf_counter() - start, _children_cpu() - used


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


Row = tuple[str, float, float, float]  # name, median wall seconds, ratio in wall, in CPU time


def compared(runs: dict[str, tuple[list[str], Callable[[], object] | None]],
             repeat: int) -> list[Row]:
    """Each command's median wall time and median ratios to the first command, the commands
    run in turn in each repeat."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (args, before) in runs.items():
            times[name].append(timed(args, before))
    base = times[next(iter(runs))]
    return [(name, statistics.median(wall for wall, _ in measured),
             statistics.median(w / b for (w, _), (b, _) in zip(measured, base)),
             statistics.median(c / b for (_, c), (_, b) in zip(measured, base)))
            for name, measured in times.items()]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--files", type=int, default=60)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        pristine, tree, cache = root / "pristine", root / "tree", root / "cache"
        pristine.mkdir()
        for i in range(args.files):
            (pristine / f"generated_{i}.py").write_text(module(3000, name=f"generated_{i}"))
        shutil.copytree(pristine, tree)
        lines = (pristine / "generated_0.py").read_text().count("\n")

        def fresh() -> None:
            shutil.rmtree(tree)
            shutil.copytree(pristine, tree)

        def fresh_and_empty() -> None:
            fresh()
            shutil.rmtree(cache, ignore_errors=True)

        print(f"{args.files} files x {lines} lines, 3 fixable findings each; -j 1, "
              f"median of {args.repeat}\n")
        for title, folder in (("--no-cache", None), ("an empty result cache", str(cache))):
            # Every run on a fresh copy: a --fix before it rewrote the files.
            before = fresh_and_empty if folder else fresh
            rows = compared({
                "check (concise)": (command(str(tree), cache=folder), before),
                "check --diff": (command("--diff", str(tree), cache=folder), before),
                "check --fix": (command("--fix", str(tree), cache=folder), before),
                "check --output-format json": (
                    command("--output-format", "json", str(tree), cache=folder), before),
            }, args.repeat)
            print(f"{title}:")
            print_rows(rows)
            print()

        print("scaling, one file:")
        scaling: list[Row] = []
        sizes: list[tuple[float, float]] = []  # the medians of the first size
        for factor in (1, 2, 4):
            path = root / f"size_{factor}.py"
            text = module(3000 * factor)
            path.write_text(text)
            measured = [timed(command("--fix", str(path)),
                              functools.partial(path.write_text, text))
                        for _ in range(args.repeat)]
            seconds = statistics.median(wall for wall, _ in measured)
            cpu = statistics.median(used for _, used in measured)
            first = sizes[0] if sizes else (seconds, cpu)
            sizes.append((seconds, cpu))
            scaling.append((f"--fix, {3000 * factor} lines, 3 findings", seconds,
                            seconds / first[0], cpu / first[1]))
        for factor in (1, 2, 4):
            path = root / f"dense_{factor}.py"
            path.write_text(module(1100, 100 * factor))
            rows = compared({
                f"{100 * factor} fixable calls: concise": (command(str(path)), None),
                f"{100 * factor} fixable calls: json": (
                    command("--output-format", "json", str(path)), None),
            }, args.repeat)
            scaling += rows
        print_rows(scaling, ratio="ratio")


def print_rows(rows: list[Row], ratio: str = "x check") -> None:
    width = max(len(name) for name, *_ in rows)
    print(f"{'measure':<{width}}  {'median s':>9}  {ratio:>8}  {'in CPU':>7}")
    for name, seconds, value, cpu in rows:
        print(f"{name:<{width}}  {seconds:>9.3f}  {value:>8.2f}  {cpu:>7.2f}")


if __name__ == "__main__":
    main()
