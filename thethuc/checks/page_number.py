"""Kind ``page_number``: the PAGE field from page 2 on, and none on page 1.

Keys: ``check`` (``number``: a PAGE field in the header of pages ≥ 2, formatted per ``size_pt``,
``italic``, ``align``; ``first_page``: page 1 shows no number), ``min_pages`` (the number is needed
from this many pages, default 2), ``chars_per_page`` (to estimate pages when the producer did not
record them).
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group, make_finding
from thethuc.checks.matchers import Matcher, parse_bool, parse_choice, parse_number
from thethuc.checks.properties import ALIGNS
from thethuc.model import Finding, Paragraph, Recognised, Run, Section, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import Where, as_int
from thethuc.ruleset.params import choice, param, params_parser
from thethuc.ruleset.types import Rule


def _align(value: Any, where: Where, what: str) -> Matcher:
    return parse_choice(value, where, what, ALIGNS)


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``page_number`` rule: the PAGE field from page 2 on and its format (``number``) or no
    number on page 1 (``first_page``), and how pages are estimated when the producer did not record them."""

    check: str = param(choice("number", "first_page"))
    size_pt: Matcher | None = param(parse_number, None)
    italic: Matcher | None = param(parse_bool, None)
    align: Matcher | None = param(_align, None)
    min_pages: int = param(as_int, 2)
    chars_per_page: int = param(as_int, 2500)


parse = params_parser(Params, "page_number")


def estimated_pages(rec: Recognised, chars_per_page: int) -> int:
    """Pages from the content: text volume, page breaks and sections."""
    body = rec.doc.body()
    breaks = sum(1 for p in body[1:] if p.page_break_before or p.fmt.page_break_before)
    chars = sum(len(p.text) for p in body)
    # A continuous section break (two columns, a landscape table) does not start a page.
    new_pages = sum(1 for s in rec.doc.sections[1:] if s.new_page)
    return max(1 + breaks + new_pages, math.ceil(chars / max(chars_per_page, 1)))


def page_count(rec: Recognised, chars_per_page: int) -> int:
    """The larger of the producer's count (docProps/app.xml) and the content's estimate.

    app.xml is often stale (saved by a generator, or by Word before the text grew), so it
    never alone makes a document "one page" and spares it the page-number check.
    """
    return max(rec.doc.page_count or 0, estimated_pages(rec, chars_per_page))


def _numbered(rec: Recognised, parts: set[str]) -> list[Paragraph]:
    return [p for p in rec.doc.paragraphs if p.location.part_name in parts and "PAGE" in p.fields]


def _parts(section: Section, kinds: tuple[str, ...], headers: bool = True) -> set[str]:
    refs = section.headers if headers else section.footers
    return {name for kind, name in refs if kind in kinds}


def _number_runs(p: Paragraph) -> tuple[Run, ...]:
    field = tuple(r for r in p.runs if r.is_field_result and r.text.strip())
    return field or p.visible_runs or ((p.mark,) if p.mark is not None else ())


def _format(params: Params, p: Paragraph) -> Iterator[Deviation]:
    runs = _number_runs(p)
    if params.align is not None and not params.align.test(p.fmt.align.value):
        yield Deviation(("align",), p, params.align.enum_text("align"), wording.value("align", p.fmt.align.value),
                        p.fmt.align.source)
    for run in runs[:1]:
        size = run.size_half_pt.value / 2
        if params.size_pt is not None and not params.size_pt.test(size):
            yield Deviation(("size",), p, params.size_pt.numeric_text("size_pt"), wording.numeric("size_pt", size),
                            run.size_half_pt.source)
        if params.italic is not None and not params.italic.test(run.italic.value):
            yield Deviation(("italic",), p, params.italic.enum_text("italic"), wording.value("italic",
                                                                                             run.italic.value),
                            run.italic.source)
        text = run.text.strip()
        if run.is_field_result and text and not text.isdigit():
            yield Deviation(("digits",), p, Text("chữ số Ả Rập", "Arabic digits"), wording.quoted(text), None)


def _check_number(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if page_count(rec, params.chars_per_page) < params.min_pages:
        return
    kinds = ("default", "even") if rec.doc.even_and_odd_headers else ("default",)
    headers = set().union(*(_parts(s, kinds) for s in rec.doc.sections)) if rec.doc.sections else set()
    numbered = _numbered(rec, headers)
    if numbered:
        yield from group(rule, rec, _format(params, numbered[0]))
        return
    footers = set().union(*(_parts(s, kinds, headers=False) for s in rec.doc.sections)) if rec.doc.sections else set()
    in_footer = _numbered(rec, footers)
    actual = Text("số trang ở chân trang", "page number in the footer") if in_footer else \
        Text("không có số trang", "no page number")
    yield make_finding(rule, rec, in_footer[0] if in_footer else None, element="so_trang",
                       expected=Text("số trang (trường PAGE) ở đầu trang, từ trang 2",
                                     "a page number (PAGE field) in the header from page 2"), actual=actual)


def _check_first_page(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if not rec.doc.sections:
        return
    first = rec.doc.sections[0]
    kind = ("first",) if first.title_page else ("default",)
    shown = _numbered(rec, _parts(first, kind) | _parts(first, kind, headers=False))
    if shown:
        yield make_finding(rule, rec, shown[0], element="so_trang",
                           expected=Text("trang 1 không đánh số", "no number on page 1"),
                           actual=Text("số trang ở chân trang trang 1", "a page number in the page 1 footer")
                           if shown[0].location.part == "footer" else
                           Text("số trang ở đầu trang trang 1", "a page number in the page 1 header"), source=None)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if params.check == "number":
        yield from _check_number(rule, params, rec)
    else:
        yield from _check_first_page(rule, params, rec)
