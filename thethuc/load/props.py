"""Read one ``w:rPr`` or ``w:pPr`` element into a flat map of attribute → (value, source).

One element, one layer: no inheritance here. Per-attribute keys are what makes the cascade merge
``rFonts``, ``spacing`` and ``ind`` attribute by attribute.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, cast

from lxml import etree

from thethuc.load.ooxml import W_NS, is_on, on_off, qn, to_int, universal_twips, wattr
from thethuc.load.theme import FontScheme
from thethuc.model import Border, TabStop

Props = dict[str, tuple[Any, str]]
Warn = Callable[[str], None]

TOGGLES: dict[str, str] = {"b": "bold", "i": "italic", "caps": "caps", "smallCaps": "small_caps",
                           "strike": "strike", "vanish": "hidden"}
FONT_SLOTS: tuple[tuple[str, str], ...] = (("ascii", "font_ascii"), ("hAnsi", "font_hansi"),
                                           ("eastAsia", "font_east_asia"), ("cs", "font_cs"))
_THEME_ATTRS: dict[str, tuple[str, ...]] = {"ascii": ("asciiTheme",), "hAnsi": ("hAnsiTheme",),
                                            "eastAsia": ("eastAsiaTheme",), "cs": ("cstheme", "csTheme")}
ALIGN: dict[str, str] = {
    "both": "justify", "justify": "justify", "left": "left", "start": "left", "right": "right",
    "end": "right", "center": "center", "distribute": "distribute", "thaiDistribute": "distribute",
    "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify",
}
_W = f"{{{W_NS}}}"
# ST_Underline (ECMA-376 §17.18.99); anything else is damage.
UNDERLINES = frozenset({
    "single", "words", "double", "thick", "dotted", "dottedHeavy", "dash", "dashedHeavy", "dashLong",
    "dashLongHeavy", "dotDash", "dashDotHeavy", "dotDotDash", "dashDotDotHeavy", "wave", "wavyHeavy",
    "wavyDouble", "none"})
_HEX_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")
AUTOSPACING_TWIPS = 280  # Word renders "auto" HTML spacing as 14 pt before/after
_JC, _IND, _SPACING, _PBDR, _TOP, _BOTTOM, _NUMPR, _TABS, _TAB = (
    qn(f"w:{n}") for n in ("jc", "ind", "spacing", "pBdr", "top", "bottom", "numPr", "tabs", "tab"))
_PPR_TOGGLES = tuple((qn(f"w:{tag}"), key) for tag, key in (
    ("keepNext", "keep_with_next"), ("pageBreakBefore", "page_break_before"), ("bidi", "bidi")))
# The children of a w:rPr / w:pPr that formatting reads: ``read_rpr``/``read_ppr`` skip every other
# child (so a property read without being listed here reads nothing and its own test fails), and
# the cascade's memo keys (``cascade.run_key``/``paragraph_key``) are built from these alone: a
# w:lang, w:szCs or w:sectPr cannot make two equal formattings miss each other. w:rStyle and
# w:pStyle are read by the cascade itself (the style levels).
RPR_READ = frozenset(f"{_W}{name}" for name in (*TOGGLES, "rFonts", "sz", "u", "vertAlign", "color", "rStyle"))
PPR_READ = frozenset({_JC, _IND, _SPACING, _PBDR, _NUMPR, _TABS, qn("w:pStyle"), *(tag for tag, _ in _PPR_TOGGLES)})


def read_rpr(rpr: etree._Element | None, source: str, theme: FontScheme, warn: Warn) -> Props:
    """Run properties set by this one element (ECMA-376 §17.3.2); one pass over its children."""
    props: Props = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = child.tag
        if tag not in RPR_READ:
            continue
        name = tag[len(_W):]
        if name in TOGGLES:
            value = on_off(child)
            if value is not None:
                props[TOGGLES[name]] = (value, source)
        elif name == "rFonts":
            _read_fonts(child, source, theme, warn, props)
        elif name == "sz":
            size = _half_points(wattr(child, "val"), warn)
            if size is not None:
                props["size"] = (size, source)
        elif name == "u":
            kind = wattr(child, "val") or "single"
            if kind in UNDERLINES:
                props["underline"] = (kind, source)
            else:  # garbage reads as absent, not as an underline (tests/load/test_damaged_xml.py)
                warn(f"ignored unknown underline w:u={kind!r}")
        elif name == "vertAlign":
            props["vert_align"] = (wattr(child, "val") or "baseline", source)
        elif name == "color" and (color := wattr(child, "val")):
            if color.lower() == "auto" or _HEX_COLOUR.match(color):
                props["color"] = ("auto" if color.lower() == "auto" else color.upper(), source)
            else:
                warn(f"ignored unknown colour w:color={color!r}")
    return props


def _read_fonts(fonts: etree._Element | None, source: str, theme: FontScheme, warn: Warn,
                props: Props) -> None:
    if fonts is None:
        return
    # lxml gives str names and values (the stubs allow bytes too)
    attrs = {name.rsplit("}", 1)[-1]: value for name, value in cast("Mapping[str, str]", fonts.attrib).items()}
    for attr, key in FONT_SLOTS:
        token = next((attrs[name] for name in _THEME_ATTRS[attr] if attrs.get(name)), None)
        if token:
            # The theme attribute beats a literal on the same element, as Word renders it
            # (python-docx #1089; test_theme_attribute_beats_literal).
            face = theme.resolve(token)
            if face is None:
                warn(f"unresolved theme font {token}")
            props[key] = (face, f"{source}/theme:{token}")
        elif attrs.get(attr):
            props[key] = (attrs[attr], source)


def _half_points(value: str | None, warn: Warn) -> int | None:
    if value is None:
        return None
    number = to_int(value)
    if number is None and value.strip().lower().endswith("pt"):
        number = to_int(value.strip()[:-2])
        number = None if number is None else number * 2
    if number is None or number <= 0:
        warn(f"ignored font size w:sz={value!r}")
        return None
    return number


def read_ppr(ppr: etree._Element | None, source: str, warn: Warn) -> Props:
    """Paragraph properties set by this one element (ECMA-376 §17.3.1)."""
    props: Props = {}
    if ppr is None:
        return props
    # One pass over the children; the first of a repeated child wins, as ``find`` would pick it.
    first: dict[Any, etree._Element] = {}
    for child in ppr:
        if child.tag in PPR_READ:
            first.setdefault(child.tag, child)
    jc = wattr(first.get(_JC), "val")
    if jc:
        if jc in ALIGN:
            props["align"] = (ALIGN[jc], source)
        else:  # garbage reads as absent: the style's alignment stands (tests/load/test_damaged_xml.py)
            warn(f"ignored unknown alignment w:jc={jc!r}")
    _read_ind(first.get(_IND), source, props, warn)
    _read_spacing(first.get(_SPACING), source, props, warn)
    borders = first.get(_PBDR)
    if borders is not None:
        for side, tag in (("top", _TOP), ("bottom", _BOTTOM)):
            el = borders.find(tag)
            if el is not None:
                props[f"border_{side}"] = (_border(el), source)
    for tag, key in _PPR_TOGGLES:
        value = on_off(first.get(tag))
        if value is not None:
            props[key] = (value, source)
    _read_numpr(first.get(_NUMPR), source, props, warn)
    tabs = first.get(_TABS)
    if tabs is not None:
        props["tabs"] = (tuple(_tab(t) for t in tabs.findall(_TAB)), source)
    return props


def _measure(el: etree._Element, name: str, warn: Warn, read: Callable[[str | None], int | None] = universal_twips,
             ) -> int | None:
    """One measure attribute; garbage ("abc", "1e309") reads as absent and is noted for ``inspect``."""
    raw = wattr(el, name)
    value = read(raw)
    if raw is not None and value is None:
        warn(f"ignored garbage value w:{el.tag.rsplit('}', 1)[-1]}/@w:{name}={raw!r}")
    return value


def _read_ind(ind: etree._Element | None, source: str, props: Props, warn: Warn) -> None:
    if ind is None:
        return
    for key, names in (("indent_left", ("start", "left")), ("indent_right", ("end", "right"))):
        value = next((_measure(ind, n, warn) for n in names if wattr(ind, n) is not None), None)
        if value is not None:
            props[key] = (value, source)
    hanging, first = _measure(ind, "hanging", warn), _measure(ind, "firstLine", warn)
    # hanging wins over firstLine when both are written (ECMA-376 §17.3.1.12).
    if hanging is not None:
        props["indent_first"] = (-hanging, source)
    elif first is not None:
        props["indent_first"] = (first, source)


def _read_spacing(spacing: etree._Element | None, source: str, props: Props, warn: Warn) -> None:
    if spacing is None:
        return
    for side in ("before", "after"):
        if is_on(wattr(spacing, f"{side}Autospacing")):
            props[f"space_{side}"] = (AUTOSPACING_TWIPS, source)
        elif (value := _measure(spacing, side, warn)) is not None:
            props[f"space_{side}"] = (value, source)
    line = _measure(spacing, "line", warn)  # ST_SignedTwipsMeasure: "12.95pt" in Strict files
    if line is not None:
        props["line_value"] = (line, source)
    rule = wattr(spacing, "lineRule")
    if rule:
        props["line_rule"] = (rule if rule in ("auto", "exact", "atLeast") else "auto", source)


def _border(el: etree._Element) -> Border | None:
    style = wattr(el, "val") or "single"
    if style in ("nil", "none"):
        return None
    return Border(style, to_int(wattr(el, "sz")) or 0, (wattr(el, "color") or "auto").upper().replace("AUTO", "auto"))


def _tab(el: etree._Element) -> TabStop:
    return TabStop(wattr(el, "val") or "left", universal_twips(wattr(el, "pos")) or 0)


def _read_numpr(numpr: etree._Element | None, source: str, props: Props, warn: Warn) -> None:
    if numpr is None:
        return
    num_id = wattr(numpr.find(qn("w:numId")), "val")
    ilvl = numpr.find(qn("w:ilvl"))
    level = _measure(ilvl, "val", warn, to_int) if ilvl is not None else None
    if num_id is not None:
        props["num_id"] = (num_id.strip(), source)
    if level is not None:
        props["num_level"] = (max(0, min(level, 8)), source)
