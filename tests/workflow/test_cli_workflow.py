"""`thethuc check` in a drafting repository: several reports per run, project configuration, exit codes."""
from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner, Result
from workflow_samples import short_doc

from thethuc.cli import main
from thethuc.testing.party import Layout, write_party


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafting repository: one document whose title is 13 pt (H002), one unreadable file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "van-ban").mkdir()
    write_party(tmp_path / "van-ban" / "nq.docx", short_doc(), Layout(overrides={"tieu_de": {"size_pt": 13}}))
    return tmp_path


def run(*args: str) -> Result:
    env = {"NO_COLOR": "1", "COLUMNS": None, "THETHUC_LANG": None}
    return CliRunner().invoke(main, ["check", *args], env=env, catch_exceptions=False)


def codes(result: Result) -> list[str]:
    return [f["code"] for file in json.loads(result.stdout)["files"] for f in file["findings"]]


def test_several_formats_paired_with_outputs_by_position(repo: Path) -> None:
    result = run("van-ban", "--format", "text", "--format", "sarif", "--format", "junit",
                 "--output", "-", "--output", "out/thethuc.sarif", "--output", "thethuc.xml")
    assert result.exit_code == 1
    assert "H002" in result.stdout and not result.stdout.lstrip().startswith("{")
    # out/ did not exist: a CI job writes reports/… without a mkdir step
    sarif = json.loads((repo / "out" / "thethuc.sarif").read_text(encoding="utf-8"))
    assert "H002" in [r["ruleId"] for r in sarif["runs"][0]["results"]]
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["H002"]["fullDescription"]["text"].startswith("Tiêu đề")  # from rules/hd36.yaml
    assert ET.parse(repo / "thethuc.xml").getroot().find("testsuite/testcase") is not None
    assert not list(repo.rglob("*.tmp"))


def test_pylint_style_format_with_file(repo: Path) -> None:
    result = run("van-ban", "--format", "github", "--format", "csv:bao-cao.csv")
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=van-ban/nq.docx,title=H002")
    assert (repo / "bao-cao.csv").read_bytes().startswith(b"\xef\xbb\xbfpath,status,code")


def test_only_one_report_on_stdout(repo: Path) -> None:
    result = run("van-ban", "--format", "text", "--format", "json")
    assert result.exit_code == 2 and "--output" in result.stderr


def test_more_outputs_than_formats_is_a_usage_error(repo: Path) -> None:
    assert run("van-ban", "--format", "json", "--output", "a.json", "--output", "b.json").exit_code == 2


def test_unknown_format_is_a_usage_error(repo: Path) -> None:
    result = run("van-ban", "--format", "pdf:x.pdf")
    assert result.exit_code == 2 and "sarif" in result.stderr
    assert not (repo / "x.pdf").exists()


def test_nearest_config_sets_language_and_fail_level(repo: Path) -> None:
    (repo / ".thethuc.yaml").write_text("lang: en\n", encoding="utf-8")
    english = run("van-ban", "--format", "github")
    assert english.stdout == run("van-ban", "--format", "github", "--no-config", "--lang", "en").stdout
    assert english.stdout != run("van-ban", "--format", "github", "--no-config").stdout
    (repo / "van-ban" / ".thethuc.yaml").write_text("lang: vi\nfail-on: info\n", encoding="utf-8")
    nearest = run("van-ban", "--format", "csv")
    assert nearest.exit_code == 1 and "Tiêu đề" in nearest.stdout


def _own_rule_file(repo: Path) -> None:
    (repo / "quy-tac").mkdir()
    (repo / "quy-tac" / "rieng.yaml").write_text("ruleset: rieng\nextends: hd36\nrules: {}\n", encoding="utf-8")


def test_command_line_beats_config(repo: Path) -> None:
    _own_rule_file(repo)
    (repo / ".thethuc.yaml").write_text("lang: en\nextends: quy-tac/rieng.yaml\n", encoding="utf-8")
    result = run("van-ban", "--format", "json", "--lang", "vi", "--ruleset", "hd36")
    data = json.loads(result.stdout)
    assert data["files"][0]["ruleset"] == "hd36"
    assert "H002" in codes(result)


def test_config_extends_chooses_the_rule_set(repo: Path) -> None:
    _own_rule_file(repo)
    (repo / ".thethuc.yaml").write_text("extends: quy-tac/rieng.yaml\n", encoding="utf-8")
    assert json.loads(run("van-ban", "--format", "json").stdout)["files"][0]["ruleset"] == "rieng"
    isolated = json.loads(run("van-ban", "--format", "json", "--no-config").stdout)
    assert isolated["files"][0]["ruleset"] == "hd36"


def test_config_rule_override_turns_a_rule_off(repo: Path) -> None:
    assert "H002" in codes(run("van-ban", "--format", "json"))
    (repo / ".thethuc.yaml").write_text("extends: hd36\nrules:\n  H002: {severity: warning}\n", encoding="utf-8")
    result = run("van-ban", "--format", "json")
    h002 = [f for file in json.loads(result.stdout)["files"] for f in file["findings"] if f["code"] == "H002"]
    assert h002 and {f["severity"] for f in h002} == {"warning"}


@pytest.mark.parametrize(("text", "line"), [
    ("extends: hd36\nignor: [H003]\n", 2),
    ("extends: hd36\nrules:\n  H002: {severity: fatal}\n", 3),
    ("extends: hd99\n", 1),
])
def test_invalid_config_exits_2_with_file_and_line(repo: Path, text: str, line: int) -> None:
    (repo / "van-ban" / ".thethuc.yaml").write_text(text, encoding="utf-8")
    result = run("van-ban", "--format", "sarif:out.sarif")
    assert result.exit_code == 2
    assert f".thethuc.yaml:{line}:" in result.stderr
    assert result.stdout == "" and not (repo / "out.sarif").exists()


def test_config_errors_follow_lang_from_the_command_line_or_the_config(repo: Path) -> None:
    config = repo / "van-ban" / ".thethuc.yaml"
    config.write_text("extends: hd36\nignor: [H003]\n", encoding="utf-8")
    assert "khóa không hợp lệ 'ignor' (có phải 'ignore' không?)" in run("van-ban").stderr
    assert "unknown key 'ignor' (did you mean 'ignore'?)" in run("van-ban", "--lang", "en").stderr
    # A readable configuration asking for English words the error of the rule set it names in English.
    config.write_text("lang: en\nextends: hd99\n", encoding="utf-8")
    english = run("van-ban")
    assert english.exit_code == 2 and ".thethuc.yaml:2: unknown rule set 'hd99'" in english.stderr
    assert ".thethuc.yaml:2: không có bộ quy tắc 'hd99'" in run("van-ban", "--lang", "vi").stderr


def test_pyproject_table_is_a_config(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.thethuc]\nfail-on = "bad"\n', encoding="utf-8")
    result = run("van-ban")
    assert result.exit_code == 2 and "pyproject.toml:2:" in result.stderr


def test_unreadable_file_exits_3_and_reports_in_every_format(repo: Path) -> None:
    (repo / "van-ban" / "hong.docx").write_bytes(b"PK\x03\x04 broken")
    result = run("van-ban", "--format", "junit", "--format", "sarif:out.sarif")
    assert result.exit_code == 3
    assert "<error" in result.stdout
    notes = json.loads((repo / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert notes["executionSuccessful"] is False and notes["toolExecutionNotifications"]
