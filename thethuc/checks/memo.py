"""The check stage's paragraph facts, computed once per paragraph and asked by many rules
(identity memos of ``thethuc.memo``, emptied by ``run_rules`` before each document)."""
from __future__ import annotations

from thethuc.checks.text import has_word_chars
from thethuc.memo import per_object
from thethuc.model import Paragraph, Run


class Runs:
    """A paragraph's visible runs, those with a letter or digit, and whether it has text: one memo
    entry per paragraph for the three (each was a memo of its own, and the format walk asked all
    three of every paragraph: three look-ups where one does)."""

    __slots__ = ("has_text", "visible", "words")

    def __init__(self, paragraph: Paragraph) -> None:
        # ``Paragraph.visible_runs``, built once per paragraph instead of once per rule and run.
        self.visible: tuple[Run, ...] = paragraph.visible_runs
        # Whether a paragraph has text and which runs carry its formatting are both read from the
        # runs with a letter or digit (one scan of the runs' text per paragraph).
        self.words: tuple[Run, ...] = tuple([r for r in self.visible if has_word_chars(r.text)])
        self.has_text: bool = bool(self.words) or bool(paragraph.text.strip() and not paragraph.runs)


runs_of = per_object(Runs)


def visible_runs(paragraph: Paragraph) -> tuple[Run, ...]:
    return runs_of(paragraph).visible


def word_runs(paragraph: Paragraph) -> tuple[Run, ...]:
    return runs_of(paragraph).words


def has_text(paragraph: Paragraph) -> bool:
    """A letter or digit in a visible run (or text in a paragraph without runs)."""
    return runs_of(paragraph).has_text
