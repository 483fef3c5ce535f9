"""Whole role lists of Party documents laid out the way Word users make them (header and
signature in borderless tables), one document type per test."""
from __future__ import annotations

from datetime import date

from tests.recognise.blocks import C, word_header, word_signature
from tests.recognise.build import L, check

J = {"align": "justify", "first_line": 720}


def test_nghi_quyet_with_plenum_name_and_two_line_summary() -> None:
    rec = check([
        *word_header(so="Số 09-NQ/TU"),
        (L("", **C), None),
        (L("NGHỊ QUYẾT", **C, bold=True, size=32), "ten_loai"),
        (L("HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI)", **C, bold=True), "ten_hoi_nghi"),
        (L("về đẩy mạnh phát triển kinh tế tập thể", **C, bold=True), "trich_yeu"),
        (L("giai đoạn 2018 - 2025", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("I. TÌNH HÌNH VÀ NGUYÊN NHÂN", bold=True, **J), "de_muc_1"),
        (L("Qua 5 năm thực hiện, kinh tế tập thể có bước phát triển.", **J), "noi_dung"),
        (L("II. MỤC TIÊU", bold=True, **J), "de_muc_1"),
        (L("1. Mục tiêu chung", bold=True, **J), "de_muc_2"),
        (L("Phát triển kinh tế tập thể bền vững.", **J), "noi_dung"),
        (L("2. Mục tiêu cụ thể", bold=True, **J), "de_muc_2"),
        (L("- Đến năm 2025 có 500 hợp tác xã.", **J), "de_muc_5"),
        (L("", **J), None),
        *word_signature(),
    ])
    assert rec.family == "party"
    assert rec.document_type == "nghị quyết"
    assert rec.issue_date == date(2018, 8, 27)
    assert [(h.role, h.label, h.style, h.number, h.punct) for h in rec.headings] == [
        ("de_muc_1", "I.", "roman", 1, "."), ("de_muc_1", "II.", "roman", 2, "."),
        ("de_muc_2", "1.", "decimal", 1, "."), ("de_muc_2", "2.", "decimal", 2, "."),
        ("de_muc_5", "-", "bullet", None, ""),
    ]


def test_quyet_dinh_with_can_cu_articles_khoan_diem() -> None:
    rec = check([
        *word_header(so="Số 127-QĐ/TU", date="Lạng Sơn, ngày 5 tháng 3 năm 2019"),
        (L("QUYẾT ĐỊNH", **C, bold=True, size=32), "ten_loai"),
        (L("về việc thành lập Ban Chỉ đạo", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", **J), "can_cu"),
        (L("- Căn cứ Quy chế làm việc của Tỉnh ủy khóa XVI;", **J), "can_cu"),
        (L("- Xét đề nghị của Ban Tổ chức Tỉnh ủy,", **J), "can_cu"),
        (L("BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH:", **C, bold=True), "can_cu"),
        (L("Điều 1. Thành lập Ban Chỉ đạo gồm các đồng chí:", **J), "dieu"),
        (L("1. Đồng chí Nguyễn Văn C, Phó Bí thư, Trưởng ban.", **J), "khoan"),
        (L("2. Đồng chí Lê Văn D, Ủy viên, Phó Trưởng ban.", **J), "khoan"),
        (L("Điều 2. Ban Chỉ đạo có nhiệm vụ:", **J), "dieu"),
        (L("a) Giúp Ban Thường vụ chỉ đạo;", **J), "diem"),
        (L("b) Kiểm tra, đôn đốc;", **J), "diem"),
        (L("đ) Báo cáo định kỳ.", **J), "diem"),
        (L("- Các thành viên làm việc kiêm nhiệm.", **J), "noi_dung"),
        (L("Điều 3. Quyết định có hiệu lực từ ngày ký.", **J), "dieu"),
        *word_signature(authority="T/M BAN THƯỜNG VỤ", title="PHÓ BÍ THƯ THƯỜNG TRỰC"),
    ])
    assert rec.document_type == "quyết định"
    assert rec.issue_date == date(2019, 3, 5)
    assert [(h.role, h.number) for h in rec.headings] == [
        ("dieu", 1), ("khoan", 1), ("khoan", 2), ("dieu", 2), ("diem", 1), ("diem", 2), ("diem", 5), ("dieu", 3)]


def test_chi_thi_issuing_body_on_one_line_no_upper_body() -> None:
    rec = check([
        *word_header(upper=None, issuer="BAN CHẤP HÀNH TRUNG ƯƠNG", so="Số 05-CT/TW",
                     date="Hà Nội, ngày 15 tháng 5 năm 2016"),
        (L("CHỈ THỊ", **C, bold=True, size=32), "ten_loai"),
        (L("CỦA BỘ CHÍNH TRỊ", **C, bold=True), "ten_hoi_nghi"),
        (L("về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", **C, bold=True),
         "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("Thời gian qua, việc học tập và làm theo tư tưởng đã đạt kết quả.", **J), "noi_dung"),
        (L("Bộ Chính trị yêu cầu các cấp ủy thực hiện tốt các nội dung sau:", **J), "noi_dung"),
        (L("1. Tiếp tục nâng cao nhận thức.", **J), "de_muc_2"),
        (L("2. Đưa việc học tập thành việc làm thường xuyên.", **J), "de_muc_2"),
        *word_signature(authority="T/M BỘ CHÍNH TRỊ", title="TỔNG BÍ THƯ", name="Nguyễn Phú Trọng"),
    ])
    assert rec.document_type == "chỉ thị"
    assert rec.family == "party"


def test_thong_bao_with_uuy_spelling_and_hoa_new_placement() -> None:
    rec = check([
        *word_header(upper="ĐẢNG BỘ TỈNH THÁI NGUYÊN", issuer="HUYỆN UỶ ĐỊNH HOÁ", so="Số 210-TB/HU",
                     date="Định Hoá, ngày 02 tháng 01 năm 2020"),
        (L("THÔNG BÁO", **C, bold=True, size=32), "ten_loai"),
        (L("kết luận của Thường trực Huyện uỷ", **C, bold=True), "trich_yeu"),
        (L("về công tác chuẩn bị đại hội", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("Ngày 30/12/2019, Thường trực Huyện uỷ họp nghe báo cáo.", **J), "noi_dung"),
        (L("Thường trực Huyện uỷ kết luận như sau:", **J), "noi_dung"),
        *word_signature(authority="T/L BAN THƯỜNG VỤ", title="CHÁNH VĂN PHÒNG", name="Hoàng Văn E"),
    ])
    assert rec.document_type == "thông báo"
    assert rec.issue_date == date(2020, 1, 2)


def test_bao_cao_five_heading_levels_and_numbering_labels() -> None:
    rec = check([
        *word_header(so="Số 320-BC/TU"),
        (L("BÁO CÁO", **C, bold=True, size=32), "ten_loai"),
        (L("tổng kết công tác năm 2018", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("KẾT QUẢ THỰC HIỆN", bold=True, numbering_label="I.", **J), "de_muc_1"),
        (L("Công tác chính trị tư tưởng", bold=True, numbering_label="1.", **J), "de_muc_2"),
        (L("1.1. Công tác tuyên truyền", bold=True, **J), "de_muc_3"),
        (L("a) Tuyên truyền trên báo chí", italic=True, **J), "de_muc_4"),
        (L("+ Báo Lạng Sơn đăng 200 tin bài.", **J), "de_muc_5"),
        (L("b) Tuyên truyền miệng", italic=True, **J), "de_muc_4"),
        (L("1.2. Công tác lý luận", bold=True, **J), "de_muc_3"),
        (L("Đã tổ chức 3 hội thảo.", **J), "noi_dung"),
        (L("II- PHƯƠNG HƯỚNG NĂM 2019", bold=True, **J), "de_muc_1"),
        (L("Tiếp tục thực hiện các nhiệm vụ.", **J), "noi_dung"),
        *word_signature(),
    ])
    assert rec.document_type == "báo cáo"
    assert [(h.role, h.label, h.style, h.number, h.punct) for h in rec.headings] == [
        ("de_muc_1", "I.", "roman", 1, "."), ("de_muc_2", "1.", "decimal", 1, "."),
        ("de_muc_3", "1.1.", "decimal-dotted", 1, "."), ("de_muc_4", "a)", "alpha", 1, ")"),
        ("de_muc_5", "+", "bullet", None, ""), ("de_muc_4", "b)", "alpha", 2, ")"),
        ("de_muc_3", "1.2.", "decimal-dotted", 2, "."), ("de_muc_1", "II-", "roman", 2, "-"),
    ]


def test_ke_hoach_with_draft_mark_and_circulation_note() -> None:
    rec = check([
        (L("Dự thảo", align="right", italic=True), "du_thao"),
        *word_header(so="Số      -KH/TU", date="Lạng Sơn, ngày      tháng      năm 2024"),
        (L("TÀI LIỆU HỘI NGHỊ", align="right", bold=True, size=24), "chi_dan_luu_hanh"),
        (L("KẾ HOẠCH", **C, bold=True, size=32), "ten_loai"),
        (L("triển khai thực hiện Chỉ thị số 05-CT/TW", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("I. MỤC ĐÍCH, YÊU CẦU", bold=True, **J), "de_muc_1"),
        (L("1. Mục đích", bold=True, **J), "de_muc_2"),
        (L("Quán triệt sâu sắc nội dung Chỉ thị.", **J), "noi_dung"),
        *word_signature(),
    ])
    assert rec.document_type == "kế hoạch"
    assert rec.issue_date is None


def test_huong_dan_with_phan_and_titles() -> None:
    rec = check([
        *word_header(upper=None, issuer="BAN TUYÊN GIÁO TRUNG ƯƠNG", so="Số 125-HD/BTGTW",
                     date="Hà Nội, ngày 12 tháng 10 năm 2021"),
        (L("HƯỚNG DẪN", **C, bold=True, size=32), "ten_loai"),
        (L("tuyên truyền kỷ niệm các ngày lễ lớn", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("Phần thứ nhất", **C, bold=True), "phan"),
        (L("NỘI DUNG TUYÊN TRUYỀN", **C, bold=True), "phan_ten"),
        (L("1. Ý nghĩa lịch sử của ngày lễ.", **J), "de_muc_2"),
        (L("Phần thứ hai", **C, bold=True), "phan"),
        (L("TỔ CHỨC THỰC HIỆN", **C, bold=True), "phan_ten"),
        (L("Các cấp ủy chỉ đạo thực hiện.", **J), "noi_dung"),
        *word_signature(authority="K/T TRƯỞNG BAN", title="PHÓ TRƯỞNG BAN"),
    ])
    assert rec.document_type == "hướng dẫn"
    assert [(h.role, h.style, h.number) for h in rec.headings][:1] == [("phan", "word", 1)]
    assert [h.number for h in rec.headings if h.role == "phan"] == [1, 2]


def test_to_trinh_with_kinh_trinh() -> None:
    rec = check([
        *word_header(upper="ĐẢNG BỘ TỈNH LẠNG SƠN", issuer="BAN TỔ CHỨC", so="Số 45-TTr/BTCTU"),
        (L("TỜ TRÌNH", **C, bold=True, size=32), "ten_loai"),
        (L("về việc bổ sung quy hoạch cán bộ", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("Kính trình: Ban Thường vụ Tỉnh ủy", **C), "kinh_gui"),
        (L("Thực hiện Quy định số 50-QĐ/TW, Ban Tổ chức trình như sau:", **J), "noi_dung"),
        *word_signature(authority="K/T TRƯỞNG BAN", title="PHÓ TRƯỞNG BAN"),
    ])
    assert rec.document_type == "tờ trình"


def test_cong_van_summary_under_so_and_kinh_gui_list() -> None:
    rec = check([
        *word_header(so="Số 1025-CV/TU", summary="về việc chuẩn bị hội nghị tổng kết"),
        (L("Kính gửi:", **C), "kinh_gui"),
        (L("- Các huyện ủy, thành ủy,", **C), "kinh_gui_muc"),
        (L("- Các đảng ủy trực thuộc Tỉnh ủy.", **C), "kinh_gui_muc"),
        (L("Để chuẩn bị hội nghị, Ban Thường vụ Tỉnh ủy đề nghị các đơn vị:", **J), "noi_dung"),
        (L("1. Xây dựng báo cáo tổng kết.", **J), "de_muc_2"),
        *word_signature(authority="T/L BAN THƯỜNG VỤ", title="PHÓ CHÁNH VĂN PHÒNG"),
    ])
    assert rec.document_type == "công văn"
    assert rec.family == "party"


def test_quy_dinh_with_chuong_muc_dieu() -> None:
    rec = check([
        *word_header(upper=None, issuer="BAN CHẤP HÀNH TRUNG ƯƠNG", so="Số 24-QĐ/TW",
                     date="Hà Nội, ngày 30 tháng 7 năm 2021"),
        (L("QUY ĐỊNH", **C, bold=True, size=32), "ten_loai"),
        (L("thi hành Điều lệ Đảng", **C, bold=True), "trich_yeu"),
        (L("-----", **C), "gach_trich_yeu"),
        (L("- Căn cứ Điều lệ Đảng;", **J), "can_cu"),
        (L("- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương,", **J), "can_cu"),
        (L("Ban Chấp hành Trung ương quy định thi hành Điều lệ Đảng như sau:", **J), "noi_dung"),
        (L("Chương I", **C, bold=True), "chuong"),
        (L("ĐẢNG VIÊN", **C, bold=True), "chuong_ten"),
        (L("Mục 1", **C, bold=True), "muc"),
        (L("ĐIỀU KIỆN KẾT NẠP", **C, bold=True), "muc_ten"),
        (L("Điều 1. Tuổi đời và trình độ học vấn", bold=True, **J), "dieu"),
        (L("1. Tuổi đời từ đủ 18 tuổi.", **J), "khoan"),
        (L("Chương II", **C, bold=True), "chuong"),
        (L("NGUYÊN TẮC TỔ CHỨC", **C, bold=True), "chuong_ten"),
        (L("Điều 2. Nguyên tắc tập trung dân chủ", bold=True, **J), "dieu"),
        *word_signature(authority="T/M BAN CHẤP HÀNH TRUNG ƯƠNG", title="TỔNG BÍ THƯ", name="Nguyễn Phú Trọng"),
    ])
    assert rec.document_type == "quy định"
    assert [(h.role, h.label, h.style, h.number) for h in rec.headings] == [
        ("chuong", "Chương I", "roman", 1), ("muc", "Mục 1", "decimal", 1), ("dieu", "Điều 1.", "decimal", 1),
        ("khoan", "1.", "decimal", 1), ("chuong", "Chương II", "roman", 2), ("dieu", "Điều 2.", "decimal", 2)]
