"""Fix kind ``page_number``: a PAGE field in the header from page 2, none on page 1.

``number`` (P010): with no PAGE field in any header, a centred paragraph holding one is added to the
first section's default header (a new header part when it has none); a number that sits alone in
a footer paragraph is moved there (the footer paragraph stays, empty). A number already in the
header gets the rule's alignment, size and upright type. ``first_page`` (P011): ``w:titlePg`` on
the first section, with an empty first-page header (and footer, where the default footer shows the
number) when the section has none. A PAGE field inside a first-page header is not removed.
"""
from __future__ import annotations

from lxml import etree

from thethuc.checks.page_number import Params
from thethuc.fix import layers, order
from thethuc.fix.context import Context
from thethuc.fix.format import nearest
from thethuc.fix.types import Change
from thethuc.load.ooxml import NS, qn
from thethuc.model import Finding, Paragraph, Section
from thethuc.ruleset.types import Rule

_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
_FONT = "Times New Roman"


def _new_part_name(ctx: Context, kind: str) -> str:
    number = 1
    while ctx.pkg.has(f"word/{kind}{number}.xml"):
        number += 1
    return f"word/{kind}{number}.xml"


def _empty_part(kind: str) -> etree._Element:
    root = etree.Element(qn(f"w:{'hdr' if kind == 'header' else 'ftr'}"), nsmap={"w": NS["w"], "r": NS["r"]})
    etree.SubElement(root, qn("w:p"))
    return root


def _reference(ctx: Context, sect_pr: etree._Element, kind: str, ref_type: str, root: etree._Element) -> str:
    """Add ``root`` as a new header/footer part referenced by ``sect_pr`` as ``ref_type``."""
    name = _new_part_name(ctx, kind)
    ctx.pkg.add_part(name, root, _CT.format(kind))
    rid = ctx.pkg.add_relationship(ctx.locator.main, kind, name)
    ref = etree.Element(qn(f"w:{kind}Reference"))
    ref.set(qn("w:type"), ref_type)
    ref.set(f"{{{NS['r']}}}id", rid)
    # References come first in a sectPr, before pgSz and the rest.
    position = sum(1 for child in sect_pr if child.tag in (qn("w:headerReference"), qn("w:footerReference")))
    sect_pr.insert(position, ref)
    ctx.pkg.touch(ctx.locator.main)
    return name


def _number_paragraph(params: Params) -> etree._Element:
    p = etree.Element(qn("w:p"))
    ppr = etree.SubElement(p, qn("w:pPr"))
    align = params.align.values[0] if params.align is not None and params.align.values else "center"
    layers.set_align(ppr, align)
    size = round(nearest(params.size_pt, 14) * 2) if params.size_pt is not None else 28
    for kind, content in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        r = etree.SubElement(p, qn("w:r"))
        rpr = etree.SubElement(r, qn("w:rPr"))
        layers.set_fonts(rpr, _FONT)
        layers.set_size(rpr, size)
        if kind == "instr":
            el = etree.SubElement(r, qn("w:instrText"))
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = content
        elif kind == "text":
            etree.SubElement(r, qn("w:t")).text = content
        else:
            etree.SubElement(r, qn("w:fldChar")).set(qn("w:fldCharType"), kind)
    return p


def _numbered(ctx: Context, parts: set[str]) -> list[Paragraph]:
    return [p for p in ctx.rec.doc.paragraphs if p.location.part_name in parts and "PAGE" in p.fields]


def _parts(section: Section, kinds: tuple[str, ...], headers: bool = True) -> set[str]:
    return {name for kind, name in (section.headers if headers else section.footers) if kind in kinds}


def fix(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    if not findings or not ctx.rec.doc.sections:
        return
    params: Params = rule.params
    sect_prs = ctx.locator.section_properties()
    if len(sect_prs) != len(ctx.rec.doc.sections):
        return
    if params.check == "first_page":
        _first_page(ctx, rule, ctx.rec.doc.sections[0], sect_prs[0])
    else:
        _number(ctx, rule, params)


def _first_page(ctx: Context, rule: Rule, section: Section, sect_pr: etree._Element) -> None:
    if not section.title_page:
        title = order.ensure(sect_pr, "titlePg")
        for attr in list(title.attrib):
            del title.attrib[attr]
        ctx.pkg.touch(ctx.locator.main)
        ctx.add(Change(rule.code, "so_trang", "first_page", "numbered", "titlePg", "section"))
    if not _parts(section, ("first",)):
        _reference(ctx, sect_pr, "header", "first", _empty_part("header"))
        ctx.add(Change(rule.code, "so_trang", "first_page_header", "∅", "empty", "header"))
    if not _parts(section, ("first",), headers=False) and _numbered(ctx, _parts(section, ("default",), headers=False)):
        _reference(ctx, sect_pr, "footer", "first", _empty_part("footer"))
        ctx.add(Change(rule.code, "so_trang", "first_page_footer", "∅", "empty", "footer"))


def _number(ctx: Context, rule: Rule, params: Params) -> None:
    doc = ctx.rec.doc
    kinds = ("default", "even") if doc.even_and_odd_headers else ("default",)
    headers = set().union(*(_parts(s, kinds) for s in doc.sections))
    numbered = _numbered(ctx, headers)
    if numbered:
        _format(ctx, rule, params, numbered[0])
        return
    footers = set().union(*(_parts(s, kinds, headers=False) for s in doc.sections))
    for paragraph in _numbered(ctx, footers):
        if paragraph.text.strip().isdigit():  # the number alone: moved, nothing else on the line is lost
            p_el = ctx.locator.element(paragraph.location)
            if p_el is not None:
                for child in [c for c in p_el if c.tag != qn("w:pPr")]:
                    p_el.remove(child)
                ctx.touch(paragraph.location)
                ctx.add(Change(rule.code, "so_trang", "page_number", "footer", "header", "footer",
                               paragraph.location))
        else:
            return  # text beside the number in the footer: a person decides
    section, sect_pr = doc.sections[0], ctx.locator.section_properties()[0]
    default = _parts(section, ("default",))
    if default:
        part = min(default)
        root = ctx.pkg.xml(part)
        if root is None:
            return
        root.append(_number_paragraph(params))
        ctx.pkg.touch(part)
        ctx.add(Change(rule.code, "so_trang", "page_number", "∅", "PAGE", "header"))
        return
    root = _empty_part("header")
    root.remove(root[0])
    root.append(_number_paragraph(params))
    _reference(ctx, sect_pr, "header", "default", root)
    ctx.add(Change(rule.code, "so_trang", "page_number", "∅", "PAGE", "header"))


def _format(ctx: Context, rule: Rule, params: Params, paragraph: Paragraph) -> None:
    p_el = ctx.locator.element(paragraph.location)
    if p_el is None:
        return
    if params.align is not None and not params.align.test(paragraph.fmt.align.value):
        layers.set_align(layers.paragraph_properties(p_el), params.align.values[0])
        ctx.add(Change(rule.code, "so_trang", "align", paragraph.fmt.align.value, params.align.values[0], "direct",
                       paragraph.location))
    runs = [r for r in paragraph.runs if r.is_field_result and r.text.strip()] or list(paragraph.visible_runs)
    first = runs[0] if runs else paragraph.mark
    if first is None:
        return
    size = first.size_half_pt.value / 2
    wrong_size = params.size_pt is not None and not params.size_pt.test(size)
    wrong_italic = params.italic is not None and not params.italic.test(first.italic.value)
    if not wrong_size and not wrong_italic:
        ctx.touch(paragraph.location)
        return
    for r in p_el.iter(qn("w:r")):  # every run of the field, so an updated result keeps the format
        rpr = layers.run_properties(r)
        if wrong_size:
            layers.set_size(rpr, round(nearest(params.size_pt, size) * 2))  # type: ignore[arg-type]  # wrong_size: size_pt set
        if wrong_italic:
            layers.set_toggle(rpr, "i", bool(params.italic.values[0]))  # type: ignore[union-attr]  # wrong_italic: italic set
    ctx.touch(paragraph.location)
    if wrong_size:
        ctx.add(Change(rule.code, "so_trang", "size_pt", f"{size:g} pt",
                       f"{nearest(params.size_pt, size):g} pt", "direct", paragraph.location))  # type: ignore[arg-type]  # as above
    if wrong_italic:
        ctx.add(Change(rule.code, "so_trang", "italic", str(first.italic.value).lower(),
                       str(params.italic.values[0]).lower(), "direct", paragraph.location))  # type: ignore[union-attr]  # as above
