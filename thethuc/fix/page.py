"""Fix kind ``page``: paper size, orientation and margins, in each section's ``w:sectPr``.

Paper: the first paper the rule allows for the document, in the section's orientation. Orientation:
width and height swapped (a landscape section excused by a wide table is not reported, so never
turned). Margins: the middle of the accepted range (20 mm ± 1 → 20 mm); the gutter counts to the
left margin as in the check.
"""
from __future__ import annotations

from thethuc.checks.common import document_type_is
from thethuc.checks.page import Params, _has_wide_table, _margin_mm, _paper_fits
from thethuc.fix import order
from thethuc.fix.context import Context
from thethuc.fix.types import Change
from thethuc.load.ooxml import qn
from thethuc.model import Finding, Section, mm_to_twips, twips_to_mm
from thethuc.ruleset.types import Rule


def _size(section: Section) -> str:
    return f"{twips_to_mm(section.page_width_twips):.0f}×{twips_to_mm(section.page_height_twips):.0f} mm"


def fix(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    if not findings:
        return
    params: Params = rule.params
    sect_prs = ctx.locator.section_properties()
    if len(sect_prs) != len(ctx.rec.doc.sections):
        return  # the walk disagrees with the model: touch nothing rather than the wrong section
    for section, sect_pr in zip(ctx.rec.doc.sections, sect_prs, strict=False):
        if params.check == "paper":
            _paper(ctx, rule, params, section, sect_pr)
        elif params.check == "orientation":
            _orientation(ctx, rule, params, section, sect_pr)
        else:
            _margin(ctx, rule, params, section, sect_pr)


def _paper(ctx, rule, params, section, sect_pr) -> None:
    allowed = [p for p in params.papers if not p.only_for or document_type_is(ctx.rec, p.only_for)]
    if not allowed or any(_paper_fits(p, section, params.tolerance_mm) for p in allowed):
        return
    paper = allowed[0]
    short, long = sorted((mm_to_twips(paper.width_mm), mm_to_twips(paper.height_mm)))
    # A4 in Word's own twips (11906 × 16838), not the rounding of 210 × 297 mm.
    if (paper.width_mm, paper.height_mm) in ((210, 297), (297, 210)):
        short, long = 11906, 16838
    landscape = section.orientation == "landscape"
    size = order.ensure(sect_pr, "pgSz")
    size.set(qn("w:w"), str(long if landscape else short))
    size.set(qn("w:h"), str(short if landscape else long))
    ctx.pkg.touch(ctx.locator.main)
    ctx.add(Change(rule.code, None, "paper", _size(section), f"{paper.name} {paper.width_mm:g}×{paper.height_mm:g} mm",
                   "section"))


def _orientation(ctx, rule, params, section, sect_pr) -> None:
    if section.orientation == params.orientation:
        return
    if params.landscape_for_wide_tables and section.orientation == "landscape" and _has_wide_table(ctx.rec, section):
        return
    size = order.ensure(sect_pr, "pgSz")
    width, height = section.page_width_twips, section.page_height_twips
    short, long = sorted((width, height))
    landscape = params.orientation == "landscape"
    size.set(qn("w:w"), str(long if landscape else short))
    size.set(qn("w:h"), str(short if landscape else long))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif qn("w:orient") in size.attrib:
        del size.attrib[qn("w:orient")]
    ctx.pkg.touch(ctx.locator.main)
    ctx.add(Change(rule.code, None, "orientation", section.orientation, params.orientation, "section"))


def _margin(ctx, rule, params, section, sect_pr) -> None:
    actual = _margin_mm(section, params.side)
    if params.mm.test(actual):
        return
    low, high = params.mm.low, params.mm.high
    target = (low + high) / 2 if low is not None and high is not None else (low if low is not None else high)
    twips = mm_to_twips(target)
    if params.side == "left":
        twips -= section.gutter_twips
    margins = order.ensure(sect_pr, "pgMar")
    margins.set(qn("w:" + params.side), str(twips))
    for key, value in (("header", 720), ("footer", 720), ("gutter", 0), ("top", section.margin_top_twips),
                       ("bottom", section.margin_bottom_twips), ("left", section.margin_left_twips),
                       ("right", section.margin_right_twips)):
        if qn(f"w:{key}") not in margins.attrib:  # a pgMar written from nothing states every side
            margins.set(qn(f"w:{key}"), str(value))
    ctx.pkg.touch(ctx.locator.main)
    ctx.add(Change(rule.code, None, f"margin_{params.side}", f"{actual:g} mm", f"{target:g} mm", "section"))
