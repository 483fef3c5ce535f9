"""Identity memos: facts of an immutable object computed once, asked for many times.

The recogniser's zone finders and the check stage's fifty rules ask the same questions of the same
paragraphs. A frozen ``Paragraph`` hashes deeply (every run), so a memo keys on identity and keeps
the object alive beside its answer, which makes a reused id harmless.

The memos hold one document's facts: ``new_document`` (called when recognition starts and when the
rules start) empties them all, so the previous document can be freed. Within a document they grow
with it — a 30,000-paragraph document is not recomputed every few thousand paragraphs, and the cost
per paragraph stays linear in document size; ``MEMO_LIMIT`` is only a backstop for callers that
never call ``new_document``. Shared by the stages: it imports nothing of thethuc.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

D = TypeVar("D")
K = TypeVar("K")
V = TypeVar("V")

# Larger than any real document's paragraphs: reached only when the memos are used without
# ``new_document``; then emptied, not evicted one by one.
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


def per_paragraph(func: Callable[[D, K], V]) -> Callable[[D, K], V]:
    """Memoise a pure function of (document, one of its paragraphs) by the paragraph's identity, for
    the latest document only: asked of another document, the memo starts again."""
    memo: dict[int, tuple[D, K, V]] = {}
    _MEMOS.append(memo)  # type: ignore[arg-type]

    @functools.wraps(func)
    def remembered(doc: D, obj: K) -> V:
        hit = memo.get(id(obj))
        if hit is not None and hit[0] is doc and hit[1] is obj:
            return hit[2]
        if memo and next(iter(memo.values()))[0] is not doc:
            memo.clear()  # another document: its answers go
        value = func(doc, obj)
        memo[id(obj)] = (doc, obj, value)
        return value

    return remembered
