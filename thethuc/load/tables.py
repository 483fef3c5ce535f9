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


_TC, _TCPR, _GRID_SPAN, _VMERGE, _TCW, _VALIGN = (
    qn(f"w:{name}") for name in ("tc", "tcPr", "gridSpan", "vMerge", "tcW", "vAlign"))
_GRID_BEFORE = f"{qn('w:trPr')}/{qn('w:gridBefore')}"


class Cell:
    """One ``w:tc`` with what the walk needs of its ``w:tcPr``, read in one pass over it: the grid
    count, the cell walk and each paragraph's site used to look each fact up again (2–3 path
    searches per fact per cell). A plain slotted class: one per cell of every table."""

    __slots__ = ("continuation", "span", "stated_width", "tc", "valign")

    def __init__(self, tc: etree._Element) -> None:
        span: etree._Element | None = None
        merge: etree._Element | None = None
        width: etree._Element | None = None
        valign: etree._Element | None = None
        # The first of each property in document order, as ``tc.find("w:tcPr/w:gridSpan")`` finds it.
        for tcpr in tc.iterchildren(_TCPR):
            for child in tcpr:
                tag = child.tag
                if tag == _GRID_SPAN:
                    span = child if span is None else span
                elif tag == _VMERGE:
                    merge = child if merge is None else merge
                elif tag == _TCW:
                    width = child if width is None else width
                elif tag == _VALIGN:
                    valign = child if valign is None else valign
        self.tc = tc
        self.span: int = max(1, to_int(wattr(span, "val")) or 1)
        # A vMerge continuation starts no content: its paragraphs belong to the cell above.
        self.continuation: bool = merge is not None and (wattr(merge, "val") or "continue") == "continue"
        stated = to_int(wattr(width, "w")) if width is not None and (wattr(width, "type") or "dxa") == "dxa" else None
        self.stated_width: int | None = stated if stated and stated > 0 else None
        self.valign: str = wattr(valign, "val") or "top"


Row = tuple[int, list[Cell]]  # the grid columns skipped before the first cell (gridBefore), the cells


def row_cells(tr: etree._Element) -> Row:
    return to_int(wattr(tr.find(_GRID_BEFORE), "val")) or 0, [Cell(tc) for tc in _children(tr, _TC)]


def visual_cells(row: Row) -> Iterator[tuple[int, Cell]]:
    """(grid column, cell) for each cell that starts content; vMerge continuations are skipped."""
    col, cells = row
    for cell in cells:
        if not cell.continuation:
            yield col, cell
        col += cell.span


def grid_columns(tbl: etree._Element, table_rows: list[Row]) -> int:
    grid = tbl.find(qn("w:tblGrid"))
    declared = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    widest = 0
    for start, cells in table_rows:
        widest = max(widest, start + sum(cell.span for cell in cells))
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


WHOLE_TABLE = ("wholeTable",)


def defined_branches(style_id: str | None, styles: StyleIndex) -> frozenset[str]:
    """wholeTable and the tblStylePr types the table style or its basedOn chain defines."""
    return frozenset({*WHOLE_TABLE, *(kind for style in styles.chain(style_id, "table") for kind in style.conditional)})


def styled_branches(look: dict[str, bool], row: int, col: int, n_rows: int, n_cols: int,
                    defined: frozenset[str]) -> tuple[str, ...]:
    """``branches_on`` less the branches the table style's chain does not define (``defined_branches``)."""
    if len(defined) == 1:  # wholeTable alone: every cell of the table alike
        return WHOLE_TABLE
    return tuple([branch for branch in branches_on(look, row, col, n_rows, n_cols) if branch in defined])


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


def cell_width(cell: Cell, column: int, grid: tuple[int, ...]) -> int | None:
    """The cell's width in twips: its own ``tcW`` when given in twips, else the grid columns it spans."""
    if cell.stated_width is not None:
        return cell.stated_width
    spanned = grid[column:column + cell.span]
    return sum(spanned) or None
