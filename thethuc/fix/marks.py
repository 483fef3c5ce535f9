"""Fix kinds ``star`` and ``rule_line``: what is added under a header element.

``star`` (hd36 H007): a ``*`` paragraph under the last line of the issuing body, in its cell, centred
like it, 14 pt, not bold. ``rule_line``: for a ``rule_line`` rule (the line under the tiêu đề, the
tiêu ngữ, a state issuing body or summary) an underlined title loses its underline and, when no line is
there, a solid line of the measured length (or the middle of the rule's ratio) is drawn centred in an
empty paragraph under the element, as a VML ``v:line`` (what LibreOffice writes, read by Word); for a
``presence`` rule whose element is a typed line (hd36/hd05 T004) the ``-----`` paragraph is added
under the trích yếu. A line of the wrong length or a dashed one is left to a person.
"""
from __future__ import annotations

import copy

from lxml import etree

from thethuc.checks.memo import has_text
from thethuc.checks.presence import Params as PresenceParams
from thethuc.checks.rule_line import (
    EMU_PER_PT,
    _bordered,
    candidates,
    wanted_width,
)
from thethuc.checks.rule_line import Params as LineParams
from thethuc.fix import layers, order
from thethuc.fix.context import Context
from thethuc.fix.types import Change
from thethuc.load.ooxml import NS, qn
from thethuc.model import Finding, Paragraph, Text
from thethuc.ruleset.types import Rule

_V, _O = NS["v"], NS["o"]
_FONT = "Times New Roman"
_DROP = ("numPr", "sectPr", "pBdr", "pPrChange", "rPr", "keepNext")
_HALF_CELL_MARGINS = 108  # twips, Word's default left and right cell margin


def _after(ctx: Context, anchor: Paragraph, text: str | None, line_emu: int = 0) -> etree._Element | None:
    """A new paragraph after ``anchor`` in its container, centred like it, holding ``text`` or a line."""
    p_el = ctx.locator.element(anchor.location)
    if p_el is None:
        return None
    new = etree.Element(qn("w:p"))
    old_ppr = p_el.find(qn("w:pPr"))
    ppr = copy.deepcopy(old_ppr) if old_ppr is not None else etree.Element(qn("w:pPr"))
    for name in _DROP:
        order.remove(ppr, name)
    new.append(ppr)
    layers.set_align(ppr, "center")
    layers.set_first_line(ppr, 0)
    run = etree.SubElement(new, qn("w:r"))
    rpr = etree.SubElement(run, qn("w:rPr"))
    layers.set_fonts(rpr, _FONT)
    layers.set_toggle(rpr, "b", False)
    layers.set_toggle(rpr, "i", False)
    layers.set_size(rpr, 28)
    if text is not None:
        etree.SubElement(run, qn("w:t")).text = text
    else:
        layers.set_spacing(ppr, before="0", after="0")
        run.append(_vml_line(line_emu, _column_twips(ctx, anchor, p_el)))
    p_el.addnext(new)
    ctx.touch(anchor.location)
    return new


def _column_twips(ctx: Context, anchor: Paragraph, p_el: etree._Element) -> int:
    """The width the line is centred in: the table cell, else the text column of the section."""
    cell = next((a for a in p_el.iterancestors(qn("w:tc"))), None)
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") if cell is not None else None
    twips = width.get(qn("w:w")) if width is not None else None
    if width is not None and (width.get(qn("w:type")) in (None, "dxa")) and twips and twips.isdigit():
        return int(twips) - 2 * _HALF_CELL_MARGINS
    section = ctx.rec.doc.sections[anchor.section] if ctx.rec.doc.sections else None
    if section is None:
        return 9360
    return section.page_width_twips - section.margin_left_twips - section.margin_right_twips - section.gutter_twips


def _vml_line(width_emu: int, column_twips: int) -> etree._Element:
    pict = etree.Element(qn("w:pict"))
    line = etree.SubElement(pict, f"{{{_V}}}line", nsmap={"v": _V, "o": _O})
    x1 = max(0.0, (column_twips * 635 - width_emu) / 2 / EMU_PER_PT)
    x2 = x1 + width_emu / EMU_PER_PT
    line.set("id", "thethuc-line")
    line.set("style", "position:absolute;z-index:251659264;mso-position-horizontal-relative:text;"
                      "mso-position-vertical-relative:text")
    line.set("from", f"{x1:.2f}pt,2pt")
    line.set("to", f"{x2:.2f}pt,2pt")
    line.set("strokeweight", ".5pt")
    etree.SubElement(line, f"{{{_V}}}stroke").set("joinstyle", "miter")
    return pict


_NEARBY = Text("có đường kẻ gần đó (hàng dưới của bảng?): không vẽ thêm",
               "a line is drawn nearby (the next table row?): none added")


def _line_nearby(ctx: Context, title: Paragraph) -> bool:
    """A line elsewhere in the same table, or just below outside one: the checker may have missed it."""
    where = title.location
    if where.table is not None:
        return any(p.lines for p in ctx.rec.doc.paragraphs if p.location.part_name == where.part_name
                   and p.location.table is not None and p.location.table[0] == where.table[0])
    return any(p.lines for p in ctx.rec.doc.paragraphs[title.index + 1:title.index + 4])


# ---------------------------------------------------------------- star


def star(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    if not any(_missing(f) for f in findings) or ctx.rec.paragraphs_with("dau_sao"):
        return
    body = [p for p in ctx.rec.paragraphs_with("co_quan_ban_hanh") if has_text(p)]
    if not body:
        return  # no issuing body: its own rule (H005) says so, and a star would float
    if _after(ctx, body[-1], "*") is not None:
        ctx.add(Change(rule.code, "dau_sao", "text", "∅", "*", "text", body[-1].location))


def _missing(finding: Finding) -> bool:
    return finding.actual is not None and "not found" in finding.actual.en


# ---------------------------------------------------------------- rule_line


def rule_line(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    if not findings:
        return
    if isinstance(rule.params, PresenceParams):
        _dashes(ctx, rule, findings)
    elif isinstance(rule.params, LineParams):
        _drawn(ctx, rule, rule.params)


def _dashes(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    if not any(_missing(f) for f in findings) or any(ctx.rec.paragraphs_with(role) for role in rule.target):
        return
    above = [p for p in ctx.rec.paragraphs_with("trich_yeu") if has_text(p)]
    if above and _after(ctx, above[-1], "-----") is not None:
        ctx.add(Change(rule.code, rule.target[0] if rule.target else None, "text", "∅", "-----", "text",
                       above[-1].location))


def _drawn(ctx: Context, rule: Rule, params: LineParams) -> None:
    targets = [p for role in rule.target for p in ctx.rec.paragraphs_with(role) if has_text(p)]
    targets.sort(key=lambda p: p.index)
    if not targets:
        return
    title, want, _ = wanted_width(params, targets, ctx.rec)  # as the check measures it
    underlined = [(r, el) for r, el in zip(title.runs, ctx.locator.runs(title), strict=False)
                  if el is not None and r.underline.value not in ("none", "") and r.text.strip()]
    for _run, run_el in underlined:
        layers.set_underline(layers.run_properties(run_el), False)
    if underlined:
        ctx.touch(title.location)
        ctx.add(Change(rule.code, ctx.role(title), "underline", "true", "false", "direct", title.location))
    near = candidates(title, ctx.rec)
    if any(p.lines for p in near) or (params.accept_border and any(_bordered(p) for p in near)):
        return  # a line is there: its length or dash is for a person
    if _line_nearby(ctx, title):
        ctx.decline(rule.code, title, _NEARBY)
        return
    width = want * (sum(params.ratio) / 2 if params.ratio is not None else 1.0)
    if width <= 0:
        return
    # Directly under the element (its last line for a two-line body name), in its cell.
    anchor = title
    if _after(ctx, anchor, None, round(width)) is not None:
        ctx.add(Change(rule.code, ctx.role(title), "line", "∅", f"{round(width / 36000)} mm", "text",
                       anchor.location))
