"""Suppression comments: a Word comment ``thethuc: bỏ qua H003`` silences codes on its paragraph.

Reads only ``Paragraph.comments`` (filled by the load stage from ``word/comments.xml``) and the
findings' locations; it never opens a file.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from thethuc.model import Finding, Location, Paragraph, Recognised
from thethuc.records import dataclass

# "thethuc: bỏ qua H003, H004 -- lý do" / "thethuc: ignore H003 H004: reason". Drafters type in
# Word, which may autocorrect "--" into an en/em dash, so those count as the reason separator too.
_DIRECTIVE = re.compile(
    r"thethuc\s*:\s*(?:bỏ\s+qua|bo\s+qua|ignore)\s+"
    r"(?P<codes>[A-Za-z]\d{3}(?:\s*[,;\s]\s*[A-Za-z]\d{3})*)"
    r"\s*(?:(?:--|—|–|:)\s*(?P<reason>.*))?",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Za-z]\d{3}")
_EXCERPT_CHARS = 60


@dataclass(frozen=True, slots=True)
class Suppression:
    """One directive found in a comment: the codes it silences and the drafter's reason."""

    codes: frozenset[str]
    reason: str


def parse_directive(comment: str) -> Suppression | None:
    """The suppression written in one comment text, or None when the comment is an ordinary remark."""
    text = unicodedata.normalize("NFC", comment)
    match = _DIRECTIVE.search(text)
    if match is None:
        return None
    codes = frozenset(code.upper() for code in _CODE.findall(match.group("codes")))
    return Suppression(codes=codes, reason=(match.group("reason") or "").strip())


def suppressed_codes(paragraph: Paragraph) -> frozenset[str]:
    """Every code silenced by the comments anchored on this paragraph."""
    found: set[str] = set()
    for comment in paragraph.comments:
        directive = parse_directive(comment)
        if directive is not None:
            found |= directive.codes
    return frozenset(found)


def _key(location: Location) -> tuple[str, int]:
    return (location.part_name, location.paragraph)


def _suppression_map(rec: Recognised) -> dict[tuple[str, int], frozenset[str]]:
    table: dict[tuple[str, int], frozenset[str]] = {}
    for paragraph in rec.doc.paragraphs:
        codes = suppressed_codes(paragraph) if paragraph.comments else frozenset()
        if codes:
            table[_key(paragraph.location)] = codes
    return table


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1] + "…"


def _regroup(finding: Finding, locations: list[Location],
             paragraphs: dict[tuple[str, int], Paragraph]) -> Finding:
    """The same finding restricted to ``locations``; the excerpt follows the new first location."""
    first = locations[0]
    excerpt = finding.excerpt
    if first != finding.location and _key(first) in paragraphs:
        excerpt = _excerpt(paragraphs[_key(first)].text)
    return replace(finding, location=first, also=tuple(locations[1:]), excerpt=excerpt)


def _split(finding: Finding, table: dict[tuple[str, int], frozenset[str]],
           paragraphs: dict[tuple[str, int], Paragraph]) -> tuple[Finding | None, Finding | None]:
    """(kept part, suppressed part) of one finding; either may be None."""
    if finding.location is None:
        return finding, None  # a document-level finding has no element to carry a comment
    everywhere = [finding.location, *finding.also]
    silenced = [loc for loc in everywhere if finding.code in table.get(_key(loc), frozenset())]
    if not silenced:
        return finding, None
    if len(silenced) == len(everywhere):
        return None, finding
    # One cause, one finding: a body-wide deviation keeps reporting the paragraphs that were
    # not excused, and only the commented paragraph moves to the suppressed list.
    kept = [loc for loc in everywhere if loc not in silenced]
    return _regroup(finding, kept, paragraphs), _regroup(finding, silenced, paragraphs)


def apply_suppressions(findings: list[Finding] | tuple[Finding, ...],
                       rec: Recognised) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Split findings into (reported, suppressed) by the suppression comments of the document."""
    table = _suppression_map(rec)
    if not table:
        return tuple(findings), ()
    paragraphs = {_key(p.location): p for p in rec.doc.paragraphs}
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        keep, drop = _split(finding, table, paragraphs)
        if keep is not None:
            kept.append(keep)
        if drop is not None:
            suppressed.append(drop)
    return tuple(kept), tuple(suppressed)
