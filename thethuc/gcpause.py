"""The cyclic garbage collector paused while a document is checked.

A check builds a model of the document (a record per paragraph, run and resolved property: tens of
thousands for a long document) and memos of its facts, all alive until the check ends and none in a
reference cycle. With the collector on, every full collection walked all of them again: a paragraph of a
30 000-paragraph document cost 1.34× one of a 3 000-paragraph document, and even at 3 000 the
collector took about a sixth of the check (benchmarks/README.md, issue 16). Paused, objects are still
freed by reference counting as usual; only the cycle detector waits, and a cycle made meanwhile goes at
the first collection after the check.

Thread-safe and nestable: the first check to start turns the collector off if it was on, the last to
end turns it back on; a process that had turned it off keeps it off.
"""
from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


class _Checks:
    """The checks in progress in this process, and whether the first of them turned the collector off."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.paused_by_us = False


_CHECKS = _Checks()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    checks = _CHECKS
    with checks.lock:
        if checks.running == 0:
            checks.paused_by_us = gc.isenabled()
            gc.disable()
        checks.running += 1
    try:
        yield
    finally:
        with checks.lock:
            checks.running -= 1
            if checks.running == 0 and checks.paused_by_us:
                checks.paused_by_us = False
                gc.enable()
