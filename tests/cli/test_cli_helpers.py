"""The pure pieces of the commands: option parsing, exit codes, rule lookup and parameter display."""
import re
from dataclasses import dataclass

import pytest

from thethuc.commands.check import exit_code
from thethuc.commands.explain import explanation, find_rule, param_lines, render_value, suggestion
from thethuc.commands.options import split_codes
from thethuc.commands.rules import first_sentence
from thethuc.model import Text
from thethuc.ruleset.types import Rule, RuleSet


@dataclass(frozen=True)
class Range:
    min: int
    max: int


@dataclass(frozen=True)
class FormatParams:
    size_half_pt: Range
    bold: bool
    case: str | None
    runs: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None


PARAMS = FormatParams(size_half_pt=Range(28, 30), bold=True, case=None, runs=("all",),
                      pattern=re.compile(r"^Số \d+"))
H002 = Rule(code="H002", name="tieu-de-format", kind="format", severity="error", grade="A",
            source="HD36 §II.1.1 [P1][P5]",
            description=Text("Tiêu đề in hoa, cỡ 15, đậm. Theo Phụ lục 1.", "Capitals, 15 pt, bold. See Annex 1."),
            message=Text("Tiêu đề sai thể thức", "Party title badly formatted"), target=("tieu_de",),
            params=PARAMS, example=Text("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            origin="rules/hd36.yaml:42")
B001 = Rule(code="B001", name="noi-dung-size", kind="format", severity="error", grade="A", source="HD36",
            description=Text("Cỡ chữ nội dung", "Body size"), message=Text("m", "m"), target=("noi_dung",),
            params={"size": [14, 15]}, enabled=False)
RULESET = RuleSet(name="hd36", title=Text("HD36", "HD36"), rules=(H002, B001))


@pytest.mark.parametrize(("given", "expected"), [
    ((), ()),
    (("B001",), ("B001",)),
    (("B001,B002", "H"), ("B001", "B002", "H")),
    ((" B001 , ,tieu-de-format ",), ("B001", "tieu-de-format")),
])
def test_split_codes_is_comma_separated_and_repeatable(given: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert split_codes(given) == expected


@pytest.mark.parametrize(("unreadable", "failing", "code"), [(0, 0, 0), (0, 5, 1), (1, 0, 3), (2, 5, 3)])
def test_exit_code_unreadable_wins_over_findings(unreadable: int, failing: int, code: int) -> None:
    assert exit_code(unreadable, failing) == code


def test_params_render_readably_in_both_languages() -> None:
    # A YAML word is glossed in Vietnamese: no bare English in Vietnamese output.
    assert param_lines(PARAMS, "vi") == [("size_half_pt", "min: 28; max: 30"), ("bold", "có"),
                                         ("runs", "all (tất cả)"), ("pattern", r"^Số \d+")]
    assert dict(param_lines(PARAMS, "en"))["bold"] == "yes" and dict(param_lines(PARAMS, "en"))["runs"] == "all"
    assert render_value("portrait", "vi") == "portrait (khổ dọc)" and render_value("center",
                                                                                   "vi") == "center (căn giữa)"
    assert param_lines({"size": [14, 15], "none": None}, "vi") == [("size", "14, 15")]
    assert render_value(frozenset({"b", "a"}), "vi") == "a, b"
    assert render_value((",", ";"), "vi") == "«,», «;»"
    assert render_value(15.0, "vi") == "15"
    assert param_lines(None, "vi") == []


@dataclass(frozen=True)
class Matcher:
    values: tuple[object, ...] = ()
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Assertion:
    prop: str
    matcher: Matcher


@pytest.mark.parametrize(("matcher", "lang", "shown"), [
    (Matcher(values=(15.0,)), "vi", "15"), (Matcher(values=(15.0, 16.0)), "en", "15 or 16"),
    (Matcher(low=14.0, high=15.0), "vi", "14–15"), (Matcher(low=6.0), "vi", "≥ 6"),
    (Matcher(high=25.5), "vi", "≤ 25.5"), (Matcher(values=(True,)), "vi", "có"),
])
def test_value_matchers_read_like_the_spec(matcher: Matcher, lang: str, shown: str) -> None:
    assert render_value(matcher, lang) == shown
    assert render_value(Assertion("size_pt", matcher), lang) == f"size_pt = {shown}"


def test_switched_off_options_are_left_out() -> None:
    @dataclass(frozen=True)
    class P:
        same_size: bool = False
        tolerance_mm: float = 1.0

    assert param_lines(P(), "vi") == [("tolerance_mm", "1")]


def test_find_rule_by_code_in_any_case_or_by_name() -> None:
    assert find_rule(RULESET, "h002") is H002
    assert find_rule(RULESET, "tieu-de-format") is H002
    assert find_rule(RULESET, "H003") is None


def test_suggestion_names_the_nearest_code_or_name() -> None:
    assert suggestion(RULESET, "H02") == "H002"
    assert suggestion(RULESET, "h2") == "H002"
    assert suggestion(RULESET, "H0O2") == "H002"
    assert suggestion(RULESET, "noi-dung-sise") == "noi-dung-size"
    assert suggestion(RULESET, "zzzzzzzz") is None


def test_explanation_lists_every_fact_of_the_rule() -> None:
    lines = explanation(H002, "vi")
    assert lines[0] == "H002 tieu-de-format — lỗi"
    assert "Tiêu đề in hoa, cỡ 15, đậm. Theo Phụ lục 1." in lines
    assert "  size_half_pt: min: 28; max: 30" in lines
    assert {"Bậc tin cậy: A", "Nguồn: HD36 §II.1.1 [P1][P5]", "Ví dụ: ĐẢNG CỘNG SẢN VIỆT NAM",
            "Định nghĩa tại: rules/hd36.yaml:42"} <= set(lines)
    assert explanation(B001, "en")[0] == "B001 noi-dung-size — error (disabled)"


def test_first_sentence_keeps_the_table_to_one_line() -> None:
    assert first_sentence("Tiêu đề in hoa, cỡ 15. Theo Phụ lục 1.\nDòng hai") == "Tiêu đề in hoa, cỡ 15."
    assert first_sentence("Một câu.") == "Một câu."
    assert first_sentence("") == ""
