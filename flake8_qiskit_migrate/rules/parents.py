"""The expression around a node, for the few hooks whose finding depends on how a value is used
(``result.metadata[0]``, ``job.status() == JobStatus.DONE``). The walk keeps no parents, so
the module's parent table is built on the first such question and kept for the next ones."""

from __future__ import annotations

import ast

from ..nodes import nodes
from ..registry import Context


def parent(ctx: Context, node: ast.AST) -> ast.AST | None:
    """The node that holds ``node`` directly, if the module's tree is known."""
    return None if ctx.module is None else nodes(ctx.module).parents.get(id(node))
