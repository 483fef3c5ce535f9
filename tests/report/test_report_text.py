import io
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from report_samples import (
    BODY_SIZE,
    BROKEN,
    CLEAN,
    COLOUR,
    FONT,
    GOLDEN,
    MARGIN_TOP,
    NQ,
    PAGE_NUMBER,
    RESULTS,
    TITLE_SIZE,
    UNTYPED,
)

from tests.golden import assert_golden
from thethuc import roles
from thethuc.model import FileResult, Finding, InputProblem, Text
from thethuc.report import REPORTERS, ReportOptions, Summary
from thethuc.report import labels as w
from thethuc.report import text as text_report
from thethuc.report.text import TextReporter

PROJECT = Path(__file__).resolve().parents[2]


class TtyIO(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich reads these; the developer's shell must not change the golden output.
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    # Pin the display names: the golden files must not change with thethuc/roles.py; ho_ten_ky is
    # left out on purpose to show the fallback to the raw role.
    monkeypatch.setattr(roles, "ROLE_NAMES", {"tieu_de": ("Tiêu đề", "Party title"),
                                               "noi_dung": ("Nội dung", "Body text"),
                                               "so_trang": ("Số trang", "Page number")})


def render(results, lang: str = "vi", stream: io.StringIO | None = None, **opts) -> str:
    stream = stream if stream is not None else io.StringIO()
    reporter = REPORTERS["text"](stream, lang, ReportOptions(**opts))
    reporter.start()
    for r in results:
        reporter.file(r)
    reporter.finish(Summary.of(results, reporter.options.fail_on))
    return stream.getvalue()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_report_matches_golden(lang: str) -> None:
    assert_golden(GOLDEN / f"text_{lang}.txt", render(RESULTS, lang))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_quiet_report_matches_golden(lang: str) -> None:
    assert_golden(GOLDEN / f"text_quiet_{lang}.txt", render(RESULTS, lang, quiet=True))


def test_text_report_says_found_expected_and_provenance_in_vietnamese() -> None:
    out = render([NQ])
    assert "cỡ chữ 14, yêu cầu cỡ chữ 15 (từ kiểu Normal)" in out
    assert "(định dạng trực tiếp)" in out
    assert "(mặc định tài liệu)" in out
    assert "(kiểu bảng Signature)" in out
    assert "từ kiểu Normal, phông chủ đề minorHAnsi" in out
    assert "và 3 đoạn khác (14, 15, 16)" in out
    assert "tại văn bản, đoạn 3, bảng 1 hàng 1 cột 2" in out
    assert "đầu trang header2, đoạn 1" in out
    assert 'H002 tieu-de-format · Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM"' in out
    assert 'P009 font-colour · ho_ten_ky "Nguyễn Văn A"' in out
    assert "nghị quyết — bộ quy tắc hd36" in out


def test_summary_line_counts_files_and_severities() -> None:
    out = render(RESULTS)
    assert out.rstrip().splitlines()[-1] == (
        "4 tệp, 2 đạt (1 có cảnh báo), 1 không đạt, 1 không đọc được: 3 lỗi, 3 cảnh báo, 1 thông tin "
        "(1 bị bỏ qua)")
    en = render([NQ, CLEAN], "en")
    assert en.rstrip().splitlines()[-1] == "2 files, 1 passed, 1 failed: 3 errors, 2 warnings, 1 info"


def test_a_file_with_only_warnings_passes_and_is_said_so_following_fail_on() -> None:
    # "đạt" means what it means in `audit`: no finding at or above --fail-on.
    out = render([CLEAN, UNTYPED]).rstrip().splitlines()
    assert out[-1] == "2 tệp, 2 đạt (1 có cảnh báo), 0 không đạt: 0 lỗi, 1 cảnh báo (1 bị bỏ qua)"
    assert "  → 0 lỗi, 1 cảnh báo — đạt" in out
    strict = render([CLEAN, UNTYPED], fail_on="warning").rstrip().splitlines()
    assert strict[-1] == "2 tệp, 1 đạt, 1 không đạt: 0 lỗi, 1 cảnh báo (1 bị bỏ qua)"
    assert "  → 0 lỗi, 1 cảnh báo" in strict


def test_error_file_prints_its_one_line_message() -> None:
    lines = render([BROKEN]).splitlines()
    assert lines[0] == "không đọc được ho-so/hong.docx: tệp ZIP hỏng, không mở được"


def test_document_text_with_brackets_is_not_read_as_markup() -> None:
    out = render([NQ])
    assert "[ngày 27/8/2018]" in out


def test_long_excerpts_are_shortened_on_one_line() -> None:
    out = render([NQ])
    assert '"Thực hiện Nghị quyết số 15-NQ/TU [ngày 27/8/2018] của Ban T…"' in out
    assert "công tác văn thư" not in out


def test_statistics_table_lists_counts_per_code() -> None:
    out = render(RESULTS, statistics=True)
    table = out.split("số lần")[1]
    rows = [line.split() for line in table.splitlines() if "P003" in line or "B001" in line]
    assert rows == [["2", "hd36", "P003", "margin-top", "cảnh", "báo"], ["1", "hd36", "B001", "noi-dung-size", "lỗi"]]


def test_statistics_count_a_code_per_rule_set() -> None:
    # H002 is tieu-de-format in hd36 and quoc-hieu-format in nd30: two rules, two rows.
    from dataclasses import replace

    from thethuc.model import Finding, Text

    def h002(name: str) -> Finding:
        return Finding(code="H002", name=name, severity="error", element=None, message=Text("x", "x"))

    party = replace(CLEAN, path="a.docx", findings=(h002("tieu-de-format"),))
    state = replace(CLEAN, path="b.docx", ruleset="nd30", findings=(h002("quoc-hieu-format"),) * 2)
    table = render([party, state], statistics=True).split("số lần")[1]
    rows = [line.split() for line in table.splitlines() if "H002" in line]
    assert rows == [["2", "nd30", "H002", "quoc-hieu-format", "lỗi"], ["1", "hd36", "H002", "tieu-de-format", "lỗi"]]


def test_quiet_prints_nothing_for_clean_files_and_one_line_per_finding() -> None:
    out = render([CLEAN, NQ], quiet=True)
    assert "cv-02" not in out
    assert len([line for line in out.splitlines() if line.startswith("ho-so/nq-15.docx")]) == len(NQ.findings)


def test_no_colour_when_the_stream_is_not_a_terminal() -> None:
    assert "\x1b[" not in render(RESULTS)


def test_colour_on_a_terminal() -> None:
    out = render([NQ], stream=TtyIO())
    assert "\x1b[1;31mlỗi" in out  # errors in red


def test_no_color_env_removes_colour_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = render([NQ], stream=TtyIO())
    assert "\x1b[1;31m" not in out and "\x1b[31m" not in out
    assert "lỗi" in out


def test_no_color_option_removes_colour_on_a_terminal() -> None:
    out = render([NQ], stream=TtyIO(), color=False)
    assert "31m" not in out and "33m" not in out and "34m" not in out


def test_wide_console_even_off_a_terminal() -> None:
    reporter = TextReporter(io.StringIO(), "vi")
    assert reporter.console.width >= 100


@pytest.mark.parametrize(("finding", "lang", "expected"), [
    (TITLE_SIZE, "en", "size 14 pt, expected size 15 pt (from style Normal)"),
    (MARGIN_TOP, "vi", "lề trên 25 mm, yêu cầu 20 mm (±1)"),
    (COLOUR, "vi", "màu 1F3864 (kiểu bảng Signature)"),
    (FONT, "en", "font Calibri, expected Times New Roman (from style Normal, theme font minorHAnsi)"),
    (PAGE_NUMBER, "en", "size 11 pt, expected size 14 pt (document defaults)"),
])
def test_detail_text(finding: Finding, lang: str, expected: str) -> None:
    assert w.detail_text(finding, lang) == expected


def test_detail_without_actual_shows_no_provenance() -> None:
    f = Finding("X", "x", "error", None, Text("m", "m"), expected=Text("15", "15"), source="direct")
    assert w.detail_text(f, "vi") == "yêu cầu 15"


def test_also_lists_at_most_eight_paragraphs() -> None:
    also = tuple(BODY_SIZE.location.__class__("document", "word/document.xml", n) for n in range(1, 11))
    assert w.also_text(also, "en") == "and 10 more paragraphs (1, 2, 3, 4, 5, 6, 7, 8, …)"


def test_unknown_role_falls_back_to_its_raw_name() -> None:
    assert w.element_name("khong_co_vai_tro", "vi") == "khong_co_vai_tro"
    assert w.element_name(None, "vi") == ""


# ---------------------------------------------------------------- without rich

# A document's text may hold what rich drops from every piece it is given (carriage return, bell,
# form feed…): the plain writer must drop the same characters.
ODD = FileResult(
    path="ho-so/la\r.docx", status="checked", ruleset="hd36", document_type="công văn",
    findings=(replace(BODY_SIZE, excerpt="Một\rdòng\x07có\x0bký\x0ctự\x08lạ\tvà tab"),
              replace(FONT, message=Text("Phông\r chữ", "The\x07 font"))),
    suppressed=(replace(TITLE_SIZE, excerpt="ĐẢNG\rCỘNG"),))
UNREADABLE_ODD = FileResult(path="x\r.docx", status="error", ruleset="hd36",
                            error=InputProblem("corrupt", "x\r.docx: hỏng\x07", "x\r.docx: broken\x07"))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("opts", [{}, {"quiet": True}, {"show_suppressed": True}, {"statistics": True},
                                  {"color": False}, {"fail_on": "info"}])
def test_off_a_terminal_the_plain_writer_writes_what_rich_writes(
        monkeypatch: pytest.MonkeyPatch, lang: str, opts: dict) -> None:
    results = [*RESULTS, ODD, UNREADABLE_ODD]
    plain = render(results, lang, **opts)
    monkeypatch.setattr(text_report, "plain_without_rich", lambda stream, color: False)
    assert render(results, lang, **opts) == plain  # rich, deciding by itself, writes no escape code here


def test_rich_decides_when_the_environment_may_call_the_stream_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    assert text_report.plain_without_rich(io.StringIO(), None)
    assert text_report.plain_without_rich(io.StringIO(), False)
    assert not text_report.plain_without_rich(io.StringIO(), True)
    assert not text_report.plain_without_rich(TtyIO(), None)
    for name, value in (("FORCE_COLOR", "1"), ("TTY_COMPATIBLE", "1")):
        with monkeypatch.context() as env:
            env.setenv(name, value)
            assert not text_report.plain_without_rich(io.StringIO(), None)
            assert "\x1b[" in render([NQ])  # and rich colours it, as before


def test_a_plain_text_report_imports_no_rich() -> None:
    code = ("import io, sys\n"
            "from thethuc.report import REPORTERS, ReportOptions, Summary\n"
            "sys.path.insert(0, 'tests/report')\n"
            "from report_samples import RESULTS\n"
            "r = REPORTERS['text'](io.StringIO(), 'vi', ReportOptions())\n"
            "r.start()\n"
            "[r.file(x) for x in RESULTS]\n"
            "r.finish(Summary.of(RESULTS, 'error'))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
