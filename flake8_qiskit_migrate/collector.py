"""The garbage collector held off while a module is checked: a check makes tens of thousands of
nodes and bindings that reference counting frees when it ends, and every collection meanwhile
would walk them all (and everything else alive) for no cycle to find.

Freeing a large module's tree takes milliseconds too: ``free_later`` leaves it to the end of
the outermost pause, which the server ends once the diagnostics are sent."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

_kept: list[list[object]] = []  # what ``free_later`` keeps, while the outermost pause lasts


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside; the collector is as it was, after (another thread's pause may have
    turned it off already: then that thread turns it back on)."""
    was_on = gc.isenabled()
    gc.disable()
    if was_on:
        _kept.append([])
    try:
        yield
    finally:
        if was_on:
            _kept.clear()  # frees what ``free_later`` kept, before any collection can start
            gc.enable()


def free_later(value: object) -> None:
    """Keep ``value`` (a checked tree) until the outermost pause ends; without one (the
    collector was off already), it is freed as its last other reference goes."""
    for kept in _kept[:1]:  # a copy: another thread's pause may end meanwhile
        kept.append(value)
