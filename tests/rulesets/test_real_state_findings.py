"""Findings a clerk would agree with on real state documents: wrapped recipients, the enacting
sentence after căn cứ lines, a date without its comma, a face name as a font, the first and last
recipient lines. Each case is built like the corpus file it comes from, then checked on that file."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.rulesets.conftest import codes
from thethuc.model import FileResult, Finding
from thethuc.pipeline import check_file
from thethuc.testing.party import body

CORPUS_VN = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "vn"
DECREE = "vanbanplus__30_2020_ND_CP.docx"
TO_TRINH = "hanoi__To-trinh-UBND-HN-DU-THAO-v6.docx"


def _with(result: FileResult, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


def _corpus(name: str) -> str:
    path = CORPUS_VN / name
    if not CORPUS_VN.is_dir():
        pytest.skip(f"corpus folder absent: {CORPUS_VN}")
    return str(path)


# ---------------------------------------------------------------- 1. recipient lines that wrap

def test_a_wrapped_recipient_is_one_item(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["quyet-dinh"]
    doc = replace(sample.doc, noi_nhan_muc=(
        "- Như Điều 2;", "- Các bộ, cơ quan ngang bộ,", "\u00a0\u00a0 cơ quan thuộc Chính phủ;",
        "- VPCP: BTCN, các PCN, Trợ lý TTg,", " các Vụ, Cục, đơn vị trực thuộc, Công báo;", "- Lưu: VT, NC."))
    assert not {"N003", "N004"} & codes(run(doc, sample.layout, "nd30"))


def test_an_item_without_its_dash_is_still_reported(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["quyet-dinh"]
    doc = replace(sample.doc, noi_nhan_muc=("- Như Điều 2;", "Bộ Nội vụ;", "- Lưu: VT, NC."))
    result = run(doc, sample.layout, "nd30")
    assert [f.location.paragraph for f in _with(result, "N003")] == [f.location.paragraph for f in _with(result,
                                                                                                         "N004")]
    assert "line without the leading dash" in _with(result, "N004")[0].message.en


def test_the_decree_recipients_have_no_finding() -> None:
    result = check_file(_corpus(DECREE), "auto")
    assert result.ruleset == "nd30" and not {"N003", "N004"} & codes(result)


def test_the_to_trinh_wrapped_recipient_is_no_contact_line() -> None:
    result = check_file(_corpus(TO_TRINH), "auto")
    assert "N004" not in codes(result)  # "- VPUB: CVP, cac PCVP, KT," / "  ĐT, TKBT, TH;" is one item


# ---------------------------------------------------------------- 2. the enacting sentence

def _decree_lead(build: ModuleType, enacting: str) -> Any:
    sample = build.ND30_GOOD["quyet-dinh"]
    rest = tuple(b for b in sample.doc.body if b.kind not in ("can_cu", "ban_hanh"))
    lead = body(("can_cu", "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"),
                ("can_cu", "Theo đề nghị của Bộ trưởng Bộ Nội vụ;"), ("can_cu", enacting))
    return replace(sample.doc, body=lead + rest), sample.layout


def test_the_enacting_sentence_is_part_of_the_can_cu_block(build: ModuleType, run) -> None:
    doc, layout = _decree_lead(build, "Chính phủ ban hành Nghị định về công tác văn thư.")
    result = run(doc, layout, "nd30")
    assert not {"B002", "B011"} & codes(result)


def test_the_enacting_sentence_does_not_hide_a_wrong_can_cu_ending(build: ModuleType, run) -> None:
    doc, layout = _decree_lead(build, "Chính phủ ban hành Nghị định về công tác văn thư.")
    doc = replace(doc, body=tuple(replace(b, text=b.text.replace("năm 2015;", "năm 2015,")) for b in doc.body))
    [finding] = _with(run(doc, layout, "nd30"), "B011")
    assert finding.excerpt.startswith("Căn cứ Luật Tổ chức") and finding.actual.vi == "kết thúc bằng «,»"


def test_the_decree_lead_has_no_body_finding() -> None:
    result = check_file(_corpus(DECREE), "auto")
    assert not {"B002", "B011"} & codes(result)


# ---------------------------------------------------------------- 3. a date without its comma

def test_a_date_without_comma_is_one_h011(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["cong-van"]
    doc = replace(sample.doc, dia_danh_ngay="Lạng Sơn  ngày 25 tháng 11 năm 2022")
    result = run(doc, sample.layout, "nd30")
    [finding] = _with(result, "H011")
    assert finding.message.en.endswith("no comma after the place") and finding.location is not None
    assert not {"T005", "T006"} & codes(result)


def test_the_to_trinh_date_is_found_without_its_comma() -> None:
    result = check_file(_corpus(TO_TRINH), "auto")
    # The draft leaves day and month blank: that is one info line, the comma the one error.
    finding, blank = _with(result, "H011")
    assert finding.message.en.endswith("no comma after the place") and finding.severity == "error"
    assert blank.message.en.endswith("left blank, filled in at issue") and blank.severity == "info"
    assert not {"T005", "T006"} & codes(result)


# ---------------------------------------------------------------- 4. "Times New Roman Bold"

def test_a_face_name_is_reported_with_its_fix(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["quyet-dinh"]
    layout = replace(sample.layout, overrides={**sample.layout.overrides, "ten_loai": {"font": "Times New Roman Bold"}})
    [finding] = _with(run(sample.doc, layout, "nd30"), "P007")
    assert "«Times New Roman Bold» là biến thể của Times New Roman" in finding.message.vi
    assert finding.message.en.endswith("choose Times New Roman and make the text bold")


def test_the_decree_face_name_is_one_finding_with_its_fix() -> None:
    [finding] = _with(check_file(_corpus(DECREE), "auto"), "P007")
    assert "hãy chọn Times New Roman và dùng chữ đậm" in finding.message.vi
    assert finding.location is not None and finding.location not in finding.also


# ---------------------------------------------------------------- 5, 6. first and last recipient lines

def test_nd30_last_recipient_is_luu_vt(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["quyet-dinh"]
    doc = replace(sample.doc, noi_nhan_muc=("- Như Điều 2;", "- Bộ Nội vụ;", "- Lưu Văn phòng."))
    [finding] = _with(run(doc, sample.layout, "nd30"), "N004")
    assert finding.message.en.endswith("the last line must read “- Lưu: VT, …”")


def test_nd30_cong_van_starts_with_nhu_tren(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["cong-van"]
    doc = replace(sample.doc, noi_nhan_muc=("- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."))
    [finding] = _with(run(doc, sample.layout, "nd30"), "N004")
    assert finding.message.en.endswith("the first line must be “- Như trên;”")
    other_type = build.ND30_GOOD["ke-hoach"]  # a kế hoạch has no "Như trên"
    assert "N004" not in codes(run(other_type.doc, other_type.layout, "nd30"))


def test_hd05_cong_van_starts_with_nhu_tren(build: ModuleType, run) -> None:
    sample = build.HD05_GOOD["cong-van"]
    assert "N004" not in codes(run(sample.doc, sample.layout, "hd05"))
    items = tuple(i for i in sample.doc.noi_nhan_muc if "Như trên" not in i)
    [finding] = _with(run(replace(sample.doc, noi_nhan_muc=items), sample.layout, "hd05"), "N004")
    assert finding.expected.vi == "«- Như trên;»"
    assert "N004" not in codes(run(replace(sample.doc, noi_nhan_muc=items), sample.layout, "hd36"))


# ---------------------------------------------------------------- 2. forms are a verdict, not a score

@pytest.mark.parametrize(("name", "title"), [
    ("vanbanai__01_To_khai_dang_ky_khai_sinh.docx", "TỜ KHAI ĐĂNG KÝ KHAI SINH"),  # under the quốc hiệu
    ("chibosv__Mau 10_KND_Ban tu kiem diem.docx", "BẢN TỰ KIỂM ĐIỂM"),  # under ĐẢNG CỘNG SẢN VIỆT NAM
])
def test_a_form_with_a_national_or_party_title_is_one_x008(name: str, title: str) -> None:
    result = check_file(_corpus(name), "auto")
    assert [f.code for f in result.findings] == ["X008"]
    assert title in result.findings[0].actual.vi and result.findings[0].location is not None
    assert result.findings[0].severity == "info"  # a form is information, exit 0


def test_real_documents_of_the_corpus_are_not_taken_for_forms() -> None:
    for name in (DECREE, TO_TRINH, "chibosv__Mau 13_KND_Nghi quyet de nghi chinh thuc chi bo.docx"):
        assert "X008" not in codes(check_file(_corpus(name), "auto")), name


# ---------------------------------------------------------------- 3. other organisations' documents

@pytest.mark.parametrize("name", ["chibosv__Nghị quyết Đoàn Trường (02 bản).docx",
                                  "chibosv__Mẫu 3. Bản nhận xét Đảng viên dự bị ĐTN.docx"])
@pytest.mark.parametrize("ruleset", ["auto", "hd36", "nd30"])
def test_a_youth_union_document_is_one_x009_under_every_rule_set(name: str, ruleset: str) -> None:
    result = check_file(_corpus(name), ruleset)
    assert [f.code for f in result.findings] == ["X009"]  # X003 (a "state" look) is silenced by it too
    assert "ĐOÀN TNCS HỒ CHÍ MINH" in result.findings[0].actual.vi


# ---------------------------------------------------------------- 2b. căn cứ lines that lead into a sentence

def _plan_lead(build: ModuleType, *after: tuple[str, str]) -> Any:
    """A state kế hoạch opening like luongminh__25-11-KH-HN-hiep-thuong (real MTTQ plan): căn cứ lines,
    then what follows them."""
    sample = build.ND30_GOOD["ke-hoach"]
    rest = tuple(b for b in sample.doc.body if b.kind != "can_cu")
    lead = body(("can_cu", "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015;"),
                ("can_cu", "Căn cứ Hướng dẫn số 13/HD-MTTQ-BTT ngày 17/11/2025 của Ban Thường trực;"), *after)
    return replace(sample.doc, body=lead + rest), sample.layout


def test_can_cu_lines_leading_into_thuc_hien_end_like_the_others(build: ModuleType, run) -> None:
    doc, layout = _plan_lead(
        build, ("noi_dung", "Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/2025 của Ban Thường trực Ủy ban MTTQ "
                            "Việt Nam xã Lương Minh về thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử "
                            "đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031."),
        ("noi_dung", "Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam xã ban hành kế hoạch tổ chức các hội "
                     "nghị hiệp thương và hướng dẫn các thôn giới thiệu người ứng cử đại biểu HĐND xã Lương Minh "
                     "nhiệm kỳ 2026 - 2031, cụ thể như sau:"))
    result = run(doc, layout, "nd30")
    assert "B011" not in codes(result)


def test_can_cu_lines_closing_the_lead_still_need_the_full_stop(build: ModuleType, run) -> None:
    doc, layout = _plan_lead(build, ("de_muc_1", "I. MỤC ĐÍCH, YÊU CẦU"))
    [finding] = _with(run(doc, layout, "nd30"), "B011")
    assert finding.excerpt.startswith("Căn cứ Hướng dẫn") and finding.actual.vi == "kết thúc bằng «;»"


# ---------------------------------------------------------------- 6. the filing line of an organisation's văn thư

@pytest.mark.parametrize("filing, reported", [("- Lưu: VTMT.", False), ("- Lưu: VTMTTQ.", False),
                                              ("- Lưu: VT, NC.", False), ("- Lưu: hồ sơ.", True)])
def test_the_filing_line_of_the_front_is_a_filing_line(build: ModuleType, run, filing: str,
                                                       reported: bool) -> None:
    sample = build.ND30_GOOD["ke-hoach"]
    items = (*sample.doc.noi_nhan_muc[:-1], filing)
    result = run(replace(sample.doc, noi_nhan_muc=items), sample.layout, "nd30")
    assert any("filing" in (f.message.en or "") or "Lưu" in (f.expected.vi if f.expected else "")
               for f in _with(result, "N004")) is reported


# ---------------------------------------------------------------- 7. a line under text that wraps

def test_the_line_under_a_wrapping_trich_yeu_is_not_measured_on_the_unwrapped_text(build: ModuleType, run) -> None:
    # luongminh__01-KH-TBTTKT_Pho_Bang, luongminh__25-11-KH-HN-hiep-thuong: a two-line trích yếu, a 30-45 mm rule.
    sample = build.ND30_GOOD["ke-hoach"]
    doc = replace(sample.doc, trich_yeu=(
        "Tổ chức các hội nghị hiệp thương và hướng dẫn các thôn giới thiệu người ứng cử đại biểu "
        "Hội đồng nhân dân xã Lương Minh nhiệm kỳ 2026 - 2031",))
    assert "T004" not in codes(run(doc, sample.layout, "nd30"))


def test_the_line_under_a_wrapping_issuing_body_is_not_measured_on_the_unwrapped_text(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["ke-hoach"]
    doc = replace(sample.doc, co_quan_ban_hanh=("BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ LƯƠNG MINH",))
    assert "H007" not in codes(run(doc, sample.layout, "nd30"))


def test_a_line_longer_than_the_widest_printed_line_is_still_reported() -> None:
    from thethuc.checks.rule_line import Params, _line_deviations
    from thethuc.model import DrawnLine, Text

    line = DrawnLine("drawingml", width_emu=120 * 36000, height_emu=0, stroke_emu=None)
    [deviation] = list(_line_deviations(Params(ratio=(0.33, 0.5)), None, [line], 165 * 36000, True,
                                         Text("trích yếu", "summary")))
    assert deviation.expected.vi == "dài tối đa 82 mm"


def test_a_last_can_cu_closing_with_a_full_stop_before_thuc_hien_is_right_too(build: ModuleType, run) -> None:
    # luongminh__(chuan)Hướng dẫn GT…, luongminh__01-KH-TBTTKT_Pho_Bang: "Căn cứ ….", then "Thực hiện …".
    doc, layout = _plan_lead(
        build, ("noi_dung", "Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/2025 của Ban Thường trực Ủy ban MTTQ "
                            "Việt Nam xã Lương Minh về thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử "
                            "đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031."))
    doc = replace(doc, body=tuple(replace(b, text=b.text.replace("Ban Thường trực;", "Ban Thường trực."))
                                  for b in doc.body))
    assert "B011" not in codes(run(doc, layout, "nd30"))
    comma = replace(doc, body=tuple(replace(b, text=b.text.replace("Ban Thường trực.", "Ban Thường trực,"))
                                    for b in doc.body))
    [finding] = _with(run(comma, layout, "nd30"), "B011")
    assert finding.actual.vi == "kết thúc bằng «,»"


def test_a_trich_yeu_broken_into_lines_by_hand_is_measured_on_its_longest_line() -> None:
    # hanoi To-trinh: five short lines of a trích yếu under a 41 mm rule (1/4 of the longest line).
    result = check_file(_corpus(TO_TRINH), "auto")
    assert [f.excerpt for f in _with(result, "T004")] == ["định hướng đến năm 2030"]
