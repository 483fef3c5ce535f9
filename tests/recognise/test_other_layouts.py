"""Whole role lists for paragraph (LibreOffice/typed) layouts, missing or moved elements,
joint documents and a state document."""
from __future__ import annotations

from datetime import date

from tests.recognise.blocks import C, indented_signature, typed_header, word_header, word_signature
from tests.recognise.build import L, check

J = {"align": "justify", "first_line": 720}
RIGHT = {"align": "center", "indent_left": 4700}


def test_typed_header_with_tabs_and_indented_signature() -> None:
    rec = check([
        *typed_header(),
        (L("NGHỊ QUYẾT", **C, bold=True), "ten_loai"),
        (L("về công tác cán bộ", **C, bold=True), "trich_yeu"),
        (L("", **C, lines=1), "gach_trich_yeu"),
        (L("Ban Thường vụ Tỉnh ủy nhận định:", **J), "noi_dung"),
        *indented_signature(),
    ])
    assert rec.family == "party"
    assert rec.document_type == "nghị quyết"
    # the date shares its line with số: the line is read as its two parts, each its own element
    assert rec.issue_date == date(2018, 8, 27)
    assert any("holds 2 elements" in n for n in rec.notes)


def test_paragraph_header_by_alignment_and_indents() -> None:
    check([
        (L("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", indent_left=4600, bold=True), "tieu_de"),
        (L("", align="center", indent_left=4600, border_bottom=True), "duong_ke_tieu_de"),
        (L("ĐẢNG BỘ KHỐI CƠ QUAN", align="center", indent_right=5000), "co_quan_cap_tren"),
        (L("ĐẢNG ỦY SỞ Y TẾ", align="center", indent_right=5000, bold=True), "co_quan_ban_hanh"),
        (L("*", align="center", indent_right=5000), "dau_sao"),
        (L("Số 12-BC/ĐU", align="center", indent_right=5000), "so_ky_hieu"),
        (L("Hà Nội, ngày 03 tháng 3 năm 2022", align="right", italic=True), "dia_danh_ngay"),
        (L("BÁO CÁO", **C, bold=True), "ten_loai"),
        (L("kết quả công tác quý I", **C, bold=True), "trich_yeu"),
        (L("Quý I, Đảng ủy đã lãnh đạo hoàn thành nhiệm vụ.", **J), "noi_dung"),
        # a closing typed without a table: each line is the recipient part and the signature part
        (L("Nơi nhận:\t\tT/M ĐẢNG ỦY", bold=True), ("noi_nhan", "tham_quyen_ky")),
        (L("- Đảng ủy Khối,\t\tBÍ THƯ", size=24), ("noi_nhan_muc", "chuc_vu_ky")),
        (L("- Lưu.", size=24), "noi_nhan_muc"),
        (L("", **RIGHT), None),
        (L("Phạm Văn G", bold=True, **RIGHT), "ho_ten_ky"),
    ])


def test_missing_tieu_de_so_and_noi_nhan() -> None:
    rec = check([
        (L("TỈNH ỦY LẠNG SƠN", table=(0, 0, 0), **C, bold=True), "co_quan_ban_hanh"),
        (L("*", table=(0, 0, 0), **C), "dau_sao"),
        (L("", table=(0, 0, 1)), None),
        (L("Lạng Sơn, ngày 31 tháng 2 năm 2018", table=(0, 0, 1), italic=True), "dia_danh_ngay"),
        (L("KẾT LUẬN", **C, bold=True), "ten_loai"),
        (L("về tình hình kinh tế - xã hội", **C, bold=True), "trich_yeu"),
        (L("Thường trực Tỉnh ủy kết luận:", **J), "noi_dung"),
        (L("T/M BAN THƯỜNG VỤ", table=(1, 0, 1), **C, bold=True), "tham_quyen_ky"),
        (L("BÍ THƯ", table=(1, 0, 1), **C), "chuc_vu_ky"),
        (L("Lê Văn H", table=(1, 0, 1), **C, bold=True), "ho_ten_ky"),
    ])
    assert rec.family == "party"  # no tiêu đề, no số: the `*` and T/M are enough
    assert rec.issue_date is None  # 31 February is not a date
    assert any("not a real date" in n for n in rec.notes)


def test_missing_ten_loai_and_header_found_by_marks() -> None:
    rec = check([
        *word_header(so="Số 55-CV/TU"),
        (L("Ban Thường vụ Tỉnh ủy đề nghị các đơn vị báo cáo trước ngày 15.", **J), "noi_dung"),
        *word_signature(table=1),
    ])
    assert rec.document_type == "công văn"  # from the số ký hiệu, noted
    assert any("số ký hiệu" in n for n in rec.notes)


def test_reordered_header_date_above_signature_and_swapped_columns() -> None:
    rec = check([
        (L("ĐẢNG CỘNG SẢN VIỆT NAM", table=(0, 0, 0), **C, bold=True), "tieu_de"),
        (L("HUYỆN ỦY BẮC SƠN", table=(0, 0, 1), **C, bold=True), "co_quan_ban_hanh"),
        (L("*", table=(0, 0, 1), **C), "dau_sao"),
        (L("Số 08-KH/HU", table=(0, 0, 1), **C), "so_ky_hieu"),
        (L("KẾ HOẠCH", **C, bold=True), "ten_loai"),
        (L("tổ chức đại hội chi bộ", **C, bold=True), "trich_yeu"),
        (L("Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy.", **J), "noi_dung"),
        (L("Bắc Sơn, ngày 9 tháng 11 năm 2019", align="right", italic=True), "dia_danh_ngay"),
        *word_signature(authority="T/M BAN THƯỜNG VỤ", table=1),
    ])
    assert rec.issue_date == date(2019, 11, 9)
    assert rec.family == "party"


def test_joint_document_two_signers_side_by_side() -> None:
    rec = check([
        *word_header(upper=None, issuer="BAN TUYÊN GIÁO TỈNH ỦY", so="Số 01-HD/BTG-SVHTT"),
        (L("HƯỚNG DẪN", **C, bold=True), "ten_loai"),
        (L("liên tịch về tuyên truyền bầu cử", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("Hai cơ quan thống nhất hướng dẫn như sau:", **J), "noi_dung"),
        (L("K/T TRƯỞNG BAN", table=(1, 0, 0), **C, bold=True), "tham_quyen_ky"),
        (L("PHÓ TRƯỞNG BAN", table=(1, 0, 0), **C), "chuc_vu_ky"),
        (L("", table=(1, 0, 0)), None),
        (L("Nguyễn Thị K", table=(1, 0, 0), **C, bold=True), "ho_ten_ky"),
        (L("K/T GIÁM ĐỐC", table=(1, 0, 1), **C, bold=True), "tham_quyen_ky"),
        (L("PHÓ GIÁM ĐỐC", table=(1, 0, 1), **C), "chuc_vu_ky"),
        (L("", table=(1, 0, 1)), None),
        (L("Đỗ Văn M", table=(1, 0, 1), **C, bold=True), "ho_ten_ky"),
        (L("Nơi nhận:", table=(1, 1, 0), underline="single"), "noi_nhan"),
        (L("- Như trên,", table=(1, 1, 0), size=24), "noi_nhan_muc"),
        (L("- Lưu.", table=(1, 1, 0), size=24), "noi_nhan_muc"),
    ])
    assert len(rec.paragraphs_with("ho_ten_ky")) == 2
    assert any("2 signers" in n for n in rec.notes)


def test_state_decision_nd30() -> None:
    rec = check([
        (L("ỦY BAN NHÂN DÂN", table=(0, 0, 0), **C, bold=True, size=26), "co_quan_ban_hanh"),
        (L("TỈNH THÁI NGUYÊN", table=(0, 0, 0), **C, bold=True, size=26), "co_quan_ban_hanh"),
        (L("", table=(0, 0, 0), lines=1), "duong_ke_co_quan"),
        (L("Số: 07/2025/QĐ-UBND", table=(0, 0, 0), **C, size=26), "so_ky_hieu"),
        (L("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", table=(0, 0, 1), **C, bold=True, size=26), "quoc_hieu"),
        (L("Độc lập – Tự do – Hạnh phúc", table=(0, 0, 1), **C, bold=True), "tieu_ngu"),
        (L("", table=(0, 0, 1), lines=1), "duong_ke_tieu_ngu"),
        (L("Thái Nguyên, ngày 14 tháng 02 năm 2025", table=(0, 0, 1), **C, italic=True), "dia_danh_ngay"),
        (L("QUYẾT ĐỊNH", **C, bold=True), "ten_loai"),
        (L("Ban hành quy định phân cấp quản lý", **C, bold=True), "trich_yeu"),
        (L("", **C, lines=1), "gach_trich_yeu"),
        (L("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", **C, bold=True), "can_cu"),
        (L("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", **J), "can_cu"),
        (L("Theo đề nghị của Giám đốc Sở Nội vụ.", **J), "can_cu"),
        (L("QUYẾT ĐỊNH:", **C, bold=True), "can_cu"),
        (L("Điều 1. Ban hành kèm theo Quyết định này Quy định phân cấp.", **J), "dieu"),
        (L("Nơi nhận:", table=(1, 0, 0), bold=True, italic=True), "noi_nhan"),
        (L("- Như Điều 3;", table=(1, 0, 0), size=22), "noi_nhan_muc"),
        (L("- Lưu: VT, NC.", table=(1, 0, 0), size=22), "noi_nhan_muc"),
        (L("TM. ỦY BAN NHÂN DÂN", table=(1, 0, 1), **C, bold=True), "tham_quyen_ky"),
        (L("CHỦ TỊCH", table=(1, 0, 1), **C, bold=True), "chuc_vu_ky"),
        (L("", table=(1, 0, 1)), None),
        (L("Trịnh Việt Hùng", table=(1, 0, 1), **C, bold=True), "ho_ten_ky"),
        (L("Phụ lục I", **C, bold=True), "phu_luc"),
        (L("DANH MỤC CƠ QUAN", **C, bold=True), None),
    ])
    assert rec.family == "state"
    assert rec.document_type == "quyết định"
    assert rec.issue_date == date(2025, 2, 14)


def test_wrong_authority_forms_and_upper_case_name() -> None:
    check([
        *word_header(),
        (L("THÔNG BÁO", **C, bold=True), "ten_loai"),
        (L("về lịch làm việc", **C, bold=True), "trich_yeu"),
        (L("Thường trực thông báo lịch làm việc.", **J), "noi_dung"),
        (L("TM. BAN THƯỜNG VỤ", table=(1, 0, 1), **C, bold=True), "tham_quyen_ky"),
        (L("BÍ THƯ", table=(1, 0, 1), **C), "chuc_vu_ky"),
        (L("", table=(1, 0, 1)), None),
        (L("NGUYỄN VĂN A", table=(1, 0, 1), **C, bold=True), "ho_ten_ky"),
        (L("Q. CHÁNH VĂN PHÒNG", table=(2, 0, 1), **C, bold=True), "tham_quyen_ky"),
        (L("Lê Thị P", table=(2, 0, 1), **C, bold=True), "ho_ten_ky"),
    ])


def test_marks_text_boxes_page_number_footer_contact_and_typist() -> None:
    rec = check([
        (L("MẬT", textbox=True, bold=True), "dau_mat"),
        (L("HỎA TỐC", textbox=True, bold=True), "dau_khan"),
        *word_header(so="Số 77-CV/TU", summary="về việc triển khai công tác bảo vệ bí mật"),
        (L("KHẨN", bold=True), "dau_khan"),
        (L("Kính gửi: Các huyện ủy, thành ủy", **C), "kinh_gui"),
        (L("Thực hiện chỉ đạo của Trung ương.", **J), "noi_dung"),
        *word_signature(table=1),
        (L("TL/20b", size=22), "ky_hieu_nguoi_danh_may"),
        (L("2", part="header", **C, fields=("PAGE",)), "so_trang"),
        (L("Địa chỉ: 2 Hoàng Văn Thụ; ĐT: 0205.3812345", part="footer", size=20), "thong_tin_lien_he"),
    ])
    assert rec.document_type == "công văn"


def test_tieu_de_with_deviant_case_and_spaces_still_labelled() -> None:
    check([
        (L("TỈNH ỦY", table=(0, 0, 0), **C, bold=True), "co_quan_ban_hanh"),
        (L("Số 1-NQ/TU", table=(0, 0, 0), **C), "so_ky_hieu"),
        (L("Đảng  Cộng sản  Việt Nam", table=(0, 0, 1), **C, bold=True), "tieu_de"),
        (L("NGHỊ QUYẾT", **C, bold=True), "ten_loai"),
        (L("về công tác dân vận", **C, bold=True), "trich_yeu"),
        (L("Nội dung.", **J), "noi_dung"),
    ])
