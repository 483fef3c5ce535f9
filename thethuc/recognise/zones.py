"""Cut the main text flow into header, title, body, closing and appendix zones.

Positions are indexes into the flow (body paragraphs outside text boxes, in reading order).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from thethuc import model
from thethuc.memo import per_document
from thethuc.recognise.closing import is_appendix_heading, is_closing_start
from thethuc.recognise.header_block import has_header_mark, title_kind
from thethuc.recognise.layout import piece_texts
from thethuc.recognise.patterns import is_note_label
from thethuc.recognise.text import word_count
from thethuc.recognise.title import find_kinh_gui, find_ten_loai, is_body_opening
from thethuc.textutil import fold

_HEADER_SCAN = 25  # a header without tên loại or Kính gửi is looked for in this many paragraphs
_CLOSING_LINE_WORDS = 30  # longer lines are running text, not signature or recipient lines


@per_document  # asked by the line splitter, the header zone and the labelling of the same document
def main_flow(doc: model.Document) -> tuple[model.Paragraph, ...]:
    return tuple(p for p in doc.paragraphs if p.location.part == "document" and not p.location.textbox)


def _table_key(para: model.Paragraph) -> tuple[str, int] | None:
    table = para.location.table
    return None if table is None else (para.location.part_name, table[0])


def _table_end(flow: Sequence[model.Paragraph], pos: int) -> int:
    key = _table_key(flow[pos])
    end = pos
    while end + 1 < len(flow) and key is not None and _table_key(flow[end + 1]) == key:
        end += 1
    return end + 1


def _table_start(flow: Sequence[model.Paragraph], pos: int, floor: int) -> int:
    key = _table_key(flow[pos])
    while pos - 1 >= floor and key is not None and _table_key(flow[pos - 1]) == key:
        pos -= 1
    return pos


def guess_header_end(doc: model.Document, flow: Sequence[model.Paragraph]) -> int:
    """Without tên loại and Kính gửi: just past the last header-looking line near the top
    (the whole table when that line is in the header table)."""
    end = 0
    for pos in range(min(len(flow), _HEADER_SCAN)):
        if has_header_mark(doc, flow[pos]):
            end = _table_end(flow, pos) if flow[pos].location.table is not None else pos + 1
    return end


def _solo_rows(flow: Sequence[model.Paragraph]) -> frozenset[tuple[str, int, int]]:
    """(part, table, row) of the outer table rows whose text stands in one column only."""
    columns: dict[tuple[str, int, int], set[int]] = {}
    for para in flow:
        table = para.location.table
        if table is not None and para.location.cell is None and para.text.strip():
            columns.setdefault((para.location.part_name, table[0], table[1]), set()).add(table[2])
    return frozenset(key for key, found in columns.items() if len(found) == 1)


def find_header_end(doc: model.Document, flow: Sequence[model.Paragraph]) -> tuple[int, int | None]:
    """(end of the header zone, position of the tên loại or None)."""
    # A tên loại (and its trích yếu) boxed in a one-cell table of its own, or alone in a row of the
    # header table (dinhnguyen888__DangVienFormatExport: «DANH SÁCH ĐẢNG VIÊN» in its second row), is found.
    boxes = frozenset((t.part_name, t.index) for t in doc.tables if t.columns == 1 and not t.nested)
    ten_loai = find_ten_loai(flow, boxes=boxes, solo_rows=_solo_rows(flow))
    kinh_gui = find_kinh_gui(flow, stop=ten_loai)  # only one above the tên loại can end the header sooner
    found = [p for p in (ten_loai, kinh_gui) if p is not None]
    return (min(found) if found else guess_header_end(doc, flow)), ten_loai


@per_document
def header_zone(doc: model.Document) -> tuple[int, int | None]:
    """``find_header_end`` over the document's main flow, remembered for the latest document: the
    line splitter asks it, and recognise asks again of the same document when nothing was split."""
    return find_header_end(doc, main_flow(doc))


# Lines that stand in for content in a sample block: "(chữ ký)", "Họ và tên", "(ký, ghi rõ họ tên)",
# "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", "TÊN CƠ QUAN …", dotted blanks.
_PLACEHOLDER_RE = re.compile(
    r"^\(?\s*(chữ ký|ký tên|ký,? (và )?ghi rõ|ký,? đóng dấu|họ (và )?tên\s*\)?$)|^quyền hạn,? chức vụ|^tên cơ quan"
    r"|^[.…_\s]{3,}$")


def _is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER_RE.search(fold(text)))


def _is_sample(doc: model.Document, block: Sequence[model.Paragraph]) -> bool:
    """A block quoting a document's own parts as an example: a header's title line (tiêu đề, quốc
    hiệu, tiêu ngữ) below the header zone, or a signature whose lines are placeholders."""
    if any(_is_title_line(doc, p) for p in block):
        return True
    return any(is_closing_start(doc, p) for p in block) and any(_is_placeholder(p.text) for p in block)


_SAMPLE_LINES = 10  # a sample typed as paragraphs: this many short lines at most
_SAMPLE_LINE_WORDS = 12


def _is_title_line(doc: model.Document, para: model.Paragraph) -> bool:
    return any(title_kind(text) is not None for text in piece_texts(para))


def _paragraph_block(flow: Sequence[model.Paragraph], pos: int) -> int:
    """End of a run of short lines outside tables from ``pos`` (a sample typed as paragraphs)."""
    end = pos + 1
    while (end < len(flow) and end - pos < _SAMPLE_LINES and flow[end].location.table is None
           and word_count(flow[end].text) <= _SAMPLE_LINE_WORDS and not is_body_opening(flow[end].label_and_text)):
        end += 1
    return end


def _is_running_text(para: model.Paragraph) -> bool:
    return word_count(para.text) > _SAMPLE_LINE_WORDS or is_body_opening(para.label_and_text)


def closing_starts(doc: model.Document, flow: Sequence[model.Paragraph], start: int) -> list[int]:
    """Flow positions from ``start`` of the paragraphs that can open the closing block
    (``is_closing_start``): the sample finder and the closing zone read the same list."""
    return [pos for pos in range(start, len(flow)) if is_closing_start(doc, flow[pos])]


def example_blocks(doc: model.Document, flow: Sequence[model.Paragraph], start: int,
                   closings: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) flow ranges of sample content quoted in the body (a guideline showing a sample
    header or signature "T/M … (chữ ký) Họ và tên" in a table or as short lines): not the
    document's own elements. A signature sample counts only when another closing line follows it
    (a template's own signature, placeholders and all, is its signature). ``closings``:
    ``closing_starts(doc, flow, start)``."""
    closing_set = set(closings)
    found: list[tuple[int, int]] = []
    pos = start
    while pos < len(flow):
        para = flow[pos]
        if para.location.table is not None:
            end = _table_end(flow, pos)
        elif pos in closing_set or _is_title_line(doc, para):
            end = _paragraph_block(flow, pos)
        else:
            pos += 1
            continue
        block = flow[pos:end]
        opens_closing = any(pos <= c < end for c in closings)
        after = next((c for c in closings if c >= end), None)
        # A sample is followed by more of the body before the real closing; a signature followed
        # only by short lines and then Nơi nhận is the document's own (LibreOffice puts it first).
        quoted = after is not None and any(_is_running_text(p) for p in flow[end:after])
        if _is_sample(doc, block) and (quoted or not opens_closing):
            found.append((pos, end))
            pos = end
        else:
            pos = end if para.location.table is not None else pos + 1
    return found


def find_closing(doc: model.Document, flow: Sequence[model.Paragraph], body_start: int, closings: Sequence[int],
                 examples: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """(start, end) of the closing zone: from the first authority/`Nơi nhận` line (the start of
    its table, when in one) to the first `Phụ lục` heading after it. Lines in ``examples`` (sample
    blocks quoted in the body) do not open it. ``closings``: ``closing_starts(doc, flow, body_start)``."""
    quoted = {pos for start, end in examples for pos in range(start, end)}
    start = next((pos for pos in closings if pos not in quoted), len(flow))
    if start == len(flow):
        return start, start
    start = _table_start(flow, start, body_start)
    after = _table_end(flow, start) if flow[start].location.table is not None else start + 1
    return start, _closing_end(doc, flow, after)


def _closing_end(doc: model.Document, flow: Sequence[model.Paragraph], pos: int) -> int:
    """The closing block runs over short lines and further signature tables; a `Phụ lục`, a page
    break, a `Ghi chú:` note, running text or a table without signature lines ends it
    (ND30_Phuluc4: register tables)."""
    while pos < len(flow):
        para = flow[pos]
        if is_appendix_heading(para) or para.page_break_before or para.fmt.page_break_before:
            break
        if para.location.table is None and is_note_label(para.label_and_text):
            break  # `Ghi chú:` and its lines under the signature are a note, not signature lines
        if para.location.table is not None:
            end = _table_end(flow, pos)
            if not any(is_closing_start(doc, p) for p in flow[pos:end]):
                break
            pos = end
            continue
        if word_count(para.text) > _CLOSING_LINE_WORDS:
            break
        pos += 1
    return pos
