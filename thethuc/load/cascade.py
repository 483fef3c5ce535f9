"""Effective paragraph and run formatting with provenance, resolved the way Word renders it.

Layers, lowest first: docDefaults → table style (+ conditional branches) → paragraph style chain →
numbering level → character style chain → direct. Attributes merge one by one; toggles follow
ECMA-376 §17.7.3 as measured by docx-plus (see docs linter-anchors.md §8.2).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from thethuc.load.numbering import Numbering
from thethuc.load.ooxml import qn, wattr
from thethuc.load.props import TOGGLES, Props, read_ppr, read_rpr
from thethuc.load.styles import StyleIndex
from thethuc.load.tables import TableContext
from thethuc.load.theme import FontScheme
from thethuc.model import ParagraphFormat, Sourced, TabStop

DEFAULT_FONT = "Times New Roman"
DEFAULT_SIZE_HALF_PT = 20  # Word's 10 pt when neither docDefaults nor a style sets w:sz
_RUN_FALLBACK: dict[str, Any] = {
    "font_ascii": DEFAULT_FONT, "font_hansi": DEFAULT_FONT, "font_east_asia": DEFAULT_FONT,
    "font_cs": DEFAULT_FONT, "size": DEFAULT_SIZE_HALF_PT, "underline": "none", "color": "auto",
    **{key: False for key in TOGGLES.values()},
}
_RUN_FIELDS = {"font_ascii": "font_ascii", "font_hansi": "font_hansi", "font_east_asia": "font_east_asia",
               "font_cs": "font_cs", "size": "size_half_pt", "bold": "bold", "italic": "italic",
               "underline": "underline", "caps": "caps", "small_caps": "small_caps", "strike": "strike",
               "hidden": "hidden", "color": "color"}
_TOGGLE_KEYS = frozenset(TOGGLES.values())
_PARA_FALLBACK: dict[str, Any] = {
    "align": "left", "indent_left": 0, "indent_right": 0, "indent_first": 0, "space_before": 0,
    "space_after": 0, "line_rule": "auto", "line_value": 240, "border_top": None, "border_bottom": None,
}
RunFormat = dict[str, Sourced[Any]]
RunValues = tuple[Sourced[Any], ...]  # in model.Run field order, after ``text``


def element_key(el: etree._Element | None) -> bytes | None:
    """A hashable stand-in for a property element: equal bytes mean equal properties.

    Serialising in C is cheaper than reading the element in Python, and documents repeat the
    same few ``w:rPr``/``w:pPr`` thousands of times (benchmarks/README.md).
    """
    return None if el is None else etree.tostring(el, with_tail=False)


@dataclass(frozen=True, slots=True)
class ParagraphResult:
    fmt: ParagraphFormat
    numbering: tuple[str, int] | None  # (numId, ilvl) when a list level applies


def _merge(*layers: Props) -> Props:
    merged: Props = {}
    for layer in layers:
        merged.update(layer)
    return merged


class Resolver:
    """Resolves formatting for one document; caches the flattened style levels."""

    def __init__(self, styles: StyleIndex, theme: FontScheme, numbering: Numbering) -> None:
        self.styles = styles
        self.theme = theme
        self.numbering = numbering
        self.warnings: list[str] = []
        self._cache: dict[tuple[str, Any], Props] = {}
        # Identical direct formatting is the rule, not the exception: each distinct key is resolved
        # once per document. Warnings stay in first-occurrence order because a repeated key can
        # only repeat warnings already given.
        self._runs: dict[tuple[Any, ...], RunValues] = {}
        self._paras: dict[tuple[Any, ...], ParagraphResult] = {}
        self._defaults_rpr = read_rpr(styles.default_rpr, "docDefaults", theme, self.warn)
        self._defaults_ppr = read_ppr(styles.default_ppr, "docDefaults", self.warn)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # ------------------------------------------------------------------ style levels

    def paragraph_style_id(self, ppr: etree._Element | None) -> str | None:
        """pStyle, or the default paragraph style when it is absent or dangling (dangling warns)."""
        wanted = wattr(ppr.find(qn("w:pStyle")), "val") if ppr is not None else None
        if wanted and self.styles.get(wanted, "paragraph") is None:
            self.warn(f"dangling paragraph style {wanted!r} read as the default paragraph style")
            wanted = None
        return wanted or self.styles.default_paragraph

    def _style_level(self, kind: str, style_id: str | None, element: str) -> Props:
        key = (f"{kind}/{element}", style_id)
        if key not in self._cache:
            layers = []
            for style in self.styles.chain(style_id, kind):
                raw = style.rpr if element == "rpr" else style.ppr
                source = f"style:{style.name}"
                layers.append(read_rpr(raw, source, self.theme, self.warn) if element == "rpr"
                              else read_ppr(raw, source, self.warn))
            self._cache[key] = _merge(*layers)
        return self._cache[key]

    def _table_level(self, ctx: TableContext | None, element: str) -> Props:
        if ctx is None or ctx.style_id is None:
            return {}
        key = (f"table/{element}", ctx)
        if key not in self._cache:
            chain = self.styles.chain(ctx.style_id, "table")
            layers: list[Props] = []
            # Each branch is merged over the whole basedOn chain before the next branch applies.
            for branch in ctx.branches:
                for style in chain:
                    source = f"table-style:{style.name}"
                    if branch == "wholeTable":
                        ppr, rpr = style.ppr, style.rpr
                    else:
                        ppr, rpr = (style.conditional.get(branch) or (None, None, None))[:2]
                    layers.append(read_rpr(rpr, source, self.theme, self.warn) if element == "rpr"
                                  else read_ppr(ppr, source, self.warn))
            self._cache[key] = _merge(*layers)
        return self._cache[key]

    def _char_level(self, rpr: etree._Element | None) -> Props:
        wanted = wattr(rpr.find(qn("w:rStyle")), "val") if rpr is not None else None
        if wanted and self.styles.get(wanted, "character") is None:
            self.warn(f"dangling character style {wanted!r} ignored")
            return {}
        return self._style_level("character", wanted, "rpr") if wanted else {}

    # ------------------------------------------------------------------ runs

    def run_format(self, rpr: etree._Element | None, para_style: str | None,
                   table: TableContext | None) -> RunFormat:
        """Effective character formatting of a run (or a paragraph mark) with its ``rPr``."""
        return dict(zip(_RUN_FIELDS.values(), self.run_values(rpr, para_style, table)))

    def run_values(self, rpr: etree._Element | None, para_style: str | None,
                   table: TableContext | None) -> RunValues:
        """``run_format`` as a tuple in ``model.Run`` field order, shared by every identical run."""
        key = (element_key(rpr), para_style, table)
        cached = self._runs.get(key)
        if cached is None:
            direct = read_rpr(rpr, "direct", self.theme, self.warn)
            cached = self._runs[key] = tuple(self._run_format(direct, rpr, para_style, table).values())
        return cached

    def _run_format(self, direct: Props, rpr: etree._Element | None, para_style: str | None,
                    table: TableContext | None) -> RunFormat:
        levels = (self._table_level(table, "rpr"), self._style_level("paragraph", para_style, "rpr"),
                  self._char_level(rpr))
        merged = _merge(self._defaults_rpr, *levels, direct)
        result: RunFormat = {}
        for key, field in _RUN_FIELDS.items():
            if key in _TOGGLE_KEYS and key not in direct:
                value, source = self._toggle(key, levels)
            elif key in merged:
                value, source = merged[key]
            else:
                value, source = _RUN_FALLBACK[key], "default"
            result[field] = Sourced(value, source)
        return result

    def _toggle(self, key: str, levels: tuple[Props, ...]) -> tuple[bool, str]:
        """Start from docDefaults and flip once per style level whose flattened value differs from it."""
        base, source = self._defaults_rpr.get(key, (False, "default"))
        value = bool(base)
        for level in levels:
            if key in level and bool(level[key][0]) != bool(base):
                value, source = not value, level[key][1]
        return value, source

    # ------------------------------------------------------------------ paragraphs

    def paragraph_format(self, ppr: etree._Element | None, table: TableContext | None,
                         ppr_key: bytes | None = None) -> ParagraphResult:
        """Effective paragraph formatting; one resolution per distinct (pPr, table cell) in a document.

        ``ppr_key`` is ``element_key(ppr)`` when the caller already has it.
        """
        key = (ppr_key if ppr_key is not None else element_key(ppr), table)
        cached = self._paras.get(key)
        if cached is None:
            cached = self._paras[key] = self._paragraph_format(ppr, table)
        return cached

    def _paragraph_format(self, ppr: etree._Element | None, table: TableContext | None) -> ParagraphResult:
        style_id = self.paragraph_style_id(ppr)
        lower = (self._defaults_ppr, self._table_level(table, "ppr"),
                 self._style_level("paragraph", style_id, "ppr"))
        direct = read_ppr(ppr, "direct", self.warn)
        merged = _merge(*lower, direct)
        numbering = self._numbering_of(merged)
        level = self.numbering.level(*numbering) if numbering else None
        num_layer = read_ppr(level.ppr, "numbering", self.warn) if level else {}
        num_layer = {k: v for k, v in num_layer.items() if k.startswith("indent") or k == "tabs"}
        layers = (*lower, num_layer, direct)
        merged = _merge(*layers)
        values = {key: Sourced(*merged.get(key, (fallback, "default"))) for key, fallback in _PARA_FALLBACK.items()}
        fmt = ParagraphFormat(
            style_id=style_id, style_name=self.styles.name_of(style_id),
            align=values["align"], indent_left_twips=values["indent_left"],
            indent_right_twips=values["indent_right"], indent_first_line_twips=values["indent_first"],
            space_before_twips=values["space_before"], space_after_twips=values["space_after"],
            line_rule=values["line_rule"], line_value=values["line_value"],
            border_top=values["border_top"], border_bottom=values["border_bottom"],
            tabs=_tabs(layers), keep_with_next=bool(merged.get("keep_with_next", (False, ""))[0]),
            page_break_before=bool(merged.get("page_break_before", (False, ""))[0]),
        )
        return ParagraphResult(fmt, numbering if level else None)

    def _numbering_of(self, merged: Props) -> tuple[str, int] | None:
        num_id = merged.get("num_id", (None, ""))[0]
        if not num_id or num_id == "0":  # numId 0 removes numbering inherited from a style
            return None
        return num_id, int(merged.get("num_level", (0, ""))[0])


def _tabs(layers: tuple[Props, ...]) -> tuple[TabStop, ...]:
    """Tab stops accumulate down the layers; a ``clear`` stop removes the one at its position."""
    stops: dict[int, TabStop] = {}
    for layer in layers:
        for tab in layer.get("tabs", ((), ""))[0]:
            if tab.kind == "clear":
                stops.pop(tab.pos_twips, None)
            else:
                stops[tab.pos_twips] = tab
    return tuple(stops[pos] for pos in sorted(stops))
