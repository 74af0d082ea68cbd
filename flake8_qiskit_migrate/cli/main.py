"""``flake8-qiskit-migrate``: ``check`` files and notebooks, list ``rules``, show a ``rule``,
print the ``ruff-config`` snippet. Exit codes as ruff: 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Any, Sequence

from .. import __version__
from ..registry import REGISTRY
from ..core import baseline, cache, config, fixing, sources
from ..core import settings as core_settings
from ..core.diagnostics import Diagnostic
from .formats import FORMATS, TEXT_FORMATS, concise, full, statistics
from ..core.runner import FixRequest, Job, check_all
from .summary import closing_lines, coloured, wants_colour
from ..core.unchecked import Unchecked

RUFF_CONFIG = '''# pyproject.toml
[tool.ruff.lint]
external = ["QKM"]

# ruff.toml / .ruff.toml
[lint]
external = ["QKM"]
'''


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def _jobs(text: str) -> int:
    """``auto`` (0: one per core) or a positive number of processes."""
    if text == "auto":
        return 0
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a positive number or 'auto'")
    return int(text)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="flake8-qiskit-migrate",
        description="Find deprecated Qiskit execution patterns and say how to migrate.")
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check files, folders, notebooks or stdin")
    check.add_argument("paths", nargs="*", default=None, help="files or folders (default: .); "
                       "'-' reads standard input")
    check.add_argument("--stdin-filename", help="the name of the buffer read from stdin")
    check.add_argument("--select", type=_codes, help="codes or prefixes to report (default QKM)")
    check.add_argument("--extend-select", type=_codes, default=None, help="add to --select")
    check.add_argument("--ignore", type=_codes, default=None, help="codes or prefixes to hide")
    check.add_argument("--exclude", type=_codes, default=None,
                       help="globs of paths to skip, replacing the defaults")
    check.add_argument("--extend-exclude", type=_codes, default=None, help="more globs to skip")
    check.add_argument("--force-exclude", action="store_true", default=None,
                       help="apply the excludes to paths named on the command line too "
                       "(use --no-force-exclude to disable)")
    check.add_argument("--no-force-exclude", action="store_false", dest="force_exclude",
                       help=argparse.SUPPRESS)
    check.add_argument("--backend-names", type=_codes, default=None,
                       help="receiver names of QKM104 (default: backend,simulator,sim,device,qpu)")
    check.add_argument("--primitive-names", type=_codes, default=None,
                       help="receiver names of QKM309 (default: sampler,estimator)")
    check.add_argument("--output-format", choices=sorted(FORMATS), default=None)
    check.add_argument("--output-file", help="write the report here instead of stdout")
    check.add_argument("--statistics", action="store_true", help="print counts per code")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="no closing summary after the findings (text formats)")
    check.add_argument("--no-color", action="store_true",
                       help="no colour, even on a terminal (as does NO_COLOR=1)")
    check.add_argument("--target-qiskit", help="the qiskit releases targeted, as a version or "
                       "specifier (default: read from the project's lock file, pyproject.toml "
                       "or requirements*.txt)")
    check.add_argument("--target-runtime", help="the qiskit-ibm-runtime releases targeted")
    check.add_argument("--baseline", type=Path, help="report only findings not in this file")
    check.add_argument("--baseline-write", type=Path, metavar="FILE",
                       help="record today's findings in FILE and exit 0")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="also apply fixes that can change behaviour (with --fix or --diff)")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff and change nothing")
    check.add_argument("-j", "--jobs", type=_jobs, default=0,
                       help="processes to check files in: a number, or 'auto' for one per core "
                       "(default: auto; a run of fewer than 32 files stays in one process)")

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rule = commands.add_parser("rule", help="show one rule's document")
    rule.add_argument("code")
    commands.add_parser("ruff-config", help="print the ruff setting that keeps '# noqa: QKM...'")
    commands.add_parser("server", help="run the language server on stdin/stdout (needs the "
                        "'server' extra; see docs/editors.md)")
    clean = commands.add_parser("clean", help="remove the result cache")
    for command in (check, clean):
        command.add_argument("--config", type=Path, help="pyproject.toml to read settings from")
        command.add_argument("--cache-dir", type=Path, default=None,
                             help=f"the result cache (default: {cache.DEFAULT_NAME} at the "
                             f"project root, or ${cache.ENVIRONMENT})")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the "
                       "result cache")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command in ("rules", "rule"):
        from .rules_view import rule_text, rules_json, rules_table  # their docs: only here
    if args.command == "rules":
        sys.stdout.write(rules_json() if args.output_format == "json" else rules_table())
        return 0
    if args.command == "rule":
        rule = REGISTRY.rules.get(args.code.upper())
        if rule is None:
            print(f"error: no rule {args.code}", file=sys.stderr)
            return 2
        sys.stdout.write(rule_text(rule))
        return 0
    if args.command == "server":  # the one link to the server: starting it
        from ..server import serve
        return serve()
    if args.command == "ruff-config":
        sys.stdout.write(RUFF_CONFIG)
        return 0
    if args.command == "clean":
        try:
            folder = _cache_dir(args, _configured(args))
        except config.ConfigError as error:
            return _usage_error(str(error))
        removed = cache.clean(folder)
        print(f"{'removed the cache in' if removed else 'no cache in'} {folder}", file=sys.stderr)
        return 0
    # SIGTERM unwinds like Ctrl-C, so a fix being written removes its temporary file.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    _INTERRUPTED.clear()
    signal.signal(signal.SIGINT, _interrupt)
    sys.unraisablehook = _unraisable
    try:
        return run_check(args)
    except KeyboardInterrupt:  # each file is whole: its old text or its new one
        print("error: interrupted", file=sys.stderr)
        return 128 + signal.SIGINT


_INTERRUPTED: list[int] = []


def _interrupt(number: int, frame: object) -> None:
    """Ctrl-C, remembered as well as raised: raised inside a garbage collector's callback or a
    ``__del__``, Python prints and drops the exception, and the run goes on until the next file
    boundary looks here."""
    _INTERRUPTED.append(number)
    raise KeyboardInterrupt


def _unraisable(unraisable: Any) -> None:
    """A Ctrl-C that Python could not raise is not printed as a traceback: ``_interrupt``
    remembered it, and the run stops with ``error: interrupted``."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """Command-line values over ``[tool.flake8-qiskit-migrate]`` values."""
    try:
        found = _configured(args)
    except config.ConfigError as error:
        raise SystemExit(_usage_error(str(error)))
    for key in config.KEYS:
        value = getattr(args, key.replace("-", "_"))
        if value is not None:
            found[key] = value
    return found


def _configured(args: argparse.Namespace) -> dict[str, Any]:
    """The ``[tool.flake8-qiskit-migrate]`` settings of ``--config`` or the nearest file."""
    return config.load(args.config or config.find_pyproject(Path.cwd()),
                       choices={"output-format": sorted(FORMATS)})


def _usage_error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _cache_dir(args: argparse.Namespace, settings: dict[str, Any]) -> Path:
    """``--cache-dir``, the ``cache-dir`` setting, the environment, else the project root's."""
    given = args.cache_dir or settings.get("cache-dir")
    if given:
        return Path(given)
    pyproject = config.find_pyproject(Path.cwd())
    return cache.default_directory(pyproject.parent if pyproject else Path.cwd())


def _project_root(args: argparse.Namespace) -> Path:
    """The folder of the settings' ``pyproject.toml``, else the current one: excludes named
    on the command line and baseline paths are relative to it, wherever the run starts."""
    pyproject = args.config or config.find_pyproject(Path.cwd())
    return pyproject.parent.absolute() if pyproject else Path.cwd()


def run_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    try:
        selection = core_settings.selection(settings)
        engine_settings = core_settings.engine_settings(settings, Path.cwd())
    except ValueError as error:  # a ConfigError is one
        return _usage_error(str(error))
    root = str(_project_root(args))
    exclusion = sources.Exclusion((*settings.get("exclude", sources.DEFAULT_EXCLUDE),
                                   *settings.get("extend-exclude", [])),
                                  settings.get("force-exclude", False), root)

    paths = args.paths or ["."]
    stdin = sources.read_stdin(args.stdin_filename or "-") if "-" in paths else None
    if args.stdin_filename and exclusion.skips_named(args.stdin_filename):
        paths = [path for path in paths if path != "-"]  # read all the same: --fix echoes it
    output_format = settings.get("output-format", "concise")
    try:
        recorded = baseline.load(args.baseline) if args.baseline else None
    except baseline.BaselineError as unreadable:
        return _usage_error(str(unreadable))
    fixing_files = (args.fix or args.diff) and not args.baseline_write
    job = Job(selection, engine_settings,
              with_fixes=output_format in ("json", "json-lines"),  # the formats showing fixes
              fix=FixRequest(args.unsafe_fixes, write=args.fix and not args.diff,
                             baseline=recorded, root=root) if fixing_files else None,
              cache_dir=None if args.no_cache else str(_cache_dir(args, settings)))

    diagnostics: list[Diagnostic] = []
    changes: list[fixing.Change] = []
    unchecked: list[Unchecked] = []
    before, stored = 0, False
    checked: list[str] = []  # the files read and parsed
    clean: dict[str, list[Any]] = {}
    dirty: set[str] = set()
    for outcome in check_all(paths, exclusion, args.jobs, job, stdin):
        if _INTERRUPTED:  # a Ctrl-C whose exception Python swallowed (see ``_interrupt``)
            raise KeyboardInterrupt
        stored = stored or outcome.stored
        if outcome.seen is not None:
            path, entry = outcome.seen
            if entry is None:
                dirty.add(path)
            else:
                clean[path] = entry
        diagnostics += outcome.diagnostics
        before += outcome.before if outcome.change else len(outcome.diagnostics)
        if outcome.change is not None:
            changes.append(outcome.change)
        if outcome.problem is not None:
            print(f"error: {outcome.path}: {outcome.problem.reason}", file=sys.stderr)
            unchecked.append(outcome.problem)
        if outcome.problem is None or outcome.problem.unwritten:
            checked.append(outcome.path)
    failed = bool(unchecked)
    if not checked and not failed and not args.quiet:  # all excluded, or no file found
        print("warning: No Python files found under the given path(s)", file=sys.stderr)

    if job.cache_dir is not None and (clean or dirty or stored):
        results = cache.Cache(Path(job.cache_dir), engine_settings, repr(selection))
        results.write_manifest(clean, dirty)
        if stored:
            results.prune()
    if args.baseline_write:
        try:
            count = baseline.write(args.baseline_write, diagnostics, root)
        except baseline.BaselineError as unwritable:
            return _usage_error(str(unwritable))
        print(f"wrote {count} findings to {args.baseline_write}", file=sys.stderr)
        return 2 if failed else 0
    if args.diff:
        sys.stdout.write("".join(change.diff() for change in changes))
        return 1 if changes else 0
    stream = sys.stdout
    if args.fix and stdin is not None:  # as ruff: the fixed code on stdout, the report on stderr
        fixed = {change.path: change.after for change in changes}
        sys.stdout.write(fixed.get(stdin.path, stdin.text))
        stream = sys.stderr
    after = len(diagnostics)
    stale = None
    if recorded is not None:
        diagnostics, remaining = baseline.subtract(diagnostics, recorded, root)
        stale = baseline.stale(remaining, checked, filter(os.path.isdir, paths), root)

    text = output_format in TEXT_FORMATS and not args.statistics
    if text:
        report = (concise if output_format == "concise" else full)(diagnostics, args.unsafe_fixes)
        if not args.quiet:
            fixed_count = before - after if args.fix else None
            report += ("\n" if diagnostics else "") + closing_lines(
                diagnostics, args.unsafe_fixes, fixed_count,
                sum(not problem.unwritten for problem in unchecked))
    else:
        report = FORMATS[output_format](diagnostics, unchecked)
    if args.statistics:
        report = statistics(diagnostics, unchecked, stale)
    if args.output_file:
        try:
            Path(args.output_file).write_text(report, encoding="utf-8")
        except OSError as error:
            return _usage_error(f"cannot write the report to {args.output_file}: "
                                f"{sources.describe(error)}")
    else:
        colour = text and wants_colour(stream, args.no_color)
        stream.write(coloured(report) if colour else report)
    if failed:
        return 2
    return 1 if diagnostics and not args.exit_zero else 0


if __name__ == "__main__":
    sys.exit(main())


def entry() -> None:
    """The installed command: ``main``, then exit; once the work is done a late Ctrl-C changes
    nothing, so it is ignored rather than shown as a traceback of the interpreter's exit."""
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)
