"""Wrapped list lines (textutil), the list_punctuation keys added for state documents, and the one
``reference`` kind for the Party and the state số và ký hiệu."""
from __future__ import annotations

import pytest

from tests.checks.build import make_rule, para, recognised
from thethuc.checks import KINDS
from thethuc.errors import RuleSetError
from thethuc.ruleset import load_ruleset
from thethuc.textutil import alpha_to_int, comma_ends_items, continues_item, int_to_alpha, int_to_roman, roman_to_int

ND30 = load_ruleset("nd30")


def findings(rule, rec):
    return list(KINDS[rule.kind].check(rule, rule.params, rec))


def causes(rule, rec) -> list[str]:
    return sorted(f.message.en.split(": ", 1)[1] for f in findings(rule, rec))


@pytest.mark.parametrize(("previous", "line", "comma_ends", "wrapped"), [
    ("- Các bộ, cơ quan ngang bộ,", "\u00a0\u00a0 cơ quan thuộc Chính phủ;", True, True),  # indented after a comma
    ("- Bí thư Chi bộ, Trưởng thôn, Ban công", "tác MT thôn;", True, True),  # the item was not closed
    ("- Ủy ban Kiểm tra, Ban xây dựng Đảng,", "VP Đảng ủy;", False, True),  # a ";" list: the comma ends nothing
    ("- Ban Tổ chức,", "Ban Tuyên giáo,", True, False),  # a "," list: a missing dash, not a wrap
    ("- Ban Tổ chức;", "   Ban Tuyên giáo;", False, False),  # the item above was closed
    ("- Như trên,", "- Ban Tuyên giáo,", True, False),  # a dash opens a new item
])
def test_continues_item(previous: str, line: str, comma_ends: bool, wrapped: bool) -> None:
    assert continues_item(previous, line, comma_ends) is wrapped


def test_a_list_closes_with_commas_by_its_majority() -> None:
    assert comma_ends_items(["- A,", "- B,", "- Lưu."]) and not comma_ends_items(["- A;", "- B,", "- C;"])


def test_numeral_helpers_shared_by_the_stages() -> None:
    assert [int_to_roman(n) for n in (4, 9, 14, 1994)] == ["IV", "IX", "XIV", "MCMXCIV"]
    assert [roman_to_int(r) for r in ("xiv", "MCMXCIV", "IIX2")] == [14, 1994, None]
    assert (alpha_to_int("đ"), alpha_to_int("f"), int_to_alpha(5), int_to_alpha(30)) == (5, None, "đ", None)


def test_wrapped_recipients_are_one_item_for_n003_and_n004() -> None:
    rec = recognised(*(para(t, "noi_nhan_muc", table=(1, 0, 0), size=11) for t in (
        "- Các bộ, cơ quan ngang bộ,", "\u00a0\u00a0 cơ quan thuộc Chính phủ;", "- HĐND, UBND các tỉnh,",
        "\u00a0\u00a0 thành phố trực thuộc Trung ương;", "- Lưu: VT, HC (2).")))
    assert findings(ND30.get("N003"), rec) == [] and findings(ND30.get("N004"), rec) == []


def test_a_wrap_is_only_the_line_right_below_in_the_same_cell() -> None:
    rec = recognised(para("- Các bộ, cơ quan ngang bộ,", "noi_nhan_muc", table=(1, 0, 0), size=11),
                     para(""), para("cơ quan thuộc Chính phủ;", "noi_nhan_muc", table=(1, 0, 0), size=11),
                     para("- Lưu: VT, HC.", "noi_nhan_muc", table=(1, 0, 0), size=11))
    assert causes(ND30.get("N004"), rec) == ["line without the leading dash", "wrong line ending"]


def test_last_item_pattern() -> None:
    rule = ND30.get("N004")
    assert causes(rule, recognised(para("- Bộ Nội vụ;", "noi_nhan_muc"), para("- Lưu: VT, NC.", "noi_nhan_muc"))) == []
    assert causes(rule, recognised(para("- Bộ Nội vụ;", "noi_nhan_muc"), para("- Lưu VT, NC.", "noi_nhan_muc"))) == [
        "the last line must read “- Lưu: VT, …”"]


def test_first_item_only_for_its_document_types() -> None:
    rule = ND30.get("N004")
    items = (para("- Bộ Nội vụ;", "noi_nhan_muc"), para("- Lưu: VT, NC.", "noi_nhan_muc"))
    assert causes(rule, recognised(*items, document_type="tờ trình")) == ["the first line must be “- Như trên;”"]
    assert causes(rule, recognised(*items, document_type="quyết định")) == []
    assert causes(rule, recognised(para("- Như trên;", "noi_nhan_muc"), *items, document_type="công văn")) == []
    # why they get it, in parentheses, is still the "Như trên" line
    assert causes(rule, recognised(para("- Như trên (Báo cáo);", "noi_nhan_muc"), *items,
                                   document_type="tờ trình")) == []
    assert causes(load_ruleset("hd05").get("N004"), recognised(
        para("- Như trên (để thực hiện);", "noi_nhan_muc"), para("- Lưu Văn phòng.", "noi_nhan_muc"),
        document_type="công văn")) == []


def test_the_enacting_sentence_closes_the_can_cu_lines() -> None:
    rule = ND30.get("B011")
    lead = ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Theo đề nghị của Bộ trưởng Bộ Nội vụ;")
    sentence = recognised(*(para(t, "can_cu") for t in (*lead, "Chính phủ ban hành Nghị định về công tác văn thư.")))
    assert findings(rule, sentence) == []
    heading = recognised(*(para(t, "can_cu") for t in (*lead, "QUYẾT ĐỊNH:")))  # the last căn cứ ends the sentence
    assert causes(rule, heading) == ["wrong ending of the last line"]


def test_list_keys_are_validated() -> None:
    with pytest.raises(RuleSetError, match=r"'first_item': biểu thức chính quy \(regex\) không hợp lệ") as caught:
        make_rule("N004", "kind: list_punctuation\ntarget: noi_nhan_muc\nfirst_item: '(unclosed'\n")
    assert caught.value.text("en").startswith("'first_item': not a valid regular expression")


def test_one_reference_kind_in_two_styles() -> None:
    table = "abbreviations: {QĐ: [quyết định]}\n"
    state = make_rule("H008", f"kind: reference\ntarget: so_ky_hieu\ncheck: shape\nstyle: state\n{table}")
    party = make_rule("H008", f"kind: reference\ntarget: so_ky_hieu\ncheck: shape\n{table}")
    assert (state.params.sample, party.params.sample) == ("Số: 15/QĐ-UBND", "Số 15-NQ/TU")
    rec = recognised(para("Số: 15/QĐ-UBND", "so_ky_hieu"), family="state", document_type="quyết định")
    assert causes(state, rec) == []
    assert causes(party, rec) == ["colon after “Số”", "wrong separators"]
    with pytest.raises(RuleSetError, match="'style': giá trị không hợp lệ 'royal'") as caught:
        make_rule("H008", f"kind: reference\ntarget: so_ky_hieu\ncheck: shape\nstyle: royal\n{table}")
    assert "'style': unknown value 'royal'" in caught.value.text("en")


def test_a_side_note_typed_beside_two_items_is_not_their_ending() -> None:
    """HD hiệp thương (MTTQ Quảng Ninh): «(Để báo cáo)» typed with spaces to the right of two
    recipients, over two lines; both items end with «;»."""
    rule = ND30.get("N004")
    rec = recognised(para("- Ban TT UBTW MTTQ VN; (Để", "noi_nhan_muc"),
                     para("- Ban Thường vụ Tỉnh ủy;      báo cáo)", "noi_nhan_muc"),
                     para("- Thường trực HĐND tỉnh;", "noi_nhan_muc"), para("- Lưu: VT, MTTQ.", "noi_nhan_muc"))
    assert causes(rule, rec) == []
    # an item that really ends in its own parenthesis keeps its ending judged
    own = recognised(para("- Ban Tổ chức (để biết)", "noi_nhan_muc"), para("- Lưu: VT, MTTQ.", "noi_nhan_muc"))
    assert causes(rule, own) == ["wrong line ending"]


def test_a_line_that_stops_on_a_letter_has_no_closing_mark_not_an_ending_letter() -> None:
    # Issue 13: "kết thúc bằng «y»" named the last letter; a person says the full stop is missing.
    hd36 = load_ruleset("hd36")
    rec = recognised(para("- Ban Tổ chức,", "noi_nhan_muc"), para("- Ban Tuyên giáo", "noi_nhan_muc"),
                     para("- Lưu Văn phòng Tỉnh ủy", "noi_nhan_muc"))
    actual = sorted(f.actual.vi for f in findings(hd36.get("N004"), rec) if f.actual)
    assert actual == ["không có dấu chấm cuối", "không có dấu câu cuối"]
    assert not any("«y»" in a or "«o»" in a for a in actual)
