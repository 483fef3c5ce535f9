"""Rule files: hd36 covers the spec, strict located validation, extends/override/off, caching."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.checks.build import para, recognised
from thethuc.errors import RuleSetError
from thethuc.model import ROLES
from thethuc.ruleset import choose_ruleset, load_ruleset

SPEC = Path(__file__).resolve().parents[2] / ".." / "shared" / "spec" / "hd36.md"
NEW_IN_HD05 = {"B010", "B011", "N005", "X004", "X005", "X006"}


def spec_codes() -> set[str]:
    if not SPEC.is_file():
        pytest.skip(f"spec absent: {SPEC}")
    text = SPEC.read_text(encoding="utf-8")
    section = text.split("## 2. Rules", 1)[1].split("## 3.", 1)[0]
    return set(re.findall(r"^\| ([PHTBSNX]\d{3}) \|", section, flags=re.MULTILINE))


def test_every_spec_code_is_in_hd36() -> None:
    codes = spec_codes()
    assert len(codes) == 49  # P 11, H 12, T 5, B 9, S 5, N 4, X 3
    hd36 = load_ruleset("hd36")
    assert codes | NEW_IN_HD05 <= {r.code for r in hd36.rules}


def test_hd36_names_grades_and_severities() -> None:
    hd36 = load_ruleset("hd36")
    assert hd36.name == "hd36" and hd36.files == ("rules/hd36.yaml",) and hd36.extends is None
    assert hd36.get("H002").name == "tieu-de-format" and hd36.get("H002").severity == "error"
    assert hd36.get("P003").severity == "warning" and hd36.get("P009").severity == "info"
    for code in NEW_IN_HD05:  # unconfirmed for HD36 → information there
        assert hd36.get(code).grade == "U" and hd36.get(code).severity == "info"
    for rule in hd36.rules:
        assert set(rule.target) <= ROLES
        assert re.match(r"rules/hd36\.yaml:\d+$", rule.origin)
        if rule.grade in ("C", "U", "C/U"):
            assert "cấu hình" in rule.description.vi and "configurable" in rule.description.en, rule.code


def test_abbreviation_table_is_data_shared_by_h008_and_h010() -> None:
    hd36 = load_ruleset("hd36")
    table = hd36.get("H008").params.abbreviations
    assert table == hd36.get("H010").params.abbreviations
    assert table["QĐ"] == ("quyết định", "quy định") and table["CV"] == ("công văn",)


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def error_of(path: str) -> RuleSetError:
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    return caught.value


RULE = """\
ruleset: mine
rules:
  H002:
    name: tieu-de-format
    kind: format
    grade: A
    source: test
    target: tieu_de
    description: {vi: "mô tả", en: "description"}
    message: {vi: "Lỗi", en: "Problem"}
    expect: {size_pt: 15, bold: true}
"""


def test_a_complete_user_file_loads(tmp_path: Path) -> None:
    ruleset = load_ruleset(write(tmp_path, RULE))
    assert ruleset.name == "mine" and [r.code for r in ruleset.rules] == ["H002"]


@pytest.mark.parametrize(("old", "new", "line", "vi", "en"), [
    ("    expect: {", "    expct: {", 11,
     "khóa không hợp lệ 'expct' trong quy tắc H002 (loại format) (có phải 'expect' không?)",
     "unknown key 'expct' in rule H002 (kind format) (did you mean 'expect'?)"),
    ("size_pt: 15", "size_pts: 15", 11, "có phải 'size_pt' không?", "did you mean 'size_pt'?"),
    ("target: tieu_de", "target: tieu_dee", 8,
     "vai trò không hợp lệ 'tieu_dee' trong 'target' (có phải 'tieu_de' không?)",
     "unknown role 'tieu_dee' in 'target' (did you mean 'tieu_de'?)"),
    ("kind: format", "kind: formatt", 5, "loại kiểm tra (kind) 'formatt' (có phải 'format' không?)",
     "unknown kind 'formatt' (did you mean 'format'?)"),
    ("bold: true", "bold: 1", 11, "bold' phải là true hoặc false, không phải số 1",
     "bold' must be true or false, not the number 1"),
    ("size_pt: 15", "size_pt: big", 11, "size_pt' phải là một số, không phải chuỗi 'big'",
     "size_pt' must be a number, not the text 'big'"),
    ("grade: A", "grade: Z", 6, "'grade': giá trị không hợp lệ 'Z'", "'grade': unknown value 'Z'"),
    ("grade: A\n", "grade: A\n    severity: fatal\n", 7, "'severity': giá trị không hợp lệ 'fatal'",
     "'severity': unknown value 'fatal'"),
    ("name: tieu-de-format", "name: Tieu De", 4, "'Tieu De' phải viết thường, nối bằng gạch ngang", "kebab-case"),
    ("  H002:", "  H02:", 3, "'H02' không phải mã quy tắc", "'H02' is not a rule code"),
])
def test_strict_validation_names_file_and_line(tmp_path: Path, old: str, new: str, line: int, vi: str, en: str) -> None:
    path = write(tmp_path, RULE.replace(old, new, 1))
    err = error_of(path)
    assert (err.file, err.line) == (path, line), err
    assert vi in err.message and vi in err.text("vi")  # Vietnamese is the default
    assert en in err.text("en")
    assert str(err).startswith(f"{path}:{line}: ") and str(err) == err.render("vi")
    assert err.render("en") == f"{path}:{line}: {err.text('en')}"


def test_duplicate_code_is_an_error(tmp_path: Path) -> None:
    duplicated = RULE + "\n".join(RULE.splitlines()[2:]) + "\n"
    err = error_of(write(tmp_path, duplicated))
    assert err.line == 12 and "khóa 'H002' bị lặp lại (đã có ở dòng 3)" in err.message
    assert "duplicate key 'H002' (first at line 3)" in err.text("en")


def test_unknown_top_key_and_bad_yaml(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "ruleset: x\nrule: {}\n"))
    assert "khóa không hợp lệ 'rule' trong tệp quy tắc (có phải 'rules' không?)" in err.message
    assert "did you mean 'rules'" in err.text("en")
    err = error_of(write(tmp_path, "rules: {H002: [\n", "bad.yaml"))
    assert "YAML không hợp lệ" in err.message and "not valid YAML" in err.text("en")


def test_extends_with_a_one_value_override(tmp_path: Path) -> None:
    path = write(tmp_path, "ruleset: project\nextends: hd36\nrules:\n  H002:\n    expect: {size_pt: 16}\n")
    ruleset = load_ruleset(path)
    assert ruleset.name == "project" and ruleset.extends == "hd36"
    assert ruleset.files == ("rules/hd36.yaml", path)
    h002 = ruleset.get("H002")
    props = {a.prop: a.matcher.values for a in h002.params.by_role[0].assertions}
    assert props["size_pt"] == (16.0,) and props["bold"] == (True,) and props["case"] == ("upper",)
    assert h002.origin == f"{path}:4"
    assert len(ruleset.rules) == len(load_ruleset("hd36").rules)
    rec = recognised(para("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de", size=15, bold=True),
                     para("Số 15-NQ/TU", "so_ky_hieu", size=14))  # two header elements: not an X008 fragment
    from thethuc.checks import run_rules
    assert [f.actual.en for f in run_rules(ruleset, rec) if f.code == "H002"] == ["size 15 pt"]


def test_severity_override_and_off(tmp_path: Path) -> None:
    path = write(tmp_path, "extends: hd36\nrules:\n  P003: {severity: error}\n  P009: off\n  H003: false\n")
    ruleset = load_ruleset(path)
    assert ruleset.get("P003").severity == "error" and ruleset.get("P003").enabled
    assert not ruleset.get("P009").enabled and not ruleset.get("H003").enabled
    assert ruleset.name == "rules"


def test_override_errors_point_at_the_child_file(tmp_path: Path) -> None:
    path = write(tmp_path, "extends: hd36\nrules:\n  H002:\n    expect: {sise_pt: 16}\n")
    err = error_of(path)
    assert (err.file, err.line) == (path, 4) and "có phải 'size_pt' không?" in err.message
    err = error_of(write(tmp_path, "extends: hd36\nrules:\n  H099: off\n", "b.yaml"))
    assert "không thể tắt quy tắc H099" in err.message
    assert "cannot turn off unknown rule H099" in err.text("en")
    err = error_of(write(tmp_path, "extends: hd99\nrules: {}\n", "c.yaml"))
    assert err.line == 1 and "không có bộ quy tắc 'hd99'" in err.message
    assert "unknown rule set 'hd99'" in err.text("en")


def test_extends_a_relative_path_and_cycles(tmp_path: Path) -> None:
    write(tmp_path, "extends: hd36\nrules:\n  B001: {expect: {size_pt: 14}}\n", "base.yaml")
    child = load_ruleset(write(tmp_path, "extends: base.yaml\nrules:\n  P009: off\n", "child.yaml"))
    assert child.get("B001").params.by_role[0].assertions[0].matcher.values == (14.0,)
    assert not child.get("P009").enabled and len(child.files) == 3
    write(tmp_path, "extends: loop2.yaml\nrules: {}\n", "loop1.yaml")
    write(tmp_path, "extends: loop1.yaml\nrules: {}\n", "loop2.yaml")
    err = error_of(str(tmp_path / "loop1.yaml"))
    assert "vòng lặp" in err.message and "cycle" in err.text("en")


def test_unknown_builtin_name_suggests() -> None:
    with pytest.raises(RuleSetError, match=r"có phải 'hd36' không\?") as caught:
        load_ruleset("hd37")
    assert "did you mean 'hd36'" in caught.value.text("en")


def test_choose_ruleset_by_name_is_cached() -> None:
    rec = recognised(para("x", "noi_dung"))
    first, reason = choose_ruleset("hd36", rec)
    second, _ = choose_ruleset("hd36", rec)
    assert reason is None and first is second and first.name == "hd36"


def test_overriding_a_code_the_parent_lacks_says_no_such_rule(tmp_path: Path) -> None:
    path = write(tmp_path, "extends: hd36\nrules:\n  H099: {severity: warning}\n")
    err = error_of(path)
    assert (err.file, err.line) == (path, 3)
    assert "không có quy tắc H099 trong bộ quy tắc gốc (có phải 'H009' không?)" in err.message
    assert "no such rule H099" in err.text("en") and "kind" not in err.message.split(";")[0]


@pytest.mark.parametrize(("override", "said"), [
    ("B001:\n    expect: {size_pt: -5}", "'expect.size_pt' = -5 không thể có (phải lớn hơn 0 và không quá 1638)"),
    ("B001:\n    expect: {size_pt: {min: 0, max: 14}}", "'expect.size_pt.min' = 0 không thể có"),
    ("B001:\n    expect: {size_pt: .nan}", "'expect.size_pt' phải là một số hữu hạn"),
    ("P003: {mm: -3}", "'mm' = -3 không thể có (phải từ 0 đến 558)"),
    ("P003: {tolerance_mm: -1}", "'tolerance_mm' = -1 không thể có"),
    ("B005:\n    expect: {spacing_pt: -6}", "'expect.spacing_pt' = -6 không thể có"),
    ("X009: {within: -1}", "'within' = -1 không thể có (phải từ 0 đến"),
    ("H011: {padded_months: [0, 13]}", "'padded_months' = 0 không thể có (phải từ 1 đến 12)"),
])
def test_impossible_values_are_refused_at_their_line(tmp_path: Path, override: str, said: str) -> None:
    err = error_of(write(tmp_path, f"extends: hd36\nrules:\n  {override}\n"))
    assert said in err.message and err.line in (3, 4)
