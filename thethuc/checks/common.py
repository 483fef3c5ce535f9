"""Shared helpers of the check kinds: targets, element names, findings, grouping one cause.

A kind reports ``Deviation``s; ``group`` turns the same deviation on many paragraphs into one
Finding whose ``also`` lists the other paragraphs (spec §2: one cause, one finding).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import field

from thethuc.checks.text import excerpt
from thethuc.model import Finding, Location, Paragraph, Recognised, Severity, Text
from thethuc.records import dataclass
from thethuc.roles import role_name
from thethuc.ruleset.types import Rule
from thethuc.textutil import comma_ends_items, continues_item, squash


@dataclass(frozen=True, slots=True)
class Deviation:
    """One paragraph (or none) failing one assertion; ``key`` decides what groups together."""

    key: tuple[object, ...]
    paragraph: Paragraph | None
    expected: Text | None
    actual: Text | None
    source: str | None = None
    detail: Text | None = None  # the specific cause, appended to the rule's message
    element: str | None = field(default=None)
    severity: Severity | None = None  # this cause's own severity (a field left blank in a draft is info)


# What a finding with no element is about, in a message that names its element.
DOCUMENT = Text("văn bản", "document")


def targets(rule: Rule, rec: Recognised) -> tuple[Paragraph, ...]:
    """Paragraphs labelled with any of the rule's target roles, in document order."""
    paragraphs = rec.doc.paragraphs
    return tuple(paragraphs[i] for i in rec.indices_with(rule.target))


def message(rule: Rule, detail: Text | None) -> Text:
    if detail is None:
        return rule.message
    return Text(f"{rule.message.vi}: {detail.vi}", f"{rule.message.en}: {detail.en}")


def make_finding(rule: Rule, rec: Recognised, paragraph: Paragraph | None, *,
                 expected: Text | None = None, actual: Text | None = None, source: str | None = None,
                 detail: Text | None = None, also: tuple[Location, ...] = (),
                 element: str | None = None, severity: Severity | None = None) -> Finding:
    role = element or (rec.role_of(paragraph) if paragraph is not None else None)
    if role is None and paragraph is None and rule.target:
        role = rule.target[0]
    return Finding(
        code=rule.code, name=rule.name, severity=severity or rule.severity, element=role,
        message=message(rule, detail), expected=expected, actual=actual, source=source,
        location=paragraph.location if paragraph is not None else None,
        excerpt=excerpt(paragraph.label_and_text) if paragraph is not None else "",
        also=also)


def group(rule: Rule, rec: Recognised, deviations: Iterable[Deviation]) -> Iterator[Finding]:
    """One Finding per distinct deviation key, at its first paragraph, the other paragraphs in
    ``also`` — each once (several runs of one paragraph are one place)."""
    # Per key: its first deviation, the other places in order and, beside the list, the places
    # already listed (asking the list was quadratic in a deviation spread over a whole document).
    # One entry per key: a key is a tuple, hashed again at every look-up.
    causes: dict[tuple[object, ...], tuple[Deviation, list[Location], set[Location]]] = {}
    for dev in deviations:
        cause = causes.get(dev.key)
        if cause is None:
            causes[dev.key] = dev, [], set()
        elif dev.paragraph is not None and dev.paragraph is not cause[0].paragraph:
            location = dev.paragraph.location
            if location not in cause[2]:
                cause[1].append(location)
                cause[2].add(location)
    for dev, others, _ in causes.values():
        yield make_finding(rule, rec, dev.paragraph, expected=dev.expected, actual=dev.actual,
                           source=dev.source, detail=dev.detail, also=tuple(others),
                           element=dev.element, severity=dev.severity)


def missing(rule: Rule, rec: Recognised, roles: tuple[str, ...] | None = None) -> Finding:
    """The existence finding: the element is absent (no location: it is nowhere)."""
    role = (roles or rule.target or (None,))[0]
    name = role_name(role) if role else DOCUMENT
    return make_finding(rule, rec, None, element=role,
                        expected=Text(f"có {name.vi}", f"{name.en} present"),
                        actual=Text("không tìm thấy", "not found"))


def lead_paragraph(rule: Rule, rec: Recognised, required: bool) -> tuple[Paragraph | None, tuple[Finding, ...]]:
    """The first target paragraph with text (single-line elements: số, ngày tháng); when there is
    none, the existence finding if the rule requires the element."""
    first = next((p for p in targets(rule, rec) if squash(p.text)), None)
    return first, (missing(rule, rec),) if first is None and required else ()


def wrapped_lines(paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """Indices of the paragraphs that are the wrapped rest of the list item just above them.

    ``paragraphs`` are one role's paragraphs in document order; a wrap continues the paragraph
    right before it (no blank or other line between), in the same cell. Decree 30/2020's
    recipients show it: ``- Các bộ, cơ quan ngang bộ,`` / ``cơ quan thuộc Chính phủ;``.
    """
    found: set[int] = set()
    comma_ends = comma_ends_items(p.text for p in paragraphs)
    for before, here in itertools.pairwise(paragraphs):
        same_block = (here.index == before.index + 1 and here.location.part_name == before.location.part_name
                      and here.location.table == before.location.table)
        if same_block and continues_item(before.label_and_text, here.label_and_text, comma_ends):
            found.add(here.index)
    return frozenset(found)


def top_lines(rec: Recognised, within: int) -> Iterator[Paragraph]:
    """The first ``within`` paragraphs with text of the main part, in reading order (where a
    form's title or an organisation's name stands)."""
    seen = 0
    for paragraph in rec.doc.paragraphs:
        if seen >= within:
            return
        if paragraph.location.part == "document" and squash(paragraph.text):
            seen += 1
            yield paragraph


def document_type_is(rec: Recognised, names: tuple[str, ...]) -> bool:
    return rec.document_type is not None and rec.document_type.casefold() in {n.casefold() for n in names}


# How a kind judges a field left blank (``blank:`` of the reference and date kinds), usually set per
# stage in the rule file: ``missing`` — the element is incomplete (the rule's severity); ``to-fill`` —
# a draft's field the văn thư fills in at issue, one info finding; ``allowed`` — not reported.
BLANK_MODES = ("missing", "to-fill", "allowed")
TO_FILL = Text("để trống, điền khi ban hành", "left blank, filled in at issue")


def blank_field(mode: str, paragraph: Paragraph, actual: Text, expected: Text,
                missing: Text) -> Iterator[Deviation]:
    """The one deviation for the fields ``paragraph`` leaves blank, as ``mode`` judges them."""
    if mode == "allowed":
        return
    if mode == "to-fill":
        yield Deviation(("blank",), paragraph, Text("điền khi ban hành", "filled in at issue"), actual,
                        None, TO_FILL, severity="info")
        return
    yield Deviation(("blank",), paragraph, expected, actual, None, missing)
