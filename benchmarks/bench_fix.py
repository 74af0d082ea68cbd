"""Benchmark the fixing modes against the plain check, in the same run, on generated files.

Files like the ones users reported: ~3,000 lines of ordinary code with three fixable findings
each (``Session(service=...)``, ``SamplerV2(session=...)``, ``EstimatorV2(backend=...)``).
Every figure is the median of ``--repeat`` runs of the command with ``-j 1``, printed with its
ratio to the plain check of the same files:

  check                   concise output                       (the baseline)
  check --diff            target <= 2.0 x check
  check --fix             on a fresh copy each time            target <= 2.5 x check
  check --output-format json (fix edits included)              target <= 1.5 x concise

then how the cost grows: one file of 1x, 2x, 4x the size (same findings), and one file of
1x, 2x, 4x the fixable findings (100, 200, 400 ``SamplerV2(backend=...)`` calls), concise vs
JSON.

Usage: python benchmarks/bench_fix.py [--repeat N] [--files N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def module(lines: int, fixable_calls: int = 0) -> str:
    body = [HEADER, FIXABLE]
    body += [f"sampler_{i} = SamplerV2(backend=backend)\n" for i in range(fixable_calls)]
    index = 0
    while sum(part.count("\n") for part in body) < lines:
        body.append(filler(index))
        index += 1
    return "".join(body)


# Run as installed commands do, from compiled bytecode (see bench.py).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "flake8_qiskit_migrate", "check", "-j", "1", "--exit-zero",
            "--no-cache", *args]  # cold runs: the result cache would hide the work


def timed(args: list[str], repeat: int, before: object = None) -> float:
    times = []
    for _ in range(repeat):
        if callable(before):
            before()
        start = time.perf_counter()
        subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=ENVIRONMENT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--files", type=int, default=60)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        pristine, tree = root / "pristine", root / "tree"
        pristine.mkdir()
        text = module(3000)
        for i in range(args.files):
            (pristine / f"generated_{i}.py").write_text(text)
        shutil.copytree(pristine, tree)

        def fresh() -> None:
            shutil.rmtree(tree)
            shutil.copytree(pristine, tree)

        print(f"{args.files} files x {text.count(chr(10))} lines, 3 fixable findings each; "
              f"-j 1, median of {args.repeat}\n")
        check = timed(command(str(tree)), args.repeat)
        rows = [("check (concise)", check, 1.0)]
        diff = timed(command("--diff", str(tree)), args.repeat)
        rows.append(("check --diff", diff, diff / check))
        fix = timed(command("--fix", str(tree)), args.repeat, before=fresh)
        rows.append(("check --fix (fresh copy each run)", fix, fix / check))
        fresh()
        json = timed(command("--output-format", "json", str(tree)), args.repeat)
        rows.append(("check --output-format json", json, json / check))
        print_rows(rows)

        print("\nscaling, one file:")
        scaling = []
        for factor in (1, 2, 4):
            path = root / f"size_{factor}.py"
            path.write_text(module(3000 * factor))
            seconds = timed(command("--fix", str(path)), args.repeat,
                            before=lambda p=path, f=factor: p.write_text(module(3000 * f)))
            scaling.append((f"--fix, {3000 * factor} lines, 3 findings", seconds,
                            seconds / (scaling[0][1] if scaling else seconds)))
        for factor in (1, 2, 4):
            path = root / f"dense_{factor}.py"
            path.write_text(module(1100, 100 * factor))
            concise = timed(command(str(path)), args.repeat)
            json = timed(command("--output-format", "json", str(path)), args.repeat)
            scaling.append((f"{100 * factor} fixable calls: concise", concise, 1.0))
            scaling.append((f"{100 * factor} fixable calls: json", json, json / concise))
        print_rows(scaling, ratio="ratio")


def print_rows(rows: list[tuple[str, float, float]], ratio: str = "x check") -> None:
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measure':<{width}}  {'median s':>9}  {ratio:>8}")
    for name, seconds, value in rows:
        print(f"{name:<{width}}  {seconds:>9.3f}  {value:>8.2f}")


if __name__ == "__main__":
    main()
