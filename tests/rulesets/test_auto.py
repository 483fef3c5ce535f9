"""`--ruleset auto`: the choice between hd36, hd05 and nd30 at each boundary of hd05.md's table."""
from __future__ import annotations

from datetime import date

import pytest

from thethuc.model import Document, Recognised
from thethuc.ruleset.auto import choose, periods

TODAY = date(2026, 12, 4)  # HD05 in force


def _rec(family: str = "party", issued: date | None = None,
         period: tuple[date, date] | None = None) -> Recognised:
    doc = Document(path="x.docx", sections=(), paragraphs=())
    return Recognised(doc=doc, roles=(), family=family, document_type="nghị quyết",
                      issue_date=issued, issue_period=period)


@pytest.mark.parametrize(("issued", "expected"), [
    (date(2026, 5, 26), "hd36"),  # the last day of HD36
    (date(2026, 5, 27), "hd05"),  # the day HD05 was signed
    (date(2027, 1, 15), "hd05"),
    (date(2018, 4, 3), "hd36"),   # the day HD36 was signed
    (date(2018, 4, 2), "hd36"),   # earlier: still hd36, the oldest set there is
    (date(2010, 6, 1), "hd36"),
    (None, "hd05"),  # no readable date → the guideline in force today
])
def test_party_document_by_issue_date(issued: date | None, expected: str) -> None:
    name, _ = choose(_rec("party", issued), today=TODAY)
    assert name == expected


def test_boundaries_are_consecutive_days() -> None:
    bounds = periods()
    assert (bounds.hd05_from - bounds.hd36_until).days == 1
    assert bounds.hd36_from < bounds.hd36_until


def test_reason_names_the_date_and_guideline_in_both_languages() -> None:
    _, reason = choose(_rec("party", date(2026, 5, 27)))
    assert "27/5/2026" in reason.vi and "05-HD/VPTW" in reason.vi
    assert "27/5/2026" in reason.en and "Guideline 05-HD/VPTW" in reason.en
    _, reason = choose(_rec("party", date(2019, 2, 3)))
    assert "03/02/2019" in reason.vi and "36-HD/VPTW" in reason.vi


def test_earlier_and_undated_reasons_say_why_hd36_was_still_used() -> None:
    _, earlier = choose(_rec("party", date(2018, 4, 2)))
    assert "02/4/2018" in earlier.vi and "trước" in earlier.vi
    assert "before" in earlier.en
    name, undated = choose(_rec("party", None), today=TODAY)
    assert name == "hd05"
    assert "Không đọc được ngày ban hành" in undated.vi and "đang có hiệu lực hôm nay" in undated.vi
    assert "guideline in force today" in undated.en and "--ruleset hd36" in undated.en
    # Before HD05 was signed, an undated document was checked against HD36, the guideline then in force.
    assert choose(_rec("party", None), today=date(2026, 1, 10))[0] == "hd36"


@pytest.mark.parametrize("issued", [date(2026, 6, 1), date(2019, 1, 1), None])
def test_state_document_is_nd30_whatever_its_date(issued: date | None) -> None:
    name, reason = choose(_rec("state", issued))
    assert name == "nd30"
    assert "30/2020/NĐ-CP" in reason.vi and "Decree 30/2020" in reason.en


def test_unknown_family_follows_the_party_dates() -> None:
    # A file the recogniser could not place is not a state document: the Party date rule decides.
    assert choose(_rec("unknown", date(2026, 7, 1)))[0] == "hd05"
    assert choose(_rec("unknown", None), today=TODAY)[0] == "hd05"


@pytest.mark.parametrize(("period", "expected", "words"), [
    ((date(2026, 9, 1), date(2026, 9, 30)), "hd05", "tháng 9/2026"),   # "ngày    tháng 9 năm 2026"
    ((date(2026, 4, 1), date(2026, 4, 30)), "hd36", "tháng 4/2026"),
    ((date(2026, 5, 1), date(2026, 5, 31)), "hd05", "hôm nay"),        # May 2026 spans the change
    ((date(2025, 1, 1), date(2025, 12, 31)), "hd36", "năm 2025"),      # "ngày … tháng … năm 2025"
])
def test_a_draft_with_a_blank_day_is_placed_by_its_month_or_year(
        period: tuple[date, date], expected: str, words: str) -> None:
    name, reason = choose(_rec("party", None, period), today=TODAY)
    assert name == expected and words in reason.vi and "day left blank" in reason.en


def test_the_boundary_is_the_rule_sets_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # auto keeps no dates of its own: X007's period moves the choice and the reason's wording.
    from thethuc.ruleset import auto

    moved = auto.Periods(date(2018, 4, 3), date(2026, 6, 30), date(2026, 7, 1))
    monkeypatch.setattr(auto, "periods", lambda: moved)
    name, reason = choose(_rec("party", date(2026, 6, 15)), today=TODAY)
    assert name == "hd36" and "03/4/2018–30/6/2026" in reason.vi and "and 30/6/2026" in reason.en
    name, reason = choose(_rec("party", date(2026, 7, 1)), today=TODAY)
    assert name == "hd05" and "từ 01/7/2026" in reason.vi and "on or after 1/7/2026" in reason.en
