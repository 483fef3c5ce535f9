"""Identity memos for the check kinds: facts of a frozen paragraph computed once, asked by many rules.

Fifty rules read the same paragraphs; a frozen ``Paragraph`` hashes deeply (every run), so the
memo keys on identity and keeps the object alive with its answer, which makes a reused id harmless.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from thethuc.model import Paragraph, Run

K = TypeVar("K")
V = TypeVar("V")

# A few documents' paragraphs; the memo is emptied, not evicted one by one, when it fills up.
MEMO_LIMIT = 4096


def per_object(func: Callable[[K], V], limit: int | None = None) -> Callable[[K], V]:
    """Memoise a pure function of one immutable object by the object's identity."""
    memo: dict[int, tuple[K, V]] = {}

    @functools.wraps(func)
    def remembered(obj: K) -> V:
        hit = memo.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = func(obj)
        if len(memo) >= (MEMO_LIMIT if limit is None else limit):
            memo.clear()
        memo[id(obj)] = (obj, value)
        return value

    remembered.cache_clear = memo.clear  # type: ignore[attr-defined]  # lru_cache's attribute, kept for callers
    return remembered


def per_document(func: Callable[[K], V]) -> Callable[[K], V]:
    """``per_object`` for facts of a whole document: only the document being checked is kept,
    since each entry holds the document alive (4096 of them would be the whole archive)."""
    return per_object(func, limit=1)


@per_object
def visible_runs(paragraph: Paragraph) -> tuple[Run, ...]:
    """``Paragraph.visible_runs``, built once per paragraph instead of once per rule and run."""
    return paragraph.visible_runs
