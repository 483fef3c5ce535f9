"""``run_rules``: document order, a crashing rule becomes INTERNAL, a state document silences."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.checks.build import make_rule, para, recognised
from thethuc.checks import KINDS, run_rules
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.params import yaml_keys
from thethuc.ruleset.schema import COMMON_KEYS
from thethuc.ruleset.types import RuleSet

HD36 = load_ruleset("hd36")


def test_every_rule_kind_is_registered() -> None:
    assert {rule.kind for rule in HD36.rules} <= set(KINDS)
    for kind in KINDS.values():  # the protocols in full: tests/checks/test_kind_protocol.py
        assert callable(kind.parse) and callable(kind.check)
        assert set(yaml_keys(kind.Params)).isdisjoint(COMMON_KEYS)  # a kind's key never shadows a common one


def test_findings_come_in_document_order_document_level_first() -> None:
    rec = recognised(para("Nội dung.", "noi_dung", size=13), para("Nơi nhận:", "noi_nhan", size=13),
                     para("Nội dung cuối.", "noi_dung", size=13, bold=True))
    findings = run_rules(HD36, rec)
    anchored = [f for f in findings if f.location is not None]
    floating = [f for f in findings if f.location is None]
    assert findings[: len(floating)] == floating  # missing elements first
    positions = [f.location.paragraph for f in anchored]
    assert positions == sorted(positions)


def test_a_crashing_rule_becomes_an_internal_finding_and_the_run_goes_on() -> None:
    broken = make_rule("Z001", "kind: format\ntarget: noi_dung\nexpect: {size_pt: 14}\n")
    broken = replace(broken, params=None)  # format.check reads params.by_role → AttributeError
    ruleset = RuleSet("t", HD36.title, (broken, HD36.get("B001")))
    findings = run_rules(ruleset, recognised(para("x", "noi_dung", size=13)))
    internal = [f for f in findings if f.code == "INTERNAL"]
    assert len(internal) == 1
    assert internal[0].name == "internal-error" and internal[0].severity == "error"
    assert "Z001" in internal[0].message.en and "AttributeError" in internal[0].message.en
    assert any(f.code == "B001" for f in findings)


def test_disabled_rules_do_not_run() -> None:
    rule = replace(HD36.get("B001"), enabled=False)
    ruleset = RuleSet("t", HD36.title, (rule,))
    assert run_rules(ruleset, recognised(para("x", "noi_dung", size=13))) == []


def test_state_document_gets_x003_instead_of_header_findings() -> None:
    rec = recognised(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu", size=13, bold=True),
                     para("Số: 15/QĐ-UBND", "so_ky_hieu", size=13),
                     para("Lạng Sơn, ngày 05 tháng 3 năm 2019", "dia_danh_ngay", size=14, italic=True),
                     para("Nội dung.", "noi_dung", size=14, first_line_twips=567),
                     para("TM. ỦY BAN NHÂN DÂN", "tham_quyen_ky", size=13, bold=True), family="state")
    codes = {f.code for f in run_rules(HD36, rec)}
    assert "X003" in codes
    assert not any(code[0] in "HTSN" for code in codes)
    party = replace(rec, family="party", roles=(None, *rec.roles[1:]))
    assert {"H001", "H008"} <= {f.code for f in run_rules(HD36, party)}


def test_a_file_without_a_header_block_gets_x008_alone() -> None:
    form = recognised(para("SƠ YẾU LÝ LỊCH", None, size=14, bold=True),
                      para("1. Họ và tên: ………", "de_muc_2", size=13),
                      para("2. Ngày sinh: ………", "de_muc_2", size=13))
    assert [f.code for f in run_rules(HD36, form)] == ["X008"]
    one_more = recognised(para("Số 15-NQ/TU", "so_ky_hieu", size=14),
                          para("NGHỊ QUYẾT", "ten_loai", size=15, bold=True),
                          para("Nội dung.", "noi_dung", size=13))
    codes = {f.code for f in run_rules(HD36, one_more)}
    assert "X008" not in codes and {"H001", "B001"} <= codes  # two header elements: checked in full


def test_a_form_title_under_a_full_header_is_x008_alone_even_when_shown_in_capitals_by_style() -> None:
    header = (para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu", size=13, bold=True),
              para("Độc lập - Tự do - Hạnh phúc", "tieu_ngu", size=14, bold=True),
              para("Hà Nội, ngày 05 tháng 02 năm 2021", "dia_danh_ngay", size=14, italic=True))
    typed_lower = recognised(*header, para("Tờ khai đăng ký khai sinh", None, size=14, bold=True, caps=True),
                             para("Kính gửi: Ủy ban nhân dân phường", "kinh_gui", size=14))
    [finding] = run_rules(HD36, typed_lower)
    assert finding.code == "X008" and "Tờ khai đăng ký khai sinh" in finding.actual.vi
    # Not shown in capitals: a sentence of the body, not a title — the form verdict does not apply.
    sentence = recognised(*header, para("Tờ khai đăng ký khai sinh", None, size=14),
                          para("Kính gửi: Ủy ban nhân dân phường", "kinh_gui", size=14))
    assert "X008" not in {f.code for f in run_rules(HD36, sentence)}


@pytest.mark.parametrize("marker", ["Phụ lục I", "(Kèm theo Nghị định số 30/2020/NĐ-CP", "PHỤ LỤC",
                                    "(Ban hành kèm theo Thông tư số 05/2025/TT-BTP)", "Tỉnh: ……\t\tMẫu 2C/TCTW-98"])
def test_a_detached_appendix_or_a_marked_form_is_one_x008_information(marker: str) -> None:
    # vanbanplus__ND30_Phuluc1..4, mylovecoi__TP-CC-36, thangphan__Mau-ly-lich-2C-TCTW-98 (real files).
    appendix = recognised(para(marker, None, size=14, bold=True),
                          para("THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH", None, size=14, bold=True),
                          para("I. QUY ĐỊNH CHUNG", "de_muc_1", size=14, bold=True))
    [finding] = run_rules(HD36, appendix)
    assert (finding.code, finding.severity) == ("X008", "info") and marker.split("\t",
                                                                                 maxsplit=1)[0][:8] in finding.actual.vi


def test_a_marker_quoted_in_a_typed_document_is_no_form() -> None:
    doc = recognised(para("Số 15-NQ/TU", "so_ky_hieu", size=14),
                     para("NGHỊ QUYẾT", "ten_loai", size=15, bold=True),
                     para("(Kèm theo Quyết định số 15-QĐ/TU)", None, size=14, italic=True),
                     document_type="nghị quyết")
    assert "X008" not in {f.code for f in run_rules(HD36, doc)}
    no_layout = recognised(para("Báo cáo tình hình", None, size=14), para("Nội dung.", "noi_dung", size=14))
    [finding] = run_rules(HD36, no_layout)
    assert (finding.code, finding.severity) == ("X008", "error")  # no layout and no marker: still an error


def test_a_silencer_left_out_by_select_or_ignore_still_silences() -> None:
    # --select/--ignore only remove findings: ignoring X003 must not bring back the Party header
    # findings on a state document, and --select H on a form must not check the form as a document.
    from thethuc.ruleset.select import apply_selection

    state = recognised(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu", size=13, bold=True),
                       para("Số: 15/QĐ-UBND", "so_ky_hieu", size=13),
                       para("Nội dung.", "noi_dung", size=14, first_line_twips=567),
                       para("TM. ỦY BAN NHÂN DÂN", "tham_quyen_ky", size=13, bold=True), family="state")
    assert "X003" in {f.code for f in run_rules(HD36, state)}
    codes = {f.code for f in run_rules(apply_selection(HD36, ignore=["X003"]), state)}
    assert "X003" not in codes and not any(code[0] in "HTSN" for code in codes)
    form = recognised(para("SƠ YẾU LÝ LỊCH", None, size=14, bold=True),
                      para("1. Họ và tên: ………", "de_muc_2", size=13))
    assert run_rules(apply_selection(HD36, select=["H", "B"]), form) == []
    assert run_rules(apply_selection(HD36, ignore=["X"]), form) == []
