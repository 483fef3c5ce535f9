"""Reusable header and signature blocks, as (line, expected role) pairs, in Word and typed layouts."""
from __future__ import annotations

from typing import Any

from tests.recognise.build import L

Expect = tuple[tuple[str, dict[str, Any]], str | tuple[str | None, ...] | None]
C = {"align": "center"}


def word_header(upper: str | None = "ĐẢNG BỘ TỈNH LẠNG SƠN", issuer: str = "TỈNH ỦY",
                so: str | None = "Số 15-NQ/TU", date: str = "Lạng Sơn, ngày 27 tháng 8 năm 2018",
                table: int = 0, summary: str | None = None) -> list[Expect]:
    """The borderless two-column header table Word users make (left: bodies, `*`, số; right: title, date)."""
    left = (table, 0, 0)
    right = (table, 0, 1)
    out: list[Expect] = []
    if upper:
        out.append((L(upper, table=left, **C, size=28), "co_quan_cap_tren"))
    out.append((L(issuer, table=left, **C, bold=True), "co_quan_ban_hanh"))
    out.append((L("*", table=left, **C), "dau_sao"))
    if so:
        out.append((L(so, table=left, **C), "so_ky_hieu"))
    if summary:
        out.append((L(summary, table=left, **C, italic=True, size=24), "trich_yeu_cong_van"))
    out += [
        (L("ĐẢNG CỘNG SẢN VIỆT NAM", table=right, **C, bold=True, size=30), "tieu_de"),
        (L("", table=right, **C, lines=1), "duong_ke_tieu_de"),
        (L(date, table=right, align="right", italic=True), "dia_danh_ngay"),
    ]
    return out


def word_signature(authority: str = "T/M BAN THƯỜNG VỤ", title: str = "BÍ THƯ",
                   name: str = "Nguyễn Văn A", table: int = 1,
                   recipients: tuple[str, ...] = ("- Ban Bí thư (để báo cáo),", "- Các huyện ủy, thành ủy,",
                                                  "- Lưu Văn phòng Tỉnh ủy.")) -> list[Expect]:
    """Borderless table: Nơi nhận on the left, the signature on the right."""
    left = (table, 0, 0)
    right = (table, 0, 1)
    out: list[Expect] = [(L("Nơi nhận:", table=left, underline="single"), "noi_nhan")]
    out += [(L(item, table=left, size=24), "noi_nhan_muc") for item in recipients]
    if authority:
        out.append((L(authority, table=right, **C, bold=True), "tham_quyen_ky"))
    out += [
        (L(title, table=right, **C), "chuc_vu_ky"),
        (L("", table=right), None),
        (L("(Đã ký)", table=right, **C, italic=True), None),
        (L("", table=right), None),
        (L(name, table=right, **C, bold=True), "ho_ten_ky"),
    ]
    return out


def typed_header(upper: str = "ĐẢNG BỘ TỈNH LẠNG SƠN", issuer: str = "TỈNH ỦY",
                 so: str = "Số 15-NQ/TU", date: str = "Lạng Sơn, ngày 27 tháng 8 năm 2018") -> list[Expect]:
    """A typed layout: each header line one paragraph, left and right parts separated by tabs
    (each part is an element of its own)."""
    return [
        (L(f"{upper}\t\tĐẢNG CỘNG SẢN VIỆT NAM", bold=False), ("co_quan_cap_tren", "tieu_de")),
        (L(issuer, bold=True, indent_left=600), "co_quan_ban_hanh"),
        (L("*", indent_left=1300), "dau_sao"),
        (L(f"{so}\t\t{date}"), ("so_ky_hieu", "dia_danh_ngay")),
    ]


def indented_signature(authority: str = "T/M BAN THƯỜNG VỤ", title: str = "PHÓ BÍ THƯ",
                       name: str = "Trần Thị B") -> list[Expect]:
    """LibreOffice-style: the signature centred in a right indent, Nơi nhận below at the margin."""
    right = {"align": "center", "indent_left": 4700}
    return [
        (L(authority, bold=True, **right), "tham_quyen_ky"),
        (L(title, **right), "chuc_vu_ky"),
        (L("", **right), None),
        (L("", **right), None),
        (L(name, bold=True, **right), "ho_ten_ky"),
        (L("Nơi nhận:", underline="single"), "noi_nhan"),
        (L("- Như trên,", size=24), "noi_nhan_muc"),
        (L("- Lưu Văn phòng.", size=24), "noi_nhan_muc"),
    ]
