"""Ctrl-C for a long audit: the first press stops submitting work, the second stops at once.

A flag rather than KeyboardInterrupt, so an interrupt never lands half-way through writing a row.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class StopFlag:
    def __init__(self) -> None:
        self._soft = threading.Event()
        self._hard = threading.Event()

    def set(self) -> None:
        if self._soft.is_set():
            self._hard.set()
        self._soft.set()

    def is_set(self) -> bool:
        return self._soft.is_set()

    @property
    def hard(self) -> bool:
        return self._hard.is_set()


@contextmanager
def sigint_sets(flag: StopFlag, on_first: Callable[[], None] | None = None) -> Iterator[StopFlag]:
    """While inside, SIGINT sets ``flag`` (and calls ``on_first`` once) instead of raising."""
    if threading.current_thread() is not threading.main_thread():
        yield flag  # signal handlers can only be installed from the main thread
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        first = not flag.is_set()
        flag.set()
        if first and on_first is not None:
            on_first()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)
