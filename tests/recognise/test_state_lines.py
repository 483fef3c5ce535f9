"""Lines of real state documents the recogniser once mislabelled: a date without its comma, the
enacting sentence after căn cứ lines, a recipient wrapped onto a line that reads like a phone note."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.recognise.blocks import C, word_signature
from tests.recognise.build import L, check
from thethuc.load import load_document
from thethuc.recognise import patterns as pt
from thethuc.recognise import recognise


@pytest.mark.parametrize(("text", "is_date"), [
    ("Hà Nội  ngày      tháng      năm 2020", True),  # hanoi__To-trinh-UBND-HN-DU-THAO-v6.docx
    ("Thành phố Hồ Chí Minh ngày 05 tháng 3 năm 2020", True),
    ("Hà Nội, ngày 05 tháng 3 năm 2020", True),
    ("ngày 05 tháng 3 năm 2020", True),
    ("Hội nghị diễn ra ngày 05 tháng 3 năm 2020", False),  # a sentence, not a place
    ("Kế hoạch số 12 ngày 05 tháng 3 năm 2020", False),
])
def test_a_date_line_may_lack_its_comma_after_a_place(text: str, is_date: bool) -> None:
    assert pt.is_date_line(text) is is_date


def _state_header(date: str) -> list:
    left, right = (0, 0, 0), (0, 0, 1)
    return [
        (L("ỦY BAN NHÂN DÂN", table=left, **C, bold=True), "co_quan_ban_hanh"),
        (L("THÀNH PHỐ HÀ NỘI", table=left, **C, bold=True), "co_quan_ban_hanh"),
        (L("Số:      /TTr-UBND", table=left, **C), "so_ky_hieu"),
        (L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", table=right, **C, bold=True), "quoc_hieu"),
        (L("Độc lập - Tự do - Hạnh phúc", table=right, **C, bold=True), "tieu_ngu"),
        (L(date, table=right, **C, italic=True), "dia_danh_ngay"),
    ]


def test_a_date_without_comma_is_the_date_not_a_summary() -> None:
    rec = check([*_state_header("Hà Nội  ngày      tháng      năm 2020"),
                 (L("TỜ TRÌNH", **C, bold=True), "ten_loai"),
                 (L("Về việc ban hành Nghị quyết về Chương trình mục tiêu", **C, bold=True), "trich_yeu"),
                 (L("Ủy ban nhân dân Thành phố kính trình Thường trực Hội đồng nhân dân Thành phố xem xét."),
                  "noi_dung")])
    assert "trich_yeu_cong_van" not in rec.roles


def test_the_enacting_sentence_belongs_to_can_cu() -> None:
    check([*_state_header("Hà Nội, ngày 05 tháng 3 năm 2020"),
           (L("NGHỊ ĐỊNH", **C, bold=True), "ten_loai"),
           (L("Về công tác văn thư", **C, bold=True), "trich_yeu"),
           (L("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", italic=True), "can_cu"),
           (L("Theo đề nghị của Bộ trưởng Bộ Nội vụ;", italic=True), "can_cu"),
           (L("Chính phủ ban hành Nghị định về công tác văn thư.", italic=True), "can_cu"),
           (L("Chương I", **C, bold=True), "chuong"),
           (L("QUY ĐỊNH CHUNG", **C, bold=True), "chuong_ten"),
           (L("Điều 1. Phạm vi điều chỉnh", bold=True), "dieu"),
           (L("Nghị định này quy định về công tác văn thư."), "noi_dung")])


def test_a_sentence_after_can_cu_that_enacts_nothing_is_body_text() -> None:
    check([*_state_header("Hà Nội, ngày 05 tháng 3 năm 2020"),
           (L("KẾ HOẠCH", **C, bold=True), "ten_loai"),
           (L("Kiểm tra công tác văn thư năm 2023", **C, bold=True), "trich_yeu"),
           (L("Căn cứ Quyết định số 03/QĐ-UBBC ngày 05/12/2025 của Ủy ban bầu cử xã."), "can_cu"),
           (L("Tiểu ban xây dựng kế hoạch triển khai thực hiện như sau:"), "noi_dung"),
           (L("I. MỤC ĐÍCH, YÊU CẦU", bold=True), "de_muc_1")])


def test_a_wrapped_recipient_is_not_a_contact_line() -> None:
    signature = word_signature(authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", recipients=(
        "- Như trên;", "- VPUB: CVP, các PCVP, KT,", "  ĐT, TKBT, TH;", "- Lưu: VT, KGVX."))
    check([*_state_header("Hà Nội, ngày 05 tháng 3 năm 2020"),
           (L("TỜ TRÌNH", **C, bold=True), "ten_loai"),
           (L("Về việc ban hành Nghị quyết", **C, bold=True), "trich_yeu"),
           (L("Ủy ban nhân dân Thành phố kính trình Hội đồng nhân dân Thành phố xem xét."), "noi_dung"),
           *signature])


CORPUS_VN = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "vn"


def _corpus(name: str):
    if not CORPUS_VN.is_dir():
        pytest.skip(f"corpus folder absent: {CORPUS_VN}")
    return recognise(load_document(str(CORPUS_VN / name)))


def _role(rec, starts: str) -> str | None:
    return next(r for p, r in zip(rec.doc.paragraphs, rec.roles, strict=True) if p.text.strip().startswith(starts))


def test_corpus_decree_lead_and_recipients() -> None:
    rec = _corpus("vanbanplus__30_2020_ND_CP.docx")
    assert _role(rec, "Chính phủ ban hành Nghị định") == "can_cu"
    assert _role(rec, "cơ quan thuộc Chính phủ;") == "noi_nhan_muc"


def test_corpus_to_trinh_date_and_wrapped_recipient() -> None:
    rec = _corpus("hanoi__To-trinh-UBND-HN-DU-THAO-v6.docx")
    assert _role(rec, "Hà Nội  ngày") == "dia_danh_ngay" and "trich_yeu_cong_van" not in rec.roles
    assert _role(rec, "ĐT, TKBT, TH;") == "noi_nhan_muc"
