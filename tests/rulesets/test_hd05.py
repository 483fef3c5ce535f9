"""hd05 = hd36 + the differences hd05.md lists: each changed code passes on a good file and fails on a bad one."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import ModuleType

import pytest

from tests.rulesets.conftest import codes
from thethuc.ruleset import load_ruleset
from thethuc.testing.party import Signer

# Codes HD05 states itself (hd05.md § "Stated explicitly by hd05"): grade B, so errors, where hd36 warns.
RAISED_TO_B = ("P002", "P003", "P004", "P005", "P006", "P009", "P010", "P011", "T004", "B003", "B004",
               "B005", "B006", "B010", "B011", "S005", "N004", "N005", "X004", "X005", "X006")


def test_hd05_extends_hd36_and_keeps_every_code() -> None:
    hd05, hd36 = load_ruleset("hd05"), load_ruleset("hd36")
    assert hd05.extends == "hd36" and hd05.files[0] == "rules/hd36.yaml"
    assert {r.code for r in hd05.rules} == {r.code for r in hd36.rules}


@pytest.mark.parametrize("code", RAISED_TO_B)
def test_values_hd05_states_are_errors(code: str) -> None:
    rule = load_ruleset("hd05").get(code)
    assert rule is not None and rule.grade == "B" and rule.severity == "error"
    assert "HD05" in rule.source


def test_new_hd05_codes_are_information_in_hd36() -> None:
    # "From HD05, unconfirmed for HD36" is grade U evidence — information in hd36 (as warnings they
    # would fire on documents that follow HD36 exactly); hd05 keeps them errors (above).
    hd36 = load_ruleset("hd36")
    for code in ("B010", "B011", "N005", "X004", "X005", "X006"):
        rule = hd36.get(code)
        assert rule is not None and rule.grade == "U" and rule.severity == "info", code
        assert "chưa xác nhận cho HD36" in rule.description.vi, code


def test_line_spacing_drops_the_multiple_alternative() -> None:
    spacing = load_ruleset("hd05").get("B006").params.by_role[0].assertions[0].matcher
    assert spacing.multiple is None
    assert (spacing.exact_pt.low, spacing.exact_pt.high) == (18, 22)
    assert spacing.test(("exact", 18)) and not spacing.test(("exact", 17)) and not spacing.test(("auto", 1.0))


def test_x007_is_info_and_bounded_like_the_auto_choice() -> None:
    from thethuc.ruleset.auto import periods

    hd36, hd05 = load_ruleset("hd36").get("X007"), load_ruleset("hd05").get("X007")
    assert hd36.severity == hd05.severity == "info"
    # The auto choice reads its bounds from these rules: the dates are written once.
    bounds = periods()
    assert (hd36.params.start, hd36.params.until) == (bounds.hd36_from, bounds.hd36_until) == (date(2018, 4, 3),
                                                                                                 date(2026, 5, 26))
    assert (hd05.params.start, hd05.params.until) == (bounds.hd05_from, None) == (date(2026, 5, 27), None)


@pytest.mark.parametrize(("bad", "codes_hd05"), [
    ("gian-dong-1-5-thut-12-7", {"B004", "B006"}),
    ("dau-phay-noi-nhan-can-cu", {"B011", "N004"}),
    ("quan-ham-hoa-toc-hen-gio", {"S005", "X002"}),
])
def test_bad_samples_pass_hd36_and_fail_hd05(build: ModuleType, run, bad: str, codes_hd05: set[str]) -> None:
    sample = build.HD05_BAD[bad]
    assert codes(run(sample.doc, sample.layout, "hd05")) == codes_hd05
    # The same file is fine under hd36: these codes are exactly what HD05 changed.
    assert not codes(run(sample.doc, sample.layout, "hd36")) & codes_hd05


def test_acting_head_q_passes_hd05_and_fails_hd36(build: ModuleType, run) -> None:
    sample = build.HD05_GOOD["thong-bao-quyen"]
    assert "S002" not in codes(run(sample.doc, sample.layout, "hd05"))
    assert "S002" in codes(run(sample.doc, sample.layout, "hd36"))


def test_state_authority_still_fails_hd05(build: ModuleType, run) -> None:
    sample = build.HD05_GOOD["nghi-quyet"]
    doc = replace(sample.doc, signers=(Signer("TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Minh"),))
    assert "S002" in codes(run(doc, sample.layout, "hd05"))


def test_hd36_line_spacing_17pt_fails_hd05_only(build: ModuleType, run) -> None:
    sample = build.HD05_GOOD["nghi-quyet"]
    layout = replace(sample.layout, line_exact_pt=17)
    assert "B006" in codes(run(sample.doc, layout, "hd05"))
    assert "B006" not in codes(run(sample.doc, layout, "hd36"))


@pytest.mark.parametrize(("date", "fires"), [
    ("ngày 26 tháng 5 năm 2026", True), ("ngày 27 tháng 5 năm 2026", False),
])
def test_x007_at_the_hd05_boundary(build: ModuleType, run, date: str, fires: bool) -> None:
    sample = build.HD05_GOOD["nghi-quyet"]
    doc = replace(sample.doc, dia_danh_ngay=f"Lạng Sơn, {date}")
    assert ("X007" in codes(run(doc, sample.layout, "hd05"))) is fires
    assert ("X007" in codes(run(doc, sample.layout, "hd36"))) is not fires
