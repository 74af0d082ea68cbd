"""Checking the files: read, check and, with ``--fix``/``--diff``, fix each file in the
``--jobs`` process that checked it (the fixes come with the findings), so fixing scales with
the cores like checking; a fixed file is checked again there, and only it."""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import os
import signal
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from ..engine import INDEX
from ..packages import package_of
from ..project_index import EMPTY, ProjectIndex, build, project_files
from ..registry import Settings
from . import baseline, fixing, sources
from .cache import Cache
from .diagnostics import Diagnostic, ParseError, diagnose
from .filters import Selection
from .unchecked import INTERNAL, IO_ERROR, Unchecked

_POOL_THRESHOLD = 32


@dataclass(frozen=True)
class FixRequest:
    """What ``--fix``/``--diff`` asks of each file: which fixes, whether to write the file,
    and the baseline whose findings are left alone."""

    unsafe: bool
    write: bool  # --fix: apply the fixes (else --diff: show them)
    baseline: Counter[baseline.Key] | None = None
    root: str = ""
    to_file: bool = True  # False: a buffer from stdin, fixed in memory and printed


@dataclass(frozen=True)
class Job:
    selection: Selection
    settings: Settings
    with_fixes: bool  # JSON formats: each diagnostic carries its fix
    fix: FixRequest | None = None
    cache_dir: str | None = None  # None: no result cache
    project: ProjectIndex = EMPTY  # what the project's modules define (``project_index``)


_CACHES: dict[tuple[str, Settings], Cache] = {}  # one per process and settings


def cache_of(job: Job) -> Cache | None:
    if job.cache_dir is None:
        return None
    key = (job.cache_dir, job.settings)
    if key not in _CACHES:
        _CACHES[key] = Cache(Path(job.cache_dir), job.settings, repr(job.selection))
    return _CACHES[key]


@dataclass(frozen=True)
class Outcome:
    path: str
    diagnostics: list[Diagnostic]  # after the fixes, if any were written
    problem: Unchecked | None = None  # the file could not be checked (or fixed)
    change: fixing.Change | None = None
    before: int = 0  # how many diagnostics there were before the fixes
    stored: bool = False  # results were written to the cache
    # For the cache's manifest: the file's absolute path and, if it has no finding, the
    # [mtime_ns, size, package, project index fingerprint] it was checked at.
    seen: tuple[str, list[Any] | None] | None = None


def check_all(paths: list[str], exclusion: sources.Exclusion, jobs: int | None, job: Job,
              stdin: sources.Source | None) -> Iterator[Outcome]:
    """Every file's outcome, in order; files are read, checked (and fixed) in ``jobs``
    processes (0: one per core, from a few dozen files on)."""
    # One pool for every path given: a pool per folder would wait for each folder's slowest
    # file before starting the next.
    files = [path if path == "-" else found for path in paths
             for found in ([path] if path == "-" else sources.discover([path], exclusion))]
    named = [stdin.path if f == "-" and stdin is not None else f for f in files]
    job = dataclasses.replace(job, project=_project(named, job))
    check_file = functools.partial(_check_file, job=job)
    # Files the cache's manifest vouches for need no process of their own.
    known = {f: outcome for f in files if f != "-" and (outcome := _unchanged(f, job)) is not None}
    rest = [f for f in files if f not in known and f != "-"]
    count = min(jobs or os.cpu_count() or 1, len(rest))
    if jobs == 0 and len(rest) < _POOL_THRESHOLD:
        count = 1  # starting processes costs more than a few files take
    if count > 1:
        from concurrent.futures import ProcessPoolExecutor
        # Ctrl-C reaches the workers too (one process group): they finish the files they
        # hold, and the files not yet started are dropped.
        pool = ProcessPoolExecutor(count, initializer=signal.signal,
                                   initargs=(signal.SIGINT, signal.SIG_IGN))
        try:
            checked = pool.map(check_file, rest, chunksize=max(1, len(rest) // (count * 32)))
            yield from (_stdin(stdin, job) if f == "-" else known[f] if f in known
                        else next(checked) for f in files)
        finally:
            pool.shutdown(cancel_futures=True)
    else:
        yield from (_stdin(stdin, job) if f == "-" else known[f] if f in known
                    else check_file(f) for f in files)


def _project(files: list[str], job: Job) -> ProjectIndex:
    """The project index of the packages the files (a buffer from stdin: by its
    ``--stdin-filename``) belong to: from the cache when it was built from these very files
    (same sizes and mtimes), else built and stored."""
    modules = project_files([f for f in files if f != "-" and os.path.isfile(f)], INDEX.roots)
    stats: dict[str, list[int]] = {}
    for path in modules:
        with contextlib.suppress(OSError):
            stat = os.stat(path)
            stats[path] = [stat.st_mtime_ns, stat.st_size]
    if not stats:
        return EMPTY
    cache = cache_of(job)
    cached = cache.load_index(stats) if cache is not None else None
    if cached is not None:
        return ProjectIndex(cached)
    texts = {}
    for path in stats:
        with contextlib.suppress(OSError), open(path, "rb") as stream:
            texts[path] = stream.read()
    try:
        project = build(texts, modules, INDEX)
    except Exception as error:  # a bug: check on without the index rather than stop
        print(f"warning: the project index was not built ({type(error).__name__}: {error}); "
              "the project's own classes are unknown", file=sys.stderr)
        return EMPTY
    if cache is not None:
        cache.store_index(stats, project.modules)
    return project


def _stdin(stdin: sources.Source | None, job: Job) -> Outcome:
    """A buffer from standard input is printed fixed, never written to a file."""
    assert stdin is not None
    fix = job.fix and dataclasses.replace(job.fix, to_file=False)
    return _guarded(stdin.path, lambda: check_source(stdin, dataclasses.replace(job, fix=fix)))


def _guarded(path: str, work: Callable[[], Outcome]) -> Outcome:
    """The outcome of checking one file, even if checking it raised (a bug): then an error
    for that file alone, so no other file loses its findings, in a process pool too."""
    try:
        return work()
    except Exception as error:
        return Outcome(path, [], Unchecked(path, INTERNAL, f"internal error while checking it "
                                                           f"({type(error).__name__}: {error})"))


def _unchanged(path: str, job: Job) -> Outcome | None:
    """The outcome of a file the cache's manifest vouches for (same size and mtime as when it
    reported nothing), without reading it; None otherwise."""
    cache = cache_of(job)
    if cache is None or job.fix is not None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    absolute = os.path.abspath(path)
    package = package_of(absolute) or ""
    if not cache.unchanged_and_clean(absolute, stat, package, job.project.fingerprint):
        return None
    return Outcome(path, [], seen=(absolute, [stat.st_mtime_ns, stat.st_size, package,
                                              job.project.fingerprint]))


def _check_file(path: str, job: Job) -> Outcome:
    return _guarded(path, lambda: _read_and_check(path, job))


def _read_and_check(path: str, job: Job) -> Outcome:
    cache = cache_of(job)
    if cache is None or job.fix is not None:
        return check_source(sources.read(path), job)
    try:
        stat = os.stat(path)  # before reading: a change after it is seen next time
    except OSError:
        return check_source(sources.read(path), job)
    absolute, package = os.path.abspath(path), package_of(path) or ""
    clean = [stat.st_mtime_ns, stat.st_size, package, job.project.fingerprint]
    outcome = check_source(sources.read(path), job)
    if outcome.problem is None:
        outcome = dataclasses.replace(outcome, seen=(absolute, None if outcome.diagnostics
                                                     else clean))
    return outcome


def check_source(source: sources.Source, job: Job) -> Outcome:
    if source.error is not None:
        return Outcome(source.path, [], source.error)
    cache = cache_of(job)
    written = cache.written if cache is not None else 0

    def check(current: sources.Source, tree: ast.Module | None = None) -> list[Diagnostic]:
        return diagnose(current, job.selection, job.settings, _package(source.path),
                        job.with_fixes, cache, job.project, tree)
    try:
        found = check(source)
        request = job.fix
        if request is None:
            return Outcome(source.path, found,
                           stored=cache is not None and cache.written > written)

        def unrecorded(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
            """What ``--fix`` may touch: a baseline's findings are left alone, every round."""
            if request is None or request.baseline is None:
                return diagnostics
            return baseline.subtract(diagnostics, request.baseline, request.root)[0]
        fixed = fixing.fix_source(source, found, request.unsafe, check, unrecorded)
        if fixed is None or not request.write:
            return Outcome(source.path, found, change=fixed.change if fixed else None,
                           before=len(found))
        if request.to_file:
            try:
                sources.write(source, fixed.change.after)
            except OSError as error:  # nothing fixed: every finding remains
                return Outcome(source.path, found, Unchecked(
                    source.path, IO_ERROR, f"cannot write: {sources.describe(error)}",
                    unwritten=True))
        # The last round's check was of the text written: it is the report, not checked again.
        return Outcome(source.path, fixed.remaining, change=fixed.change, before=len(found))
    except ParseError as error:
        return Outcome(source.path, [], error.unchecked)


def _package(path: str) -> Callable[[], str | None]:
    """The package of a real file, for relative imports; stdin buffers have none."""
    real = path != "-" and os.path.isfile(path)
    return lambda: package_of(path) if real else None
