"""A kind's keys declared once as Params fields (thethuc/ruleset/params.py): read strictly, located errors.

A made-up kind exercises the generic reading on its own (required keys, YAML names, ``check``
variants, built fields); the real kinds are exercised through whole rule files, where the loader
takes each kind's allowed keys from its Params.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest

from tests.ruleset.rulefile import HEAD
from thethuc.checks import KINDS
from thethuc.checks import ruleset_period as issue_date_kind
from thethuc.errors import RuleSetError
from thethuc.ruleset.loader import load_file
from thethuc.ruleset.nodes import LDict, as_bool, as_int, as_str, load_yaml_text
from thethuc.ruleset.params import built, choice, choices, items, param, read_params, yaml_keys


@dataclasses.dataclass(frozen=True, slots=True)
class Toy:
    check: str = param(choice("short", "long"))
    start: int = param(as_int, 0, key="from")
    label: str = param(as_str, "x", required=True, for_check=("long",))
    strict: bool = param(as_bool, False, for_check=("short",))
    sizes: tuple[int, ...] = param(items(as_int), (1, 2))
    sides: tuple[str, ...] = param(choices("left", "right"), ())
    total: int = built(("parts", "unit"), 0)


def _node(text: str) -> LDict:
    return load_yaml_text(text, "toy.yaml")


def _read(text: str, **given: object) -> Toy:
    node = _node(text)
    return read_params(Toy, node, "toy", **given)


def _error(text: str) -> RuleSetError:
    with pytest.raises(RuleSetError) as caught:
        _read(text)
    return caught.value


def test_the_keys_are_the_fields_under_their_yaml_names_and_the_built_fields_keys() -> None:
    assert yaml_keys(Toy) == ("check", "from", "label", "strict", "sizes", "sides", "parts", "unit")


def test_a_yaml_name_fills_its_attribute_and_absent_keys_keep_their_defaults() -> None:
    toy = _read("check: short\nfrom: 7\n")
    assert toy == Toy(check="short", start=7)
    assert (toy.label, toy.sizes, toy.total) == ("x", (1, 2), 0)


def test_a_required_key_missing_is_named_with_the_kind_at_the_rules_line() -> None:
    err = _error("from: 3\n")
    assert (err.file, err.line) == ("toy.yaml", 1)
    assert err.bilingual.en == "a 'toy' rule needs 'check'"
    assert err.bilingual.vi == "quy tắc loại 'toy' thiếu khóa 'check'"


def test_a_variant_key_is_required_for_its_variant_only_and_named_with_it() -> None:
    err = _error("strict: true\ncheck: long\n")
    assert err.line == 1 and err.bilingual.en == "a 'toy' rule (check: long) needs 'label'"
    assert _read("check: short\n").label == "x"


def test_another_variants_key_is_not_read() -> None:
    # ``strict`` belongs to check: short; a long rule does not read it (as the kinds did before)
    assert _read("check: long\nlabel: y\nstrict: 5\n").strict is False
    err = _error("check: short\nstrict: 5\n")
    assert err.line == 2 and err.bilingual.en == "'strict' must be true or false, not the number 5"


def test_a_wrong_type_is_reported_at_the_keys_line_under_its_yaml_name() -> None:
    err = _error("check: short\n\nfrom: soon\n")
    assert (err.file, err.line) == ("toy.yaml", 3)
    assert err.bilingual.en == "'from' must be a whole number, not the text 'soon'"
    assert err.bilingual.vi == "'from' phải là một số nguyên, không phải chuỗi 'soon'"


def test_a_wrong_choice_gets_a_hint() -> None:
    err = _error("check: shrot\n")
    assert err.bilingual.en == "'check': unknown value 'shrot' (did you mean 'short'?); expected one of short, long"


def test_list_items_are_read_at_their_own_lines_and_a_single_value_is_a_list() -> None:
    assert _read("check: short\nsizes: 4\n").sizes == (4,)
    err = _error("check: short\nsizes:\n  - 3\n  - three\n")
    assert err.line == 4 and err.bilingual.en == "'sizes' must be a whole number, not the text 'three'"


def test_choices_are_checked_at_the_keys_line() -> None:
    assert _read("check: short\nsides: [left, right]\n").sides == ("left", "right")
    err = _error("check: short\nsides:\n  - left\n  - middle\n")
    assert err.line == 2 and "unknown value 'middle'" in err.bilingual.en


def test_built_fields_come_from_the_kinds_parse() -> None:
    assert _read("check: short\n", total=12).total == 12


def test_a_field_without_a_declaration_is_refused_when_its_keys_are_asked() -> None:
    @dataclasses.dataclass(frozen=True)
    class Undeclared:
        size: int = 1

    with pytest.raises(TypeError, match=r"Undeclared\.size is not declared"):
        yaml_keys(Undeclared)


# ---------------------------------------------------------------- through a rule file


def _load(tmp_path: Path, body: str) -> RuleSetError | object:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    try:
        return load_file(path, "t.yaml")
    except RuleSetError as err:
        return err


def test_an_unknown_key_of_a_kind_is_refused_at_its_line_with_a_hint(tmp_path: Path) -> None:
    err = _load(tmp_path, "    kind: issue_date\n    form: 2018-04-03\n")
    assert isinstance(err, RuleSetError)
    assert (err.file, err.line) == ("t.yaml", 10)
    assert err.bilingual.en == "unknown key 'form' in rule Z001 (kind issue_date) (did you mean 'from'?)"
    assert err.bilingual.vi == "khóa không hợp lệ 'form' trong quy tắc Z001 (loại issue_date) (có phải 'from' không?)"


def test_the_yaml_name_from_fills_the_start_of_an_issue_date_rule(tmp_path: Path) -> None:
    ruleset = _load(tmp_path, "    kind: issue_date\n    from: 2018-04-03\n    until: '2026-05-26'\n")
    params = ruleset.rules[0].params  # type: ignore[attr-defined]
    assert isinstance(params, issue_date_kind.Params)
    assert (params.start, params.until) == (datetime.date(2018, 4, 3), datetime.date(2026, 5, 26))
    assert "start" not in yaml_keys(issue_date_kind.Params) and "from" in yaml_keys(issue_date_kind.Params)


def test_an_attribute_name_is_not_a_key_where_the_yaml_name_differs(tmp_path: Path) -> None:
    err = _load(tmp_path, "    kind: issue_date\n    target: dia_danh_ngay\n    start: 2018-04-03\n")
    assert isinstance(err, RuleSetError) and err.line == 11
    assert err.bilingual.en.startswith("unknown key 'start' in rule Z001 (kind issue_date)")


def test_a_kinds_cross_key_check_still_runs_after_the_generic_reading(tmp_path: Path) -> None:
    err = _load(tmp_path, "    kind: issue_date\n    from: 2020-01-01\n    until: 2019-01-01\n")
    assert isinstance(err, RuleSetError) and err.line == 11
    assert err.bilingual.en == "'until' must not be earlier than 'from'"


def test_a_wrong_type_in_a_real_kind_is_located(tmp_path: Path) -> None:
    err = _load(tmp_path, "    kind: presence\n    target: tieu_de\n    max: many\n")
    assert isinstance(err, RuleSetError) and err.line == 11
    assert err.bilingual.en == "'max' must be a whole number, not the text 'many'"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kinds_keys_are_unique_and_plain_yaml_words(name: str) -> None:
    keys = yaml_keys(KINDS[name].Params)
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z][a-z_]*", key) for key in keys), keys


def test_the_yaml_name_sample_fills_the_example_of_a_date_rule(tmp_path: Path) -> None:
    ruleset = _load(tmp_path, "    kind: date\n    target: dia_danh_ngay\n    sample: Huế, ngày 05 tháng 3 năm 2024\n")
    assert ruleset.rules[0].params.example == "Huế, ngày 05 tháng 3 năm 2024"  # type: ignore[attr-defined]
