"""Baselines: record today's findings, then report only new ones. An entry is a file, a code
and a fingerprint of the offending line's text (with how many such findings there were), so it
survives edits that move the line."""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from .diagnostics import Diagnostic

VERSION = 1
Key = tuple[str, str, str]  # (path, code, fingerprint)


class BaselineError(ValueError):
    pass


def relative_path(diagnostic: Diagnostic, root: str) -> str:
    return Path(os.path.relpath(diagnostic.filename, root)).as_posix()


def line_fingerprint(code: str, path: str, line: str) -> str:
    """A short hash of what a finding is about, independent of where the line is."""
    import hashlib  # fingerprints are asked for by some formats and baselines only
    return hashlib.sha256("\0".join((code, path, line.strip())).encode()).hexdigest()[:16]


def key(diagnostic: Diagnostic, root: str) -> Key:
    path = relative_path(diagnostic, root)
    cell = f"#cell{diagnostic.cell}" if diagnostic.cell is not None else ""
    return path, diagnostic.code, line_fingerprint(diagnostic.code, path + cell,
                                                   diagnostic.source_line)


def write(file: Path, diagnostics: list[Diagnostic], root: str) -> int:
    """Record the findings in ``file``, replacing it whole or not at all."""
    counts = Counter(key(d, root) for d in diagnostics)
    entries = [{"path": p, "code": c, "fingerprint": f, "count": n}
               for (p, c, f), n in sorted(counts.items())]
    text = json.dumps({"version": VERSION, "entries": entries}, indent=2) + "\n"
    temporary = file.with_name(f".{file.name}.{os.urandom(4).hex()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, file)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise BaselineError(f"{file}: cannot write the baseline ({_reason(error)})") from None
    return len(diagnostics)


def load(file: Path) -> Counter[Key]:
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BaselineError(f"{file}: not a readable baseline ({_reason(error)})") from None
    if not isinstance(document, dict) or not {"version", "entries"} <= document.keys():
        raise BaselineError(f"{file}: not a readable baseline (not a JSON object with "
                            "'version' and 'entries')")
    if document["version"] != VERSION:
        raise BaselineError(f"{file}: unsupported baseline version {document['version']!r} "
                            f"(this release reads version {VERSION})")
    entries = document["entries"]
    if not isinstance(entries, list):
        raise BaselineError(f"{file}: not a readable baseline ('entries' is not a list)")
    recorded: Counter[Key] = Counter()
    for number, entry in enumerate(entries, 1):
        if not _is_entry(entry):
            raise BaselineError(f"{file}: not a readable baseline (entry {number} is not a "
                                "path, a code, a fingerprint and a positive count)")
        recorded[entry["path"], entry["code"], entry["fingerprint"]] += entry["count"]
    return recorded


def _is_entry(entry: object) -> bool:
    return (isinstance(entry, dict)
            and all(isinstance(entry.get(name), str) for name in ("path", "code", "fingerprint"))
            and type(entry.get("count")) is int and entry["count"] > 0)


def _reason(error: Exception) -> str:
    """The operating system's words for a file error, else the error's own."""
    return (error.strerror if isinstance(error, OSError) and error.strerror else None) \
        or str(error) or type(error).__name__


def subtract(diagnostics: list[Diagnostic], baseline: Counter[Key],
             root: str) -> tuple[list[Diagnostic], Counter[Key]]:
    """The findings the baseline does not cover, and the entries it has left over."""
    remaining = baseline.copy()
    new = []
    for diagnostic in diagnostics:
        entry = key(diagnostic, root)
        if remaining[entry] > 0:
            remaining[entry] -= 1
        else:
            new.append(diagnostic)
    return new, remaining


def stale(remaining: Counter[Key], checked: Iterable[str], walked: Iterable[str],
          root: str) -> int:
    """How many left-over entries went stale (the findings they recorded are gone): those of
    the files checked in this run and of files gone from the folders it walked, not those of
    files it left alone."""
    seen = {Path(os.path.relpath(path, root)).as_posix() for path in checked}
    folders = [os.path.abspath(folder) for folder in walked]

    def gone_from_a_walked_folder(path: str) -> bool:
        absolute = os.path.abspath(os.path.join(root, path))
        return not os.path.exists(absolute) and any(
            os.path.commonpath([absolute, folder]) == folder for folder in folders)
    return sum(count for (path, _, _), count in remaining.items()
               if path in seen or gone_from_a_walked_folder(path))
