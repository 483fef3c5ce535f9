"""Messages a person reads: no phrase said twice."""
from __future__ import annotations

from thethuc.model import Finding, Location, Text
from thethuc.report import labels as w


def _finding(message: Text, actual: Text | None, expected: Text | None) -> Finding:
    return Finding(code="P011", name="first-page-number", severity="warning", element="so_trang",
                   message=message, expected=expected, actual=actual,
                   location=Location("header", "word/header1.xml", 1))


def test_a_found_value_that_repeats_the_message_is_not_said_again() -> None:
    f = _finding(Text("Trang 1 có số trang", "Page 1 is numbered"), Text("trang 1 có số trang.", "page 1 is numbered"),
                 Text("trang 1 không đánh số", "no number on page 1"))
    assert w.detail_text(f, "vi") == "yêu cầu trang 1 không đánh số"
    assert w.detail_text(f, "en") == "expected no number on page 1"


def test_a_found_value_that_adds_something_stays() -> None:
    f = _finding(Text("Trang 1 có số trang", "Page 1 is numbered"), Text("số trang ở đầu trang trang 1", "x"), None)
    assert w.detail_text(f, "vi") == "số trang ở đầu trang trang 1"
