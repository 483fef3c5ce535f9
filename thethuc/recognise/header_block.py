"""Label the page-1 header block: tiêu đề / quốc hiệu, cơ quan, `*`, số, ngày tháng, marks.

Works on `Piece`s so a Word header table, a paragraph layout and a tab-typed layout are one case.
Knows nothing of the title or body below it.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence

from thethuc import model
from thethuc.placement import paragraph_side
from thethuc.recognise import patterns as pt
from thethuc.recognise.layout import Piece, displays_upper, is_drawn_rule, pieces
from thethuc.records import dataclass
from thethuc.textutil import fold

# A paragraph holding several pieces (tab-typed layouts) gets the first role in this order.
PRIORITY: tuple[str, ...] = (
    "tieu_de", "quoc_hieu", "tieu_ngu", "so_ky_hieu", "dia_danh_ngay", "co_quan_ban_hanh",
    "co_quan_cap_tren", "dau_sao", "trich_yeu_cong_van", "dau_mat", "dau_khan", "du_thao",
    "chi_dan_luu_hanh", "duong_ke_tieu_de", "duong_ke_tieu_ngu", "duong_ke_co_quan",
)
_RULE_UNDER: dict[str, str] = {
    "tieu_de": "duong_ke_tieu_de", "tieu_ngu": "duong_ke_tieu_ngu", "quoc_hieu": "duong_ke_tieu_ngu",
    "co_quan_ban_hanh": "duong_ke_co_quan",
}
# A line starting with a place level continues the name above it ("ỦY BAN NHÂN DÂN" /
# "TỈNH THÁI NGUYÊN"), unless it is itself a committee ("TỈNH ỦY", "HUYỆN ỦY").
_PLACE_WORDS = ("tỉnh", "huyện", "xã", "quận", "phường", "thị xã", "thị trấn", "thành phố")


@dataclass(frozen=True)
class HeaderLabels:
    """What labelling the page-1 header block gave: roles by paragraph index, and notes for ``Recognised.notes``."""

    roles: dict[int, str]
    notes: tuple[str, ...]


@functools.lru_cache(maxsize=4096)  # zone finders and labellers test the same header lines again
def fixed_kind(text: str) -> str | None:
    """The role a header line has by its text alone, or None."""
    checks = (
        ("tieu_de", pt.is_tieu_de), ("quoc_hieu", pt.is_quoc_hieu), ("tieu_ngu", pt.is_tieu_ngu),
        ("dau_sao", pt.is_dau_sao), ("so_ky_hieu", lambda t: pt.so_ky_hieu(t) is not None),
        ("dia_danh_ngay", pt.is_date_line), ("dau_mat", pt.is_dau_mat), ("dau_khan", pt.is_dau_khan),
        ("du_thao", pt.is_du_thao), ("chi_dan_luu_hanh", pt.is_chi_dan), ("rule", pt.is_rule_text),
    )
    return next((kind for kind, test in checks if test(text)), None)


def _piece_kinds(doc: model.Document, paras: Sequence[model.Paragraph]) -> list[tuple[Piece, str]]:
    out: list[tuple[Piece, str]] = []
    for para in paras:
        if is_drawn_rule(para):
            out.append((Piece(para.index, paragraph_side(doc, para), "", False), "rule"))
            continue
        for piece in pieces(doc, para):
            kind = fixed_kind(piece.text)
            if kind is None:
                kind = "upper" if displays_upper(doc.paragraphs[piece.paragraph], piece.text) else "other"
            out.append((piece, kind))
    return out


def _continues_name(text: str) -> bool:
    key = fold(text)
    words = key.split()
    return any(key.startswith(w + " ") for w in _PLACE_WORDS) and (len(words) < 2 or words[1] != "ủy")


def split_co_quan(lines: Sequence[Piece]) -> list[str]:
    """Upper body vs issuing body: by boldness when it differs (HD36: upper body regular,
    issuing body bold), else the last name group is the issuing body."""
    if len(lines) == 1:
        return ["co_quan_ban_hanh"]
    bolds = [p.bold for p in lines]
    if bolds[-1] and not all(bolds):
        cut = len(bolds)
        while cut > 0 and bolds[cut - 1]:
            cut -= 1
        return ["co_quan_cap_tren"] * cut + ["co_quan_ban_hanh"] * (len(lines) - cut)
    last_group = len(lines) - 1
    while last_group > 0 and _continues_name(lines[last_group].text):
        last_group -= 1
    return ["co_quan_cap_tren"] * last_group + ["co_quan_ban_hanh"] * (len(lines) - last_group)


def _co_quan_stream(kinds: list[tuple[Piece, str]]) -> list[Piece]:
    """Capital lines above `*`/số on one side: the left if it has any (swapped layouts: right)."""
    for side in ("left", "center", "right"):
        found: list[Piece] = []
        for piece, kind in kinds:
            if piece.side != side:
                continue
            if kind in ("so_ky_hieu", "dau_sao") or (found and kind == "other"):
                break
            if kind == "upper":
                found.append(piece)
        if found:
            return found
    return []


def _label_pieces(kinds: list[tuple[Piece, str]]) -> list[tuple[Piece, str | None]]:
    co_quan = _co_quan_stream(kinds)
    co_quan_roles = dict(zip((id(p) for p in co_quan), split_co_quan(co_quan), strict=False)) if co_quan else {}
    last_on_side: dict[str, str] = {}
    last_any: str | None = None
    so_seen = False
    out: list[tuple[Piece, str | None]] = []
    for piece, kind in kinds:
        role: str | None
        if kind == "rule":
            above = last_on_side.get(piece.side) or last_any
            role = _RULE_UNDER.get(above or "")
        elif kind == "upper":
            role = co_quan_roles.get(id(piece))
        elif kind == "other":
            role = "trich_yeu_cong_van" if so_seen or _looks_like_summary(piece.text) else None
        else:
            role = kind
        so_seen = so_seen or kind == "so_ky_hieu"
        if role:
            last_on_side[piece.side] = role
            last_any = role
        out.append((piece, role))
    return out


def _looks_like_summary(text: str) -> bool:
    key = fold(text)
    return key.startswith("v/v") or key.startswith("về ")


def label_header(doc: model.Document, paras: Sequence[model.Paragraph]) -> HeaderLabels:
    """Roles for the paragraphs of the header zone (body order, textboxes excluded)."""
    labelled = _label_pieces(_piece_kinds(doc, paras))
    by_para: dict[int, list[str]] = {}
    for piece, role in labelled:
        if role:
            by_para.setdefault(piece.paragraph, []).append(role)
    roles: dict[int, str] = {}
    notes: list[str] = []
    for index, found in by_para.items():
        best = min(found, key=lambda r: PRIORITY.index(r) if r in PRIORITY else len(PRIORITY))
        roles[index] = best
        if len(set(found)) > 1:
            notes.append(f"paragraph {index + 1} holds {', '.join(dict.fromkeys(found))} "
                         f"(tab layout); labelled {best}")
    return HeaderLabels(roles, tuple(notes))


def has_header_mark(doc: model.Document, para: model.Paragraph) -> bool:
    """True when a paragraph reads as one of the fixed header elements."""
    if is_drawn_rule(para):
        return False
    kinds = {fixed_kind(p.text) for p in pieces(doc, para)}
    return bool(kinds & {"tieu_de", "quoc_hieu", "tieu_ngu", "dau_sao", "so_ky_hieu", "dia_danh_ngay"})
