"""Line shapes drawn in a paragraph: DrawingML ``wps:wsp`` lines/connectors and VML ``v:line``/line shapes.

Only geometry is read (extent, stroke, dash, horizontal anchor); the caller picks one
``mc:AlternateContent`` branch so a line is never counted twice.
"""
from __future__ import annotations

import re

from lxml import etree

from thethuc.load.ooxml import NS, length_emu, local_name, qn, to_int
from thethuc.model import DrawnLine

_A, _WP, _WPS, _V, _O = NS["a"], NS["wp"], NS["wps"], NS["v"], NS["o"]
_STRAIGHT_CONNECTOR_TYPE = "#_x0000_t32"  # VML shapetype of Word's straight arrow connector
_QUARTER_TURN = 5_400_000  # a:xfrm/@rot is in 60000ths of a degree


def is_line_geometry(prst: str | None) -> bool:
    if not prst:
        return False
    return prst in ("line", "straightConnector1") or "Connector" in prst


def drawingml_lines(drawing: etree._Element) -> list[DrawnLine]:
    """Lines inside a ``w:drawing`` (``wp:inline``/``wp:anchor``), including those in shape groups."""
    found: list[DrawnLine] = []
    for frame in drawing:
        if local_name(frame) not in ("inline", "anchor"):
            continue
        extent = frame.find(f"{{{_WP}}}extent")
        offset, relative = _position(frame)
        shapes = list(frame.iter(f"{{{_WPS}}}wsp"))
        for shape in shapes:
            line = _wsp_line(shape, extent if len(shapes) == 1 else None, offset, relative)
            if line is not None:
                found.append(line)
    return found


def _position(frame: etree._Element) -> tuple[int | None, str | None]:
    pos = frame.find(f"{{{_WP}}}positionH")
    if pos is None:
        return None, None
    offset = pos.find(f"{{{_WP}}}posOffset")
    return (to_int(offset.text) if offset is not None else None), pos.get("relativeFrom")


def _wsp_line(shape: etree._Element, extent: etree._Element | None, offset: int | None,
              relative: str | None) -> DrawnLine | None:
    sppr = shape.find(f"{{{_WPS}}}spPr")
    geom = sppr.find(f"{{{_A}}}prstGeom") if sppr is not None else None
    if sppr is None or geom is None or not is_line_geometry(geom.get("prst")):
        return None
    xfrm = sppr.find(f"{{{_A}}}xfrm")
    size = extent if extent is not None else (xfrm.find(f"{{{_A}}}ext") if xfrm is not None else None)
    width = to_int(size.get("cx")) if size is not None else None
    height = to_int(size.get("cy")) if size is not None else None
    rotation = (to_int(xfrm.get("rot")) or 0) if xfrm is not None else 0
    if extent is None and rotation % (2 * _QUARTER_TURN) == _QUARTER_TURN:
        width, height = height, width  # group child drawn horizontal then turned upright
    ln = sppr.find(f"{{{_A}}}ln")
    dash = ln.find(f"{{{_A}}}prstDash") if ln is not None else None
    dashed = (dash is not None and dash.get("val", "solid") != "solid") or (
        ln is not None and ln.find(f"{{{_A}}}custDash") is not None)
    return DrawnLine(kind="drawingml", width_emu=width or 0, height_emu=height or 0,
                     stroke_emu=to_int(ln.get("w")) if ln is not None else None, dashed=dashed,
                     offset_x_emu=offset, relative_from=relative)


def vml_lines(pict: etree._Element) -> list[DrawnLine]:
    """Lines inside a ``w:pict`` (or an ``mc:Fallback``): ``v:line`` and straight-connector ``v:shape``."""
    found: list[DrawnLine] = []
    for el in pict.iter(f"{{{_V}}}line", f"{{{_V}}}shape"):
        line = _vml_line(el) if local_name(el) == "line" else _vml_shape_line(el)
        if line is not None:
            found.append(line)
    return found


def _point(value: str | None) -> tuple[int, int]:
    parts = (value or "0,0").split(",")
    x = length_emu(parts[0]) or 0
    y = length_emu(parts[1]) if len(parts) > 1 else 0
    return x, y or 0


def _style(el: etree._Element) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in (el.get("style") or "").split(";") if ":" in item)
    return {key.strip().lower(): value.strip() for key, value in pairs}


def _vml_line(el: etree._Element) -> DrawnLine:
    (x1, y1), (x2, y2) = _point(el.get("from")), _point(el.get("to"))
    return _vml(el, abs(x2 - x1), abs(y2 - y1))


def _vml_shape_line(el: etree._Element) -> DrawnLine | None:
    path = (el.get("path") or "").replace(" ", "").lower()
    is_line = (el.get(f"{{{_O}}}connectortype") is not None or el.get("type") == _STRAIGHT_CONNECTOR_TYPE
               or bool(re.fullmatch(r"m[-\d.,]+l[-\d.,]+[en]*", path)))
    if not is_line:
        return None
    style = _style(el)
    return _vml(el, length_emu(style.get("width")) or 0, length_emu(style.get("height")) or 0)


def _vml(el: etree._Element, width: int, height: int) -> DrawnLine:
    style = _style(el)
    stroke = el.find(f"{{{_V}}}stroke")
    dash = (stroke.get("dashstyle") if stroke is not None else None) or "solid"
    return DrawnLine(kind="vml", width_emu=width, height_emu=height,
                     stroke_emu=length_emu(el.get("strokeweight"), default_unit="pt"),
                     dashed=dash.lower() != "solid",
                     offset_x_emu=length_emu(style.get("margin-left")),
                     relative_from=style.get("mso-position-horizontal-relative"))


def text_boxes(el: etree._Element) -> list[etree._Element]:
    """Outermost ``w:txbxContent`` elements under a drawing or picture, in document order."""
    tag = qn("w:txbxContent")
    return [box for box in el.iter(tag) if _outermost_within(box, el, tag)]


def _outermost_within(box: etree._Element, top: etree._Element, tag: str) -> bool:
    for ancestor in box.iterancestors():
        if ancestor is top:
            return True
        if ancestor.tag == tag:
            return False
    return True
