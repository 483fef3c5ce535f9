"""`--ruleset auto` end to end: real .docx files at each date boundary, and state vs Party detection."""
from __future__ import annotations

from dataclasses import replace
from types import ModuleType

import pytest

from tests.rulesets.conftest import codes
from thethuc.testing.party_samples import GOOD


@pytest.mark.parametrize(("date", "ruleset", "x007"), [
    ("ngày 26 tháng 5 năm 2026", "hd36", False),
    ("ngày 27 tháng 5 năm 2026", "hd05", False),
    ("ngày 03 tháng 4 năm 2018", "hd36", False),
    ("ngày 02 tháng 4 năm 2018", "hd36", True),   # earlier than HD36: still hd36, with the info note
    ("ngày   tháng 4 năm 2018", "hd36", True),     # undated (blank day)
])
def test_party_document_by_date(run, date: str, ruleset: str, x007: bool) -> None:
    sample = GOOD["thong-bao"]
    result = run(replace(sample.doc, dia_danh_ngay=f"Lạng Sơn, {date}"), sample.layout, "auto")
    assert result.ruleset == ruleset
    assert ("X007" in codes(result)) is x007
    x007_findings = [f for f in result.findings if f.code == "X007"]
    assert all(f.severity == "info" for f in x007_findings)


def test_state_document_goes_to_nd30_and_says_why(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["quyet-dinh"]
    result = run(sample.doc, sample.layout, "auto")
    assert result.ruleset == "nd30"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in result.ruleset_reason.vi
    assert "Decree 30/2020/NĐ-CP" in result.ruleset_reason.en
    assert result.findings == ()


def test_state_document_dated_after_hd05_is_still_nd30(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["cong-van"]
    doc = replace(sample.doc, dia_danh_ngay="Lạng Sơn, ngày 15 tháng 8 năm 2026")
    assert run(doc, sample.layout, "auto").ruleset == "nd30"


def test_party_document_with_state_habits_stays_party(run) -> None:
    # `Số:` and `TM.` in a file with ĐẢNG CỘNG SẢN VIỆT NAM and `*`: a Party file with mistakes, not nd30.
    sample = GOOD["nghi-quyet"]
    doc = replace(sample.doc, so_ky_hieu="Số: 15-NQ/TU",
                  signers=(replace(sample.doc.signers[0], tham_quyen="TM. BAN THƯỜNG VỤ"),))
    result = run(doc, sample.layout, "auto")
    assert result.ruleset == "hd36"
    assert {"H008", "S002"} <= codes(result)


def test_forced_rule_set_is_not_second_guessed(build: ModuleType, run) -> None:
    sample = build.ND30_GOOD["quyet-dinh"]
    result = run(sample.doc, sample.layout, "hd36")
    assert result.ruleset == "hd36" and result.ruleset_reason is None
    assert codes(result) == {"X003"}  # hd36's own "this is a state document" note
