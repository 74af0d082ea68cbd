"""The garbage collector held off while a module is checked: a check makes tens of thousands of
nodes and bindings that reference counting frees when it ends, and every collection meanwhile
would walk them all (and everything else alive) for no cycle to find."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside; the collector is as it was, after (another thread's pause may have
    turned it off already: then that thread turns it back on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
