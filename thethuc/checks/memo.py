"""The check stage's paragraph facts, computed once per paragraph and asked by many rules
(identity memos of ``thethuc.memo``, emptied by ``run_rules`` before each document)."""
from __future__ import annotations

from thethuc.checks.text import has_word_chars
from thethuc.memo import per_object
from thethuc.model import Paragraph, Run


@per_object
def visible_runs(paragraph: Paragraph) -> tuple[Run, ...]:
    """``Paragraph.visible_runs``, built once per paragraph instead of once per rule and run."""
    return paragraph.visible_runs


@per_object
def word_runs(paragraph: Paragraph) -> tuple[Run, ...]:
    """The visible runs with a letter or digit: whether a paragraph has text and which runs carry
    its formatting are both read from them (one scan of the runs' text per paragraph)."""
    return tuple([r for r in visible_runs(paragraph) if has_word_chars(r.text)])
