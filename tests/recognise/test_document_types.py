"""Every document type of QĐ 66/399, HD36/HD05 and NĐ 30 is known, from a data file; the other
papers keep their layout (no trích yếu under a giấy giới thiệu); an unlisted but well-formed type
code is information, not an error."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.load import load_document
from thethuc.pipeline import check_file
from thethuc.recognise import patterns as pt
from thethuc.recognise import recognise
from thethuc.recognise.types import code_types, document_types
from thethuc.ruleset import load_ruleset
from thethuc.testing.docx import DocxParts, para, write_docx
from thethuc.testing.wordml import borderless_table, drawn_line, paragraph
from thethuc.textutil import fold

CENTER = '<w:jc w:val="center"/>'
JUSTIFY = '<w:jc w:val="both"/><w:ind w:firstLine="720"/>'
B = "<w:b/>"
TNR = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/>'

# Quy định 66 / 399 thể loại and administrative papers, NĐ 30 Điều 7 and Phụ lục III.
EXPECTED = ("nghị quyết", "quyết định", "chỉ thị", "kết luận", "quy chế", "quy định", "thông tri", "hướng dẫn",
            "thông báo", "thông cáo", "tuyên bố", "lời kêu gọi", "báo cáo", "kế hoạch", "quy hoạch", "chương trình",
            "đề án", "phương án", "dự án", "tờ trình", "công văn", "biên bản", "giấy mời", "giấy giới thiệu",
            "giấy chứng nhận", "giấy đi đường", "giấy nghỉ phép", "giấy ủy quyền", "danh sách", "phiếu gửi",
            "phiếu chuyển", "phiếu báo", "công điện", "bản ghi nhớ", "bản thỏa thuận", "bản sao y",
            "bản trích sao", "bản sao lục", "thư công")


@pytest.mark.parametrize("name", EXPECTED)
def test_every_type_is_known_as_a_ten_loai(name: str) -> None:
    assert pt.document_type(name.upper()) == name
    assert pt.document_type(f"{name.upper()} SỐ 05") is None  # a citation, not a tên loại


def test_a_contract_is_not_read_as_a_ten_loai() -> None:
    """Contracts follow forms of their own (thangphan__hop_dong_lao_dong.docx stays a form, X008)."""
    assert pt.document_type("HỢP ĐỒNG LAO ĐỘNG") is None
    assert code_types("state")["HĐ"] == "hợp đồng"  # the code is still known


def _table(ruleset: str) -> dict[str, set[str]]:
    rule = next(r for r in load_ruleset(ruleset).enabled_rules() if r.code == "H008")
    return {code: set(names) for code, names in rule.params.abbreviations.items()}


def _data(family: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entry in document_types():
        for code in (entry.party if family == "party" else entry.state):
            found.setdefault(code, set()).add(fold(entry.name))
    return found


@pytest.mark.parametrize(("ruleset", "family"), [("hd36", "party"), ("hd05", "party"), ("nd30", "state")])
def test_the_rule_tables_agree_with_the_type_data(ruleset: str, family: str) -> None:
    table = {code: {fold(n) for n in names} for code, names in _table(ruleset).items()}
    assert table == _data(family)


def test_a_type_code_read_without_a_ten_loai_follows_the_family() -> None:
    assert code_types("party")["TT"] == "thông tri" and code_types("state")["TT"] == "thông tư"
    assert "QĐ" not in code_types("party")  # quyết định and quy định share it
    assert code_types("party")["GGT"] == "giấy giới thiệu"


def _p(text: str, ppr: str = "", rpr: str = "") -> str:
    return para(text, ppr, TNR + rpr)


def _party_paper(tmp_path: Path, so: str, title: str, first_line: str) -> Path:
    left = _p("ĐẢNG BỘ TỈNH LẠNG SƠN", CENTER) + _p("TỈNH ỦY", CENTER, B) + _p("*", CENTER) + _p(so, CENTER)
    right = (_p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B + '<w:sz w:val="30"/>')
             + paragraph(drawn_line(1, 2_850_000, 300_000), ppr=CENTER)
             + _p("Lạng Sơn, ngày 07 tháng 8 năm 2018", '<w:jc w:val="right"/>', "<w:i/>"))
    signature = borderless_table((4600, 4800), [[
        _p("Nơi nhận:", "", '<w:u w:val="single"/>') + _p("- Như trên,", "", '<w:sz w:val="24"/>')
        + _p("- Lưu Văn phòng.", "", '<w:sz w:val="24"/>'),
        _p("T/L BAN THƯỜNG VỤ", CENTER, B) + _p("CHÁNH VĂN PHÒNG", CENTER) + _p("") + _p("Lý Văn Q", CENTER, B)]])
    body = (borderless_table((3600, 5800), [[left, right]]) + _p("") + _p(title, CENTER, B + '<w:sz w:val="32"/>')
            + _p(first_line, JUSTIFY) + _p("Đồng chí: Nguyễn Văn A, sinh năm 1980.", JUSTIFY)
            + _p("Được cử đến: Huyện ủy Bắc Sơn để liên hệ công tác.", JUSTIFY) + signature)
    return write_docx(tmp_path / "paper.docx", DocxParts(body=body))


def test_giay_gioi_thieu_has_no_trich_yeu_and_its_code_is_known(tmp_path: Path) -> None:
    path = _party_paper(tmp_path, "Số 05-GGT/TU", "GIẤY GIỚI THIỆU", "trân trọng giới thiệu đồng chí có tên dưới đây")
    rec = recognise(load_document(path))
    assert rec.document_type == "giấy giới thiệu"
    assert "trich_yeu" not in rec.roles  # the lower-case first line is body text, not a trích yếu
    result = check_file(str(path), "hd36")
    assert not [f for f in result.findings if f.code in ("H008", "H010", "X008", "X003")]


def test_an_unlisted_well_formed_type_code_is_information(tmp_path: Path) -> None:
    path = _party_paper(tmp_path, "Số 05-KHPH/TU", "KẾ HOẠCH PHỐI HỢP", "tuyên truyền kỷ niệm ngày thành lập Đảng")
    h008 = [f for f in check_file(str(path), "hd36").findings if f.code in ("H008", "H010")]
    assert [(f.code, f.severity, f.actual.vi if f.actual else None) for f in h008] == [("H008", "info", "«KHPH»")]
    # a malformed one stays an error
    path = _party_paper(tmp_path, "Số 05-k.h.p.h/TU", "KẾ HOẠCH PHỐI HỢP", "tuyên truyền kỷ niệm ngày thành lập Đảng")
    assert {f.severity for f in check_file(str(path), "hd36").findings if f.code == "H008"} == {"error"}


def test_danh_sach_is_a_document_type(tmp_path: Path) -> None:
    path = _party_paper(tmp_path, "Số 03-DS/TU", "DANH SÁCH", "cán bộ diện Ban Thường vụ Tỉnh ủy quản lý")
    rec = recognise(load_document(path))
    assert rec.document_type == "danh sách"
    assert [p.text for p in rec.paragraphs_with("trich_yeu")] == ["cán bộ diện Ban Thường vụ Tỉnh ủy quản lý"]
    assert not [f for f in check_file(str(path), "hd36").findings if f.code in ("H008", "H010")]


def test_a_party_giay_gioi_thieu_needs_no_noi_nhan(tmp_path: Path) -> None:
    """The bearer's paper has a tear-off receipt instead of Nơi nhận (hd36 N001 unless_document_type)."""
    left = _p("ĐẢNG ỦY KHỐI", CENTER) + _p("ĐẢNG ỦY TRƯỜNG", CENTER, B) + _p("*", CENTER) + _p("Số 05-GGT/ĐU", CENTER)
    right = (_p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B + '<w:sz w:val="30"/>')
             + paragraph(drawn_line(1, 2_850_000, 300_000), ppr=CENTER)
             + _p("Đà Nẵng, ngày 07 tháng 8 năm 2018", '<w:jc w:val="right"/>', "<w:i/>"))
    body = (borderless_table((3600, 5800), [[left, right]]) + _p("")
            + _p("GIẤY GIỚI THIỆU", CENTER, B + '<w:sz w:val="32"/>')
            + _p("Ban Thường vụ Đảng ủy trân trọng giới thiệu đồng chí Nguyễn Văn A.", JUSTIFY)
            + _p("Đến sinh hoạt đảng tại Chi bộ khu phố 3.", JUSTIFY)
            + borderless_table((4600, 4800), [[_p("Phần cuống", CENTER), _p("T/M ĐẢNG ỦY", CENTER, B)
                                               + _p("BÍ THƯ", CENTER) + _p("") + _p("Lý Văn Q", CENTER, B)]]))
    path = write_docx(tmp_path / "ggt.docx", DocxParts(body=body))
    assert recognise(load_document(path)).document_type == "giấy giới thiệu"
    assert "N001" not in {f.code for f in check_file(str(path), "hd36").findings}
    assert "N001" in {f.code for f in check_file(str(path), "nd30").findings}  # NĐ 30 mẫu 1.8 has one
