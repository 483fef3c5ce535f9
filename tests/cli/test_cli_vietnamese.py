"""click's own usage errors and help headings speak Vietnamese by default and English with --lang en."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from thethuc.cli import main
from thethuc.errors import EXIT_USAGE

ENGLISH = ("Usage:", "Error:", "Try '", "Invalid value", "is not one of", "No such", "Missing argument",
           "Options:", "Show this message", "[OPTIONS]")


@pytest.mark.parametrize(("args", "said"), [
    (["check", "--fail-on", "x", "a.docx"], "Giá trị không hợp lệ cho '--fail-on'"),
    (["chek"], "Không có lệnh 'chek'"),
    (["check", "--foo"], "Không có tùy chọn '--foo'"),
    (["check"], "Thiếu đối số"),
    (["check", "--ruleset"], "cần một giá trị"),
])
def test_usage_errors_are_vietnamese(args: list[str], said: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXIT_USAGE
    assert said in result.output and "Lỗi:" in result.output
    assert not [w for w in ENGLISH if w in result.output], result.output


def test_help_headings_are_vietnamese() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "Cách dùng:" in result.output and "Tùy chọn:" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    assert not [w for w in ENGLISH if w in result.output], result.output


def test_english_stays_english_with_lang_en() -> None:
    result = CliRunner().invoke(main, ["check", "--lang", "en", "--foo"])
    assert result.exit_code == EXIT_USAGE
    assert "No such option '--foo'" in result.output and "Usage:" in result.output
    # and the next Vietnamese run is Vietnamese again: the choice is per invocation
    assert "Không có tùy chọn" in CliRunner().invoke(main, ["check", "--foo"]).output
