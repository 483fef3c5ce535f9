"""Kind ``page``: paper size, orientation and margins of every section.

Keys: ``check`` (``paper`` | ``orientation`` | ``margin``); paper: ``papers`` (name, width_mm,
height_mm, optional ``only_for`` document types), ``tolerance_mm``; orientation: ``orientation``,
``landscape_for_wide_tables``; margin: ``side`` (top, bottom, left, right), ``mm``, ``tolerance_mm``.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from thethuc.checks import wording
from thethuc.checks.common import Deviation, document_type_is, group
from thethuc.checks.matchers import Matcher, parse_number
from thethuc.model import Finding, Paragraph, Recognised, Section, Text, twips_to_mm
from thethuc.records import dataclass
from thethuc.ruleset.nodes import (
    LDict,
    Where,
    as_bool,
    as_mapping,
    as_number,
    as_str,
    as_str_list,
    check_keys,
    require,
)
from thethuc.ruleset.params import choice, items, param, read_params
from thethuc.ruleset.types import Rule

SIDES = ("top", "bottom", "left", "right")


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper size a ``page`` rule allows (A4, A5), in mm, for every document type or only the ones named."""

    name: str
    width_mm: float
    height_mm: float
    only_for: tuple[str, ...] = ()  # document types allowed this paper; empty = all


def _paper(value: Any, where: Where, what: str) -> Paper:
    item = Text("một mục của 'papers'", "a 'papers' item")
    node = as_mapping(value, where, item)
    check_keys(node, ("name", "width_mm", "height_mm", "only_for"), item)
    return Paper(as_str(require(node, "name", item), node.at("name"), "name"),
                 as_number(require(node, "width_mm", item), node.at("width_mm"), "width_mm"),
                 as_number(require(node, "height_mm", item), node.at("height_mm"), "height_mm"),
                 as_str_list(node.get("only_for", []), node.at("only_for"), "only_for"))


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``page`` rule, judged on every section: the paper size, the orientation or one margin.
    ``check`` picks the variant; each reads its own keys (another variant's are not read)."""

    check: str = param(choice("paper", "orientation", "margin"))
    papers: tuple[Paper, ...] = param(items(_paper), (), required=True, for_check=("paper",))
    tolerance_mm: float = param(as_number, 1.0)
    orientation: str = param(choice("portrait", "landscape"), "portrait", for_check=("orientation",))
    landscape_for_wide_tables: bool = param(as_bool, True, for_check=("orientation",))
    side: str = param(choice(*SIDES), "top", required=True, for_check=("margin",))
    mm: Matcher = param(parse_number, Matcher(), required=True, for_check=("margin",))


def parse(node: LDict, where: Where) -> Params:
    params = read_params(Params, node, "page")
    if params.check == "margin" and params.mm.values:
        # a single value is a target with a tolerance; a range is taken as written
        low, high = min(params.mm.values) - params.tolerance_mm, max(params.mm.values) + params.tolerance_mm
        return replace(params, mm=Matcher(low=low, high=high))
    return params


def _anchor(rec: Recognised, section: Section) -> Paragraph | None:
    """The paragraph that opens a section, to say which section; a one-section document needs none."""
    paragraphs = rec.doc.paragraphs
    if len(rec.doc.sections) == 1:
        return None
    return paragraphs[section.first_paragraph] if 0 <= section.first_paragraph < len(paragraphs) else None


def _paper_fits(paper: Paper, section: Section, tolerance: float) -> bool:
    size = sorted((twips_to_mm(section.page_width_twips), twips_to_mm(section.page_height_twips)))
    wanted = sorted((paper.width_mm, paper.height_mm))
    return all(abs(a - b) <= tolerance for a, b in zip(size, wanted, strict=False))


def _check_paper(params: Params, rec: Recognised) -> Iterator[Deviation]:
    allowed = [p for p in params.papers if not p.only_for or document_type_is(rec, p.only_for)]
    for section in rec.doc.sections:
        if any(_paper_fits(p, section, params.tolerance_mm) for p in allowed):
            continue
        w, h = twips_to_mm(section.page_width_twips), twips_to_mm(section.page_height_twips)
        yield Deviation(("paper", round(w), round(h)), _anchor(rec, section),
                        wording.join(wording.paper(p.width_mm, p.height_mm, p.name) for p in allowed),
                        wording.paper(w, h), None)


def _has_wide_table(rec: Recognised, section: Section) -> bool:
    """A landscape section is excused by a table wider than the portrait text area."""
    portrait_text = min(section.page_width_twips, section.page_height_twips) - (
        section.margin_left_twips + section.margin_right_twips + section.gutter_twips)
    for table in rec.doc.tables:
        # Borderless tables are layout (the header and signature blocks span the text width
        # whatever the orientation); only a bordered data table can need a landscape page.
        if table.section != section.index or table.nested or not table.has_visible_borders:
            continue
        # A table with no stated width ("auto") is laid out to its content; the model cannot
        # measure it, so it is given the benefit of the doubt rather than a false finding.
        if table.width_twips is None or table.width_twips > portrait_text:
            return True
    return False


def _check_orientation(params: Params, rec: Recognised) -> Iterator[Deviation]:
    for section in rec.doc.sections:
        if section.orientation == params.orientation:
            continue
        if params.landscape_for_wide_tables and section.orientation == "landscape" and _has_wide_table(rec, section):
            continue
        yield Deviation(("orientation", section.orientation), _anchor(rec, section),
                        wording.value("orientation", params.orientation),
                        wording.value("orientation", section.orientation), None)


def _margin_mm(section: Section, side: str) -> float:
    twips = {"top": section.margin_top_twips, "bottom": section.margin_bottom_twips,
             "left": section.margin_left_twips + section.gutter_twips,  # the gutter widens the binding side
             "right": section.margin_right_twips}[side]
    return round(twips_to_mm(twips), 1)


def _margin_prop(side: str, mirrored: bool) -> str:
    if mirrored and side in ("left", "right"):
        return "margin_inside" if side == "left" else "margin_outside"
    return f"margin_{side}"


def _check_margin(params: Params, rec: Recognised) -> Iterator[Deviation]:
    prop = _margin_prop(params.side, rec.doc.mirror_margins)
    for section in rec.doc.sections:
        actual = _margin_mm(section, params.side)
        if not params.mm.test(actual):
            yield Deviation(("margin", actual), _anchor(rec, section), params.mm.numeric_text(prop),
                            wording.numeric(prop, actual), None)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    walkers = {"paper": _check_paper, "orientation": _check_orientation, "margin": _check_margin}
    for finding in group(rule, rec, walkers[params.check](params, rec)):
        yield _document_level(finding)


def _document_level(finding: Finding) -> Finding:
    """Page findings concern the section, not the paragraph that happens to open it."""
    return replace(finding, element=None, excerpt="")
