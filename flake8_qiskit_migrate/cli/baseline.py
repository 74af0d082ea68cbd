"""Baselines: record today's findings, then report only new ones. An entry is a file, a code
and a fingerprint of the offending line's text (with how many such findings there were), so it
survives edits that move the line."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

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
    counts = Counter(key(d, root) for d in diagnostics)
    entries = [{"path": p, "code": c, "fingerprint": f, "count": n}
               for (p, c, f), n in sorted(counts.items())]
    file.write_text(json.dumps({"version": VERSION, "entries": entries}, indent=2) + "\n",
                    encoding="utf-8")
    return len(diagnostics)


def load(file: Path) -> Counter[Key]:
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
        if document.get("version") != VERSION:
            raise BaselineError(f"{file}: unsupported baseline version {document.get('version')}")
        return Counter({(e["path"], e["code"], e["fingerprint"]): int(e["count"])
                        for e in document["entries"]})
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(f"{file}: not a readable baseline ({error})") from None


def subtract(diagnostics: list[Diagnostic], baseline: Counter[Key],
             root: str) -> tuple[list[Diagnostic], int]:
    """The findings the baseline does not cover, and how many baseline entries went stale
    (the findings they recorded are gone)."""
    remaining = baseline.copy()
    new = []
    for diagnostic in diagnostics:
        entry = key(diagnostic, root)
        if remaining[entry] > 0:
            remaining[entry] -= 1
        else:
            new.append(diagnostic)
    return new, sum(remaining.values())
