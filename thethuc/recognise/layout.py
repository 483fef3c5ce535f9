"""Where a paragraph sits on the page: left or right half, table cell, tab-separated pieces.

Header and signature blocks are laid out either in a borderless table (Word) or as paragraphs
placed with alignment, indents and tabs (LibreOffice, typed layouts); both end up as `Piece`s.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from thethuc import model
from thethuc.recognise.text import is_blank, is_upper
from thethuc.textutil import squash

Side = Literal["left", "center", "right"]

DEFAULT_TEXT_WIDTH_TWIPS = 9355  # A4 with 30 mm / 15 mm side margins
# The gap between the left and right blocks of a line typed without a table: tabs, or four or more
# spaces (a header typed with the space bar).
GAP_RE = re.compile(r"(?:\t| {4,}|\u00a0{4,})+")


def gaps(line: str) -> list[re.Match[str]]:
    """The gaps of a line with text on both sides. Spaces are a gap of the layout, not a blank left
    for a field: the blanks of the number and date (``Số:      /KH-…``, ``ngày      tháng 8``) stay
    inside their element."""
    if "\t" not in line and "    " not in line and "\u00a0" * 4 not in line:
        return []  # most lines have no gap: no regex scan (asked for every line of every paragraph)
    return [m for m in GAP_RE.finditer(line) if line[:m.start()].strip() and line[m.end():].strip()
            and ("\t" in m.group(0) or not _field_blank(line[:m.start()], line[m.end():]))]


_BLANK_BEFORE = ("ngày", "tháng", "năm", "số", "số:")
_BLANK_AFTER = ("tháng", "năm", "/", "-", "–")


def _field_blank(before: str, after: str) -> bool:
    words = before.split()
    return (bool(words) and words[-1].lower() in _BLANK_BEFORE) or after.lstrip().lower().startswith(_BLANK_AFTER)


def split_gaps(line: str) -> list[str]:
    out, start = [], 0
    for m in gaps(line):
        out.append(line[start:m.start()])
        start = m.end()
    out.append(line[start:])
    return out


@dataclass(frozen=True, slots=True)
class Piece:
    """One line of one paragraph, with the half of the page it belongs to."""

    paragraph: int  # Document.paragraphs index
    side: Side
    text: str  # squashed
    bold: bool


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


def is_bold(para: model.Paragraph) -> bool:
    """Bold when every visible run with letters is bold (the paragraph mark when it has none)."""
    runs = [r for r in para.visible_runs if any(c.isalpha() for c in r.text)]
    if not runs:
        return bool(para.mark and para.mark.bold.value)
    return all(r.bold.value for r in runs)


def is_italic(para: model.Paragraph) -> bool:
    """Italic when every visible run with letters is italic."""
    runs = [r for r in para.visible_runs if any(c.isalpha() for c in r.text)]
    return bool(runs) and all(r.italic.value for r in runs)


def displays_upper(para: model.Paragraph, text: str) -> bool:
    """Capitals as displayed: the letters themselves, or every lettered run under w:caps."""
    if is_upper(text):
        return True
    runs = [r for r in para.visible_runs if any(c.isalpha() for c in r.text)]
    return bool(runs) and all(r.caps.value for r in runs) and len(text) >= 2


def is_drawn_rule(para: model.Paragraph) -> bool:
    """A paragraph holding only a drawn line (or only a bottom border) and no text."""
    if not is_blank(para.text):
        return False
    if para.lines:
        return True
    border = para.fmt.border_bottom.value
    return border is not None and border.style not in ("nil", "none")


# The zone finders and labellers ask for the same paragraph's pieces again and again; both
# objects are immutable, so the answers are kept by identity, for the latest document only.
_memo: dict[int, tuple[model.Document, model.Paragraph, tuple[Piece, ...]]] = {}
_memo_owner: list[model.Document | None] = [None]


def pieces(doc: model.Document, para: model.Paragraph) -> list[Piece]:
    """Lines of a paragraph (split at breaks), each split at tabs into left and right pieces.

    In a table the cell decides the side. Outside, a line "TỈNH ỦY\\tĐẢNG CỘNG SẢN VIỆT NAM"
    typed with tabs holds a left and a right piece.
    """
    if _memo_owner[0] is not doc:
        _memo.clear()
        _memo_owner[0] = doc
    hit = _memo.get(id(para))
    if hit is not None and hit[0] is doc and hit[1] is para:
        return list(hit[2])
    found = _pieces(doc, para)
    _memo[id(para)] = (doc, para, tuple(found))
    return found


def piece_texts(para: model.Paragraph) -> Iterator[str]:
    """The texts of ``pieces`` in order, without their side and weight: finders that test only the
    words (the closing-zone scan over the whole body) skip the layout work."""
    for line in para.label_and_text.split("\n"):
        for part in split_gaps(line):
            text = squash(part)
            if text:
                yield text


def _pieces(doc: model.Document, para: model.Paragraph) -> list[Piece]:
    bold = is_bold(para)
    out: list[Piece] = []
    for line in para.label_and_text.split("\n"):
        parts = [squash(t) for t in split_gaps(line)]
        parts = [t for t in parts if t]
        if not parts:
            continue
        if para.location.table is not None or len(parts) == 1:
            side = paragraph_side(doc, para)
            out.extend(Piece(para.index, side, t, bold) for t in parts)
            continue
        out.append(Piece(para.index, "left", parts[0], bold))
        out.extend(Piece(para.index, "right", t, bold) for t in parts[1:])
    return out
