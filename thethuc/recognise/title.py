"""Label the title block under the header: tên loại, plenum name, trích yếu, `-----`, Kính gửi.

Also finds where the tên loại is, which tells the header zone where to stop.
"""
from __future__ import annotations

from collections.abc import Sequence

from thethuc import model
from thethuc.recognise import patterns as pt
from thethuc.recognise.headings import parse_label
from thethuc.recognise.layout import displays_upper, is_bold, is_drawn_rule
from thethuc.recognise.text import is_blank, starts_lower, word_count
from thethuc.recognise.types import has_trich_yeu
from thethuc.records import dataclass
from thethuc.textutil import fold, squash

_MARK_TESTS = (("du_thao", pt.is_du_thao), ("dau_mat", pt.is_dau_mat), ("dau_khan", pt.is_dau_khan),
               ("chi_dan_luu_hanh", pt.is_chi_dan))
_SCAN_LIMIT = 60  # paragraphs searched for the tên loại; the header never runs longer


@dataclass(frozen=True)
class TitleLabels:
    """What labelling the title block gave: roles by paragraph index, where the body begins, and notes for
    ``Recognised.notes``."""

    roles: dict[int, str]
    body_start: int  # position in the flow where the body begins
    notes: tuple[str, ...]


def mark_role(text: str) -> str | None:
    return next((role for role, test in _MARK_TESTS if test(text)), None)


def is_body_opening(text: str) -> bool:
    """Lines that can only belong to the body: căn cứ, Điều, Chương, numbered headings."""
    key = fold(text)
    return (key.startswith("căn cứ") or key.startswith("- căn cứ")
            or (parse_label(text) is not None and not pt.is_rule_text(text)))


def _boxed(para: model.Paragraph, boxes: frozenset[tuple[str, int]],
           solo_rows: frozenset[tuple[str, int, int]]) -> bool:
    """In a table, yet standing on its own: a one-cell table, or alone in its table row."""
    table, part = para.location.table, para.location.part_name
    return table is not None and para.location.cell is None and (
        (part, table[0]) in boxes or (part, table[0], table[1]) in solo_rows)


def find_ten_loai(flow: Sequence[model.Paragraph], start: int = 0,
                  boxes: frozenset[tuple[str, int]] = frozenset(),
                  solo_rows: frozenset[tuple[str, int, int]] = frozenset()) -> int | None:
    """Position of the tên loại: the first short line naming a document type, outside tables, in
    a one-cell table of its own (``boxes``: (part name, table index)) or alone in a table row
    (``solo_rows``: (part name, table index, row))."""
    for pos in range(start, min(len(flow), start + _SCAN_LIMIT)):
        para = flow[pos]
        text = squash(para.text)
        if not text or (para.location.table is not None and not _boxed(para, boxes, solo_rows)):
            continue
        if pt.is_kinh_gui(text) or is_body_opening(text) or pt.tham_quyen(text) or pt.is_noi_nhan(text):
            return None
        if text.endswith(":") or pt.so_ky_hieu(text) or pt.is_date_line(text):
            continue
        if pt.document_type(text) and (displays_upper(para, text) or para.fmt.align.value == "center"):
            return pos
    return None


def find_kinh_gui(flow: Sequence[model.Paragraph], start: int = 0) -> int | None:
    for pos in range(start, min(len(flow), start + _SCAN_LIMIT)):
        text = flow[pos].text
        if pt.is_kinh_gui(text):
            return pos
        if pt.tham_quyen(squash(text)) or pt.is_noi_nhan(text):
            return None
    return None


def _is_summary_line(para: model.Paragraph, first: bool, rule_follows: bool = False) -> bool:
    """A trích yếu line. The first line under the tên loại is one when it starts in lower case or
    with "về", is centred, or, starting with a capital ("Kết luận của đồng chí …"), is set bold as a
    title or has the `-----`/drawn line right under it; later lines are centred."""
    text = squash(para.text)
    if not text or pt.is_rule_text(text) or pt.is_kinh_gui(text) or is_body_opening(text):
        return False
    if first and fold(text).startswith("về "):
        return True
    if displays_upper(para, text):
        return False
    titled = is_bold(para) and not text.endswith((".", ":", ";", ","))
    words = word_count(text)
    # A long trích yếu typed as one centred bold paragraph wraps over three lines (47 words in
    # luongminh__KH-HN-lay-y-kien-cu-tri.docx); running text is longer, or not centred and bold.
    if words > 40 and not (first and titled and para.fmt.align.value == "center" and words <= 80):
        return False
    if para.fmt.align.value == "center" or (first and starts_lower(text)):
        return True
    return first and (titled or rule_follows)


class _Cursor:
    """Walks the flow skipping empty paragraphs (drawn-line paragraphs are not empty)."""

    def __init__(self, flow: Sequence[model.Paragraph], pos: int) -> None:
        self.flow = flow
        self.pos = pos

    def peek_pos(self, ahead: int = 0) -> int | None:
        pos, seen = self.pos, -1
        while pos < len(self.flow):
            para = self.flow[pos]
            if not is_blank(para.text) or is_drawn_rule(para):
                seen += 1
                if seen == ahead:
                    return pos
            pos += 1
        return None

    def peek(self, ahead: int = 0) -> model.Paragraph | None:
        pos = self.peek_pos(ahead)
        return None if pos is None else self.flow[pos]

    def take(self) -> model.Paragraph:
        pos = self.peek_pos()
        assert pos is not None
        self.pos = pos + 1
        return self.flow[pos]

    def blank_next(self) -> bool:
        return self.pos < len(self.flow) and is_blank(self.flow[self.pos].text) \
            and not is_drawn_rule(self.flow[self.pos])


def _label_plenum(cur: _Cursor, roles: dict[int, str]) -> None:
    """Capital lines between tên loại and a trích yếu that follows them (sources.md: P17)."""
    count = 0
    while count < 3:
        para = cur.peek(count)
        if para is None or not displays_upper(para, squash(para.text)) or is_body_opening(para.text):
            break
        if fold(para.text).startswith("về ") or mark_role(para.text):
            break
        count += 1
    after = cur.peek(count)
    if count and after is not None and _is_summary_line(after, first=True):
        for _ in range(count):
            roles[cur.take().index] = "ten_hoi_nghi"


def _rule_at(para: model.Paragraph | None) -> bool:
    return para is not None and (is_drawn_rule(para) or pt.is_rule_text(para.text))


def _label_summary(cur: _Cursor, roles: dict[int, str]) -> None:
    first = cur.peek()
    if first is None or not _is_summary_line(first, first=True, rule_follows=_rule_at(cur.peek(1))):
        return
    roles[cur.take().index] = "trich_yeu"
    while not cur.blank_next():
        para = cur.peek()
        if para is None or not _is_summary_line(para, first=False):
            break
        roles[cur.take().index] = "trich_yeu"


def _label_rule(cur: _Cursor, roles: dict[int, str]) -> None:
    para = cur.peek()
    if para is not None and (is_drawn_rule(para) or pt.is_rule_text(para.text)):
        roles[cur.take().index] = "gach_trich_yeu"


def _is_recipient_line(para: model.Paragraph, inline: bool) -> bool:
    """A recipient under `Kính gửi:`: a dash item, or (when the colon ends the line) a short line
    set off by centring or a hanging/left indent rather than the body's first-line indent."""
    text = squash(para.text)
    if not text or word_count(text) > 25 or pt.is_kinh_gui(text):
        return False
    if pt.is_dash_item(text):
        return True
    if inline or is_body_opening(text):
        return False
    fmt = para.fmt
    return fmt.align.value == "center" or (fmt.indent_left_twips.value > 0 and fmt.indent_first_line_twips.value <= 0)


def _label_kinh_gui(cur: _Cursor, roles: dict[int, str]) -> None:
    while (para := cur.peek()) is not None and pt.is_kinh_gui(para.text):
        roles[cur.take().index] = "kinh_gui"
        inline = bool(squash(para.text).split(":", 1)[1].strip()) if ":" in para.text else False
        while (item := cur.peek()) is not None and _is_recipient_line(item, inline):
            roles[cur.take().index] = "kinh_gui_muc"


def _label_marks(cur: _Cursor, roles: dict[int, str]) -> None:
    while (para := cur.peek()) is not None and (role := mark_role(para.text)):
        roles[cur.take().index] = role


def label_title(flow: Sequence[model.Paragraph], start: int, ten_loai: int | None) -> TitleLabels:
    """Roles from `start` (the header's end) down to the first body paragraph."""
    roles: dict[int, str] = {}
    notes: list[str] = []
    cur = _Cursor(flow, start)
    _label_marks(cur, roles)
    if ten_loai is not None:
        cur.pos = ten_loai
        peeked = cur.peek()
        kind = pt.document_type(peeked.text) if peeked is not None else None
        roles[cur.take().index] = "ten_loai"
        _label_marks(cur, roles)
        if has_trich_yeu(kind):
            _label_plenum(cur, roles)
            _label_summary(cur, roles)
        else:  # giấy giới thiệu, giấy nghỉ phép …: the rule comes right under the tên loại
            notes.append(f"{kind}: its layout has no trích yếu")
        _label_rule(cur, roles)
        if has_trich_yeu(kind) and not any(r == "trich_yeu" for r in roles.values()):
            notes.append("no trích yếu line under the tên loại")
    _label_marks(cur, roles)
    _label_kinh_gui(cur, roles)
    return TitleLabels(roles, cur.pos, tuple(notes))
