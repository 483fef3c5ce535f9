"""Header and title layouts seen in real drafts (issue 12), built the way Word writes them: lines
drawn in the next table row or on the empty paragraph below, nested and spaced header tables,
a trích yếu in its own one-cell table or starting with a capital, headers typed with spaces."""
from __future__ import annotations

from pathlib import Path

from thethuc.load import load_document
from thethuc.model import FileResult, Recognised
from thethuc.pipeline import check_file
from thethuc.recognise import recognise
from thethuc.testing.docx import DocxParts, para, write_docx
from thethuc.testing.wordml import borderless_table, drawn_line, paragraph

CENTER = '<w:jc w:val="center"/>'
JUSTIFY = '<w:jc w:val="both"/><w:ind w:firstLine="720"/>'
B = "<w:b/>"
TNR = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/>'


def _p(text: str, ppr: str = "", rpr: str = "") -> str:
    return para(text, ppr, TNR + rpr)


def _line(shape: int, width: int = 2_300_000, offset: int = 500_000) -> str:
    return paragraph(drawn_line(shape, width, offset), ppr=CENTER)


def _left_block() -> str:
    return _p("ĐẢNG BỘ TỈNH LẠNG SƠN", CENTER) + _p("TỈNH ỦY", CENTER, B) + _p("*", CENTER) + _p("Số 15-NQ/TU", CENTER)


def _body(title: str = "NGHỊ QUYẾT", summary: str = "về công tác văn thư, lưu trữ") -> str:
    return (_p("") + _p(title, CENTER, B) + _p(summary, CENTER, B) + _p("-----", CENTER)
            + _p("Công tác văn thư có nhiều chuyển biến trong năm qua.", JUSTIFY)
            + _p("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện nghiêm.", JUSTIFY))


def _signature() -> str:
    return borderless_table((4600, 4800), [[
        _p("Nơi nhận:", "", '<w:u w:val="single"/>') + _p("- Ban Bí thư (để báo cáo),") + _p("- Lưu Văn phòng."),
        _p("T/M BAN THƯỜNG VỤ", CENTER, B) + _p("BÍ THƯ", CENTER, B) + _p("") + _p("Hoàng Văn Minh", CENTER, B),
    ]])


def _write(tmp_path: Path, name: str, body: str) -> Path:
    return write_docx(tmp_path / name, DocxParts(body=body))


def _roles(rec: Recognised) -> list[tuple[str, str | None]]:
    return [(p.text.strip(), r) for p, r in zip(rec.doc.paragraphs, rec.roles) if p.text.strip() or r]


def _codes(result: FileResult) -> set[str]:
    return {f.code for f in result.findings}


# ------------------------------------------------------------------ lines drawn beside the element


def _line_in_next_row(tmp_path: Path, with_line: bool) -> Path:
    """The tiêu đề in row 1, its line drawn on the empty paragraph of row 2 (a row of its own)."""
    header = borderless_table((3600, 5800), [
        [_left_block(), _p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B + '<w:sz w:val="30"/>')],
        [_p(""), (_line(1, 2_850_000, 300_000) if with_line else _p("")) + _p("Lạng Sơn, ngày 7 tháng 8 năm 2018",
                                                            '<w:jc w:val="right"/>', "<w:i/>")],
    ])
    return _write(tmp_path, "row.docx", header + _body() + _signature())


def test_a_line_drawn_in_the_next_table_row_is_the_line_under_the_title(tmp_path: Path) -> None:
    path = _line_in_next_row(tmp_path, with_line=True)
    assert ("", "duong_ke_tieu_de") in _roles(recognise(load_document(path)))
    assert "H003" not in _codes(check_file(str(path), "hd36"))
    # the same layout without the line still says so
    missing = [f for f in check_file(str(_line_in_next_row(tmp_path, with_line=False)), "hd36").findings
               if f.code == "H003"]
    assert [f.actual.en for f in missing if f.actual] == ["no line"]


def _state_line_below(tmp_path: Path) -> Path:
    """State header: the quốc hiệu/tiêu ngữ cell ends with the tiêu ngữ; the line is drawn on the
    empty first paragraph of the next row, and the trích yếu's line on the empty paragraph below it."""
    header = borderless_table((3600, 5800), [
        [_p("ỦY BAN NHÂN DÂN", CENTER) + _p("TỈNH LẠNG SƠN", CENTER, B),
         _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", CENTER, B + '<w:sz w:val="26"/>')
         + _p("Độc lập - Tự do - Hạnh phúc", CENTER, B)],
        [_line(1, 700_000, 550_000) + _p("Số: 12/TTr-UBND", CENTER, '<w:sz w:val="26"/>'),
         _line(2, 2_250_000, 600_000) + _p("Lạng Sơn, ngày 05 tháng 3 năm 2020", CENTER, "<w:i/>")],
    ])
    body = (header + _p("") + _p("TỜ TRÌNH", CENTER, B) + _p("Về việc ban hành nghị quyết về phí", CENTER, B)
            + _line(3, 1_100_000, 2_000_000) + _p("Kính gửi: Hội đồng nhân dân tỉnh.", CENTER)
            + _p("Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét.", JUSTIFY))
    return _write(tmp_path, "tt.docx", body)


def test_state_lines_in_the_next_row_belong_to_the_elements_above(tmp_path: Path) -> None:
    path = _state_line_below(tmp_path)
    roles = _roles(recognise(load_document(path)))
    assert roles.count(("", "duong_ke_tieu_ngu")) == 1 and roles.count(("", "duong_ke_co_quan")) == 1
    assert ("Về việc ban hành nghị quyết về phí", "trich_yeu") in roles
    found = {f.code: f for f in check_file(str(path), "nd30").findings}
    assert "H003" not in found
    assert "H007" not in found or found["H007"].actual is None or found["H007"].actual.en != "no line"
    assert "T004" not in found or found["T004"].actual is None or found["T004"].actual.en != "no line"
