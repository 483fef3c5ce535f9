"""WordprocessingML fragments for the document factory: formatting diffs, runs, drawn lines, fields.

Formatting is written as a *difference* from the style a paragraph uses, as Word does, so the
files exercise the style cascade instead of repeating every property on every run.
"""
from __future__ import annotations

from thethuc.records import dataclass


@dataclass(frozen=True)
class RunFmt:
    """Effective character formatting wanted for an element (sizes in half-points)."""

    size: int = 28
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str = "auto"
    font: str | None = None  # None: whatever the style chain gives (theme Times New Roman)


@dataclass(frozen=True)
class ParaFmt:
    """Effective paragraph formatting wanted for an element (lengths in twips)."""

    align: str = "both"
    first_line: int = 567
    left: int = 0
    before: int = 120
    after: int = 0
    line: int = 340
    line_rule: str = "exact"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _toggle(tag: str, want: bool, base: bool) -> str:
    if want == base:
        return ""
    return f"<w:{tag}/><w:{tag}Cs/>" if want else f'<w:{tag} w:val="0"/><w:{tag}Cs w:val="0"/>'


def rpr_diff(want: RunFmt, base: RunFmt, *, force_font: bool = False, force_size: bool = False) -> str:
    """The rPr children that turn ``base`` into ``want``, in schema order."""
    parts: list[str] = []
    font = want.font if want.font is not None else ("Times New Roman" if force_font else None)
    if font is not None and (force_font or font != base.font):
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
    parts.append(_toggle("b", want.bold, base.bold))
    parts.append(_toggle("i", want.italic, base.italic))
    if want.color != base.color:
        parts.append(f'<w:color w:val="{want.color}"/>')
    if force_size or want.size != base.size:
        parts.append(f'<w:sz w:val="{want.size}"/><w:szCs w:val="{want.size}"/>')
    if want.underline != base.underline:
        parts.append('<w:u w:val="single"/>' if want.underline else '<w:u w:val="none"/>')
    return "".join(parts)


def ppr_diff(want: ParaFmt, base: ParaFmt) -> str:
    """The pPr children (without pStyle) that turn ``base`` into ``want``, in schema order."""
    spacing = []
    if want.before != base.before:
        spacing.append(f'w:before="{want.before}"')
    if want.after != base.after:
        spacing.append(f'w:after="{want.after}"')
    if (want.line, want.line_rule) != (base.line, base.line_rule):
        spacing.append(f'w:line="{want.line}" w:lineRule="{want.line_rule}"')
    ind = []
    if want.left != base.left:
        ind.append(f'w:left="{want.left}"')
    if want.first_line != base.first_line:
        ind.append(f'w:firstLine="{want.first_line}"' if want.first_line >= 0
                   else f'w:hanging="{-want.first_line}"')
    out = f"<w:spacing {' '.join(spacing)}/>" if spacing else ""
    out += f"<w:ind {' '.join(ind)}/>" if ind else ""
    if want.align != base.align:
        out += f'<w:jc w:val="{want.align}"/>'
    return out


def run(text: str, rpr: str = "") -> str:
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def paragraph(content: str, style: str | None = None, ppr: str = "", mark_rpr: str = "") -> str:
    inner = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    inner += f"<w:rPr>{mark_rpr}</w:rPr>" if mark_rpr else ""
    return f"<w:p><w:pPr>{inner}</w:pPr>{content}</w:p>" if inner else f"<w:p>{content}</w:p>"


def page_field(rpr: str = "") -> str:
    """A PAGE complex field as Word inserts it (Insert ▸ Page Number), showing "2"."""
    r = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
            f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{r}<w:t>2</w:t></w:r><w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>')


def drawn_line(shape_id: int, width_emu: int, offset_x_emu: int, offset_y_emu: int = 0) -> str:
    """A horizontal line shape the way Word 2010+ saves Insert ▸ Shapes ▸ Line.

    DrawingML ``wps:wsp`` with ``prstGeom prst="line"`` inside ``mc:AlternateContent``, and the
    VML ``v:line`` fallback that older readers (and LibreOffice) understand.
    """
    return ("<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
            f'relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset_x_emu}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset_y_emu}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{width_emu}" cy="0"/><wp:effectExtent l="0" t="0" r="19050" b="19050"/>'
            f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="Straight Connector {shape_id}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width_emu}" cy="0"/></a:xfrm>'
            '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/>'
            '</a:solidFill></a:ln></wps:spPr><wps:style><a:lnRef idx="1"><a:schemeClr val="dk1"/></a:lnRef>'
            '<a:fillRef idx="0"><a:schemeClr val="dk1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="dk1"/>'
            '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></wps:style><wps:bodyPr/>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            f"{vml_line(shape_id, width_emu, offset_x_emu, offset_y_emu)}</w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def vml_line(shape_id: int, width_emu: int, offset_x_emu: int, offset_y_emu: int = 0) -> str:
    x1, y = offset_x_emu / 12700, offset_y_emu / 12700
    x2 = x1 + width_emu / 12700
    return (f'<v:line id="Line {shape_id}" o:spid="_x0000_s{1025 + shape_id}" '
            'style="position:absolute;z-index:251659264;mso-position-horizontal-relative:text;'
            f'mso-position-vertical-relative:text" from="{x1:.2f}pt,{y:.2f}pt" to="{x2:.2f}pt,{y:.2f}pt" '
            'strokeweight=".5pt"><v:stroke joinstyle="miter"/></v:line>')


def vml_line_run(shape_id: int, width_emu: int, offset_x_emu: int, offset_y_emu: int = 0) -> str:
    """A line as LibreOffice writes it when asked for VML only."""
    return f"<w:r><w:pict>{vml_line(shape_id, width_emu, offset_x_emu, offset_y_emu)}</w:pict></w:r>"


def borderless_table(widths: tuple[int, ...], rows: list[list[str]], indent: int = 0) -> str:
    """A table with Word's "Table Grid" style whose borders the drafter switched off.

    The style still carries single borders; the direct ``tblBorders`` of ``nil`` hides them,
    so a reader must apply direct table properties over the table style (see test_factory).
    """
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    head = (f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{indent}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>")
    body = ""
    for cells in rows:
        body += "<w:tr>" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content or "<w:p/>"}</w:tc>'
            for w, content in zip(widths, cells, strict=False)) + "</w:tr>"
    return f"<w:tbl>{head}{body}</w:tbl>"


