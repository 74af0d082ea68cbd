"""Benchmark flake8-qiskit-migrate against baselines measured in the same run.

Corpus: the installed source trees of qiskit and qiskit_ibm_runtime plus the project's legacy
examples. Every figure is the median of ``--repeat`` runs, and is printed with its ratio to a
baseline from the same run:

  (a) floor      read + ast.parse of every file, in this process
  (a) pool       the floor's work in a pool of one process per core: what parallelism buys here
  (b) engine     the rule engine alone on the parsed trees            -> (b)/(a), target <= 0.5
      index      the project index's pass over the corpus taken as a project (the command skips
                 Qiskit's own packages, so the runs below do not include it)
  (c) command    cold (--no-cache), -j 1 and -j auto                  -> (c)/(a), targets 1.0, 0.6
  (c) warm       every file a cache hit, -j 1 and -j auto             -> (c)/(a), target <= 0.15
  (d) flake8     flake8 -j 1 --select QKM, with and without our plugin, in alternation
                 -> plugin cost = median of the paired differences (noisy: two 20 s runs), and
                 our plugin's own time measured inside the flake8 run it is part of
  (e) field      flake8 with only flake8-qiskit-migration (QKT), where installed
  (f) notebooks  a generated notebook-heavy corpus, cold, against read + JSON + parse of its code
                 (and that same work run as a command: the interpreter's start is part of any run;
                 and our check inside a running process, without start-up)
  (g) one file   a small file end to end, against `python -c pass` plus parsing that file

and the peak memory of the engine on the largest file of the corpus.

Usage: python benchmarks/bench.py [--repeat N] [--skip-flake8]
"""

from __future__ import annotations

import argparse
import ast
import base64
import gc
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from flake8_qiskit_migrate.cli import main as cli
from flake8_qiskit_migrate.engine import INDEX, check
from flake8_qiskit_migrate.packages import package_of
from flake8_qiskit_migrate.project_index import build as build_index

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "flake8_without.py"


def corpus_roots() -> list[Path]:
    roots = []
    for package in ("qiskit", "qiskit_ibm_runtime"):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            sys.exit(f"{package} is not installed: pip install -e '.[test]'")
        roots.append(Path(spec.origin).parent)
    return [*roots, HERE.parent / "examples"]


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# The commands run as installed ones do: from compiled bytecode (some environments set
# PYTHONDONTWRITEBYTECODE, which would time compiling the package on every run).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENVIRONMENT)


def paired(first: list[str], second: list[str], repeat: int) -> tuple[float, float, float]:
    """Two commands timed in alternation: their medians and the median of the paired
    differences (a shared machine's drift over a long run hits both alike)."""
    pairs = []
    for _ in range(repeat):
        one = median_time(lambda: run(first), 1)
        two = median_time(lambda: run(second), 1)
        pairs.append((one, two))
    return (statistics.median(one for one, _ in pairs), statistics.median(two for _, two in pairs),
            statistics.median(one - two for one, two in pairs))


def plugin_time(arguments: list[str], repeat: int) -> tuple[float, float]:
    """Medians of the time our plugin itself spends in a flake8 run and of the whole run, both
    measured inside that run (``flake8_plugin_time.py``)."""
    own, total = [], []
    for _ in range(repeat):
        result = subprocess.run([sys.executable, str(HERE / "flake8_plugin_time.py"), "--select",
                                 "QKM", *arguments], check=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, env=ENVIRONMENT)
        words = result.stderr.split()
        own.append(float(words[words.index("plugin") + 1]))
        total.append(float(words[words.index("total") + 1]))
    return statistics.median(own), statistics.median(total)


def read_and_parse(path: str) -> int:
    ast.parse(Path(path).read_text(encoding="utf-8"))
    return 0


def pool_floor(files: list[Path]) -> None:
    from concurrent.futures import ProcessPoolExecutor
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as pool:
        chunk = max(1, len(files) // (workers * 32))
        list(pool.map(read_and_parse, map(str, files), chunksize=chunk))


NOTEBOOK_FLOOR = """import ast, json, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.ipynb")):
    document = json.loads(path.read_text(encoding="utf-8"))
    code = [c["source"] for c in document["cells"] if c["cell_type"] == "code"]
    ast.parse("\\n".join("".join(source) for source in code))
"""


def _outputs(i: int, cell: int) -> list[dict[str, object]]:
    """What an executed notebook keeps: printed counts, and now and then a plotted histogram
    (a PNG of some 40 KB, base64 in the JSON, as Jupyter stores it)."""
    counts = {format(k, "05b"): (i * 31 + k * 7) % 97 for k in range(32)}
    outputs: list[dict[str, object]] = [
        {"name": "stdout", "output_type": "stream", "text": [f"{counts}\n"]}]
    if cell % 3 == 0:
        picture = base64.b64encode(random.Random(i * 1000 + cell).randbytes(30_000)).decode()
        outputs.append({"output_type": "display_data", "metadata": {}, "data": {
            "image/png": picture, "text/plain": ["<Figure size 700x500 with 1 Axes>"]}})
    return outputs


def _notebooks(folder: str, executed: bool) -> list[Path]:
    """300 notebooks made from the legacy fixtures and corpus (nearly every one holds
    findings), one cell per block of the program, with their outputs if ``executed``."""
    tests = HERE.parent / "tests"
    programs = [p.read_text() for p in sorted([*tests.glob("fixtures/*.py"),
                                               *tests.glob("corpus/*.py")])]
    for i in range(300):
        text = programs[i % len(programs)]
        cells: list[dict[str, object]] = [
            {"cell_type": "code", "metadata": {},
             "outputs": _outputs(i, n) if executed else [],
             "execution_count": n + 1 if executed else None,
             "source": part.splitlines(keepends=True)}
            for n, part in enumerate(text.split("\n\n\n"))]
        cells.insert(0, {"cell_type": "markdown", "metadata": {}, "source": [f"# {i}\n"]})
        Path(folder, f"nb{i:03}.ipynb").write_text(json.dumps(
            {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1))
    return sorted(Path(folder).glob("*.ipynb"))


def notebook_rows(repeat: int) -> list[tuple[str, float, float]]:
    """(f): 300 notebooks, cold, against reading, decoding and parsing their code cells; once
    as bare code cells, once executed (outputs as in real notebooks: the median notebook of
    the Qiskit tutorials and textbook repositories is 67 KB)."""
    rows = []
    for executed in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            paths = _notebooks(folder, executed)
            size = sum(path.stat().st_size for path in paths) / len(paths) / 1024

            def floor() -> None:
                for path in paths:
                    document = json.loads(path.read_text(encoding="utf-8"))
                    ast.parse("\n".join("".join(c["source"]) for c in document["cells"]
                                        if c["cell_type"] == "code"))
            base = median_time(floor, repeat)
            as_command = median_time(
                lambda: run([sys.executable, "-c", NOTEBOOK_FLOOR, folder]), repeat)
            arguments = ["check", "--exit-zero", "--no-cache", "-j", "1", "--output-file",
                         os.devnull, folder]
            cold = median_time(lambda: run([sys.executable, "-m", "flake8_qiskit_migrate",
                                            *arguments]), repeat)
            cli.main(arguments)  # once, for what a process sets up on its first file
            inside = median_time(lambda: cli.main(arguments), repeat)
        kind = f"{'executed' if executed else 'bare'}, {size:.0f} KB each"
        rows += [(f"(f) 300 notebooks ({kind}): read + JSON + parse (floor)", base, 1.0),
                 ("(f)   the floor's work as a command (python -c ...)", as_command,
                  as_command / base),
                 ("(f)   command, cold, -j 1", cold, cold / base),
                 ("(f)   the same check inside a running process", inside, inside / base)]
    return rows


def small_file_rows(repeat: int) -> list[tuple[str, float, float]]:
    """(g): one small legacy file end to end, against the interpreter's own start plus parsing
    that file."""
    small = HERE.parent / "examples" / "legacy_notebook_code.py"
    text = small.read_text(encoding="utf-8")
    start = median_time(lambda: run([sys.executable, "-c", "pass"]), max(repeat, 5))
    parse = median_time(lambda: ast.parse(text), max(repeat, 5))
    whole = median_time(lambda: run([sys.executable, "-m", "flake8_qiskit_migrate", "check",
                                     "--exit-zero", "--no-cache", str(small)]), max(repeat, 5))
    base = start + parse
    return [("(g) python -c pass + parse of one small file", base, 1.0),
            ("(g) command on that file, end to end", whole, whole / base)]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--skip-flake8", action="store_true", help="skip (d) and (e)")
    args = options.parse_args()

    import compileall
    import flake8_qiskit_migrate
    compileall.compile_dir(Path(flake8_qiskit_migrate.__file__).parent, quiet=1)
    roots = corpus_roots()
    files = sorted(p for root in roots for p in root.rglob("*.py"))
    sources = [(path, path.read_text(encoding="utf-8")) for path in files]
    lines = sum(text.count("\n") for _, text in sources)
    print(f"corpus: {len(files)} files, {lines} lines, from {', '.join(map(str, roots))}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat}\n")

    def parse_all() -> None:
        # Each tree is dropped at once, as the command does: keeping a thousand trees alive
        # would time the garbage collector walking them, not the parser.
        for path in files:
            ast.parse(path.read_text(encoding="utf-8"))

    floor = median_time(parse_all, args.repeat)
    trees = [(ast.parse(text), text, path) for path, text in sources]
    gc.freeze()  # the same reason: keep the collector from walking the retained trees

    def engine() -> None:
        for tree, text, path in trees:
            check(tree, text, lambda path=path: package_of(str(path)))

    rows = [("(a) read + ast.parse (floor)", floor, 1.0)]
    pooled = median_time(lambda: pool_floor(files), args.repeat)
    rows.append((f"(a) the floor's work in a pool of {os.cpu_count()}", pooled, pooled / floor))
    engine_time = median_time(engine, args.repeat)
    rows.append(("(b) rule engine alone", engine_time, engine_time / floor))
    # The project index's pass (read, scan, parse what may define a Qiskit value), were the
    # corpus a project of its own: on Qiskit's packages the command skips it.
    modules = {str(p): (package_of(str(p)) or "") + ("" if p.stem == "__init__" else f".{p.stem}")
               for p in files if package_of(str(p))}
    indexing = median_time(lambda: build_index(
        {path: Path(path).read_bytes() for path in modules}, modules, INDEX), args.repeat)
    rows.append(("(b) project index pass, the corpus as a project", indexing, indexing / floor))

    command = [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--exit-zero",
               "--output-file", os.devnull, *map(str, roots)]
    for jobs in ("1", "auto"):
        seconds = median_time(lambda jobs=jobs: run([*command, "--no-cache", "-j", jobs]),
                              args.repeat)
        rows.append((f"(c) command, cold, -j {jobs}", seconds, seconds / floor))
    with tempfile.TemporaryDirectory() as cache:
        run([*command, "--cache-dir", cache])  # fill the cache
        for jobs in ("1", "auto"):
            seconds = median_time(
                lambda jobs=jobs: run([*command, "--cache-dir", cache, "-j", jobs]), args.repeat)
            rows.append((f"(c) command, warm (cache hits), -j {jobs}", seconds, seconds / floor))

    if not args.skip_flake8:
        flake8 = [sys.executable, str(RUNNER)]
        common = ["-j", "1", "--exit-zero", *map(str, roots)]
        with_plugin_cmd = [*flake8, "--", "--select", "QKM", *common]
        without_cmd = [*flake8, "QKM", "--", "--select", "QKM", *common]
        with_plugin, without, added = paired(with_plugin_cmd, without_cmd, args.repeat)
        rows.append(("(d) flake8 --select QKM, with our plugin", with_plugin, with_plugin / floor))
        rows.append(("(d) flake8 --select QKM, plugin disabled", without, without / floor))
        rows.append(("(d) plugin cost: median of paired (with - without), / without", added,
                     added / without))
        own, total = plugin_time(common, args.repeat)
        rows.append(("(d) plugin's own time inside flake8 (import, options, files), / run",
                     own, own / total))
        if importlib.util.find_spec("flake8_qiskit_migration") is not None:
            theirs_cmd = [*flake8, "QKM", "--", "--select", "QKT", *common]
            theirs, base, their_added = paired(theirs_cmd, without_cmd, args.repeat)
            rows.append(("(e) flake8 with flake8-qiskit-migration only", theirs, theirs / floor))
            rows.append(("(e) their plugin cost, paired, / without", their_added,
                         their_added / base))
        else:
            print("(e) skipped: flake8-qiskit-migration is not installed\n")

    rows += notebook_rows(args.repeat)
    rows += small_file_rows(args.repeat)

    width = max(len(name) for name, _, _ in rows)
    print(f"{'measure':<{width}}  {'median s':>9}  {'x floor':>8}")
    for name, seconds, ratio in rows:
        print(f"{name:<{width}}  {seconds:>9.3f}  {ratio:>8.2f}")

    largest = max(trees, key=lambda item: len(item[1]))
    tracemalloc.start()
    check(largest[0], largest[1])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    ast.parse(largest[1])
    _, parse_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nlargest file: {largest[2]} ({largest[1].count(chr(10))} lines): engine peak "
          f"{peak / 2**20:.1f} MiB, ast.parse peak {parse_peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
