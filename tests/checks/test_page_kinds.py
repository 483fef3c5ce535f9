"""Kinds ``page``, ``page_number`` and ``fonts`` on synthetic documents."""
from __future__ import annotations

from tests.checks.build import a4_section, hd36_for_fragments, para, recognised, run
from thethuc.checks import KINDS
from thethuc.checks.fonts import mojibake_words, slot_of
from thethuc.model import DrawnLine, Table

HD36 = hd36_for_fragments()


def findings(code: str, rec):
    rule = HD36.get(code)
    return list(KINDS[rule.kind].check(rule, rule.params, rec))


def test_a4_conforms_and_letter_does_not() -> None:
    assert findings("P001", recognised(para("x", "noi_dung"))) == []
    letter = a4_section(page_width_twips=12240, page_height_twips=15840)
    [finding] = findings("P001", recognised(para("x", "noi_dung"), sections=(letter,)))
    assert finding.actual.vi == "khổ 216×279 mm" and "A4" in finding.expected.en
    assert finding.element is None


def test_a5_only_for_administrative_papers() -> None:
    a5 = a4_section(page_width_twips=8391, page_height_twips=11906)
    assert findings("P001", recognised(para("x"), sections=(a5,), document_type="giấy giới thiệu")) == []
    assert len(findings("P001", recognised(para("x"), sections=(a5,), document_type="nghị quyết"))) == 1


def check_kind(rule, rec):
    from thethuc.checks import KINDS

    return KINDS[rule.kind].check(rule, rule.params, rec)


def test_margins_within_tolerance_and_outside() -> None:
    near = a4_section(margin_top_twips=1170)  # 20.6 mm
    assert findings("P003", recognised(para("x"), sections=(near,))) == []
    # The second section opens at the second paragraph (two sections cannot open at one paragraph).
    wide = a4_section(margin_top_twips=1417, index=0), a4_section(index=1, margin_top_twips=1417, first_paragraph=1)
    [finding] = findings("P003", recognised(para("x"), para("y", section=1), sections=wide))
    assert finding.actual.vi == "lề trên 25 mm" and finding.expected.vi == "lề trên 19–21 mm"
    assert len(finding.also) == 1  # the second section, same cause


def test_mirror_margins_are_named_inside_and_outside() -> None:
    rec = recognised(para("x"), sections=(a4_section(margin_left_twips=850),), mirror_margins=True)
    [finding] = findings("P005", rec)
    assert finding.actual.en == "inside margin 15 mm"


def test_landscape_needs_a_wide_bordered_table() -> None:
    landscape = a4_section(page_width_twips=16838, page_height_twips=11906, orientation="landscape")
    layout = Table(0, "word/document.xml", 0, 1, 2, 14287, False, False, 0)
    data = Table(1, "word/document.xml", 0, 5, 9, 14000, True, False, 1)
    assert len(findings("P002", recognised(para("x"), sections=(landscape,), tables=(layout,)))) == 1
    assert findings("P002", recognised(para("x"), sections=(landscape,), tables=(layout, data))) == []


def header_number(part_name: str = "word/header1.xml", **kw):
    runs = (run("2", field_result=True, **kw),)
    return para(role="so_trang", runs=runs, part="header", part_name=part_name, fields=("PAGE",), align="center")


def test_page_number_present_formatted_or_missing() -> None:
    long_doc = {"page_count": 3}
    assert findings("P010", recognised(para("x"), header_number(), **long_doc)) == []
    found = findings("P010", recognised(para("x"), header_number(size=12, italic=True), **long_doc))
    assert sorted(f.actual.en for f in found) == ["italic", "size 12 pt"]
    [missing] = findings("P010", recognised(para("x"), **long_doc))
    assert missing.actual.en == "no page number" and missing.location is None
    assert findings("P010", recognised(para("x"), page_count=1)) == []


def test_page_number_in_footer_is_reported_as_such() -> None:
    section = a4_section(footers=(("default", "word/footer1.xml"),))
    footer = para(role="so_trang", runs=(run("2", field_result=True),), part="footer",
                  part_name="word/footer1.xml", fields=("PAGE",))
    [finding] = findings("P010", recognised(para("x"), footer, sections=(section,), page_count=2))
    assert finding.actual.en == "page number in the footer"


def test_page_count_estimated_from_text_when_not_recorded() -> None:
    long_text = "chữ " * 2000
    [finding] = findings("P010", recognised(para(long_text, "noi_dung")))
    assert finding.code == "P010"


def test_first_page_shows_no_number() -> None:
    ok = recognised(para("x"), header_number("word/header1.xml"))  # titlePg: page 1 uses header2
    assert findings("P011", ok) == []
    no_title_page = a4_section(title_page=False)
    [finding] = findings("P011", recognised(para("x"), header_number(), sections=(no_title_page,)))
    # Says where the number is, rather than repeating the message ("trang 1 có số trang").
    assert finding.actual.en == "a page number in the page 1 header"


def test_font_slots_vietnamese_letters_use_hansi() -> None:
    assert [slot_of(c) for c in "aĐ中"] == ["ascii", "hAnsi", "eastAsia"]
    vietnamese = para(role="noi_dung", runs=(run("Đảng", fonts={"hAnsi": "Arial"}),))
    [finding] = findings("P007", recognised(vietnamese))
    assert finding.actual.en == "font Arial (hAnsi slot)"
    ascii_only = para(role="noi_dung", runs=(run("Dang", fonts={"hAnsi": "Arial"}),))
    assert findings("P007", recognised(ascii_only)) == []


def test_legacy_font_and_tcvn3_text() -> None:
    assert mojibake_words("§¶ng Céng s¶n ViÖt Nam") == ["§¶ng", "s¶n", "ViÖt"]
    assert mojibake_words("Đảng Cộng sản Việt Nam — © 2018") == []
    rec = recognised(para("§¶ng Céng s¶n ViÖt Nam", "noi_dung", font=".VnTime"))
    # TCVN3 text in a .VnTime run is one cause — the legacy font — and one finding, not two.
    assert [f.actual.en for f in findings("P008", rec)] == ["legacy font .VnTime"]
    pasted = recognised(para("§¶ng Céng s¶n ViÖt Nam", "noi_dung"))  # TCVN3 bytes shown in Times New Roman
    assert [f.actual.en.split(":")[0] for f in findings("P008", pasted)] == ["legacy-encoded text (TCVN3/VNI)"]


def test_rule_line_under_title() -> None:
    title = para("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de", size=15, bold=True, table=(0, 0, 1))
    line = DrawnLine("drawingml", width_emu=68 * 36000, height_emu=0, stroke_emu=9525)
    holder = para("", "duong_ke_tieu_de", table=(0, 0, 1), lines=(line,))
    date = para("Hà Nội, ngày 03 tháng 4 năm 2018", "dia_danh_ngay", table=(0, 0, 1))
    assert findings("H003", recognised(title, holder, date)) == []
    short = DrawnLine("drawingml", width_emu=30 * 36000, height_emu=0, stroke_emu=9525)
    [finding] = findings("H003", recognised(title, para("", table=(0, 0, 1), lines=(short,)), date))
    assert finding.actual.en == "30 mm long" and finding.expected.en == "79 mm long"
    [none] = findings("H003", recognised(title, date))
    assert none.actual.en == "no line"
    underlined = para("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de", size=15, bold=True, underline="single")
    [under] = findings("H003", recognised(underlined, date))
    assert under.actual.en == "the party title text underlined"


def test_rule_line_messages_name_the_element_and_a_possible_length() -> None:
    # The line under the motto is not "under the title"; a two-line summary does not ask
    # for a line wider than the text block.
    from thethuc.ruleset import load_ruleset

    nd30 = load_ruleset("nd30")
    motto = para("Độc lập - Tự do - Hạnh phúc", "tieu_ngu", size=14, bold=True, table=(0, 0, 1))
    [missing] = list(check_kind(nd30.get("H003"), recognised(motto)))
    assert missing.expected.en == "a solid horizontal line under the national motto"
    assert missing.expected.vi == "đường kẻ ngang nét liền dưới tiêu ngữ"
    long = "về việc ban hành Quy chế phối hợp giữa các cơ quan trong công tác quản lý, sử dụng tài sản công " * 2
    summary = para(long, "trich_yeu", size=14, bold=True, align="center", first_line_twips=0)
    # A summary that wraps: the printed line above the rule is at most the text block, so a short
    # rule cannot be judged, and a long one is measured against the block.
    short = DrawnLine("drawingml", width_emu=20 * 36000, height_emu=0, stroke_emu=9525)
    assert not list(check_kind(nd30.get("T004"), recognised(summary, para("", lines=(short,)))))
    line = DrawnLine("drawingml", width_emu=120 * 36000, height_emu=0, stroke_emu=9525)
    [too_long] = list(check_kind(nd30.get("T004"), recognised(summary, para("", lines=(line,)))))
    block_mm = (11906 - 1701 - 850) / 56.7  # the A4 text block of a4_section, 165 mm
    high = int(too_long.expected.en.split("at most ")[1].split(" ")[0])
    assert high <= block_mm * 0.5 + 1, too_long.expected.en
