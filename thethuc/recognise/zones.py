"""Cut the main text flow into header, title, body, closing and appendix zones.

Positions are indexes into the flow (body paragraphs outside text boxes, in reading order).
"""
from __future__ import annotations

from collections.abc import Sequence

from thethuc import model
from thethuc.recognise.closing import is_appendix_heading, is_closing_start
from thethuc.recognise.header import has_header_mark
from thethuc.recognise.patterns import is_note_label
from thethuc.recognise.text import word_count
from thethuc.recognise.title import find_kinh_gui, find_ten_loai

_HEADER_SCAN = 25  # a header without tên loại or Kính gửi is looked for in this many paragraphs
_CLOSING_LINE_WORDS = 30  # longer lines are running text, not signature or recipient lines


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


def find_header_end(doc: model.Document, flow: Sequence[model.Paragraph]) -> tuple[int, int | None]:
    """(end of the header zone, position of the tên loại or None)."""
    ten_loai = find_ten_loai(flow)
    kinh_gui = find_kinh_gui(flow)
    found = [p for p in (ten_loai, kinh_gui) if p is not None]
    return (min(found) if found else guess_header_end(doc, flow)), ten_loai


def find_closing(doc: model.Document, flow: Sequence[model.Paragraph], body_start: int) -> tuple[int, int]:
    """(start, end) of the closing zone: from the first authority/`Nơi nhận` line (the start of
    its table, when in one) to the first `Phụ lục` heading after it."""
    start = next((pos for pos in range(body_start, len(flow)) if is_closing_start(doc, flow[pos])), len(flow))
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
