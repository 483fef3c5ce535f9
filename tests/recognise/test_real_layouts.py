"""Header and title layouts seen in real drafts, built the way Word writes them: lines
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
    return [(p.text.strip(), r) for p, r in zip(rec.doc.paragraphs, rec.roles, strict=True) if p.text.strip() or r]


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


# ------------------------------------------------------------------ header tables laid out differently

_FLAT_ROLES = [("ĐẢNG BỘ TỈNH LẠNG SƠN", "co_quan_cap_tren"), ("TỈNH ỦY", "co_quan_ban_hanh"), ("*", "dau_sao"),
               ("Số 15-NQ/TU", "so_ky_hieu"), ("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de"), ("", "duong_ke_tieu_de"),
               ("Lạng Sơn, ngày 07 tháng 8 năm 2018", "dia_danh_ngay"), ("NGHỊ QUYẾT", "ten_loai")]


def _right_block() -> str:
    return (_p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B + '<w:sz w:val="30"/>') + _line(1, 2_850_000, 300_000)
            + _p("Lạng Sơn, ngày 07 tháng 8 năm 2018", '<w:jc w:val="right"/>', "<w:i/>"))


def _header_findings(path: Path) -> list[str]:
    return sorted(f"{f.code} {f.actual.en if f.actual else ''}" for f in check_file(str(path), "hd36").findings
                  if f.code.startswith("H") or f.code in ("X003", "X008"))


def test_header_table_nested_in_a_one_cell_table(tmp_path: Path) -> None:
    flat = _write(tmp_path, "flat.docx", borderless_table((3600, 5800), [[_left_block(), _right_block()]])
                  + _body() + _signature())
    nested = _write(tmp_path, "nested.docx", borderless_table((9400,), [[
        borderless_table((3600, 5800), [[_left_block(), _right_block()]]) + "<w:p/>"]]) + _body() + _signature())
    assert _roles(recognise(load_document(nested)))[:8] == _FLAT_ROLES
    assert _header_findings(nested) == _header_findings(flat)


def test_header_table_with_thin_empty_spacer_columns(tmp_path: Path) -> None:
    three = _write(tmp_path, "three.docx", borderless_table((3600, 300, 5500), [[_left_block(), "", _right_block()]])
                   + _body() + _signature())
    four = _write(tmp_path, "four.docx", borderless_table((200, 3500, 300, 5400),
                                                          [["", _left_block(), "", _right_block()]])
                  + _body() + _signature())
    flat = _write(tmp_path, "flat.docx", borderless_table((3600, 5800), [[_left_block(), _right_block()]])
                  + _body() + _signature())
    for path in (three, four):
        assert _roles(recognise(load_document(path)))[:8] == _FLAT_ROLES
        assert _header_findings(path) == _header_findings(flat)


def test_header_typed_with_spaces_and_tabs_in_one_paragraph(tmp_path: Path) -> None:
    """``ĐẢNG BỘ HUYỆN X<tab><tab>ĐẢNG CỘNG SẢN VIỆT NAM``: the left part is the issuing body, the
    right part the title; the same with the gap typed as spaces."""
    for gap in ("\t\t", "                 "):
        first = (f'<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="6600"/></w:tabs></w:pPr>'
                 f'<w:r><w:rPr>{TNR}<w:b/></w:rPr><w:t xml:space="preserve">HUYỆN ỦY BẮC SƠN</w:t></w:r>'
                 + "".join("<w:r><w:tab/></w:r>" if c == "\t" else "" for c in gap)
                 + (f'<w:r><w:t xml:space="preserve">{gap}</w:t></w:r>' if " " in gap else "")
                 + f'<w:r><w:rPr>{TNR}<w:b/><w:sz w:val="30"/></w:rPr><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p>')
        body = (first + _p("*", '<w:ind w:left="1500"/>') + _p("Số 08-TB/HU", '<w:ind w:left="1100"/>')
                + _p("Bắc Sơn, ngày 12 tháng 3 năm 2020", '<w:jc w:val="right"/>', "<w:i/>")
                + _body("THÔNG BÁO", "kết luận của Thường trực Huyện ủy") + _signature())
        path = _write(tmp_path, "typed.docx", body)
        rec = recognise(load_document(path))
        roles = _roles(rec)
        assert roles[:2] == [("HUYỆN ỦY BẮC SƠN", "co_quan_ban_hanh"), ("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de")], gap
        assert rec.document_type == "thông báo"
        result = check_file(str(path), "hd36")
        placed = [f for f in result.findings if f.element in ("tieu_de", "co_quan_ban_hanh")
                  and f.actual is not None and f.actual.en in ("on the left", "on the right")]
        assert placed == []
        # the issuing body keeps its own size, the title its 15 pt
        assert {r.size_half_pt.value for r in rec.paragraphs_with("tieu_de")[0].visible_runs} == {30}


def test_trich_yeu_in_its_own_one_cell_table(tmp_path: Path) -> None:
    header = borderless_table((3600, 5800), [[_left_block(), _right_block()]])
    boxed = borderless_table((9000,), [[_p("về công tác văn thư, lưu trữ", CENTER, B)]])
    body = (header + _p("") + _p("NGHỊ QUYẾT", CENTER, B) + boxed + _p("-----", CENTER)
            + _p("Công tác văn thư có nhiều chuyển biến trong năm qua.", JUSTIFY) + _signature())
    roles = _roles(recognise(load_document(_write(tmp_path, "boxed.docx", body))))
    assert ("về công tác văn thư, lưu trữ", "trich_yeu") in roles
    assert ("-----", "gach_trich_yeu") in roles
    # the tên loại and its trích yếu both in one one-cell table
    boxed = borderless_table((9000,), [[_p("NGHỊ QUYẾT", CENTER, B) + _p("về công tác văn thư, lưu trữ", CENTER, B)]])
    body = (header + _p("") + boxed + _p("-----", CENTER)
            + _p("Công tác văn thư có nhiều chuyển biến trong năm qua.", JUSTIFY) + _signature())
    rec = recognise(load_document(_write(tmp_path, "boxed2.docx", body)))
    assert ("NGHỊ QUYẾT", "ten_loai") in _roles(rec) and ("về công tác văn thư, lưu trữ", "trich_yeu") in _roles(rec)
    assert rec.document_type == "nghị quyết"


def test_a_sentence_citing_a_cong_van_is_never_the_ten_loai(tmp_path: Path) -> None:
    header = borderless_table((3600, 5800), [[_left_block(), _right_block()]])
    body = (header + _p("")
            + _p("Công văn số 123-CV/TU ngày 05/3/2018", CENTER)
            + _p("Thực hiện Công văn số 123-CV/TU ngày 05/3/2018 của Ban Thường vụ Tỉnh ủy,", CENTER)
            + _p("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện nghiêm.", JUSTIFY) + _signature())
    rec = recognise(load_document(_write(tmp_path, "cite.docx", body)))
    assert "ten_loai" not in rec.roles
    assert rec.document_type != "công văn" or not rec.paragraphs_with("ten_loai")


# ------------------------------------------------------------------ trích yếu starting with a capital


def _thong_bao(tmp_path: Path, summary_ppr: str, rule: bool = True, summary: str | None = None) -> Path:
    header = borderless_table((3600, 5800), [[_left_block(), _right_block()]])
    text = summary or "Kết luận của đồng chí Bí thư Tỉnh ủy tại buổi làm việc với Huyện ủy Bắc Sơn"
    body = (header + _p("") + _p("THÔNG BÁO", CENTER, B) + _p(text, summary_ppr, B)
            + (_p("-----", CENTER) if rule else "")
            + _p("Ngày 10/3/2020, đồng chí Bí thư Tỉnh ủy làm việc với Huyện ủy Bắc Sơn.", JUSTIFY) + _signature())
    return _write(tmp_path, "tb.docx", body)


def test_a_trich_yeu_starting_with_a_capital_is_the_trich_yeu(tmp_path: Path) -> None:
    text = "Kết luận của đồng chí Bí thư Tỉnh ủy tại buổi làm việc với Huyện ủy Bắc Sơn"
    for ppr, rule in ((CENTER, True), (JUSTIFY, True), ('<w:jc w:val="both"/>', False)):
        path = _thong_bao(tmp_path, ppr, rule)
        assert (text, "trich_yeu") in _roles(recognise(load_document(path))), ppr
        assert not [f for f in check_file(str(path), "hd36").findings if f.excerpt.startswith("Kết luận của")
                    and f.code.startswith("B")]


def test_a_bold_sentence_under_the_ten_loai_is_still_body_text(tmp_path: Path) -> None:
    text = "Ngày 10/3/2020, Thường trực Huyện ủy đã họp và thống nhất các nội dung sau."
    path = _thong_bao(tmp_path, JUSTIFY, rule=False, summary=text)
    assert (text, "noi_dung") in _roles(recognise(load_document(path)))


# ------------------------------------------------------------------ samples quoted in the body


def _guideline_with_samples(tmp_path: Path) -> Path:
    """A guideline that shows a sample header and a sample signature block in its body, the way a
    Party office writes one: each sample a borderless table after "Ví dụ:"."""
    header = borderless_table((3600, 5800), [[_left_block(), _right_block()]])
    sample_header = borderless_table((3600, 5800), [[
        _p("ĐẢNG BỘ HUYỆN …", CENTER) + _p("CHI BỘ …", CENTER, B) + _p("*", CENTER) + _p("Số    -NQ/CB", CENTER),
        _p("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B) + _p("…, ngày … tháng … năm …", CENTER, "<w:i/>")]])
    sample_signature = borderless_table((4600, 4800), [[
        _p("Nơi nhận:", "", '<w:u w:val="single"/>') + _p("- Như trên,") + _p("- Lưu."),
        _p("T/M CHI BỘ", CENTER, B) + _p("BÍ THƯ", CENTER) + _p("(chữ ký)", CENTER, "<w:i/>")
        + _p("Họ và tên", CENTER, B)]])
    body = (header + _p("") + _p("HƯỚNG DẪN", CENTER, B + '<w:sz w:val="32"/>')
            + _p("trình bày văn bản của chi bộ", CENTER, B) + _p("-----", CENTER)
            + _p("1. Phần đầu văn bản", JUSTIFY, B)
            + _p("Phần đầu văn bản của chi bộ trình bày như sau.", JUSTIFY) + _p("Ví dụ:", JUSTIFY)
            + sample_header
            + _p("2. Phần ký văn bản", JUSTIFY, B)
            + _p("Thẩm quyền ký, chức vụ và họ tên người ký trình bày như mẫu dưới đây.", JUSTIFY)
            + _p("Ví dụ:", JUSTIFY) + sample_signature
            + _p("3. Tổ chức thực hiện", JUSTIFY, B)
            + _p("Các chi bộ trực thuộc thực hiện nghiêm túc hướng dẫn này.", JUSTIFY) + _signature())
    return _write(tmp_path, "hd.docx", body)


def test_samples_quoted_in_the_body_are_not_the_documents_own_elements(tmp_path: Path) -> None:
    rec = recognise(load_document(_guideline_with_samples(tmp_path)))
    roles = _roles(rec)
    # the document's own header, signature and recipients, once each
    assert [r for _, r in roles].count("tieu_de") == 1 and [r for _, r in roles].count("tham_quyen_ky") == 1
    assert ("T/M BAN THƯỜNG VỤ", "tham_quyen_ky") in roles and ("Hoàng Văn Minh", "ho_ten_ky") in roles
    assert [t for t, r in roles if r == "noi_nhan"] == ["Nơi nhận:"]
    assert ("Họ và tên", "ho_ten_ky") not in roles and ("T/M CHI BỘ", "tham_quyen_ky") not in roles
    # the body goes on after the samples
    assert ("3. Tổ chức thực hiện", "de_muc_2") in roles
    assert ("Các chi bộ trực thuộc thực hiện nghiêm túc hướng dẫn này.", "noi_dung") in roles
    findings = check_file(str(_guideline_with_samples(tmp_path)), "hd36").findings
    assert not [f for f in findings if f.excerpt in ("Họ và tên", "T/M CHI BỘ", "CHI BỘ …", "(chữ ký)")]


def test_a_long_trich_yeu_in_one_centred_bold_paragraph(tmp_path: Path) -> None:
    """47 words under KẾ HOẠCH, centred bold, starting with a capital (luongminh__KH-HN-lay-y-kien-cu-tri)."""
    text = ("Tổ chức hội nghị lấy ý kiến nhận xét và tín nhiệm của cử tri nơi cư trú đối với người ứng cử "
            "đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031 trên địa bàn xã")
    path = _thong_bao(tmp_path, CENTER, rule=False, summary=text)
    assert (text, "trich_yeu") in _roles(recognise(load_document(path)))


def test_the_motto_line_anchored_on_the_quoc_hieu_paragraph(tmp_path: Path) -> None:
    """Drawn while the cursor stood on the quốc hiệu: the shape's anchor is the line above the
    tiêu ngữ, the line itself is under the tiêu ngữ."""
    def header(anchor_on_quoc_hieu: bool) -> str:
        quoc_hieu = paragraph(
            f'<w:r><w:rPr>{TNR}<w:b/><w:sz w:val="26"/></w:rPr><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>'
            + (drawn_line(2, 2_250_000, 600_000, 400_000) if anchor_on_quoc_hieu else ""), ppr=CENTER)
        return borderless_table((3600, 5800), [[
            _p("ỦY BAN NHÂN DÂN", CENTER) + _p("TỈNH LẠNG SƠN", CENTER, B) + _line(1, 700_000, 550_000)
            + _p("Số: 12/TTr-UBND", CENTER, '<w:sz w:val="26"/>'),
            quoc_hieu + _p("Độc lập - Tự do - Hạnh phúc", CENTER, B)
            + _p("Lạng Sơn, ngày 05 tháng 3 năm 2020", CENTER, "<w:i/>")]])
    rest = (_p("") + _p("TỜ TRÌNH", CENTER, B) + _p("Về việc ban hành nghị quyết về phí", CENTER, B)
            + _line(3, 1_100_000, 2_000_000) + _p("Kính gửi: Hội đồng nhân dân tỉnh.", CENTER)
            + _p("Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét.", JUSTIFY))
    anchored = _write(tmp_path, "anchored.docx", header(True) + rest)
    assert "H003" not in _codes(check_file(str(anchored), "nd30"))
    bare = _write(tmp_path, "bare.docx", header(False) + rest)
    assert "H003" in _codes(check_file(str(bare), "nd30"))


def test_state_header_typed_with_spaces(tmp_path: Path) -> None:
    """No table: each header line typed as "left part, many spaces, right part" (one such file gave
    "no quốc hiệu"); blanks left in the number and the date are not gaps."""
    gap = " " * 14

    def typed(left: str, right: str, bold: str = "") -> str:
        return _p(f"{left}{gap}{right}", "", bold)

    body = (typed("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)
            + typed("XÃ LƯƠNG MINH", "Độc lập - Tự do - Hạnh phúc", B)
            + typed("Số:      /UBND-VP", "Lương Minh, ngày      tháng 3 năm 2026")
            + _p("V/v tổ chức hội nghị cử tri", "", '<w:sz w:val="24"/>') + _p("")
            + _p("Kính gửi: Các thôn trên địa bàn xã.", CENTER)
            + _p("Ủy ban nhân dân xã đề nghị các thôn tổ chức hội nghị cử tri theo kế hoạch.", JUSTIFY))
    rec = recognise(load_document(_write(tmp_path, "typed.docx", body)))
    roles = [(t.strip(), r) for t, r in _roles(rec)]
    assert roles[:6] == [("ỦY BAN NHÂN DÂN", "co_quan_ban_hanh"), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu"),
                         ("XÃ LƯƠNG MINH", "co_quan_ban_hanh"), ("Độc lập - Tự do - Hạnh phúc", "tieu_ngu"),
                         ("Số:      /UBND-VP", "so_ky_hieu"), ("Lương Minh, ngày      tháng 3 năm 2026",
                                                               "dia_danh_ngay")]
    assert rec.family == "state"


def test_ten_loai_alone_in_a_row_of_the_header_table(tmp_path: Path) -> None:
    """«DANH SÁCH ĐẢNG VIÊN» typed in the header table's second row, the other cell empty
    (dinhnguyen888__DangVienFormatExport in the real-document set)."""
    header = borderless_table((3600, 5800), [
        [_left_block().replace("Số 15-NQ/TU", "Số 03-DS/TU"), _right_block()],
        ["", _p("DANH SÁCH ĐẢNG VIÊN", CENTER, B + '<w:sz w:val="32"/>')]])
    body = (header + _p("") + _p("I. TIỂU ĐOÀN BỘ: 58 đồng chí", JUSTIFY, B)
            + _p("Đồng chí Nguyễn Văn A, sinh năm 1980, vào Đảng năm 2005.", JUSTIFY) + _signature())
    path = _write(tmp_path, "ds.docx", body)
    rec = recognise(load_document(path))
    assert ("DANH SÁCH ĐẢNG VIÊN", "ten_loai") in _roles(rec)
    assert rec.document_type == "danh sách"
    # found, so no "tên loại missing"; the summary typed in capitals on its line is what T001 says
    [t001] = [f for f in check_file(str(path), "hd36").findings if f.code == "T001"]
    assert t001.actual is not None and t001.actual.en == "“DANH SÁCH ĐẢNG VIÊN”"


def test_a_sample_signature_typed_as_paragraphs_in_the_body(tmp_path: Path) -> None:
    header = borderless_table((3600, 5800), [[_left_block(), _right_block()]])
    right = '<w:jc w:val="center"/><w:ind w:left="4700"/>'
    body = (header + _p("") + _p("HƯỚNG DẪN", CENTER, B + '<w:sz w:val="32"/>')
            + _p("trình bày văn bản của chi bộ", CENTER, B) + _p("-----", CENTER)
            + _p("1. Phần ký văn bản", JUSTIFY, B)
            + _p("Thẩm quyền ký, chức vụ và họ tên người ký trình bày như mẫu dưới đây:", JUSTIFY)
            + _p("T/M CHI BỘ", right, B) + _p("BÍ THƯ", right) + _p("(Chữ ký)", right, "<w:i/>")
            + _p("Họ và tên", right, B)
            + _p("2. Tổ chức thực hiện", JUSTIFY, B)
            + _p("Các chi bộ trực thuộc thực hiện nghiêm túc hướng dẫn này từ ngày ký ban hành.", JUSTIFY)
            + _signature())
    rec = recognise(load_document(_write(tmp_path, "hd2.docx", body)))
    roles = _roles(rec)
    assert ("T/M CHI BỘ", "tham_quyen_ky") not in roles and ("Họ và tên", "ho_ten_ky") not in roles
    assert ("2. Tổ chức thực hiện", "de_muc_2") in roles
    assert ("T/M BAN THƯỜNG VỤ", "tham_quyen_ky") in roles and ("Hoàng Văn Minh", "ho_ten_ky") in roles


def test_a_template_signature_before_its_noi_nhan_is_the_signature(tmp_path: Path) -> None:
    """LibreOffice layout of a template: the signature with its placeholders first, Nơi nhận under
    it; nothing of the body between them, so it is the document's own closing."""
    header = borderless_table((3600, 5800), [[_left_block(), _right_block()]])
    right = '<w:jc w:val="center"/><w:ind w:left="4700"/>'
    body = (header + _body()
            + _p("T/M CHI BỘ", right, B) + _p("BÍ THƯ", right) + _p("(Ký, ghi rõ họ tên)", right, "<w:i/>")
            + _p("", right) + _p("", right) + _p("", right) + _p("", right) + _p("", right) + _p("", right)
            + _p("Họ và tên", right, B) + _p("") + _p("Nơi nhận:", "", '<w:u w:val="single"/>') + _p("- Lưu."))
    roles = _roles(recognise(load_document(_write(tmp_path, "tpl.docx", body))))
    assert ("T/M CHI BỘ", "tham_quyen_ky") in roles and ("Nơi nhận:", "noi_nhan") in roles
