"""`thethuc check` end to end: every option and every exit code (0, 1, 2, 3)."""
import json
from pathlib import Path

import pytest
from cli_docs import body_13pt, broken, good, top_margin_25
from click.testing import CliRunner, Result

from thethuc.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    base = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "THETHUC_LANG": None}
    return CliRunner().invoke(main, ["check", *args], env={**base, **(env or {})}, catch_exceptions=False)


def codes_in(result: Result) -> list[str]:
    return [f["code"] for file in json.loads(result.stdout)["files"] for f in file["findings"]]


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    good(folder / "a-dat.docx")
    body_13pt(folder / "b-co-13.docx")
    top_margin_25(folder / "c-le-tren.docx")
    return folder


# ---------------------------------------------------------------- exit codes


def test_exit_0_on_a_conforming_document(docs: Path) -> None:
    result = run(str(docs / "a-dat.docx"))
    assert result.exit_code == 0, result.output
    assert "1 tệp, 1 đạt, 0 không đạt" in result.stdout


def test_exit_1_on_an_error_finding(docs: Path) -> None:
    result = run(str(docs / "b-co-13.docx"), "--format", "json")
    assert result.exit_code == 1
    assert "B001" in codes_in(result)


def test_warnings_pass_by_default_and_fail_with_fail_on_warning(docs: Path) -> None:
    path = str(docs / "c-le-tren.docx")
    default = run(path, "--format", "json")
    assert default.exit_code == 0 and "P003" in codes_in(default)
    assert run(path, "--fail-on", "warning").exit_code == 1
    assert run(path, "--fail-on", "info").exit_code == 1


def test_exit_2_on_a_missing_path_naming_it(docs: Path) -> None:
    result = run(str(docs / "a-dat.docx"), str(docs / "khong-co.docx"))
    assert result.exit_code == 2
    assert "khong-co.docx" in result.stderr
    assert result.stdout == ""  # nothing checked


def test_exit_2_on_an_unknown_option(docs: Path) -> None:
    assert run(str(docs), "--khong-co").exit_code == 2
    assert run(str(docs), "--fail-on", "fatal").exit_code == 2
    assert run(str(docs), "--format", "xml").exit_code == 2


def test_exit_2_on_a_bad_rule_file_with_one_line_and_nothing_checked(docs: Path, tmp_path: Path) -> None:
    bad = tmp_path / "quy-tac.yaml"
    bad.write_text("extends: hd36\nrules: [unclosed\n", encoding="utf-8")
    result = run(str(docs), "--ruleset", str(bad))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "quy-tac.yaml" in lines[0]


def test_a_bad_rule_file_is_one_vietnamese_line_with_file_and_line_and_english_on_request(
        docs: Path, tmp_path: Path) -> None:
    bad = tmp_path / "quy-tac.yaml"
    bad.write_text("extends: hd36\nrules:\n  H002:\n    expct: {size_pt: 15}\n", encoding="utf-8")
    vi = run(str(docs), "--ruleset", str(bad))
    assert vi.exit_code == 2 and vi.stdout == ""
    assert vi.stderr == (f"thethuc: {bad}:4: khóa không hợp lệ 'expct' trong quy tắc H002 (loại format) "
                         "(có phải 'expect' không?)\n")
    en = run(str(docs), "--ruleset", str(bad), "--lang", "en")
    assert en.exit_code == 2 and en.stdout == ""
    assert en.stderr == f"thethuc: {bad}:4: unknown key 'expct' in rule H002 (kind format) (did you mean 'expect'?)\n"


def test_exit_2_on_an_unknown_builtin_rule_set(docs: Path) -> None:
    result = run(str(docs), "--ruleset", "hd99")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("thethuc: hd99: không có bộ quy tắc 'hd99'")
    english = run(str(docs), "--ruleset", "hd99", "--lang", "en")
    assert english.exit_code == 2 and english.stderr.startswith("thethuc: hd99: unknown rule set 'hd99'")


def test_a_missing_rule_file_is_named_in_the_chosen_language(docs: Path, tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.yaml"
    assert f"không tìm thấy tệp quy tắc: {missing}" in run(str(docs), "--ruleset", str(missing)).stderr
    assert f"rule file not found: {missing}" in run(str(docs), "--ruleset", str(missing), "--lang", "en").stderr


def test_exit_3_on_an_unreadable_file_among_good_ones_which_are_still_reported(docs: Path) -> None:
    broken(docs / "d-hong.docx")
    result = run(str(docs), "--format", "json")
    assert result.exit_code == 3
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["d-hong.docx"]["status"] == "error" and files["d-hong.docx"]["error"]["message"]
    assert [files[n]["status"] for n in ("a-dat.docx", "b-co-13.docx", "c-le-tren.docx")] == ["checked"] * 3
    assert any(f["code"] == "B001" for f in files["b-co-13.docx"]["findings"])  # 3 wins over 1


def test_exit_3_for_a_file_given_with_another_extension(docs: Path, tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải văn bản Word", encoding="utf-8")
    result = run(str(text), "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["files"][0]["status"] == "error"


# ---------------------------------------------------------------- selection


@pytest.mark.parametrize("option", [
    ["--ignore", "B001"], ["--ignore", "B"], ["--ignore", "noi-dung-size"], ["--ignore", "P003,B001"],
    ["--ignore", "P003", "--ignore", "B001"], ["--select", "H"], ["--select", "H,P"],
])
def test_select_and_ignore_drop_b001(docs: Path, option: list[str]) -> None:
    result = run(str(docs / "b-co-13.docx"), "--format", "json", *option)
    assert "B001" not in codes_in(result)
    assert result.exit_code == 0


def test_select_keeps_only_the_chosen_codes(docs: Path) -> None:
    result = run(str(docs), "--format", "json", "--select", "B001")
    assert set(codes_in(result)) == {"B001"}
    assert result.exit_code == 1


def test_an_unknown_code_in_select_is_a_usage_error(docs: Path) -> None:
    result = run(str(docs), "--select", "Z999")
    assert result.exit_code == 2 and "Z999" in result.stderr and result.stdout == ""
    assert "không có quy tắc nào khớp 'Z999'" in result.stderr
    typo = run(str(docs), "--select", "H0O2", "--lang", "en")
    assert typo.stderr == "thethuc: --select/--ignore: no rule matches 'H0O2' (did you mean H012?)\n"


def test_auto_loads_the_rule_sets_up_front_only_to_check_a_selection(monkeypatch) -> None:
    """Issue 16: a one-file run with no --select/--ignore does not load hd36, hd05 and nd30 before
    the document picks one; a selection is still checked against all three before any file."""
    from thethuc import config, ruleset

    asked: list[object] = []
    real = ruleset.possible_rulesets
    monkeypatch.setattr(ruleset, "possible_rulesets", lambda spec: asked.append(spec) or real(spec))
    config.validate_selection("auto", (), ())
    assert asked == []
    config.validate_selection("auto", ("B001",), ())
    assert asked == ["auto"]


# ---------------------------------------------------------------- output options


def test_folder_discovery_display_paths_and_lock_files(docs: Path) -> None:
    (docs / "~$b-co-13.docx").write_bytes(b"lock")
    result = run(str(docs), "--format", "json")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [str(docs / n) for n in ("a-dat.docx", "b-co-13.docx", "c-le-tren.docx")]


def test_json_format_has_the_spec_top_level_shape(docs: Path) -> None:
    data = json.loads(run(str(docs), "--format", "json").stdout)
    assert data["tool"] == "thethuc" and data["ruleset"] == "auto" and data["stage"] == "draft"  # the defaults
    assert data["summary"]["files"] == 3 and data["summary"]["checked"] == 3 and data["summary"]["errors"] == 0
    assert data["summary"]["findings"]["error"] >= 1 and data["summary"]["findings"]["warning"] >= 1
    assert {f["document_type"] for f in data["files"]} == {"nghị quyết"}


def test_lang_en_writes_english(docs: Path) -> None:
    vi = run(str(docs / "b-co-13.docx"))
    en = run(str(docs / "b-co-13.docx"), "--lang", "en")
    assert "1 file, 0 passed, 1 failed" in en.stdout
    assert "1 tệp, 0 đạt, 1 không đạt" in vi.stdout
    en_json = json.loads(run(str(docs / "b-co-13.docx"), "--lang", "en", "--format", "json").stdout)
    vi_json = json.loads(run(str(docs / "b-co-13.docx"), "--format", "json").stdout)
    assert en_json["files"][0]["findings"][0]["message"] != vi_json["files"][0]["findings"][0]["message"]


def test_text_report_shows_the_finding_with_found_and_expected(docs: Path) -> None:
    out = run(str(docs / "b-co-13.docx")).stdout
    assert "B001 noi-dung-size" in out
    assert "yêu cầu" in out
    assert str(docs / "b-co-13.docx") + " — nghị quyết — bộ quy tắc hd36" in out


def test_quiet_prints_finding_lines_and_the_summary_only(docs: Path) -> None:
    out = run(str(docs), "--quiet").stdout
    assert "a-dat.docx" not in out
    lines = [line for line in out.splitlines() if line]
    assert lines[-1].startswith("3 tệp, 2 đạt (1 có cảnh báo), 1 không đạt")  # c-le-tren: a warning only
    assert all(line.startswith(str(docs)) for line in lines[:-1]) and len(lines) >= 3


def test_statistics_prints_a_table_of_codes(docs: Path) -> None:
    out = run(str(docs), "--statistics").stdout
    table = out.split("số lần", 1)[1]
    assert any(line.split()[:3] == ["1", "hd36", "B001"] for line in table.splitlines() if line.strip())


def test_colour_follows_force_color_and_no_color_option(docs: Path) -> None:
    path = str(docs / "b-co-13.docx")
    coloured = run(path, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;31m" in coloured
    plain = run(path, "--no-color", env={"FORCE_COLOR": "1"}).stdout
    assert "31m" not in plain
    assert "\x1b[" not in run(path).stdout  # not a terminal: plain text


# ---------------------------------------------------------------- --jobs


def test_jobs_2_gives_the_same_report_in_the_same_order_and_exit_code(docs: Path) -> None:
    broken(docs / "d-hong.docx")
    for i in range(5):  # more files than workers, so results come back out of order
        body_13pt(docs / f"e-co-13-{i}.docx")
    one, two = run(str(docs), "--format", "json", "--jobs", "1"), run(str(docs), "--format", "json", "-j", "2")
    assert one.exit_code == two.exit_code == 3  # the broken file wins over the findings
    assert [f["path"] for f in json.loads(two.stdout)["files"]] == sorted(
        f["path"] for f in json.loads(one.stdout)["files"])
    assert json.loads(two.stdout) == json.loads(one.stdout)


def test_jobs_0_is_a_usage_error(docs: Path) -> None:
    result = run(str(docs), "--jobs", "0")
    assert result.exit_code == 2 and "--jobs" in result.stderr


def test_an_unreadable_file_is_explained_in_english_on_request(docs: Path) -> None:
    broken(docs / "d-hong.docx")
    english = json.loads(run(str(docs / "d-hong.docx"), "--format", "json", "--lang", "en").stdout)
    vietnamese = json.loads(run(str(docs / "d-hong.docx"), "--format", "json").stdout)
    [en_file], [vi_file] = english["files"], vietnamese["files"]
    assert en_file["error"]["kind"] == vi_file["error"]["kind"]
    assert "not a .docx" in en_file["error"]["message"] or "zip" in en_file["error"]["message"]
    assert "không" in vi_file["error"]["message"] and "không" not in en_file["error"]["message"]
    assert en_file["error"]["message"].startswith(en_file["path"])


def test_ruleset_auto_accepts_the_codes_of_every_rule_set_it_may_choose(docs: Path) -> None:
    # H013 and T006 exist only in nd30, which auto picks for a state document.
    assert run(str(docs / "a-dat.docx"), "--ruleset", "auto", "--select", "H013,B").exit_code == 0
    assert run(str(docs / "a-dat.docx"), "--ruleset", "auto", "--ignore", "T006").exit_code == 0
    typo = run(str(docs / "a-dat.docx"), "--ruleset", "auto", "--ignore", "H099")
    assert typo.exit_code == 2 and "không có quy tắc nào khớp 'H099'" in typo.stderr
    assert run(str(docs / "a-dat.docx"), "--ruleset", "hd36", "--select", "H013").exit_code == 2


def test_ctrl_c_stops_check_with_130_and_one_vietnamese_line(docs: Path, monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    import thethuc.commands.check as check_command

    real = check_command.check_one
    calls = []

    def interrupted(*args, **kwargs):  # the second file is being checked when Ctrl-C comes
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(check_command, "check_one", interrupted)
    report = tmp_path / "kq.json"
    res = CliRunner().invoke(main, ["check", str(docs), "--format", f"json:{report}"])
    assert res.exit_code == 130
    assert res.stderr == "thethuc: đã dừng theo yêu cầu (Ctrl-C) sau 1/3 tệp; không ghi tệp báo cáo\n"
    assert not report.exists() and not list(tmp_path.glob(".kq.json.*"))  # no half report
