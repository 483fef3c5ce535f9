"""Effective paragraph and run formatting with provenance, resolved the way Word renders it.

Layers, lowest first: docDefaults → table style (+ conditional branches) → paragraph style chain →
numbering level → character style chain → direct. Attributes merge one by one; toggles follow
ECMA-376 §17.7.3 as measured by docx-plus (see docs linter-anchors.md §8.2).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import Any, TypeVar

from lxml import etree

from thethuc.load.numbering import Numbering
from thethuc.load.ooxml import qn, wattr
from thethuc.load.props import PPR_READ, RPR_READ, TOGGLES, Props, read_ppr, read_rpr
from thethuc.load.styles import StyleIndex
from thethuc.load.tables import TableContext
from thethuc.load.theme import FontScheme
from thethuc.model import ParagraphFormat, Sourced, TabStop
from thethuc.records import dataclass

DEFAULT_FONT = "Times New Roman"
DEFAULT_SIZE_HALF_PT = 20  # Word's 10 pt when neither docDefaults nor a style sets w:sz
_RUN_FALLBACK: dict[str, Any] = {
    "font_ascii": DEFAULT_FONT, "font_hansi": DEFAULT_FONT, "font_east_asia": DEFAULT_FONT,
    "font_cs": DEFAULT_FONT, "size": DEFAULT_SIZE_HALF_PT, "underline": "none", "color": "auto",
    "vert_align": "baseline",
    **{key: False for key in TOGGLES.values()},
}
_RUN_FIELDS = {"font_ascii": "font_ascii", "font_hansi": "font_hansi", "font_east_asia": "font_east_asia",
               "font_cs": "font_cs", "size": "size_half_pt", "bold": "bold", "italic": "italic",
               "underline": "underline", "caps": "caps", "small_caps": "small_caps", "strike": "strike",
               "hidden": "hidden", "color": "color", "vert_align": "vert_align"}
_TOGGLE_KEYS = frozenset(TOGGLES.values())
_PARA_FALLBACK: dict[str, Any] = {
    "align": "left", "indent_left": 0, "indent_right": 0, "indent_first": 0, "space_before": 0,
    "space_after": 0, "line_rule": "auto", "line_value": 240, "border_top": None, "border_bottom": None,
}
RunFormat = dict[str, Sourced[Any]]
RunValues = tuple[Sourced[Any], ...]  # in model.Run field order, after ``text``


ElementKey = tuple[Any, ...]
_MARK_RPR = qn("w:rPr")


def run_key(rpr: etree._Element | None) -> ElementKey | None:
    """A hashable stand-in for a run's ``w:rPr``: equal keys mean equal effective formatting.

    The tag and attributes of each child that formatting reads (``props.RPR_READ``), in order;
    what those children hold and every other child (w:szCs, w:lang, w:bCs: half of a real rPr)
    are read by nothing. One key per run of the document (benchmarks/README.md, issue 16).
    None when nothing is read: such a run formats as one without an rPr.
    """
    if rpr is None:
        return None
    parts = []
    for child in rpr:
        tag = child.tag  # lxml builds the string on every access: once per child (~8 % of the key)
        if tag in RPR_READ:
            parts.append((tag, tuple(child.items())))
    return tuple(parts) or None


def paragraph_key(ppr: etree._Element | None) -> ElementKey | None:
    """``run_key`` for a ``w:pPr``, its paragraph mark's ``w:rPr`` included: the children formatting
    reads (``props.PPR_READ``) with their own children (the sides of w:pBdr, w:numPr's ids, the stops
    of w:tabs), and the mark's ``run_key``. A w:sectPr, w:widowControl or w:snapToGrid is not in it."""
    if ppr is None:
        return None
    parts: list[tuple[Any, ...]] = []
    for child in ppr:
        tag = child.tag
        if tag in PPR_READ:
            grandchildren = tuple([(grand.tag, tuple(grand.items())) for grand in child]) if len(child) else ()
            parts.append((tag, tuple(child.items()), grandchildren))
        elif tag == _MARK_RPR:
            parts.append((tag, run_key(child)))
    return tuple(parts) or None


@dataclass(frozen=True, slots=True)
class ParagraphResult:
    """A paragraph's resolved formatting, remembered per distinct pPr and table cell: its effective format
    and, when a list level applies, which one."""

    fmt: ParagraphFormat
    numbering: tuple[str, int] | None  # (numId, ilvl) when a list level applies


def _merge(*layers: Props) -> Props:
    merged: Props = {}
    for layer in layers:
        merged.update(layer)
    return merged


T = TypeVar("T")
Remembered = tuple[Any, tuple[str, ...]]  # a resolution and the warnings computing it gave


@dataclass(frozen=True, slots=True)
class Memo:
    """Resolutions that depend only on the styles, theme and numbering parts: shareable by every
    document of one template (``load.template``). Each entry keeps the warnings its computation
    gave, so a document that hits an entry another document computed still reports them."""

    levels: dict[tuple[str, Any], Remembered] = field(default_factory=dict)
    runs: dict[tuple[Any, ...], Remembered] = field(default_factory=dict)
    paras: dict[tuple[Any, ...], Remembered] = field(default_factory=dict)
    defaults: dict[str, Remembered] = field(default_factory=dict)


class Resolver:
    """Resolves formatting for one document; resolutions are remembered in a ``Memo``."""

    def __init__(self, styles: StyleIndex, theme: FontScheme, numbering: Numbering,
                 memo: Memo | None = None) -> None:
        self.styles = styles
        self.theme = theme
        self.numbering = numbering
        self.warnings: list[str] = []
        # Identical direct formatting is the rule, not the exception: each distinct key is resolved
        # once. Warnings stay in first-occurrence order because a hit replays its warnings where a
        # fresh computation would have given them.
        self.memo = memo if memo is not None else Memo()
        self._said: list[list[str]] = []  # warnings given by the computations in progress, innermost last
        self._defaults_rpr: Props = self._remember(
            self.memo.defaults, "rpr", lambda: read_rpr(styles.default_rpr, "docDefaults", theme, self.warn))
        self._defaults_ppr: Props = self._remember(
            self.memo.defaults, "ppr", lambda: read_ppr(styles.default_ppr, "docDefaults", self.warn))

    def warn(self, message: str) -> None:
        if self._said:
            self._said[-1].append(message)
        if message not in self.warnings:
            self.warnings.append(message)

    def _remember(self, table: dict[Any, Remembered], key: Any, compute: Callable[[], T]) -> T:
        hit = table.get(key)
        if hit is not None:
            for message in hit[1]:
                self.warn(message)
            remembered: T = hit[0]  # the table holds what ``compute`` gave for this key
            return remembered
        self._said.append([])
        try:
            value = compute()
        finally:
            said = tuple(self._said.pop())
        table[key] = (value, said)
        if self._said:
            self._said[-1].extend(said)
        return value

    # ------------------------------------------------------------------ style levels

    def paragraph_style_id(self, ppr: etree._Element | None) -> str | None:
        """pStyle, or the default paragraph style when it is absent or dangling (dangling warns)."""
        wanted = wattr(ppr.find(qn("w:pStyle")), "val") if ppr is not None else None
        if wanted and self.styles.get(wanted, "paragraph") is None:
            self.warn(f"dangling paragraph style {wanted!r} read as the default paragraph style")
            wanted = None
        return wanted or self.styles.default_paragraph

    def _style_level(self, kind: str, style_id: str | None, element: str) -> Props:
        return self._remember(self.memo.levels, (f"{kind}/{element}", style_id),
                              lambda: self._read_style_level(kind, style_id, element))

    def _read_style_level(self, kind: str, style_id: str | None, element: str) -> Props:
        layers = []
        for style in self.styles.chain(style_id, kind):
            raw = style.rpr if element == "rpr" else style.ppr
            source = f"style:{style.name}"
            layers.append(read_rpr(raw, source, self.theme, self.warn) if element == "rpr"
                          else read_ppr(raw, source, self.warn))
        return _merge(*layers)

    def _table_level(self, ctx: TableContext | None, element: str) -> Props:
        if ctx is None or ctx.style_id is None:
            return {}
        return self._remember(self.memo.levels, (f"table/{element}", ctx),
                              lambda: self._read_table_level(ctx, element))

    def _read_table_level(self, ctx: TableContext, element: str) -> Props:
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
        return _merge(*layers)

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
        return dict(zip(_RUN_FIELDS.values(), self.run_values(rpr, para_style, table), strict=True))

    def run_values(self, rpr: etree._Element | None, para_style: str | None,
                   table: TableContext | None) -> RunValues:
        """``run_format`` as a tuple in ``model.Run`` field order, shared by every identical run."""
        key = (run_key(rpr), para_style, table)
        hit = self.memo.runs.get(key)
        if hit is not None and not hit[1]:  # the common case, without the replay machinery
            values: RunValues = hit[0]
            return values
        return self._remember(self.memo.runs, key, lambda: tuple(self._run_format(
            read_rpr(rpr, "direct", self.theme, self.warn), rpr, para_style, table).values()))

    def _run_format(self, direct: Props, rpr: etree._Element | None, para_style: str | None,
                    table: TableContext | None) -> RunFormat:
        levels = (self._table_level(table, "rpr"), self._style_level("paragraph", para_style, "rpr"),
                  self._char_level(rpr))
        merged = _merge(self._defaults_rpr, *levels, direct)
        result: RunFormat = {}
        for key, run_field in _RUN_FIELDS.items():
            value: Any  # bool, str or float by the field (compiled with mypyc, a narrower type is checked)
            if key in _TOGGLE_KEYS and key not in direct:
                value, source = self._toggle(key, levels)
            elif key in merged:
                value, source = merged[key]
            else:
                value, source = _RUN_FALLBACK[key], "default"
            result[run_field] = Sourced(value, source)
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
                         ppr_key: ElementKey | None = None) -> ParagraphResult:
        """Effective paragraph formatting; one resolution per distinct (pPr, table cell) in a document.

        ``ppr_key`` is ``paragraph_key(ppr)`` when the caller already has it.
        """
        key = (ppr_key if ppr_key is not None else paragraph_key(ppr), table)
        hit = self.memo.paras.get(key)
        if hit is not None and not hit[1]:
            result: ParagraphResult = hit[0]
            return result
        return self._remember(self.memo.paras, key, lambda: self._paragraph_format(ppr, table))

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
