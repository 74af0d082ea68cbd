"""Each rule's example of the old code and the code to use instead, read from
``rules/snippets/QKMnnn.py``: the example first, then a ``# --- use instead ---`` line, then a
self-contained snippet that runs on local simulators."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

MARK = "# --- use instead ---\n"


@lru_cache(maxsize=None)
def snippets(code: str) -> tuple[str, str]:
    """(example, use instead) for a rule code."""
    text = files("flake8_qiskit_migrate.rules").joinpath("snippets", f"{code}.py").read_text(
        encoding="utf-8")
    body = text.split("\n", 1)[1]  # the first line says what the file is
    example, _, use_instead = body.partition(MARK)
    return example.strip() + "\n", use_instead.strip() + "\n"
