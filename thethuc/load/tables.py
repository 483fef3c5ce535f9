"""Tables read visually: rows through wrappers, cells at grid columns (gridBefore/gridSpan, vMerge),
which conditional table-style branches apply to a cell (``tblLook``), and the table's own facts.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field

from lxml import etree

from thethuc.load.ooxml import qn, to_int, wattr
from thethuc.load.styles import StyleIndex
from thethuc.records import dataclass

# Wrappers that may sit between w:tbl and w:tr, or between w:tr and w:tc.
_ROW_WRAPPERS = {qn("w:sdt"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
# Legacy tblLook hex bits (ECMA-376 2006 §2.4.51), still written by Word next to the attributes.
_LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
              "noHBand": 0x200, "noVBand": 0x400}
# Word applies conditional branches in this order, later ones winning (MS-OI29500 §2.1.167).
BRANCH_ORDER = ("wholeTable", "band1Vert", "band2Vert", "band1Horz", "band2Horz", "firstCol", "lastCol",
                "firstRow", "lastRow", "neCell", "nwCell", "seCell", "swCell")


@dataclass(frozen=True, slots=True)
class TableContext:
    """What the cascade needs to know about the innermost table around a paragraph."""

    style_id: str | None
    branches: tuple[str, ...]  # enabled tblStylePr types for the cell, in application order
    # Part of every cascade memo key of a paragraph or run in a cell: hashed once, not per lookup.
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.style_id, self.branches)))

    def __hash__(self) -> int:
        return self._hash


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _ROW_WRAPPERS:
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _children(content, tag)


def rows(tbl: etree._Element) -> list[etree._Element]:
    return list(_children(tbl, qn("w:tr")))


def _cell_span(tc: etree._Element) -> int:
    return max(1, to_int(wattr(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}"), "val")) or 1)


def is_merge_continuation(tc: etree._Element) -> bool:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and (wattr(merge, "val") or "continue") == "continue"


def visual_cells(tr: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """(grid column, w:tc) for each cell that starts content; vMerge continuations are skipped."""
    col = to_int(wattr(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), "val")) or 0
    for tc in _children(tr, qn("w:tc")):
        if not is_merge_continuation(tc):
            yield col, tc
        col += _cell_span(tc)


def grid_columns(tbl: etree._Element, table_rows: list[etree._Element]) -> int:
    grid = tbl.find(qn("w:tblGrid"))
    declared = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    widest = 0
    for tr in table_rows:
        start = to_int(wattr(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), "val")) or 0
        widest = max(widest, start + sum(_cell_span(tc) for tc in _children(tr, qn("w:tc"))))
    return max(declared, widest)


def look(tblpr: etree._Element | None) -> dict[str, bool]:
    """The table's tblLook switches (read once per table, not per cell)."""
    el = tblpr.find(qn("w:tblLook")) if tblpr is not None else None
    # No tblLook: no conditional formatting is switched on (ECMA-376 §17.4.56 defaults are off).
    if el is None:
        return {name: name.startswith("no") for name in _LOOK_BITS}
    bits = int(wattr(el, "val") or "0", 16) if _is_hex(wattr(el, "val")) else 0
    flags = {name: bool(bits & bit) for name, bit in _LOOK_BITS.items()}
    for name in _LOOK_BITS:
        value = wattr(el, name)
        if value is not None:
            flags[name] = value.strip().lower() in {"1", "true", "on"}
    return flags


def _is_hex(value: str | None) -> bool:
    if not value:
        return False
    return all(ch in "0123456789abcdefABCDEF" for ch in value)


def branches_for(tblpr: etree._Element | None, row: int, col: int, n_rows: int, n_cols: int) -> tuple[str, ...]:
    """Enabled conditional branches of the cell at (row, col), in application order."""
    return branches_on(look(tblpr), row, col, n_rows, n_cols)


def branches_on(look: dict[str, bool], row: int, col: int, n_rows: int, n_cols: int) -> tuple[str, ...]:
    """``branches_for`` with the table's ``look`` already read."""
    first_row, last_row = look["firstRow"] and row == 0, look["lastRow"] and row == n_rows - 1
    first_col, last_col = look["firstColumn"] and col == 0, look["lastColumn"] and col == n_cols - 1
    on = {"wholeTable": True, "firstRow": first_row, "lastRow": last_row, "firstCol": first_col,
          "lastCol": last_col, "nwCell": first_row and first_col, "neCell": first_row and last_col,
          "swCell": last_row and first_col, "seCell": last_row and last_col}
    if not look["noHBand"] and not (first_row or last_row):
        band = (row - (1 if look["firstRow"] else 0)) % 2
        on["band1Horz" if band == 0 else "band2Horz"] = True
    if not look["noVBand"] and not (first_col or last_col):
        band = (col - (1 if look["firstColumn"] else 0)) % 2
        on["band1Vert" if band == 0 else "band2Vert"] = True
    return tuple(name for name in BRANCH_ORDER if on.get(name))


def table_style_id(tblpr: etree._Element | None, styles: StyleIndex) -> str | None:
    """The tblStyle id, or the default table style when absent or dangling."""
    wanted = wattr(tblpr.find(qn("w:tblStyle")), "val") if tblpr is not None else None
    return wanted if styles.get(wanted, "table") else styles.default_table


def width_twips(tblpr: etree._Element | None) -> int | None:
    width = tblpr.find(qn("w:tblW")) if tblpr is not None else None
    if width is None or (wattr(width, "type") or "dxa") != "dxa":
        return None
    return to_int(wattr(width, "w"))


def _visible(borders: etree._Element | None) -> bool | None:
    """True/False when the element states any side, None when it says nothing."""
    if borders is None or len(borders) == 0:
        return None
    return any((wattr(side, "val") or "single") not in ("nil", "none") for side in borders)


def has_visible_borders(tbl: etree._Element, style_id: str | None, styles: StyleIndex) -> bool:
    tblpr = tbl.find(qn("w:tblPr"))
    direct = _visible(tblpr.find(qn("w:tblBorders")) if tblpr is not None else None)
    if direct is None:
        for style in reversed(styles.chain(style_id, "table")):
            direct = _visible(style.tblpr.find(qn("w:tblBorders")) if style.tblpr is not None else None)
            if direct is not None:
                break
    cell_borders = tbl.iterfind(f"{qn('w:tr')}/{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:tcBorders')}")
    return bool(direct) or any(_visible(b) for b in cell_borders)


def grid_widths(tbl: etree._Element) -> tuple[int, ...]:
    """The tblGrid column widths in twips (0 where a width is missing or garbage)."""
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return ()
    return tuple(max(0, to_int(wattr(col, "w")) or 0) for col in grid.findall(qn("w:gridCol")))


def cell_width(tc: etree._Element, column: int, grid: tuple[int, ...]) -> int | None:
    """The cell's width in twips: its own ``tcW`` when given in twips, else the grid columns it spans."""
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is not None and (wattr(width, "type") or "dxa") == "dxa":
        stated = to_int(wattr(width, "w"))
        if stated and stated > 0:
            return stated
    spanned = grid[column:column + _cell_span(tc)]
    return sum(spanned) or None


def cell_valign(tc: etree._Element) -> str:
    return wattr(tc.find(f"{qn('w:tcPr')}/{qn('w:vAlign')}"), "val") or "top"
