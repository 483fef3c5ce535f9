"""Where a paragraph sits on the page: left or right half, table cell, tab-separated pieces.

Header and signature blocks are laid out either in a borderless table (Word) or as paragraphs
placed with alignment, indents and tabs (LibreOffice, typed layouts); both end up as `Piece`s.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from thethuc import model
from thethuc.memo import per_object, per_paragraph
from thethuc.placement import Side, paragraph_side
from thethuc.recognise.text import is_blank, is_upper
from thethuc.records import dataclass
from thethuc.textutil import squash

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


def _lettered(run: model.Run) -> bool:
    """A visible run (``Paragraph.visible_runs``) with letters."""
    return bool(run.text.strip()) and not run.hidden.value and any(c.isalpha() for c in run.text)


def _every_lettered(para: model.Paragraph, has: Callable[[model.Run], bool]) -> bool | None:
    """Whether every visible run with letters ``has`` the property; None when no run has letters.
    Asked of every body paragraph (is_bold, is_italic): one loop over the runs, stopping at the first
    lettered run without the property, rather than lists of the visible and the lettered runs."""
    lettered = False
    for run in para.runs:
        if _lettered(run):
            if not has(run):
                return False
            lettered = True
    return True if lettered else None


def _bold(run: model.Run) -> bool:
    return bool(run.bold.value)


def _italic(run: model.Run) -> bool:
    return bool(run.italic.value)


def is_bold(para: model.Paragraph) -> bool:
    """Bold when every visible run with letters is bold (the paragraph mark when it has none)."""
    every = _every_lettered(para, _bold)
    return every if every is not None else bool(para.mark and para.mark.bold.value)


def is_italic(para: model.Paragraph) -> bool:
    """Italic when every visible run with letters is italic."""
    return _every_lettered(para, _italic) is True


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


def pieces(doc: model.Document, para: model.Paragraph) -> list[Piece]:
    """Lines of a paragraph (split at breaks), each split at tabs into left and right pieces.

    In a table the cell decides the side. Outside, a line "TỈNH ỦY\\tĐẢNG CỘNG SẢN VIỆT NAM"
    typed with tabs holds a left and a right piece.
    """
    return list(_remembered_pieces(doc, para))  # a list of its own: callers may change it


# The zone finders and labellers ask for the same paragraph's pieces again and again.
@per_paragraph
def _remembered_pieces(doc: model.Document, para: model.Paragraph) -> tuple[Piece, ...]:
    return tuple(_pieces(doc, para))


def may_hold_parts(text: str) -> bool:
    """Whether a text has a line break or a gap (``gaps``); else it is one line and one piece."""
    return "\n" in text or "\t" in text or "    " in text or "\u00a0" * 4 in text


def piece_texts(para: model.Paragraph) -> tuple[str, ...]:
    """The texts of ``pieces`` in order, without their side and weight: finders that test only the
    words (the closing-zone scan over the whole body) skip the layout work."""
    text = para.label_and_text
    if not may_hold_parts(text):  # most paragraphs: their one piece costs less than the memo
        piece = squash(text)
        return (piece,) if piece else ()
    return _remembered_piece_texts(para)


@per_object  # the closing-zone scan asks each body paragraph two or three times
def _remembered_piece_texts(para: model.Paragraph) -> tuple[str, ...]:
    return tuple(_piece_texts(para))


def _piece_texts(para: model.Paragraph) -> Iterator[str]:
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
