"""`thethuc rules` and `thethuc explain` against the built-in hd36 rule set."""
from click.testing import CliRunner, Result

from thethuc.cli import main


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None},
                              catch_exceptions=False)


def test_rules_lists_every_rule_of_the_spec() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for code in ("P001", "P011", "H001", "H012", "T005", "B009", "S005", "N004", "X003"):
        assert code in result.stdout
    assert "tieu-de-format" in result.stdout and "lỗi" in result.stdout and "cảnh báo" in result.stdout


def test_rules_in_english() -> None:
    out = run("rules", "--lang", "en").stdout
    assert "severity" in out and "warning" in out and "cảnh báo" not in out


def test_explain_shows_description_values_grade_source_and_origin() -> None:
    result = run("explain", "H002")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("H002 tieu-de-format — lỗi")
    assert "Bậc tin cậy: A" in out
    assert "Nguồn: " in out and "HD36" in out
    assert "Giá trị:" in out
    assert "Định nghĩa tại: " in out and ".yaml:" in out


def test_explain_accepts_lower_case_codes_and_rule_names() -> None:
    by_code = run("explain", "h002").stdout
    assert by_code == run("explain", "tieu-de-format").stdout
    assert by_code.startswith("H002")


def test_explain_in_english() -> None:
    out = run("explain", "B001", "--lang", "en").stdout
    assert "Grade: A" in out and "Defined at: " in out


def test_explain_unknown_code_suggests_the_nearest() -> None:
    result = run("explain", "H02", "--lang", "en")
    assert result.exit_code == 2
    assert "did you mean H002?" in result.stderr
    assert "có phải H012 không?" in run("explain", "H0l2").stderr
    assert run("explain", "tieu-de-formt").stderr.count("tieu-de-format") == 1


def test_rules_and_explain_reject_a_bad_rule_set() -> None:
    for command in (("rules",), ("explain", "H002")):
        vi, en = run(*command, "--ruleset", "hd99"), run(*command, "--ruleset", "hd99", "--lang", "en")
        assert vi.exit_code == en.exit_code == 2
        assert vi.stderr.startswith("thethuc: hd99: không có bộ quy tắc 'hd99'") and vi.stdout == ""
        assert en.stderr.startswith("thethuc: hd99: unknown rule set 'hd99'") and en.stdout == ""


def test_rules_of_a_derived_set_mark_what_it_changes() -> None:
    from thethuc.commands.rules import changed_here
    from thethuc.ruleset import load_ruleset

    hd05 = load_ruleset("hd05")
    changed = {rule.code for rule in hd05.rules if changed_here(rule.origin, hd05.files)}
    assert {"B006", "N004", "S002", "B011"} <= changed  # hd05.md's differences
    assert not {"H002", "H006", "T002"} & changed  # the size table HD05 repeats unchanged
    result = run("rules", "--ruleset", "hd05")
    assert result.exit_code == 0 and "khác hd36" in result.output
    assert "khác" not in run("rules").output.splitlines()[2]  # hd36 extends nothing: no such column


def test_explain_names_each_value_as_the_rule_file_writes_it() -> None:
    # X007 is written with `from:` (the attribute is `start`, `from` being a Python keyword)
    out = run("explain", "X007", "--lang", "en").stdout
    assert "  from: 2018-04-03" in out
    assert "start:" not in out
