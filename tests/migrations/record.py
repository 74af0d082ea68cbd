"""Record what each migration program prints on the legacy releases (``<program>.expected.txt``).

    python tests/migrations/record.py [--venv PATH] [PROGRAM.py ...]

Builds (or reuses) a virtual environment with the pinned legacy releases, runs every program of
this folder there with ``runner.py`` (network blocked; IBM-hardware programs on the fake of their
device) and writes the output next to each program. Run it once when a program is added or
changed; CI never runs it, it compares the fixed programs with these files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEGACY = ("qiskit==0.46.3", "qiskit-aer==0.13.3", "numpy==1.26.4", "scipy==1.13.1")


def legacy_python(path: Path) -> Path:
    """The interpreter of the legacy environment at PATH, built there if it is missing."""
    python = path / "bin" / "python"
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(path)
    installed = subprocess.run([str(python), "-m", "pip", "freeze"], capture_output=True,
                               text=True, check=True).stdout.split()
    if not set(LEGACY) <= set(installed):
        subprocess.run([str(python), "-m", "pip", "install", *LEGACY], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "legacy",
                        help="the legacy environment (built if missing, reused otherwise)")
    parser.add_argument("programs", nargs="*", type=Path,
                        help="programs to record (default: every m*.py here)")
    options = parser.parse_args()
    programs = options.programs or sorted(HERE.glob("m[0-9]*.py"))
    python = legacy_python(options.venv)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "results.json"
        subprocess.run([str(python), str(HERE / "runner.py"), "--out", str(out),
                        *map(str, programs)], check=True)
        results = json.loads(out.read_text(encoding="utf-8"))
    failed = [name for name, result in results.items() if result["error"]]
    for program in programs:
        if program.stem not in failed:
            expected = program.with_name(f"{program.stem}.expected.txt")
            expected.write_text(results[program.stem]["output"], encoding="utf-8")
    for name in failed:
        print(f"{name} failed on the legacy releases:\n{results[name]['error']}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
