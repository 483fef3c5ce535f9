"""OOXML vocabulary shared by the load modules: namespaces, qualified names, ST_OnOff and length parsing.

Knows nothing about documents; every function is a pure conversion of an attribute string.
"""
from __future__ import annotations

import math
import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS: dict[str, str] = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}

# ISO/IEC 29500 Strict names the same vocabulary with other URIs (corpus: pandoc__7691_strict.docx);
# rewriting them before parsing lets one code path read both.
STRICT_TO_TRANSITIONAL: tuple[tuple[bytes, bytes], ...] = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W_NS.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", NS["r"].encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main", NS["a"].encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", NS["wp"].encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", NS["ep"].encode()),
)

_QN_CACHE: dict[str, str] = {}


def qn(name: str) -> str:
    """Clark notation for a prefixed name: ``qn("w:b")`` → ``{…/main}b``."""
    got = _QN_CACHE.get(name)
    if got is None:
        prefix, local = name.split(":")
        got = _QN_CACHE[name] = f"{{{NS[prefix]}}}{local}"
    return got


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """``el.find(tag)`` for one plain tag, settled without a search when the first child has it.

    The schema puts an element's properties first (w:pPr in w:p), and for each paragraph a ``find``
    cost ~12 k instructions against ~2 k for this look at the first child (issue 16).
    """
    if len(el) == 0:
        return None
    first = el[0]
    return first if first.tag == tag else el.find(tag)


def local_name(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def wattr(el: etree._Element | None, name: str) -> str | None:
    """The value of attribute ``w:<name>`` (or an unqualified ``name``, as some producers write)."""
    if el is None:
        return None
    value = el.get(f"{{{W_NS}}}{name}")
    return el.get(name) if value is None else value


_TRUE = frozenset({"1", "true", "on"})
_FALSE = frozenset({"0", "false", "off", "none"})


def on_off(el: etree._Element | None) -> bool | None:
    """ST_OnOff of a toggle element: absent element → None, absent ``w:val`` → True (ECMA-376 §17.17.4)."""
    if el is None:
        return None
    value = wattr(el, "val")
    if value is None:
        return True
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def is_on(value: str | None) -> bool:
    """An ST_OnOff attribute value (``w:default="1"``, ``w:beforeAutospacing="on"``); absent → False."""
    return value is not None and value.strip().lower() in _TRUE


# ST_DecimalNumber and the measures built on it are 32-bit; a value outside that range (or "1e309",
# "nan") is garbage that Word would not lay out, so it reads as absent (tests/load/test_damaged_xml.py).
INT_LIMIT = 2**31


def finite_int(number: float) -> int | None:
    """``round(number)`` when it is a finite 32-bit value, else None (never OverflowError/ValueError)."""
    if not math.isfinite(number) or abs(number) >= INT_LIMIT:
        return None
    return round(number)


def to_int(value: str | None) -> int | None:
    """A tolerant integer: "28", "28.0", " 28 " → 28; anything else (garbage, inf, nan, huge) → None."""
    if value is None:
        return None
    try:
        return finite_int(float(value.strip()))
    except ValueError:
        return None


EMU_PER_UNIT: dict[str, float] = {
    "emu": 1, "pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "pc": 152400, "px": 9525,
}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*([a-z]*)\s*$", re.IGNORECASE)


def length_emu(value: str | None, default_unit: str = "px") -> int | None:
    """A CSS/VML length ("150pt", "2.5cm", "96") in EMU; unitless numbers use ``default_unit``."""
    if not value:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None
    unit = (match.group(2) or default_unit).lower()
    factor = EMU_PER_UNIT.get(unit)
    return None if factor is None else finite_int(float(match.group(1)) * factor)


def universal_twips(value: str | None) -> int | None:
    """ST_TwipsMeasure / ST_SignedTwipsMeasure: an integer of twips, or a universal measure ("1.5cm", Strict)."""
    plain = to_int(value)
    if plain is not None or value is None:
        return plain
    emu = length_emu(value, default_unit="emu")
    return None if emu is None else finite_int(emu / 635)
