"""Issue 12, "Values read as Word renders them", on documents built as Word writes them."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from thethuc.model import FileResult, Finding
from thethuc.pipeline import check_file
from thethuc.testing.party import write_party
from thethuc.testing.party_samples import GOOD

NQ = GOOD["nghi-quyet"]


def _check(tmp_path: Path, ruleset: str, doc_changes: dict[str, object] | None = None,
           **layout: object) -> FileResult:
    path = write_party(tmp_path / "doc.docx", replace(NQ.doc, **(doc_changes or {})), replace(NQ.layout, **layout))
    return check_file(str(path), ruleset)


def _of(result: FileResult, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


# ---------------------------------------------------------------- lineRule="atLeast" is a minimum

def test_at_least_12pt_under_14pt_text_is_single_spacing(tmp_path: Path) -> None:
    # Word draws "At least 12 pt" under 14 pt Times New Roman as the font's own line: single spacing,
    # which hd36 accepts (1.0–1.5 lines). Read as "exactly 12 pt" it would be a B006 finding.
    assert _of(_check(tmp_path, "hd36", line_exact_pt=12, line_at_least=True), "B006") == []
    [exact] = _of(_check(tmp_path, "hd36", line_exact_pt=12), "B006")  # "Exactly 12 pt" really is too tight
    assert exact.actual.en == "line spacing exactly 12 pt"


def test_at_least_is_worded_as_what_word_shows(tmp_path: Path) -> None:
    # hd05 wants exactly 18–22 pt: single spacing fails, and the report says why.
    [finding] = _of(_check(tmp_path, "hd05", line_exact_pt=12, line_at_least=True), "B006")
    assert finding.actual.en == "line spacing at least 12 pt (renders as single)"
    assert finding.actual.vi == "giãn dòng tối thiểu 12 pt (hiện như giãn dòng đơn)"


@pytest.mark.parametrize("ruleset", ["hd36", "hd05"])
def test_at_least_above_the_font_height_is_that_many_points(tmp_path: Path, ruleset: str) -> None:
    assert _of(_check(tmp_path, ruleset, line_exact_pt=18, line_at_least=True), "B006") == []


@pytest.mark.parametrize(("multiple", "passes"), [(1.3, True), (1.0, False)])
def test_a_multiple_under_a_points_rule_is_judged_by_the_points_it_draws(tmp_path: Path, multiple: float,
                                                                          passes: bool) -> None:
    # hd05 states "exactly 18–22 pt"; 1.3 lines of 14 pt Times New Roman draw ≈ 20.9 pt, 1.0 line ≈ 16.1 pt.
    found = _of(_check(tmp_path, "hd05", line_exact_pt=None, line_multiple=multiple), "B006")
    assert (found == []) is passes
    if not passes:
        assert found[0].actual.en == "line spacing 1 lines (≈ 16.1 pt)"


# ---------------------------------------------------------------- a stale docProps/app.xml

def test_a_stale_one_page_count_does_not_spare_a_long_document_its_page_number(tmp_path: Path) -> None:
    long_body = tuple(NQ.doc.body) * 4  # several pages of text, as the content shows
    result = _check(tmp_path, "hd36", {"body": long_body, "pages": 1}, page_number="none")
    [finding] = _of(result, "P010")
    assert finding.actual.en == "no page number"


def test_a_short_document_needs_no_page_number(tmp_path: Path) -> None:
    short = _check(tmp_path, "hd36", {"body": tuple(NQ.doc.body)[:2], "pages": 1}, page_number="none")
    assert _of(short, "P010") == []


# ---------------------------------------------------------------- one cause, one finding

def test_a_vntime_body_is_one_p008_listing_each_paragraph_once(tmp_path: Path) -> None:
    result = _check(tmp_path, "hd36", legacy_body=True)
    assert [f.code for f in result.findings] == ["P008"]  # was P007 + P008 (font) + P008 (TCVN3 text)
    [finding] = result.findings
    places = [finding.location, *finding.also]
    assert len(places) == len(set(places)) > 1  # every paragraph once, the first not repeated in also


def test_a_continuous_section_break_does_not_make_a_second_page() -> None:
    # A one-page giấy giới thiệu whose receipt slip sits in a continuous section (seen in a real file):
    # app.xml says 1 page, and the content must not say 2 because of the section break.
    from tests.checks.build import a4_section, para, recognised
    from thethuc.checks.page_number import estimated_pages

    sections = (a4_section(index=0), a4_section(index=1, first_paragraph=1, new_page=False))
    rec = recognised(para("Giấy giới thiệu."), para("Đã giới thiệu.", section=1), sections=sections)
    assert estimated_pages(rec, 2500) == 1
    paged = (a4_section(index=0), a4_section(index=1, first_paragraph=1))
    assert estimated_pages(recognised(para("a"), para("b", section=1), sections=paged), 2500) == 2
