"""Identity memos for the check kinds: facts of a frozen paragraph computed once, asked by many rules.

Fifty rules read the same paragraphs; a frozen ``Paragraph`` hashes deeply (every run), so the
memo keys on identity and keeps the object alive with its answer, which makes a reused id harmless.

The memos hold one document's facts: ``run_rules`` calls ``new_document`` before it checks the
next one, which empties them all. Within a document they grow with it, so a 30,000-paragraph
document is not recomputed after each 4,096 paragraphs (the per-paragraph cost stays
linear in document size); ``MEMO_LIMIT`` is only a backstop for callers outside ``run_rules``.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from thethuc.model import Paragraph, Run

K = TypeVar("K")
V = TypeVar("V")

# Larger than any real document's paragraphs: reached only when the memos are used without
# ``run_rules`` (which empties them per document); then emptied, not evicted one by one.
MEMO_LIMIT = 1 << 18

_MEMOS: list[dict[int, tuple[object, object]]] = []


def new_document() -> None:
    """Forget every memo's answers: the previous document is done with (and may be freed)."""
    for memo in _MEMOS:
        memo.clear()


def per_object(func: Callable[[K], V], limit: int | None = None) -> Callable[[K], V]:
    """Memoise a pure function of one immutable object by the object's identity."""
    memo: dict[int, tuple[K, V]] = {}
    _MEMOS.append(memo)  # type: ignore[arg-type]

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
    since each entry holds the document alive (even between ``new_document`` calls)."""
    return per_object(func, limit=1)


@per_object
def visible_runs(paragraph: Paragraph) -> tuple[Run, ...]:
    """``Paragraph.visible_runs``, built once per paragraph instead of once per rule and run."""
    return paragraph.visible_runs
