"""Where a property is changed: in the style or document default it comes from, or on the runs.

``Sourced.source`` (load stage) names the layer that gave each effective value. A fixer changes
that layer only when every paragraph taking the value from it is being fixed to the same value
(one change instead of a thousand runs, and nothing else moves); otherwise it writes direct
formatting on the paragraphs at fault. Table styles and numbering are never edited.
"""
from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from thethuc.fix import order
from thethuc.fix.package import EditablePackage
from thethuc.load.ooxml import W_NS, qn

_W = f"{{{W_NS}}}"
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


class Layers:
    """The styles part of one package, for changes made in a style or the document defaults."""

    def __init__(self, pkg: EditablePackage) -> None:
        self.pkg = pkg
        main = pkg.main_part()
        self.part = pkg.related(main, "styles")
        self.root = pkg.xml(self.part) if self.part else None

    def editable(self, source: str) -> bool:
        """Whether ``source`` is a layer this stage edits (a style or the document defaults)."""
        layer = base_layer(source)
        if self.root is None:
            return False
        if layer in ("docDefaults", "default"):
            return True
        return layer.startswith("style:") and self._style(layer[6:]) is not None

    def _style(self, name: str) -> etree._Element | None:
        assert self.root is not None
        by_id = None
        for style in self.root.findall(qn("w:style")):
            named = style.find(qn("w:name"))
            if named is not None and named.get(qn("w:val")) == name:
                return style
            if by_id is None and style.get(qn("w:styleId")) == name:
                by_id = style  # the loader falls back to the id when a style has no name
        return by_id

    def properties(self, source: str, kind: str) -> etree._Element:
        """The ``w:rPr`` (kind "rPr") or ``w:pPr`` of the layer ``source``, created when absent."""
        assert self.root is not None and self.part is not None
        layer = base_layer(source)
        self.pkg.touch(self.part)
        if layer.startswith("style:"):
            style = self._style(layer[6:])
            assert style is not None
            return order.ensure(style, kind)
        defaults = self.root.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = etree.Element(qn("w:docDefaults"))
            self.root.insert(0, defaults)
        holder = order.ensure(defaults, f"{kind}Default")
        return order.ensure(holder, kind)


def base_layer(source: str) -> str:
    """``style:Normal/theme:minorHAnsi`` → ``style:Normal``."""
    return source.split("/theme:", 1)[0]


def where_of(source: str) -> str:
    layer = base_layer(source)
    return "docDefaults" if layer == "default" else layer


def run_properties(run: etree._Element) -> etree._Element:
    return order.ensure(run, "rPr")


def paragraph_properties(p: etree._Element) -> etree._Element:
    return order.ensure(p, "pPr")


# ---------------------------------------------------------------- character properties


def set_toggle(rpr: etree._Element, name: str, on: bool) -> None:
    """``w:b``/``w:i``/``w:caps``: present for on, ``w:val="0"`` for off (an absent one would inherit)."""
    el = order.ensure(rpr, name)
    for attr in list(el.attrib):
        del el.attrib[attr]
    if not on:
        el.set(qn("w:val"), "0")


def set_size(rpr: etree._Element, half_points: int) -> None:
    order.ensure(rpr, "sz").set(qn("w:val"), str(half_points))
    cs = rpr.find(qn("w:szCs"))
    if cs is not None:  # keep the complex-script size in step where the document states one
        cs.set(qn("w:val"), str(half_points))


def set_underline(rpr: etree._Element, on: bool) -> None:
    el = order.ensure(rpr, "u")
    el.set(qn("w:val"), "single" if on else "none")


def set_color(rpr: etree._Element, value: str) -> None:
    el = order.ensure(rpr, "color")
    for attr in list(el.attrib):  # a theme colour would win over the value
        del el.attrib[attr]
    el.set(qn("w:val"), value)


def set_fonts(rpr: etree._Element, font: str, keep: Callable[[str], bool] = lambda _name: False) -> None:
    """Every slot to ``font``; theme references dropped (Word prefers them over the names).
    A slot whose font ``keep`` accepts stays (a legacy font: its text must be converted first)."""
    el = order.ensure(rpr, "rFonts")
    for slot in SLOTS:
        if keep(el.get(qn(f"w:{slot}")) or ""):
            continue
        el.set(qn(f"w:{slot}"), font)
        theme = qn(f"w:{slot}Theme")
        if theme in el.attrib:
            del el.attrib[theme]


# ---------------------------------------------------------------- paragraph properties

_JC = {"justify": "both", "left": "left", "center": "center", "right": "right", "distribute": "distribute"}


def set_align(ppr: etree._Element, align: str) -> None:
    order.ensure(ppr, "jc").set(qn("w:val"), _JC[align])


def set_first_line(ppr: etree._Element, twips: int) -> None:
    ind = order.ensure(ppr, "ind")
    for attr in ("hanging", "hangingChars", "firstLineChars"):
        if qn(f"w:{attr}") in ind.attrib:
            del ind.attrib[qn(f"w:{attr}")]
    ind.set(qn("w:firstLine"), str(twips))


def set_spacing(ppr: etree._Element, **values: str) -> None:
    spacing = order.ensure(ppr, "spacing")
    for key, value in values.items():
        spacing.set(qn(f"w:{key}"), value)
        # "beforeLines"/"afterLines" and auto-spacing override the twips: drop them with the value.
        for shadow in (f"{key}Lines", f"{key}Autospacing"):
            if qn(f"w:{shadow}") in spacing.attrib:
                del spacing.attrib[qn(f"w:{shadow}")]
