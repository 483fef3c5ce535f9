"""Kind ``format`` on synthetic documents: effective values, grouping, run modes, case, one size."""
from __future__ import annotations

from tests.checks.build import hd36_for_fragments, make_rule, para, recognised, run
from thethuc.checks import run_rules
from thethuc.checks.format import check
from thethuc.model import Location

HD36 = hd36_for_fragments()


def findings(code: str, rec):
    rule = HD36.get(code)
    assert rule is not None
    return list(check(rule, rule.params, rec))


def title(**kw):
    args = {"size": 15, "bold": True, **kw}
    return para("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de", align="center", **args)


def test_conforming_title_has_no_finding() -> None:
    assert findings("H002", recognised(title())) == []


def test_title_size_finding_words_expected_actual_and_source() -> None:
    rec = recognised(title(size=14, source="style:Normal"))
    [finding] = findings("H002", rec)
    assert (finding.code, finding.name, finding.severity, finding.element) == ("H002", "tieu-de-format", "error",
                                                                               "tieu_de")
    assert finding.expected.vi == "cỡ chữ 15" and finding.expected.en == "size 15 pt"
    assert finding.actual.vi == "cỡ chữ 14" and finding.actual.en == "size 14 pt"
    assert finding.source == "style:Normal"
    assert finding.excerpt == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert finding.location == Location("document", "word/document.xml", 1)


def test_deviating_properties_of_one_paragraph_are_one_finding() -> None:
    # Issue 13 (was: one finding per property): «Nơi nhận:» in the wrong size, weight and slant
    # read as three or four findings for one paragraph; a person fixes one paragraph at a time.
    rec = recognised(title(bold=False, italic=True))
    [finding] = findings("H002", rec)
    assert finding.actual.en == "not bold, italic" and finding.expected.en == "bold, upright"


def test_effective_caps_counts_as_capitals() -> None:
    rec = recognised(para("Đảng Cộng sản Việt Nam", "tieu_de", size=15, bold=True, caps=True))
    assert findings("H002", rec) == []
    rec = recognised(para("Đảng Cộng sản Việt Nam", "tieu_de", size=15, bold=True))
    [finding] = findings("H002", rec)
    assert finding.expected.en == "capitals" and finding.actual.en == "has lower-case letters"


def test_missing_target_is_silent() -> None:
    assert findings("H002", recognised(para("Nội dung", "noi_dung"))) == []


def body(text: str, **kw):
    return para(text, "noi_dung", **kw)


def test_same_deviation_over_many_paragraphs_is_one_finding_with_also() -> None:
    rec = recognised(body("Một.", size=13), body("Hai.", size=13), body("Ba.", size=14), body("Bốn.", size=13))
    [finding] = findings("B001", rec)
    assert finding.actual.en == "size 13 pt"
    assert finding.location.paragraph == 1
    assert [loc.paragraph for loc in finding.also] == [2, 4]


def test_mixed_sizes_within_range_is_one_finding_at_the_minority() -> None:
    rec = recognised(body("Một.", size=14), body("Hai.", size=15), body("Ba.", size=14))
    [finding] = findings("B001", rec)
    assert finding.location.paragraph == 2
    assert "one size" in finding.expected.en and "14" in finding.expected.en


def test_whole_mode_ignores_emphasised_words_but_flags_a_bold_paragraph() -> None:
    emphasis = para(role="noi_dung", runs=(run("Chú ý: ", bold=True), run("nội dung thường.")))
    assert findings("B002", recognised(emphasis)) == []
    [finding] = findings("B002", recognised(body("Cả đoạn đậm.", bold=True)))
    assert finding.actual.en == "bold"


def test_the_size_of_a_line_is_the_size_of_its_text() -> None:
    """Issue 12: a 9 pt full stop, a raised note mark or lowered drafter's initials do not make a
    14 pt line "9 pt"; a line whose text is mostly 13 pt is reported as 13 pt."""
    stop = para(role="noi_dung", runs=(run("Nghị quyết được phổ biến đến chi bộ"), run(".", size=9)))
    note = para(role="noi_dung", runs=(run("Theo Quy định số 66-QĐ/TW"), run("(1)", size=9, vert_align="superscript"),
                                       run(" của Ban Chấp hành Trung ương.")))
    assert findings("B001", recognised(stop, note)) == []
    initials = para(role="noi_nhan_muc", runs=(run("- Lưu Văn phòng Tỉnh ủy", size=12),
                                               run("NVA", size=8, vert_align="subscript"), run(".", size=12)))
    assert findings("N003", recognised(initials)) == []
    mostly_13 = para(role="noi_dung", runs=(run("Đầu đoạn ", size=14), run("phần lớn nội dung của đoạn văn này",
                                                                           size=13)))
    [finding] = findings("B001", recognised(mostly_13))
    assert finding.actual.en == "size 13 pt"


def test_one_size_throughout_counts_the_text_not_its_punctuation() -> None:
    rec = recognised(*(para(role="noi_dung", runs=(run(t), run(".", size=15))) for t in ("Một", "Hai", "Ba")))
    assert findings("B001", rec) == []


def test_initials_in_subscript_do_not_decide_bold_either() -> None:
    name = para(role="ho_ten_ky", runs=(run("Nguyễn Văn A", bold=True), run("vt", vert_align="subscript")))
    assert findings("S005", recognised(name)) == []


def test_punctuation_only_runs_are_not_judged_for_underline() -> None:
    label = para(role="noi_nhan", runs=(run("Nơi nhận", underline="single"), run(":")))
    assert findings("N002", recognised(label)) == []
    [finding] = findings("N002", recognised(para("Nơi nhận:", "noi_nhan")))
    assert finding.actual.en == "not underlined"


def test_paragraph_properties_indent_spacing_line_spacing_align() -> None:
    rec = recognised(body("Đoạn.", first_line_twips=0, before_twips=0, line_rule="exact", line_value=260, align="left"))
    codes = {f.code: f for f in run_rules(HD36, rec) if f.code in ("B003", "B004", "B005", "B006")}
    assert codes["B003"].actual.en == "left-aligned"
    assert codes["B004"].actual.en == "first-line indent 0 mm"
    assert codes["B005"].actual.vi == "khoảng cách đoạn (trước + sau) 0 pt"
    assert codes["B006"].actual.en == "line spacing exactly 13 pt"
    multiple = recognised(body("Đoạn.", line_rule="auto", line_value=360))
    assert findings("B006", multiple) == []
    too_loose = recognised(body("Đoạn.", line_rule="auto", line_value=480))
    assert findings("B006", too_loose)[0].actual.vi == "giãn dòng 2 dòng"


def test_case_starts_lower_and_not_upper() -> None:
    good = para("về công tác văn thư", "trich_yeu", size=14, bold=True, align="center")
    bad = para("Về công tác văn thư", "trich_yeu", size=14, bold=True, align="center")
    assert findings("T003", recognised(good)) == []
    assert findings("T003", recognised(bad))[0].actual.en == "starting with a capital"
    name = para("NGUYỄN VĂN A", "ho_ten_ky", size=14, bold=True)
    assert findings("S005", recognised(name))[0].actual.en == "all capitals"


def test_text_prefix_properties() -> None:
    vv = para("V/v chuẩn bị hội nghị", "trich_yeu_cong_van", size=12, italic=True)
    [finding] = findings("T005", recognised(vv))
    assert finding.actual.en == "starts with “V/v”"
    item = para("Ban Bí thư,", "noi_nhan_muc", size=12)
    assert findings("N003", recognised(item))[0].expected.en == "starts with “- ”"


def test_expect_by_role_with_first_run_mode() -> None:
    line = para(role="kinh_gui", runs=(run("Kính gửi: ", italic=True), run("Ban Thường vụ Tỉnh ủy.")))
    assert findings("N005", recognised(line)) == []
    upright = para("Kính gửi:", "kinh_gui")
    assert findings("N005", recognised(upright))[0].actual.en == "upright"


def test_document_scope_colour_groups_by_colour() -> None:
    rec = recognised(body("Đỏ.", color="C00000"), para("Tên", "ten_loai", color="C00000"), body("Đen.", color="000000"))
    [finding] = findings("P009", rec)
    assert finding.actual.en == "colour C00000" and len(finding.also) == 1
    assert finding.severity == "info"


def test_list_and_range_matchers_word_the_expectation() -> None:
    rule = make_rule("Z001", "kind: format\ntarget: ten_loai\nexpect: {size_pt: [15, 16]}\n")
    [finding] = check(rule, rule.params, recognised(para("NGHỊ QUYẾT", "ten_loai", size=14)))
    assert finding.expected.vi == "cỡ chữ 15 hoặc 16"
    rule = make_rule("Z002", "kind: format\ntarget: noi_dung\nexpect: {first_line_indent_mm: {min: 10, max: 12.7}}\n")
    [finding] = check(rule, rule.params, recognised(body("x", first_line_twips=1134)))
    assert finding.expected.vi == "thụt đầu dòng 10–12,7 mm"
    assert finding.expected.en == "first-line indent 10–12.7 mm"


def test_a_note_in_parentheses_is_not_judged_as_body_text() -> None:
    # Seen in a real tờ trình: "(Dự thảo Nghị quyết … gửi kèm)" centred in italics under the closing line.
    note = "(Dự thảo Nghị quyết của HĐND Thành phố gửi kèm theo)"
    rec = recognised(body(note, italic=True, align="center", first_line_twips=0),
                     body("Trên đây là nội dung đề xuất.", italic=True, align="center", first_line_twips=0))
    codes = [(f.code, f.location.paragraph) for f in run_rules(HD36, rec) if f.code in ("B002", "B003", "B004")]
    assert sorted(codes) == [("B002", 2), ("B003", 2), ("B004", 2)]


def test_one_noi_nhan_paragraph_gives_one_n002_finding() -> None:
    from pathlib import Path

    from thethuc.pipeline import check_file

    sample = Path(__file__).resolve().parents[2] / "samples" / "good" / "cong-van.docx"
    result = check_file(str(sample), "nd30")  # a Party «Nơi nhận:» misses nd30's size, weight, slant, underline
    n002 = [f for f in result.findings if f.code == "N002"]
    assert len(n002) == 1 and n002[0].actual is not None and n002[0].actual.vi.count(",") >= 2
