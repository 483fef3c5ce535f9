"""Label the signature block and the recipients (Nơi nhận), in a table or as paragraphs.

A table cell is one block: the cell holding `Nơi nhận:` is the recipient list, the others are
signatures (several side by side for joint documents). Without a table, tab-typed lines are split
into a left (recipients) and a right (signature) piece.
"""
from __future__ import annotations

from collections.abc import Sequence

from thethuc import model
from thethuc.memo import per_paragraph
from thethuc.recognise import patterns as pt
from thethuc.recognise.layout import Piece, displays_upper, piece_texts, pieces
from thethuc.recognise.text import is_blank
from thethuc.records import dataclass
from thethuc.textutil import comma_ends_items, continues_item, fold, squash

# One paragraph holding a recipient piece and a signature piece is labelled for the signature.
PRIORITY: tuple[str, ...] = (
    "tham_quyen_ky", "ho_ten_ky", "chuc_vu_ky", "noi_nhan", "dia_danh_ngay", "noi_nhan_muc",
    "ky_hieu_nguoi_danh_may", "thong_tin_lien_he",
)


_MAX_SIGNATURE_LINES = 10


@dataclass(frozen=True)
class ClosingLabels:
    """What labelling the closing zone gave: the roles of the signature block and Nơi nhận by paragraph
    index, and notes for ``Recognised.notes``."""

    roles: dict[int, str]
    notes: tuple[str, ...]


# The zone finders ask each body paragraph two or three times (sample blocks, the closing's start and end).
@per_paragraph
def is_closing_start(doc: model.Document, para: model.Paragraph) -> bool:
    """A paragraph that opens the closing block: a signing authority or `Nơi nhận`; for minutes,
    the signers' parts (`THƯ KÝ`, `CHỦ TỌA`) in a table cell or typed side by side with tabs (a
    body line "Thư ký cuộc họp:" followed by the name is running text)."""
    texts = piece_texts(para)
    if any(pt.tham_quyen(text) or pt.is_noi_nhan(text) for text in texts):
        return True
    if not texts or not all(pt.is_signer_title(text) for text in texts):
        return False
    return len(set(texts)) > 1 if para.location.table is None else _minutes_table(doc, para)


_MINUTES_TABLE_ROWS = 3


def _minutes_table(doc: model.Document, para: model.Paragraph) -> bool:
    """A small table naming at least two signers' parts (`THƯ KÝ` and `CHỦ TỌA`): a plan's task
    table with a `Chủ trì` column header is not a signature."""
    loc = para.location
    table = next((t for t in doc.tables if t.part_name == loc.part_name and loc.table and t.index == loc.table[0]),
                 None)
    if table is None or table.rows > _MINUTES_TABLE_ROWS:
        return False
    parts: set[str] = set()
    for cell_para in doc.paragraphs[table.first_paragraph:]:
        here = cell_para.location
        if here.part_name != loc.part_name or here.table is None or here.table[0] != table.index:
            break
        parts.update(fold(text) for text in piece_texts(cell_para) if pt.is_signer_title(text))
    return len(parts) > 1


def _other_role(text: str) -> str | None:
    if pt.is_date_line(text):
        return "dia_danh_ngay"
    if pt.is_typist_mark(text):
        return "ky_hieu_nguoi_danh_may"
    if pt.is_contact(text):
        return "thong_tin_lien_he"
    return None


def _raw_text(doc: model.Document, piece: Piece) -> str:
    """The piece as typed (leading spaces kept: they show a wrapped line), when it is the whole paragraph."""
    text = doc.paragraphs[piece.paragraph].label_and_text
    return text if squash(text) == piece.text else piece.text


def label_recipients(doc: model.Document, items: Sequence[Piece]) -> list[str | None]:
    """`Nơi nhận:` then its items; lines before it are left alone. A recipient wrapped onto the
    next line stays a recipient even when it reads like something else (`ĐT, TKBT, TH;` is not a
    phone number: hanoi__To-trinh-UBND-HN-DU-THAO-v6.docx)."""
    out: list[str | None] = []
    opened = False
    previous: str | None = None  # the recipient line above, while the list runs
    comma_ends = comma_ends_items(piece.text for piece in items)
    for piece in items:
        if pt.is_noi_nhan(piece.text):
            opened, previous = True, None
            out.append("noi_nhan")
        elif not opened:
            out.append(_other_role(piece.text))
        elif previous is not None and continues_item(previous, _raw_text(doc, piece), comma_ends):
            out.append("noi_nhan_muc")
            previous = piece.text
        else:
            other = None if pt.is_dash_item(piece.text) else _other_role(piece.text)
            out.append(other or "noi_nhan_muc")
            previous = None if other else piece.text
    return out


def label_signature(doc: model.Document, items: Sequence[Piece], gaps: Sequence[bool]) -> list[str | None]:
    """Authority, title(s) and the name: the name is the last line; a capitalised last line is
    still the name when a blank (the signing space) or a placeholder stands above it.

    ``gaps[i]``: a blank paragraph or a placeholder line comes before item i.
    """
    out: list[str | None] = []
    for piece in items:
        upper = displays_upper(doc.paragraphs[piece.paragraph], piece.text)
        if pt.tham_quyen(piece.text):
            out.append("tham_quyen_ky")
        elif pt.is_parenthetical(piece.text) or pt.is_dash_item(piece.text):
            out.append(None)
        elif _other_role(piece.text):
            out.append(_other_role(piece.text))
        elif pt.is_signer_title(piece.text):
            # "Thư ký" typed in lower case is still the part, never the name; it is judged as the
            # title only when written as one (capitals).
            out.append("chuc_vu_ky" if upper else None)
        else:
            out.append("chuc_vu_ky" if upper else "ho_ten_ky")
    names = [i for i, role in enumerate(out) if role == "ho_ten_ky"]
    # The signer's name reads like a name; a sentence in the block ("Ký thay Bí thư") is not it.
    named = [i for i in names if pt.is_name_like(items[i].text)]
    keep = (named or names)[-1:]
    for i in names:
        if i not in keep:
            out[i] = None
    last = max((i for i, role in enumerate(out) if role in ("chuc_vu_ky", "ho_ten_ky")), default=None)
    if last is not None and out[last] == "chuc_vu_ky" and gaps[last] and "chuc_vu_ky" in out[:last]:
        out[last] = "ho_ten_ky"
    return out


def _items_with_gaps(doc: model.Document, paras: Sequence[model.Paragraph]) -> tuple[list[Piece], list[bool]]:
    items: list[Piece] = []
    gaps: list[bool] = []
    gap = False
    for para in paras:
        if is_blank(para.text):
            gap = True
            continue
        for piece in pieces(doc, para):
            items.append(piece)
            gaps.append(gap)
            gap = pt.is_parenthetical(piece.text)
    return items, gaps


def _label_cell(doc: model.Document, paras: Sequence[model.Paragraph]) -> list[tuple[Piece, str | None]]:
    items, gaps = _items_with_gaps(doc, paras)
    if any(pt.is_noi_nhan(p.text) for p in items):
        return list(zip(items, label_recipients(doc, items), strict=True))
    if _looks_like_signature(doc, items):
        return list(zip(items, label_signature(doc, items, gaps), strict=True))
    return [(p, _other_role(p.text)) for p in items]


def _looks_like_signature(doc: model.Document, items: Sequence[Piece]) -> bool:
    """An authority line or a minutes signer's part, or a few lines mixing capitals (title) and a name."""
    if any(pt.tham_quyen(p.text) or pt.is_signer_title(p.text) for p in items):
        return True
    upper = [displays_upper(doc.paragraphs[p.paragraph], p.text) for p in items]
    return 2 <= len(items) <= _MAX_SIGNATURE_LINES and any(upper) and not all(upper)


def _label_flow(doc: model.Document, paras: Sequence[model.Paragraph]) -> list[tuple[Piece, str | None]]:
    """Paragraph layout: left pieces (or any piece once `Nơi nhận` opened a list and the line is
    an item) go to the recipients, the rest to the signature."""
    items, gaps = _items_with_gaps(doc, paras)
    left: list[int] = []
    right: list[int] = []
    opened = False
    for i, piece in enumerate(items):
        opened = opened or pt.is_noi_nhan(piece.text)
        (left if _is_recipient_piece(doc, piece, opened, gaps[i]) else right).append(i)
    out: list[str | None] = [None] * len(items)
    for i, role in zip(left, label_recipients(doc, [items[i] for i in left]), strict=True):
        out[i] = role
    for i, role in zip(right, label_signature(doc, [items[i] for i in right], [gaps[i] for i in right]), strict=True):
        out[i] = role
    return list(zip(items, out, strict=True))


def _is_recipient_piece(doc: model.Document, piece: Piece, opened: bool, gap: bool) -> bool:
    """``gap``: a blank line (the signing space) comes before the piece; a name under it is the
    signer's, never a recipient, even typed at the left margin."""
    if pt.is_noi_nhan(piece.text):
        return True
    if not opened or piece.side != "left" or pt.tham_quyen(piece.text):
        return False
    if pt.is_dash_item(piece.text):
        return True
    if gap and pt.is_name_like(piece.text) and not pt.is_placeholder(piece.text):
        return False
    return not displays_upper(doc.paragraphs[piece.paragraph], piece.text)


def _cells(paras: Sequence[model.Paragraph]) -> list[list[model.Paragraph]]:
    """Consecutive paragraphs grouped by table cell; paragraphs outside tables form one group each run."""
    groups: list[list[model.Paragraph]] = []
    key: object = object()
    for para in paras:
        here = para.location.table
        if not groups or here != key:
            groups.append([])
            key = here
        groups[-1].append(para)
    return groups


_SIGNATURE_ROLES = frozenset({"tham_quyen_ky", "chuc_vu_ky", "ho_ten_ky"})


def _is_receipt(doc: model.Document, labelled: Sequence[tuple[Piece, str | None]]) -> bool:
    """A table cell holding a confirmation block (a giấy giới thiệu's "ĐẢNG ỦY NƠI CƯ TRÚ /
    Tiếp nhận ngày … / Đã giới thiệu về sinh hoạt tại Chi bộ … / T/M ĐẢNG ỦY / BÍ THƯ", filled in
    by the receiving body): it holds a sentence where a signature has only capitals and a name."""
    if not any(role in _SIGNATURE_ROLES for _, role in labelled):
        return False
    # A signature starts with its authority: a heading above it ("XÁC NHẬN CỦA ĐẢNG ỦY NƠI ĐẾN")
    # names the body that confirms.
    for piece, _ in labelled:
        if pt.tham_quyen(piece.text):
            break
        if not (pt.is_parenthetical(piece.text) or _other_role(piece.text)):
            return True
    for piece, _ in labelled:
        text = piece.text
        if (pt.tham_quyen(text) or pt.is_parenthetical(text) or pt.is_dash_item(text) or _other_role(text)
                or pt.is_signer_title(text) or pt.is_name_like(text)
                or displays_upper(doc.paragraphs[piece.paragraph], text)):
            continue
        return True
    return False


def _names_only(doc: model.Document, group: Sequence[model.Paragraph]) -> bool:
    items = [p for para in group for p in pieces(doc, para)]
    return bool(items) and all(
        pt.is_parenthetical(p.text) or (pt.is_name_like(p.text) and not pt.is_signer_title(p.text)) for p in items)


def _titles_only(doc: model.Document, block: Sequence[model.Paragraph]) -> bool:
    """A signer's cell without the name: authority, title or the part (`THƯ KÝ`) only."""
    items = [p for para in block for p in pieces(doc, para)]
    return bool(items) and all(pt.tham_quyen(p.text) or pt.is_signer_title(p.text) or pt.is_parenthetical(p.text)
                               or displays_upper(doc.paragraphs[p.paragraph], p.text) for p in items)


def _table_blocks(doc: model.Document, paras: Sequence[model.Paragraph]) -> list[list[model.Paragraph]]:
    """Cells, with a cell holding only a name (or a template field) joined to the signer's cell
    above it in the same column: minutes put the parts in one row and the names in the next."""
    blocks: list[list[model.Paragraph]] = []
    above: dict[tuple[str, int, int], list[model.Paragraph]] = {}  # (part, table, column) → block
    for group in _cells(paras):
        table = group[0].location.table
        if table is None:
            blocks.append(group)
            continue
        column = (group[0].location.part_name, table[0], table[2])
        block = above.get(column)
        if block is not None and _names_only(doc, group) and _titles_only(doc, block):
            block.extend(group)
            continue
        blocks.append(list(group))
        above[column] = blocks[-1]
    return blocks


def label_closing(doc: model.Document, paras: Sequence[model.Paragraph]) -> ClosingLabels:
    """Roles for the closing zone (from the first authority/`Nơi nhận` line to the appendix)."""
    blocks: list[list[tuple[Piece, str | None]]] = []
    for group in _table_blocks(doc, paras):
        in_table = group[0].location.table is not None
        blocks.append(_label_cell(doc, group) if in_table else _label_flow(doc, group))
    # A receipt block is not the document's signature, when the document has one of its own.
    receipts = [i for i, block in enumerate(blocks)
                if block and doc.paragraphs[block[0][0].paragraph].location.table is not None and _is_receipt(doc,
                                                                                                              block)]
    signed = any(role in _SIGNATURE_ROLES for i, block in enumerate(blocks) if i not in receipts
                 for _, role in block)
    dropped = receipts if signed else []
    labelled = [(piece, None if i in dropped else role) for i, block in enumerate(blocks) for piece, role in block]
    by_para: dict[int, list[str]] = {}
    for piece, role in labelled:
        if role:
            by_para.setdefault(piece.paragraph, []).append(role)
    roles = {i: min(found, key=PRIORITY.index) for i, found in by_para.items()}
    notes = tuple(f"paragraph {i + 1} holds {', '.join(dict.fromkeys(found))}; labelled {roles[i]}"
                  for i, found in by_para.items() if len(set(found)) > 1)
    signers = sum(1 for role in roles.values() if role == "ho_ten_ky")
    if signers > 1:
        notes += (f"{signers} signers side by side",)
    if dropped:
        notes += (f"{len(dropped)} receipt/confirmation block(s) beside the signature left unlabelled",)
    return ClosingLabels(roles, notes)


def is_appendix_heading(para: model.Paragraph) -> bool:
    return pt.is_phu_luc(squash(para.label_and_text))
