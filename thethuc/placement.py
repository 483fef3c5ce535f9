"""Which side of the page a paragraph sits on: left, centre or right — one answer for every stage.

The recogniser places header and signature blocks by it and the checks judge a rule's ``side`` by
it, so an element is never found on the right and then reported as not there. In a table the cell
decides (its rank among the columns holding text); outside, leading tabs or spaces, alignment and
indents against the section's text width.
"""
from __future__ import annotations

from typing import Literal

from thethuc import model

Side = Literal["left", "center", "right"]

DEFAULT_TEXT_WIDTH_TWIPS = 9355  # A4 with 30 mm / 15 mm side margins


def text_width_twips(doc: model.Document, para: model.Paragraph) -> int:
    if 0 <= para.section < len(doc.sections):
        sec = doc.sections[para.section]
        width = sec.page_width_twips - sec.margin_left_twips - sec.margin_right_twips - sec.gutter_twips
        if width > 0:
            return width
    return DEFAULT_TEXT_WIDTH_TWIPS


def _cell(para: model.Paragraph) -> tuple[int, int, int] | None:
    """The innermost cell: a header table nested in a one-cell table is laid out by its own columns."""
    return para.location.cell or para.location.table


def _table_columns(doc: model.Document, part_name: str, index: int) -> int | None:
    for table in doc.tables:
        if table.part_name == part_name and table.index == index:
            return table.columns
    return None


def _filled_columns(doc: model.Document, part_name: str, index: int) -> tuple[int, ...]:
    """Columns of a table that hold text anywhere (a thin empty spacer column is no block)."""
    key = (part_name, index)
    found = _filled_memo.get(key)
    if found is None or _filled_owner[0] is not doc:
        if _filled_owner[0] is not doc:
            _filled_memo.clear()
            _filled_owner[0] = doc
        columns = set()
        for para in doc.paragraphs:
            cell = _cell(para)
            if cell is not None and cell[0] == index and para.location.part_name == part_name and para.text.strip():
                columns.add(cell[2])
        found = _filled_memo[key] = tuple(sorted(columns))
    return found


_filled_memo: dict[tuple[str, int], tuple[int, ...]] = {}
_filled_owner: list[model.Document | None] = [None]


def table_side(doc: model.Document, para: model.Paragraph) -> Side:
    """Column 0 is the left block; the last half of the columns is the right block. Empty spacer
    columns are not counted when two or more columns hold text: [left | spacer | right] and
    [spacer | left | spacer | right] are both a left and a right block."""
    cell = _cell(para)
    assert cell is not None
    index, _, column = cell
    filled = _filled_columns(doc, para.location.part_name, index)
    if len(filled) >= 2 and column in filled:
        rank = filled.index(column)
        if rank == 0:
            return "left"
        return "right" if rank * 2 >= len(filled) else "center"
    columns = _table_columns(doc, para.location.part_name, index) or column + 1
    if column == 0:
        return "left"
    return "right" if column * 2 >= columns else "center"


_SPACE_EM = 0.25  # a space is a quarter of the font size in Times New Roman


def _leading_spaces_twips(para: model.Paragraph) -> int:
    """How far typed leading spaces push the text ("                Nguyễn Văn A" under a
    signature typed without a table): a quarter of the size of the first run per space."""
    typed = para.text[:len(para.text) - len(para.text.lstrip(" \u00a0"))]
    if not typed or not para.runs:
        return 0
    return round(len(typed) * para.runs[0].size_half_pt.value / 2 * _SPACE_EM * 20)


def format_side(doc: model.Document, para: model.Paragraph) -> Side:
    """Side of a paragraph outside tables, from leading tabs or spaces, alignment and indents."""
    if para.text.lstrip(" ").startswith("\t"):
        return "right"
    if para.location.line is not None and para.text[:1] in (" ", "\u00a0"):
        return "right"  # the right-hand part of a typed header line cut at its gap (recognise/lines.py)
    width = text_width_twips(doc, para)
    fmt = para.fmt
    left = (max(fmt.indent_left_twips.value, 0) + max(fmt.indent_first_line_twips.value, 0)
            + _leading_spaces_twips(para))
    right = max(fmt.indent_right_twips.value, 0)
    align = fmt.align.value
    if align == "right":
        return "right" if right * 2 < width else "center"
    if align == "center":
        middle = (left + width - right) / 2
        if middle > width * 0.6:
            return "right"
        return "left" if middle < width * 0.4 else "center"
    return "right" if left * 5 >= width * 2 else "left"


def paragraph_side(doc: model.Document, para: model.Paragraph) -> Side:
    if para.location.table is not None:
        return table_side(doc, para)
    return format_side(doc, para)
