"""The fixes that change characters: line-end punctuation, ``V/v`` out of a công văn summary, the
leading zero of a number or a date. Words are never touched: only the named characters.

``TextMap`` finds a character of ``Paragraph.text`` in the ``w:t`` that holds it; when the runs'
XML does not spell exactly the model's text (a symbol, a field, decomposed accents), the paragraph
is left alone rather than edited at a guessed position.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from lxml import etree

from thethuc.checks import format as format_kind
from thethuc.checks.list_punctuation import Params as ListParams
from thethuc.checks.list_punctuation import _items
from thethuc.checks.reference import Params as ReferenceParams
from thethuc.fix.context import Context
from thethuc.fix.types import Change
from thethuc.load.ooxml import W_NS, qn
from thethuc.model import Finding, Paragraph, Text
from thethuc.ruleset.types import Rule

_W = f"{{{W_NS}}}"
_SIMPLE = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PUNCTUATION = ".,;:"


class TextMap:
    """Offsets of ``paragraph.text`` mapped onto its ``w:t`` elements."""

    def __init__(self, ctx: Context, paragraph: Paragraph) -> None:
        self.ctx, self.paragraph = ctx, paragraph
        self.segments: list[tuple[etree._Element | None, int, str]] = []
        position = 0
        for run_el in ctx.locator.runs(paragraph):
            if run_el is None:
                self.segments = []
                return
            for child in run_el:
                tag = child.tag
                if not isinstance(tag, str) or not tag.startswith(_W):
                    continue
                name = tag[len(_W):]
                if name == "t":
                    text = child.text or ""
                elif name in _SIMPLE:
                    text = _SIMPLE[name]
                elif name == "br" and (child.get(qn("w:type")) or "textWrapping") == "textWrapping":
                    text = "\n"
                else:
                    continue
                self.segments.append((child if name == "t" else None, position, text))
                position += len(text)
        joined = "".join(text for _, _, text in self.segments)
        if unicodedata.normalize("NFC", joined) != paragraph.text or joined != paragraph.text:
            self.segments = []

    @property
    def usable(self) -> bool:
        return bool(self.segments)

    def replace(self, start: int, end: int, new: str) -> bool:
        """Replace ``text[start:end]`` with ``new`` inside one ``w:t``; False when it spans elements."""
        for number, (element, offset, text) in enumerate(self.segments):
            if element is None or not offset <= start <= offset + len(text) or end > offset + len(text):
                continue
            local_start, local_end = start - offset, end - offset
            updated = text[:local_start] + new + text[local_end:]
            element.text = updated
            if updated != updated.strip():
                element.set(_XML_SPACE, "preserve")
            # Later offsets move with the edit, so a second edit of the same paragraph lands right.
            shift = len(updated) - len(text)
            self.segments[number] = (element, offset, updated)
            self.segments[number + 1:] = [(el, at + shift, t) for el, at, t in self.segments[number + 1:]]
            self.ctx.touch(self.paragraph.location)
            return True
        return False


def _last_char(text: str) -> int:
    """Index of the last non-space character, -1 when there is none."""
    stripped = text.rstrip()
    return len(stripped) - 1


def set_ending(ctx: Context, rule: Rule, paragraph: Paragraph, wanted: str) -> None:
    """End ``paragraph`` with ``wanted``: replace a final punctuation mark, else append it."""
    text_map = TextMap(ctx, paragraph)
    index = _last_char(paragraph.text)
    if not text_map.usable or index < 0:
        return
    end = paragraph.text[index]
    if end == wanted:
        return
    done = text_map.replace(index, index + 1, wanted) if end in PUNCTUATION else \
        text_map.replace(index + 1, index + 1, wanted)
    if done:
        ctx.add(Change(rule.code, ctx.role(paragraph), "ending", repr_end(end), wanted, "text", paragraph.location))


def repr_end(char: str) -> str:
    return char if char in PUNCTUATION else "∅"


# ---------------------------------------------------------------- kind punctuation (list_punctuation rules)

_LAID_OUT = Text("dòng dàn bằng tab hoặc nhiều dấu cách (có ghi chú bên cạnh?): không biết dấu cuối thuộc về đâu",
                 "a line laid out with tabs or runs of spaces (a side note?): where the item ends is not known")
_SPACED = re.compile(r"\S[\t ]*(\t| {3})[\t ]*\S")


def _laid_out(paragraph: Paragraph) -> bool:
    return bool(_SPACED.search(paragraph.text.strip()))


def punctuation(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    params: ListParams = rule.params
    items, closed = _items(rule, params, ctx.rec)
    if not items:
        return
    middle, last = (items, []) if closed else (items[:-1], items[-1:])
    laid_out = [item for item in items if _laid_out(item.first) or _laid_out(item.last)]
    for item in laid_out:
        ctx.decline(rule.code, item.last, _LAID_OUT)
    middle = [item for item in middle if item not in laid_out]
    last = [item for item in last if item not in laid_out]
    if params.terminators:
        ends = Counter(item.text[-1] for item in middle if item.text[-1] in params.terminators)
        # The document's own usual terminator when it has one the rule set allows, else the first allowed.
        usual = ends.most_common(1)[0][0] if ends else params.terminators[0]
        for item in middle:
            if item.text[-1] != usual:
                set_ending(ctx, rule, item.last, usual)
    if params.last_terminator:
        for item in last:
            if not item.text.endswith(params.last_terminator):
                set_ending(ctx, rule, item.last, params.last_terminator[0])


# ---------------------------------------------------------------- kind remove_vv


_VV = re.compile(r"^\s*(V/v|V/V|v/v)\s*:?\s*")


def remove_vv(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    """``V/v chuẩn bị …`` → ``về việc chuẩn bị …``: the abbreviation written out, as the good công văn
    samples read; the other properties of the rule (size, italic) are fixed as ``format``."""
    for paragraph in ctx.reported(findings):
        match = _VV.match(paragraph.text)
        if match is None or not paragraph.text[match.end():].strip():
            continue
        text_map = TextMap(ctx, paragraph)
        if text_map.usable and text_map.replace(match.start(1), match.end(), "về việc "):
            ctx.add(Change(rule.code, ctx.role(paragraph), "text", match.group(0).strip(), "về việc", "text",
                           paragraph.location))
    format_kind_fix(ctx, rule, findings)


def format_kind_fix(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    from thethuc.fix import format as format_fix

    if isinstance(rule.params, format_kind.Params):
        format_fix.fix(ctx, rule, findings)


# ---------------------------------------------------------------- kind leading_zero


_NUMBER = re.compile(r"Số\s*:?\s*(\d+)")
_DATE = re.compile(r"ngày\s+(\d+)\s+tháng\s+(\d+)\s+năm")


def leading_zero(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    """``Số 5-NQ/TU`` → ``Số 05-NQ/TU``; ``ngày 5 tháng 3`` → ``ngày 05 tháng 3`` (days below the
    rule's bound, months 1–2 padded, other months without a zero)."""
    for paragraph in ctx.reported(findings):
        if isinstance(rule.params, ReferenceParams):
            _pad_number(ctx, rule, paragraph, rule.params.min_digits)
        else:
            _pad_date(ctx, rule, paragraph)


def _pad_number(ctx: Context, rule: Rule, paragraph: Paragraph, digits: int) -> None:
    match = _NUMBER.search(paragraph.text)
    if match is None or len(match.group(1)) >= digits:
        return
    number = match.group(1)
    text_map = TextMap(ctx, paragraph)
    if text_map.usable and text_map.replace(match.start(1), match.end(1), number.zfill(digits)):
        ctx.add(Change(rule.code, ctx.role(paragraph), "number", number, number.zfill(digits), "text",
                       paragraph.location))


def _pad_date(ctx: Context, rule: Rule, paragraph: Paragraph) -> None:
    params = rule.params
    match = _DATE.search(paragraph.text)
    if match is None:
        return
    day, month = match.group(1), match.group(2)
    new_day = f"{int(day):02d}" if int(day) < params.pad_day_below and len(day) < 2 else day
    new_month = f"{int(month):02d}" if int(month) in params.padded_months else str(int(month))
    text_map = TextMap(ctx, paragraph)
    if not text_map.usable:
        return
    # The month first: its offsets come after the day's and stay valid when the day grows.
    if new_month != month and text_map.replace(match.start(2), match.end(2), new_month):
        ctx.add(Change(rule.code, ctx.role(paragraph), "month", month, new_month, "text", paragraph.location))
    if new_day != day and text_map.replace(match.start(1), match.end(1), new_day):
        ctx.add(Change(rule.code, ctx.role(paragraph), "day", day, new_day, "text", paragraph.location))
