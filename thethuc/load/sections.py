"""Section properties (``w:sectPr``, ECMA-376 §17.6): page, margins, title page, header/footer refs.

A section without its own reference of a type inherits the previous section's (§17.10.5).
"""
from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from thethuc.load.ooxml import NS, is_on, local_name, qn, universal_twips, wattr
from thethuc.load.package import Rel
from thethuc.model import Section

Warn = Callable[[str], None]

# Word's own values when a sectPr (or the whole element) is missing: US Letter, 1" margins.
_WORD_PAGE = {"w": 12240, "h": 15840}
_WORD_MARGINS = {"top": 1440, "bottom": 1440, "left": 1440, "right": 1440, "gutter": 0,
                 "header": 720, "footer": 720}
_REF_TYPES = ("default", "first", "even")


def _measure(el: etree._Element | None, name: str, fallback: int, warn: Warn, positive: bool = False) -> int:
    """A page measure; garbage, or a page side that is not positive, reads as Word's own default."""
    raw = wattr(el, name) if el is not None else None
    value = universal_twips(raw)
    if value is not None and (value > 0 or not positive):
        return value
    if raw is not None:
        warn(f"ignored garbage value w:{local_name(el)}/@w:{name}={raw!r}")  # type: ignore[arg-type]  # raw is only set when el is
    return fallback


def _no_warn(message: str) -> None:
    del message


def _refs(sect_pr: etree._Element | None, tag: str, rels: dict[str, Rel]) -> dict[str, str]:
    found: dict[str, str] = {}
    if sect_pr is None:
        return found
    for ref in sect_pr.findall(qn(f"w:{tag}")):
        rel = rels.get(ref.get(f"{{{NS['r']}}}id") or "")
        if rel is not None and rel.target:
            found.setdefault(wattr(ref, "type") or "default", rel.target)
    return found


def build_section(index: int, sect_pr: etree._Element | None, first_paragraph: int,
                  rels: dict[str, Rel], previous: Section | None, warn: Warn = _no_warn) -> Section:
    """One Section; ``previous`` supplies inherited header/footer references."""
    size = sect_pr.find(qn("w:pgSz")) if sect_pr is not None else None
    margins = sect_pr.find(qn("w:pgMar")) if sect_pr is not None else None
    width = _measure(size, "w", _WORD_PAGE["w"], warn, positive=True)
    height = _measure(size, "h", _WORD_PAGE["h"], warn, positive=True)
    orient = wattr(size, "orient")
    landscape = orient == "landscape" if orient in ("landscape", "portrait") else width > height
    m = {key: _measure(margins, key, fallback, warn) for key, fallback in _WORD_MARGINS.items()}
    title_pg = sect_pr.find(qn("w:titlePg")) if sect_pr is not None else None
    kind = sect_pr.find(qn("w:type")) if sect_pr is not None else None
    return Section(
        index=index, page_width_twips=width, page_height_twips=height,
        orientation="landscape" if landscape else "portrait",
        margin_top_twips=m["top"], margin_bottom_twips=m["bottom"], margin_left_twips=m["left"],
        margin_right_twips=m["right"], gutter_twips=m["gutter"], header_distance_twips=m["header"],
        footer_distance_twips=m["footer"],
        title_page=title_pg is not None and (wattr(title_pg, "val") is None or is_on(wattr(title_pg, "val"))),
        headers=_inherit(_refs(sect_pr, "headerReference", rels), previous.headers if previous else ()),
        footers=_inherit(_refs(sect_pr, "footerReference", rels), previous.footers if previous else ()),
        first_paragraph=first_paragraph,
        new_page=wattr(kind, "val") != "continuous",
    )


def _inherit(own: dict[str, str], inherited: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    merged = dict(inherited) | own
    return tuple((kind, merged[kind]) for kind in _REF_TYPES if kind in merged)
