"""What the fix stage reports: each change made, and what it could not repair."""
from __future__ import annotations

from thethuc.model import FileResult, Finding, Location, Text
from thethuc.records import dataclass


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: a property of an element, before → after, made in a style or on the runs."""

    code: str  # the rule it answers ("B001")
    element: str | None  # role, None for the page or the whole document
    prop: str  # "size_pt", "margin_top", "font", "text" …
    before: str
    after: str
    where: str  # "direct", "style:Normal", "docDefaults", "section", "text", "header"
    location: Location | None = None
    count: int = 1  # paragraphs this one change covers (a style change covers many)
    also: tuple[Location, ...] = ()  # further paragraphs given the same direct change


def grouped(changes: list[Change]) -> tuple[Change, ...]:
    """Equal direct changes over many paragraphs as one (one cause, one line), in first-seen order."""
    from dataclasses import replace

    merged: dict[tuple, Change] = {}
    for change in changes:
        key = (change.code, change.element, change.prop, change.before, change.after, change.where)
        seen = merged.get(key)
        if seen is None or change.location is None or seen.location is None:
            merged[key if seen is None else (*key, len(merged))] = change
            continue
        merged[key] = replace(seen, count=seen.count + change.count, also=(*seen.also, change.location))
    return tuple(merged.values())


@dataclass(frozen=True, slots=True)
class Declined:
    """A finding of a fixable rule the fixer chose to leave, with why (the element may not be what
    the checker took it for: a label read as body text, a line drawn in the next row)."""

    code: str
    excerpt: str  # the finding's excerpt (``checks.text.excerpt`` of the paragraph), to match it after
    reason: Text


@dataclass(frozen=True)
class FixOutcome:
    """One input file: where the copy went, the changes, and the re-check of the copy."""

    path: str  # as given
    output: str | None  # the written copy (None on a dry run or when the input was unreadable)
    changes: tuple[Change, ...]
    before: FileResult  # the check of the input
    after: FileResult  # the check of the fixed copy (the input's again when nothing changed)
    fixable: frozenset[str] = frozenset()  # codes of the rules marked fixable in the chosen rule set
    note: Text | None = None  # why nothing could be done (Strict OOXML …)
    declined: tuple[Declined, ...] = ()

    def is_declined(self, finding: Finding) -> bool:
        return any(d.code == finding.code and d.excerpt == finding.excerpt for d in self.declined)

    @property
    def remaining(self) -> int:
        return len(self.after.findings)
