"""List numbering from ``word/numbering.xml``: levels per (numId, ilvl) and the labels Word would draw.

Counters live per numId in reading order; ``startOverride`` restarts them (ECMA-376 §17.9).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from thethuc.load.ooxml import qn, to_int, wattr
from thethuc.records import dataclass
from thethuc.textutil import int_to_roman

_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class Level:
    """One list level of ``word/numbering.xml`` (``w:lvl``): the number format and label text Word draws,
    the start value, and its paragraph properties (indents, tabs)."""

    num_fmt: str
    text: str
    start: int
    ppr: etree._Element | None
    legal: bool = False  # w:isLgl: show every level's number in decimal


class Numbering:
    """numId → list levels, overrides applied.

    A numbering part defines every level of every list Word ever offered in the template (nine per
    ``w:abstractNum``, dozens of them), while a document uses a few: a numId's levels are read the
    first time a paragraph asks for one (about 4 % of loading the real documents was reading
    levels nobody asked for). Shared by every document of a template, like its ``Memo``.
    """

    def __init__(self, abstract: dict[str | None, etree._Element] | None = None,
                 nums: dict[str | None, etree._Element] | None = None,
                 style_num_id: Callable[[str], str | None] | None = None) -> None:
        self._abstract = abstract or {}
        self._nums = nums or {}
        self._style_num_id = style_num_id
        self._resolved: dict[str, dict[int, Level]] = {}

    def level(self, num_id: str, ilvl: int) -> Level | None:
        levels = self._resolved.get(num_id)
        if levels is None:
            levels = self._resolved[num_id] = self._levels(num_id)
        return levels.get(ilvl)

    def _levels(self, num_id: str) -> dict[int, Level]:
        num = self._nums.get(num_id)
        if num is None:
            return {}
        levels = dict(self._abstract_levels(wattr(num.find(qn("w:abstractNumId")), "val")))
        for override in num.findall(qn("w:lvlOverride")):
            _apply_override(levels, override)
        return levels

    def _abstract_levels(self, abstract_id: str | None, depth: int = 0) -> dict[int, Level]:
        el = self._abstract.get(abstract_id)
        if el is None or depth > 4:
            return {}
        levels = _levels_of(el)
        link = wattr(el.find(qn("w:numStyleLink")), "val")
        linked_num = self._style_num_id(link) if link and not levels and self._style_num_id else None
        if linked_num and linked_num in self._nums:
            return self._abstract_levels(wattr(self._nums[linked_num].find(qn("w:abstractNumId")), "val"), depth + 1)
        return levels


def _level(el: etree._Element) -> Level:
    return Level(
        num_fmt=wattr(el.find(qn("w:numFmt")), "val") or "decimal",
        text=wattr(el.find(qn("w:lvlText")), "val") or "",
        start=_start(el),
        ppr=el.find(qn("w:pPr")),
        legal=el.find(qn("w:isLgl")) is not None,
    )


def _start(el: etree._Element) -> int:
    value = to_int(wattr(el.find(qn("w:start")), "val"))
    return 1 if value is None else value  # ECMA default start is 0, but Word writes w:start always


def _levels_of(container: etree._Element) -> dict[int, Level]:
    found: dict[int, Level] = {}
    for el in container.findall(qn("w:lvl")):
        ilvl = to_int(wattr(el, "ilvl"))
        if ilvl is not None and 0 <= ilvl <= 8:
            found[ilvl] = _level(el)
    return found


def parse_numbering(root: etree._Element | None, style_num_id: Callable[[str], str | None]) -> Numbering:
    """Index ``w:num`` instances; ``style_num_id`` maps a numbering style id to its numId (numStyleLink)."""
    if root is None:
        return Numbering()
    abstract = {wattr(el, "abstractNumId"): el for el in root.findall(qn("w:abstractNum"))}
    nums = {wattr(el, "numId"): el for el in root.findall(qn("w:num"))}
    return Numbering(abstract, nums, style_num_id)


def _apply_override(levels: dict[int, Level], override: etree._Element) -> None:
    ilvl = to_int(wattr(override, "ilvl"))
    if ilvl is None:
        return
    replacement = override.find(qn("w:lvl"))
    if replacement is not None:
        levels[ilvl] = _level(replacement)
    start = to_int(wattr(override.find(qn("w:startOverride")), "val"))
    if start is not None and ilvl in levels:
        old = levels[ilvl]
        levels[ilvl] = Level(old.num_fmt, old.text, start, old.ppr, old.legal)


def format_number(value: int, num_fmt: str) -> str:
    """One number in a list format (ST_NumberFormat); unknown formats fall back to decimal."""
    if num_fmt in ("upperRoman", "lowerRoman"):
        roman = int_to_roman(value)
        return roman if num_fmt == "upperRoman" else roman.lower()
    if num_fmt in ("upperLetter", "lowerLetter"):
        # Word repeats the letter after z: 27 → "aa", 28 → "bb".
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if num_fmt == "upperLetter" else letter
    if num_fmt == "decimalZero":
        return f"{value:02d}"
    if num_fmt == "none":
        return ""
    return str(value)


class Counters:
    """Per-numId counters advanced in reading order."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._values: dict[str, list[int | None]] = {}

    def label(self, num_id: str, ilvl: int) -> str:
        level = self._numbering.level(num_id, ilvl)
        if level is None:
            return ""
        values = self._values.setdefault(num_id, [None] * 9)
        current = values[ilvl]
        values[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            values[deeper] = None
        if level.num_fmt == "bullet":
            return level.text
        return _PLACEHOLDER.sub(lambda m: self._part(num_id, int(m.group(1)) - 1, level.legal), level.text)

    def _part(self, num_id: str, ilvl: int, legal: bool) -> str:
        level = self._numbering.level(num_id, ilvl)
        if level is None:
            return ""
        value = self._values[num_id][ilvl]
        number = level.start if value is None else value
        return format_number(number, "decimal" if legal else level.num_fmt)
