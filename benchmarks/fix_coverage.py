"""Fix coverage: the share of findings that carry a fix, per rule family, on the given paths.

Runs ``flake8-qiskit-migrate check --output-format json --unsafe-fixes`` (the command a user
runs, notebooks included) and counts, per hundreds digit of the code, the findings, those with a
fix (safe or unsafe) and those with a safe fix. ``--by-code`` lists the codes that most often
come without a fix, which is where the next fix pays most.

Usage: python benchmarks/fix_coverage.py PATH [PATH ...] [--exclude GLOB ...] [--by-code N]
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import json
import subprocess
import sys
from typing import Any


def findings(paths: list[str]) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--output-format", "json",
               "--unsafe-fixes", "--exit-zero", "--no-cache", *paths]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    # Exit 2 with JSON on stdout: some files could not be checked (they are listed there).
    if run.returncode not in (0, 2) or not run.stdout.startswith("["):
        sys.exit(f"check failed (exit {run.returncode}): {run.stderr.strip()}")
    found: list[dict[str, Any]] = json.loads(run.stdout)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--exclude", action="append", default=[],
                        help="leave out findings in files matching this glob (e.g. '*/i18n/*')")
    parser.add_argument("--by-code", type=int, default=10, metavar="N",
                        help="list the N codes most often without a fix")
    options = parser.parse_args()
    found = [f for f in findings(options.paths)
             if not any(fnmatch.fnmatch(f["filename"], glob) for glob in options.exclude)]
    unchecked = {f["filename"] for f in found if not (f["code"] or "").startswith("QKM")}
    found = [f for f in found if (f["code"] or "").startswith("QKM")]
    families: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    unfixed: collections.Counter[str] = collections.Counter()
    for finding in found:
        counts = families[finding["code"][3] + "xx"]
        counts[0] += 1
        if finding["fix"]:
            counts[1] += 1
            counts[2] += finding["fix"]["applicability"] == "safe"
        else:
            unfixed[finding["code"]] += 1
    files = len({f["filename"] for f in found})
    print(f"{len(found)} findings in {files} files ({len(unchecked)} files could not be checked)")
    print(f"{'family':8} {'findings':>8} {'fixable':>8} {'safe':>6} {'coverage':>8}")
    for family, (total, fixable, safe) in sorted(families.items()):
        print(f"{family:8} {total:8} {fixable:8} {safe:6} {fixable / total:8.0%}")
    total = len(found)
    fixable = sum(counts[1] for counts in families.values())
    safe = sum(counts[2] for counts in families.values())
    print(f"{'all':8} {total:8} {fixable:8} {safe:6} {fixable / max(total, 1):8.0%}")
    if options.by_code:
        print("without a fix:", ", ".join(f"{code} {n}" for code, n in
                                          unfixed.most_common(options.by_code)))


if __name__ == "__main__":
    main()
