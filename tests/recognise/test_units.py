"""Pure helpers of the recogniser: text folding, element patterns, heading labels, role names,
and the promise that recognise never raises."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.recognise.build import L, doc_from_lines
from thethuc import model
from thethuc.recognise import patterns as pt
from thethuc.recognise import recognise
from thethuc.recognise.family import parse_issue_date
from thethuc.recognise.headings import alpha_to_int, parse_label, roman_to_int
from thethuc.recognise.text import is_upper
from thethuc.roles import ROLE_NAMES, role_name
from thethuc.textutil import fold


@pytest.mark.parametrize(("a", "b"), [
    ("HUYỆN ỦY", "Huyện uỷ"), ("CỘNG HÒA", "CỘNG HOÀ"), ("Thanh Hóa", "Thanh Hoá"), ("a  –  b", "A - B"),
])
def test_fold_equates_spellings(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize("word", ["hoàn thành", "toán", "loại", "khoản", "kế hoạch"])
def test_fold_moves_a_tone_only_at_a_syllable_end(word: str) -> None:
    # Moving "oà"→"òa" anywhere would turn "loại" into "lọai", and a folded text would not meet a
    # pattern written in ordinary spelling; fold leaves mid-syllable tones alone.
    assert fold(word) == word.lower()


@pytest.mark.parametrize(("text", "upper"), [
    ("ĐẢNG BỘ TỈNH (KHÓA XVI)", True), ("Số 15-NQ/TU", False), ("123", False), ("T/M", True), ("Đảng", False)])
def test_is_upper_counts_letters_only(text: str, upper: bool) -> None:
    assert is_upper(text) is upper


@pytest.mark.parametrize(("text", "prefix"), [
    ("T/M BAN THƯỜNG VỤ", "T/M"), ("K/T BÍ THƯ", "K/T"), ("T/L BAN THƯỜNG VỤ", "T/L"), ("TM. ỦY BAN", "TM."),
    ("KT. CHỦ TỊCH", "KT."), ("TL. GIÁM ĐỐC", "TL."), ("TUQ. GIÁM ĐỐC", "TUQ."), ("T.M BAN THƯỜNG VỤ", "T.M"),
    ("Q. CHÁNH VĂN PHÒNG", "Q."), ("TM BAN THƯỜNG VỤ", "TM"), ("Tổng số đảng viên", None), ("TỈNH ỦY", None),
])
def test_tham_quyen_prefixes(text: str, prefix: str | None) -> None:
    assert pt.tham_quyen(text) == prefix


@pytest.mark.parametrize(("text", "kind"), [
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de"), ("Đảng Cộng sản  Việt Nam", "tieu_de"), ("DANG CONG SAN VIET NAM",
                                                                                    "tieu_de"),
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu"), ("Độc lập - Tự do - Hạnh phúc", "tieu_ngu"),
    ("* * *", "dau_sao"), ("Số 15-NQ/TU", "so_ky_hieu"), ("Số: 07/QĐ-UBND", "so_ky_hieu"),
    ("Số        -NQ/CB", "so_ky_hieu"), ("Lạng Sơn, ngày 27 tháng 8 năm 2018", "dia_danh_ngay"),
    ("Đà Nẵng, Ngày    tháng    năm {{y}}", "dia_danh_ngay"), ("TUYỆT MẬT", "dau_mat"), ("BÍ MẬT", "dau_mat"),
    ("HOẢ TỐC", "dau_khan"), ("THƯỢNG KHẨN", "dau_khan"), ("Dự thảo lần 2", "du_thao"),
    ("LƯU HÀNH NỘI BỘ", "chi_dan_luu_hanh"), ("__________", "rule"), ("TỈNH ỦY", None),
])
def test_header_line_kinds(text: str, kind: str | None) -> None:
    from thethuc.recognise.header_block import fixed_kind

    assert fixed_kind(text) == kind


@pytest.mark.parametrize(("text", "name"), [
    ("NGHỊ QUYẾT", "nghị quyết"), ("KẾ HOẠCH", "kế hoạch"), ("Quy hoạch", "quy hoạch"),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "chương trình"), ("GIẤY GIỚI THIỆU", "giấy giới thiệu"), ("QUYẾT ĐỊNH:", "quyết định"),
    ("TỈNH ỦY LẠNG SƠN", None), ("QUY CHẾ", "quy chế"),
])
def test_document_type_names(text: str, name: str | None) -> None:
    assert pt.document_type(text) == name


@pytest.mark.parametrize(("text", "expected"), [
    ("Điều 3. Hiệu lực", ("dieu", "Điều 3.", "decimal", 3, ".")),
    ("Chương IV", ("chuong", "Chương IV", "roman", 4, "")),
    ("Phần thứ ba", ("phan", "Phần thứ ba", "word", 3, "")),
    ("Mục 2", ("muc", "Mục 2", "decimal", 2, "")),
    ("XIV. KIẾN NGHỊ", ("roman", "XIV.", "roman", 14, ".")),
    ("IX- TỔ CHỨC", ("roman", "IX-", "roman", 9, "-")),
    ("12. Nội dung", ("decimal", "12.", "decimal", 12, ".")),
    ("3- Nội dung", ("decimal", "3-", "decimal", 3, "-")),
    ("2.3. Nội dung", ("decimal-dotted", "2.3.", "decimal-dotted", 3, ".")),
    ("đ) thứ năm", ("alpha", "đ)", "alpha", 5, ")")),
    ("g) thứ bảy", ("alpha", "g)", "alpha", 7, ")")),
    ("+ ý", ("bullet", "+", "bullet", None, "")),
    ("- ý", ("bullet", "-", "bullet", None, "")),
    # as people type them: no space after the closing punctuation, a quoted (amended) clause
    ("6.1.Công tác tuyên truyền", ("decimal-dotted", "6.1.", "decimal-dotted", 1, ".")),
    ("2.Nhiệm vụ", ("decimal", "2.", "decimal", 2, ".")),
    ("a)Tổ chức hội nghị", ("alpha", "a)", "alpha", 1, ")")),
    ("“a) Sửa đổi khoản 2 như sau", ("alpha", "a)", "alpha", 1, ")")),
    ("\"2. Đối tượng áp dụng", ("decimal", "2.", "decimal", 2, ".")),
])
def test_parse_label(text: str, expected: tuple[object, ...]) -> None:
    label = parse_label(text)
    assert label is not None
    assert (label.kind, label.label, label.style, label.number, label.punct) == expected


@pytest.mark.parametrize("text", ["Điều 5 Điều lệ Đảng quy định", "Mục tiêu chung", "Phần lớn cán bộ",
                                  "2020 là năm bản lề", "f) không có trong bảng chữ cái", "Chương trình",
                                  "3.5% dân số", "10.000 đồng", "6.1Công tác", "a.m. sáng", "“Đảng ta là đạo đức"])
def test_running_text_is_not_a_label(text: str) -> None:
    assert parse_label(text) is None


def test_numbers() -> None:
    assert [roman_to_int(r) for r in ("I", "IV", "IX", "XL", "XIX")] == [1, 4, 9, 40, 19]
    assert [alpha_to_int(c) for c in "abcdđeg"] == [1, 2, 3, 4, 5, 6, 7]
    assert alpha_to_int("f") is None


@pytest.mark.parametrize(("text", "value"), [
    ("Lạng Sơn, ngày 7 tháng 8 năm 2018", "2018-08-07"), ("Hà Nội, ngày 02 tháng 01 năm 2020", "2020-01-02"),
    ("Hà Nội, ngày 30 tháng 2 năm 2020", None), ("Hà Nội, ngày    tháng    năm 2020", None)])
def test_issue_date(text: str, value: str | None) -> None:
    found = parse_issue_date(text)
    assert (str(found) if found else None) == value


def test_role_names_cover_every_role() -> None:
    assert set(ROLE_NAMES) == set(model.ROLES)
    assert ROLE_NAMES["tieu_de"] == ("tiêu đề", "party title")
    assert role_name("ho_ten_ky").en == "signer's name" and role_name("khong_ro").vi == "khong_ro"


def test_never_raises_on_broken_model() -> None:
    doc = doc_from_lines([L("ĐẢNG CỘNG SẢN VIỆT NAM", table=(7, 0, 1)), L("NGHỊ QUYẾT")])
    broken = replace(doc, sections=(), tables=())
    rec = recognise(broken)
    assert rec.roles == ("tieu_de", "ten_loai") and rec.family == "party"
    assert recognise(replace(doc, paragraphs=())).roles == ()


_LINE = st.tuples(
    st.sampled_from(["", "ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY", "*", "Số 1-NQ/TU", "NGHỊ QUYẾT", "về việc",
                     "-----", "Điều 1.", "1.", "a)", "- Căn cứ", "T/M BAN", "Nơi nhận:", "Phụ lục", "\t\t",
                     "KÍNH GỬI:", "Lạng Sơn, ngày 1 tháng 1 năm 2020", "x\ny\tz"]),
    st.fixed_dictionaries({}, optional={
        "table": st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 3)),
        "align": st.sampled_from(["left", "center", "right", "justify"]),
        "indent_left": st.integers(-500, 12000), "lines": st.integers(0, 2), "textbox": st.booleans(),
        "part": st.sampled_from(["document", "header", "footer"]), "numbering_label": st.sampled_from(["", "I.", "a)"]),
    }))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=25))
def test_never_raises_and_labels_from_the_vocabulary(lines: list[tuple[str, dict[str, object]]]) -> None:
    rec = recognise(doc_from_lines(lines))
    assert len(rec.roles) == len(rec.doc.paragraphs)
    assert {r for r in rec.roles if r} <= model.ROLES
    assert not [n for n in rec.notes if "internal error" in n]
    assert all(r is None for p, r in zip(rec.doc.paragraphs, rec.roles,
                                         strict=True) if not p.text.strip() and not p.lines
               and not p.fmt.border_bottom.value and "PAGE" not in p.fields)
