"""One paragraph holding several elements, split by line breaks or typed gaps: each
element is read with its own runs' formatting, and findings point at the paragraph and its line.

Documents are built the way Word writes them: Shift+Enter is a ``<w:br/>`` inside a run, and each
element keeps its own run formatting (regular upper body, bold issuing body)."""
from __future__ import annotations

from pathlib import Path

from thethuc.load import load_document
from thethuc.model import Recognised
from thethuc.pipeline import check_file
from thethuc.recognise import recognise
from thethuc.testing.docx import DocxParts, para, write_docx
from thethuc.testing.wordml import borderless_table, drawn_line, esc, paragraph

CENTER = '<w:jc w:val="center"/>'
JUSTIFY = '<w:jc w:val="both"/><w:ind w:firstLine="720"/>'
B = "<w:b/>"
TNR14 = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'


def _runs(*pieces: tuple[str, str] | None) -> str:
    """Runs in one paragraph; ``None`` is a line break (Shift+Enter: ``<w:br/>`` in its own run)."""
    out = ""
    for piece in pieces:
        if piece is None:
            out += "<w:r><w:br/></w:r>"
        else:
            text, rpr = piece
            out += f'<w:r><w:rPr>{TNR14}{rpr}</w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
    return out


def _p(text: str, ppr: str = "", rpr: str = "") -> str:
    return para(text, ppr, TNR14 + rpr)


def _party_docx(tmp_path: Path) -> Path:
    left = paragraph(_runs(("ĐẢNG BỘ TỈNH LẠNG SƠN", '<w:sz w:val="28"/>'), None,
                           ("TỈNH ỦY", B + '<w:sz w:val="28"/>')), ppr=CENTER) \
        + _p("*", CENTER) + _p("Số 15-NQ/TU", CENTER)
    right = _p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B + '<w:sz w:val="30"/>') \
        + paragraph(drawn_line(1, 2_300_000, 500_000), ppr=CENTER) \
        + _p("Lạng Sơn, ngày 7 tháng 8 năm 2018", '<w:jc w:val="right"/>', "<w:i/>")
    closing = borderless_table((4600, 4800), [[
        paragraph(_runs(("Nơi nhận:", '<w:u w:val="single"/><w:sz w:val="24"/>'), None,
                        ("- Ban Bí thư (để báo cáo),", '<w:sz w:val="22"/>'), None,
                        ("- Lưu Văn phòng Tỉnh ủy.", '<w:sz w:val="22"/>'))),
        _p("T/M BAN THƯỜNG VỤ", CENTER, B) + _p("BÍ THƯ", CENTER, B) + _p("") + _p("")
        + _p("Hoàng Văn Minh", CENTER, B),
    ]])
    body = (borderless_table((3600, 5800), [[left, right]]) + _p("") + _p("NGHỊ QUYẾT", CENTER,
                                                                          B + '<w:sz w:val="32"/>')
            + _p("về công tác văn thư, lưu trữ", CENTER, B) + _p("-----", CENTER)
            + _p("Công tác văn thư có nhiều chuyển biến trong năm qua.", JUSTIFY) + closing)
    return write_docx(tmp_path / "nq.docx", DocxParts(body=body))


def _state_docx(tmp_path: Path, motto_bold: bool = True) -> Path:
    """Quốc hiệu and tiêu ngữ typed in one paragraph, the line drawn in that paragraph."""
    motto = B if motto_bold else ""
    right = paragraph(_runs(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>'), None,
                            ("Độc lập - Tự do - Hạnh phúc", motto + '<w:sz w:val="28"/>'))
                      + drawn_line(1, 2_200_000, 600_000, 420_000), ppr=CENTER) \
        + _p("Hà Nội, ngày 05 tháng 3 năm 2020", CENTER, "<w:i/>")
    left = _p("ỦY BAN NHÂN DÂN", CENTER, '<w:sz w:val="26"/>') \
        + _p("THÀNH PHỐ HÀ NỘI", CENTER, B + '<w:sz w:val="26"/>') \
        + paragraph(drawn_line(2, 700_000, 550_000), ppr=CENTER) + _p("Số: 12/TTr-UBND", CENTER, '<w:sz w:val="26"/>')
    body = (borderless_table((3600, 5800), [[left, right]]) + _p("")
            + _p("TỜ TRÌNH", CENTER, B) + _p("Về việc ban hành nghị quyết", CENTER, B)
            + paragraph(drawn_line(3, 1_000_000, 2_000_000), ppr=CENTER)
            + _p("Kính gửi: Hội đồng nhân dân Thành phố.", CENTER)
            + _p("Ủy ban nhân dân Thành phố kính trình Hội đồng nhân dân xem xét.", JUSTIFY))
    return write_docx(tmp_path / "tt.docx", DocxParts(body=body))


def _roles(rec: Recognised) -> list[tuple[str, str | None, int | None]]:
    return [(p.text.strip(), r, p.location.line) for p, r in zip(rec.doc.paragraphs, rec.roles, strict=True)
            if p.text.strip() or r]


def test_header_cell_split_by_a_line_break_is_two_elements(tmp_path: Path) -> None:
    rec = recognise(load_document(_party_docx(tmp_path)))
    roles = _roles(rec)
    assert roles[:2] == [("ĐẢNG BỘ TỈNH LẠNG SƠN", "co_quan_cap_tren", 1), ("TỈNH ỦY", "co_quan_ban_hanh", 2)]
    upper, issuer = rec.paragraphs_with("co_quan_cap_tren")[0], rec.paragraphs_with("co_quan_ban_hanh")[0]
    # each with its own runs: the upper body regular, the issuing body bold (HD36 §II.1.2)
    assert [r.bold.value for r in upper.visible_runs] == [False]
    assert [r.bold.value for r in issuer.visible_runs] == [True]
    # both still point at the one paragraph of the cell
    assert upper.location.paragraph == issuer.location.paragraph == 1
    assert upper.location.table == issuer.location.table == (0, 0, 0)


def test_noi_nhan_and_its_items_in_one_paragraph_are_separate_elements(tmp_path: Path) -> None:
    rec = recognise(load_document(_party_docx(tmp_path)))
    closing = [(t, r, line) for t, r, line in _roles(rec) if r in ("noi_nhan", "noi_nhan_muc")]
    assert closing == [("Nơi nhận:", "noi_nhan", 1), ("- Ban Bí thư (để báo cáo),", "noi_nhan_muc", 2),
                       ("- Lưu Văn phòng Tỉnh ủy.", "noi_nhan_muc", 3)]
    items = rec.paragraphs_with("noi_nhan_muc")
    assert {r.size_half_pt.value for p in items for r in p.visible_runs} == {22}


def test_split_header_gives_no_findings_on_the_elements_themselves(tmp_path: Path) -> None:
    result = check_file(str(_party_docx(tmp_path)), "hd36")
    codes = {f.code for f in result.findings if f.element in ("co_quan_cap_tren", "co_quan_ban_hanh")}
    # Read as one co_quan_ban_hanh paragraph with a regular first line, H006 would say "not bold".
    assert codes == set()
    assert not [f for f in result.findings if f.element in ("noi_nhan", "noi_nhan_muc")
                and f.code.startswith("K") and "size" in f.name]


def test_quoc_hieu_and_tieu_ngu_in_one_paragraph(tmp_path: Path) -> None:
    rec = recognise(load_document(_state_docx(tmp_path)))
    roles = [(t, r) for t, r, _ in _roles(rec)]
    assert ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu") in roles
    assert ("Độc lập - Tự do - Hạnh phúc", "tieu_ngu") in roles
    motto = rec.paragraphs_with("tieu_ngu")[0]
    assert motto.location.line == 2 and motto.lines  # the drawn line goes with the last line
    result = check_file(str(_state_docx(tmp_path)), "nd30")
    assert not [f for f in result.findings if f.code == "H003"]


def test_a_finding_on_one_line_points_at_the_paragraph_and_that_line(tmp_path: Path) -> None:
    result = check_file(str(_state_docx(tmp_path, motto_bold=False)), "nd30")
    motto = [f for f in result.findings if f.element == "tieu_ngu"]
    assert motto, [f.code for f in result.findings]
    assert {(f.location.paragraph, f.location.line) for f in motto if f.location} == {(5, 2)}
    # the quốc hiệu, bold on its own line, is not reported with the motto's weight
    assert not [f for f in result.findings if f.element == "quoc_hieu"]


def test_inspect_shows_each_line_with_its_role(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from thethuc.cli import main

    result = CliRunner().invoke(main, ["inspect", str(_party_docx(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "document:1 " in line]
    # the cell's paragraph is shown as its two lines, each with its own role
    assert any("dòng 1" in r and "co_quan_cap_tren" in r for r in rows), rows
    assert any("dòng 2" in r and "co_quan_ban_hanh" in r for r in rows), rows


def test_signature_typed_in_one_paragraph_with_line_breaks(tmp_path: Path) -> None:
    """``T/M BAN THƯỜNG VỤ<br/>BÍ THƯ<br/><br/><br/>NGUYỄN VĂN MINH``: the empty lines left for the
    signature stay, so a name in capitals is still the name, not a second title."""
    signature = paragraph(_runs(("T/M BAN THƯỜNG VỤ", B), None, ("BÍ THƯ", B), None, None, None,
                                ("NGUYỄN VĂN MINH", B)), ppr=CENTER)
    body = (_p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B) + _p("TỈNH ỦY LẠNG SƠN", CENTER, B) + _p("*", CENTER)
            + _p("Số 15-TB/TU", CENTER) + _p("Lạng Sơn, ngày 07 tháng 8 năm 2018", '<w:jc w:val="right"/>', "<w:i/>")
            + _p("THÔNG BÁO", CENTER, B) + _p("kết luận của Ban Thường vụ", CENTER, B)
            + _p("Ban Thường vụ Tỉnh ủy kết luận như sau.", JUSTIFY)
            + borderless_table((4600, 4800), [[_p("Nơi nhận:") + _p("- Lưu."), signature]]))
    rec = recognise(load_document(write_docx(tmp_path / "sig.docx", DocxParts(body=body))))
    assert [(t, r) for t, r, _ in _roles(rec) if r in ("tham_quyen_ky", "chuc_vu_ky", "ho_ten_ky")] == [
        ("T/M BAN THƯỜNG VỤ", "tham_quyen_ky"), ("BÍ THƯ", "chuc_vu_ky"), ("NGUYỄN VĂN MINH", "ho_ten_ky")]


def test_kinh_gui_and_its_recipients_in_one_paragraph() -> None:
    from tests.recognise.blocks import C, word_header, word_signature
    from tests.recognise.build import L, check

    check([
        *word_header(so="Số 55-CV/TU"),
        (L("Kính gửi:\n- Các huyện ủy, thành ủy;\n- Các đảng ủy trực thuộc Tỉnh ủy.", **C),
         ("kinh_gui", "kinh_gui_muc", "kinh_gui_muc")),
        (L("Ban Thường vụ Tỉnh ủy đề nghị các đơn vị báo cáo trước ngày 15.", align="justify", first_line=720),
         "noi_dung"),
        *word_signature(table=1),
    ])


def test_one_element_over_two_lines_stays_one_paragraph() -> None:
    """A trích yếu công văn wrapped with Shift+Enter is one element: not cut."""
    from tests.recognise.blocks import word_header, word_signature
    from tests.recognise.build import L, check

    rec = check([
        *word_header(so="Số 55-CV/TU", summary="về việc tổ chức hội nghị\nsơ kết công tác năm 2018"),
        (L("Kính gửi: Các huyện ủy, thành ủy trực thuộc Tỉnh ủy.", align="center"), "kinh_gui"),
        (L("Ban Thường vụ Tỉnh ủy đề nghị các đơn vị báo cáo trước ngày 15.", align="justify", first_line=720),
         "noi_dung"),
        *word_signature(table=1),
    ])
    assert [p.location.line for p in rec.paragraphs_with("trich_yeu_cong_van")] == [None]
