"""What a receiver's *name* says, for the documented heuristics (QKM104, QKM309) that apply
only where its value cannot be proven."""

from __future__ import annotations

import ast


def name_says(receiver: ast.expr, names: frozenset[str]) -> bool:
    """``backend``, ``self._backend``, ``aer_backend``, ``my_estimator`` — by snake_case words."""
    if isinstance(receiver, ast.Name):
        name = receiver.id
    elif isinstance(receiver, ast.Attribute):
        name = receiver.attr
    else:
        return False
    return any(word in names for word in name.lower().strip("_").split("_"))


def proven_other(path: str | None) -> bool:
    """A value known to be a Qiskit object or an object of a class of the module: its name
    says nothing more."""
    return path is not None and (path.startswith("<local>") or path.startswith("qiskit"))
