"""Documents for the CLI tests, built the way Word saves them (thethuc.testing.party)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from thethuc.testing.party import PartyDoc, Signer, body, word_layout, write_party

NGHI_QUYET = PartyDoc(
    co_quan_cap_tren=("ĐẢNG BỘ TỈNH LẠNG SƠN",),
    co_quan_ban_hanh=("TỈNH ỦY",),
    so_ky_hieu="Số 15-NQ/TU",
    dia_danh_ngay="Lạng Sơn, ngày 27 tháng 8 năm 2018",
    ten_loai="NGHỊ QUYẾT",
    trich_yeu=("về công tác văn thư, lưu trữ",),
    body=body(
        ("de_muc_1", "I. TÌNH HÌNH"),
        "Thời gian qua, công tác văn thư, lưu trữ của Đảng bộ tỉnh đã có nhiều chuyển biến tích cực.",
        ("de_muc_1", "II. NHIỆM VỤ"),
        "Các cấp ủy tiếp tục quán triệt, thực hiện nghiêm các quy định về thể thức văn bản của Đảng.",
    ),
    signers=(Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"),),
    noi_nhan_muc=("- Ban Bí thư (để báo cáo),", "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."),
)


def good(path: Path) -> Path:
    """A conforming nghị quyết: no finding."""
    return write_party(path, NGHI_QUYET)


def body_13pt(path: Path) -> Path:
    """Body in 13 pt through the Normal style: B001 (grade A, error)."""
    return write_party(path, NGHI_QUYET, word_layout(normal_size_pt=13))


def top_margin_25(path: Path) -> Path:
    """Top margin 25 mm: P003 (grade C, warning) and nothing at error level."""
    return write_party(path, NGHI_QUYET, word_layout(margins_mm=(25, 20, 30, 15)))


def broken(path: Path) -> Path:
    path.write_bytes(b"this is not a zip file at all")
    return path


def other_date(path: Path) -> Path:
    return write_party(path, replace(NGHI_QUYET, dia_danh_ngay="Lạng Sơn, ngày 05 tháng 9 năm 2019"))
