"""The registry as ruff shows its rules: ``rules`` (a table or ``ruff rule --all`` JSON) and
``rule CODE`` (one document, in ``ruff rule``'s layout)."""

from __future__ import annotations

import json
from typing import Any

from ..docs import explanation
from ..registry import REGISTRY, Rule

LINTER = "flake8-qiskit-migrate"
NO_FIX = "Fix is not available."
# Every fix has conditions (see each rule's "Fix safety"), as ruff words it.
SOME_FIX = "Fix is sometimes available."


def rule_json(rule: Rule) -> dict[str, Any]:
    """One rule in the schema of ``ruff rule --all --output-format json``."""
    file, line = REGISTRY.locations[rule.code]
    return {
        "name": rule.name,
        "code": rule.code,
        "linter": LINTER,
        "summary": rule.message,
        "message_formats": [rule.message, *filter(None, [rule.message_removed])],
        "fix": SOME_FIX if rule.fix else NO_FIX,
        "fix_availability": "Sometimes" if rule.fix else "None",
        "explanation": explanation(rule),
        "preview": False,
        "status": {"Stable": {"since": rule.since}},
        "source_location": {"file": file, "line": line},
    }


def rules_json() -> str:
    return json.dumps([rule_json(rule) for rule in REGISTRY], indent=2) + "\n"


def rules_table() -> str:
    rows = [f"{'Code':<7} {'Name':<40} Summary"]
    # The one-line summary, as ``ruff rule --all`` tables show: the message is a template.
    rows += [f"{rule.code:<7} {rule.name:<40} {rule.doc.summary}" for rule in REGISTRY]
    return "\n".join(rows) + "\n"


def rule_text(rule: Rule) -> str:
    availability = SOME_FIX if rule.fix else NO_FIX
    return (f"# {rule.name} ({rule.code})\n\nDerived from the **{LINTER}** linter.\n\n"
            f"{availability}\n\n{explanation(rule)}")
