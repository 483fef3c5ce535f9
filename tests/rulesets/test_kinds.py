"""The pieces nd30/hd05 added to the engine: issue_date, the state form of the reference kind, rule_line ratio,
null overrides."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.checks.reference import parse_state_reference
from thethuc.errors import RuleSetError
from thethuc.ruleset.loader import load_file


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


RULE = """ruleset: t
rules:
  X007:
    name: ngay-ban-hanh-ngoai-pham-vi
    kind: issue_date
    grade: U
    source: test
    description: d
    message: m
{extra}
"""


def test_issue_date_rejects_an_inverted_period(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.yaml", RULE.format(extra="    from: 2026-05-27\n    until: 2018-04-03"))
    with pytest.raises(RuleSetError, match=r"t\.yaml:\d+: 'until' không được sớm hơn 'from'") as caught:
        load_file(path, "t.yaml")
    assert caught.value.text("en") == "'until' must not be earlier than 'from'"


def test_issue_date_rejects_a_non_date(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.yaml", RULE.format(extra="    from: 27/5/2026"))
    with pytest.raises(RuleSetError, match="'from' phải là ngày viết dạng YYYY-MM-DD") as caught:
        load_file(path, "t.yaml")
    assert "'from' must be a date written YYYY-MM-DD, not '27/5/2026'" in caught.value.text("en")


def test_null_in_a_child_removes_the_inherited_key(tmp_path: Path) -> None:
    _write(tmp_path, "base.yaml", RULE.format(extra="    from: 2018-04-03\n    until: 2026-05-26"))
    child = _write(tmp_path, "child.yaml", "extends: base.yaml\nrules:\n  X007:\n    until: ~\n")
    params = load_file(child, "child.yaml").get("X007").params
    assert params.until is None and str(params.start) == "2018-04-03"


@pytest.mark.parametrize(("text", "parts"), [
    ("Số: 15/QĐ-UBND", (True, "15", "/", "QĐ", "UBND")),
    ("Số: 30/2020/NĐ-CP", (True, "30", "/", "NĐ", "CP")),
    ("Số: 16/KH-MTTQ-BTT", (True, "16", "/", "KH", "MTTQ-BTT")),
    ("Số:      /TTr-UBND", (True, "", "/", "TTr", "UBND")),
    ("Số 05/UBND-VP", (False, "05", "/", "UBND", "VP")),
])
def test_state_reference_parts(text: str, parts: tuple[object, ...]) -> None:
    ref = parse_state_reference(text)
    assert ref is not None
    assert (ref.colon, ref.number, ref.sep1, ref.type, ref.body) == parts


def test_party_reference_is_not_a_state_reference() -> None:
    assert parse_state_reference("Số 15-NQ/TU") is None


def test_rule_line_ratio_must_have_both_bounds(tmp_path: Path) -> None:
    text = """ruleset: t
rules:
  H007:
    name: co-quan-ban-hanh-rule
    kind: rule_line
    grade: A
    source: test
    description: d
    message: m
    target: co_quan_ban_hanh
    ratio: {min: 0.33}
"""
    with pytest.raises(RuleSetError, match="'ratio' thiếu khóa 'max'") as caught:
        load_file(_write(tmp_path, "t.yaml", text), "t.yaml")
    assert caught.value.text("en") == "'ratio' needs 'max'"
