"""Rule-file errors are worded in Vietnamese by default and in English on request, at every raise site."""
from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from tests.ruleset.rulefile import HEAD
from thethuc.errors import RuleSetError
from thethuc.model import Text
from thethuc.ruleset.loader import load_file

# English words that would betray an untranslated message in the Vietnamese text.
_ENGLISH = re.compile(r"\b(must|needs?|unknown|not a|did you mean|expected|cannot|is above|mapping|list)\b")


def _error(tmp_path: Path, body: str) -> RuleSetError:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(RuleSetError) as caught:
        load_file(path, "t.yaml")
    return caught.value


@pytest.mark.parametrize(("body", "line", "vi", "en"), [
    ("    kind: page\n", 3, "quy tắc loại 'page' thiếu khóa 'check'", "a 'page' rule needs 'check'"),
    ("    kind: page\n    check: margin\n    mm: 20\n", 3,
     "quy tắc loại 'page' (check: margin) thiếu khóa 'side'", "a 'page' rule (check: margin) needs 'side'"),
    ("    kind: page\n    check: paper\n    papers: [{name: A4, width_mm: 210}]\n", 11,
     "một mục của 'papers' thiếu khóa 'height_mm'", "a 'papers' item needs 'height_mm'"),
    ("    kind: page\n    check: margin\n    side: top\n    mm: {min: 30, max: 20}\n", 12,
     "'mm': 'min' 30 lớn hơn 'max' 20", "'mm': 'min' 30 is above 'max' 20"),
    ("    kind: page\n    check: margin\n    side: top\n    mm: {}\n", 12,
     "'mm' cần 'min' hoặc 'max'", "'mm' needs 'min' or 'max'"),
    ("    kind: numbering\n    check: sequence\n    levels: [{role: muc_la_ma, restart: x}]\n", 11,
     "khóa không hợp lệ 'restart' trong một mục của 'levels'", "unknown key 'restart' in a 'levels' item"),
    ("    kind: fonts\n    check: slots\n", 3,
     "quy tắc loại 'fonts' (check: slots) thiếu khóa 'font'", "a 'fonts' rule (check: slots) needs 'font'"),
    ("    kind: pattern\n    target: tieu_de\n", 3,
     "quy tắc loại 'pattern' cần ít nhất một khóa 'must_match'", "a pattern rule needs 'must_match'"),
    ("    kind: pattern\n    target: tieu_de\n    forbid: [{match: x}]\n", 11,
     "một mục của 'forbid' thiếu khóa 'suggest'", "a 'forbid' item needs 'suggest'"),
    ("    kind: format\n    target: tieu_de\n", 3,
     "cần đúng một trong hai khóa 'expect' hoặc 'expect_by_role'", "needs exactly one of 'expect' or 'expect_by_role'"),
    ("    kind: format\n    expect: {bold: true}\n", 3,
     "có 'expect' cần khóa 'target'", "with 'expect' needs a 'target'"),
    ("    kind: format\n    target: tieu_de\n    expect: {line_spacing: {}}\n", 11,
     "'expect.line_spacing' cần 'exact_pt' hoặc 'multiple'", "'expect.line_spacing' needs 'exact_pt' or 'multiple'"),
    ("    kind: format\n    target: tieu_de\n    expect: [bold]\n", 11,
     "'expect' phải là một bảng khóa: giá trị, không phải một danh sách", "'expect' must be a mapping, not a list"),
    ("    kind: page_number\n    check: number\n    min_pages: 1.5\n", 11,
     "'min_pages' phải là một số nguyên, không phải số 1.5", "'min_pages' must be a whole number, not the number 1.5"),
    ("    kind: unrecognised\n", 3, "quy tắc loại 'unrecognised' thiếu khóa 'core'",
     "an 'unrecognised' rule needs 'core'"),
    ("    kind: presence\n    target: tieu_de\n    first_page: ~\n", 11,
     "'first_page' phải là true hoặc false, không phải giá trị trống",
     "'first_page' must be true or false, not nothing"),
])
def test_kind_errors_in_both_languages(tmp_path: Path, body: str, line: int, vi: str, en: str) -> None:
    err = _error(tmp_path, body)
    assert (err.file, err.line) == ("t.yaml", line), err.render("en")
    assert vi in err.message and en in err.text("en")
    assert not _ENGLISH.search(err.message), err.message  # no English left in the default language


def test_an_empty_and_a_non_mapping_file(tmp_path: Path) -> None:
    for text, vi, en in (("", "tệp quy tắc trống", "the rule file is empty"),
                         ("- a\n- b\n", "tệp quy tắc phải là một bảng khóa: giá trị", "must be a mapping")):
        path = tmp_path / "r.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RuleSetError) as caught:
            load_file(path, "r.yaml")
        assert caught.value.render("vi").startswith(f"r.yaml:1: {vi}") and en in caught.value.text("en")


def test_a_control_character_is_one_located_line(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("ruleset: mine\ntitle: T\x07\n", encoding="utf-8")  # pasted from a terminal
    with pytest.raises(RuleSetError) as caught:
        load_file(path, "r.yaml")
    # libyaml's reader error carries no mark and a two-line str(): the message gives the line and the character.
    assert caught.value.render("en") == "r.yaml:2: not valid YAML: U+0007: control characters are not allowed"


def test_a_rule_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes("rules: {}  # Tiêu đề\n".encode("utf-16"))  # Notepad's "Unicode"
    with pytest.raises(RuleSetError) as caught:
        load_file(path, "r.yaml")
    assert caught.value.line is None and str(caught.value) == "r.yaml: tệp quy tắc không phải văn bản UTF-8"
    assert caught.value.render("en") == "r.yaml: the rule file is not UTF-8 text"


def test_a_plain_message_serves_both_languages_and_str_stays_vietnamese() -> None:
    plain = RuleSetError("a.yaml", 3, "lỗi")
    assert plain.render("en") == plain.render("vi") == str(plain) == "a.yaml:3: lỗi"
    both = RuleSetError("a.yaml", None, Text("thiếu khóa 'rules'", "needs 'rules'"))
    assert (str(both), both.message, both.text("en")) == ("a.yaml: thiếu khóa 'rules'", "thiếu khóa 'rules'",
                                                          "needs 'rules'")


def test_the_error_survives_pickling_for_audit_workers() -> None:
    err = pickle.loads(pickle.dumps(RuleSetError("a.yaml", 7, Text("khóa lặp", "duplicate key"))))
    assert (err.file, err.line, err.render("vi"), err.render("en")) == ("a.yaml", 7, "a.yaml:7: khóa lặp",
                                                                        "a.yaml:7: duplicate key")
