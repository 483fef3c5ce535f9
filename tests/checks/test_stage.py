"""Issue 12, "Drafts are not faulty documents": the stage (draft/issued) on documents built as Word writes them.

A draft leaves the number and the day/month for the văn thư to fill in at issue: one info finding,
never an error, and no padding/format verdict on the blank; under ``issued`` they stay errors.
Template fields ({{ngay_ky}}, …(2), ……, a MERGEFIELD's «so») are fields, not wrong text.
"""
from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from thethuc.cli import main
from thethuc.errors import RuleSetError
from thethuc.model import FileResult, Finding
from thethuc.pipeline import check_file
from thethuc.ruleset.nodes import load_yaml_text
from thethuc.ruleset.schema import build_rule
from thethuc.testing.party import write_party
from thethuc.testing.party_samples import GOOD

NQ = GOOD["nghi-quyet"]


def _write(tmp_path: Path, name: str = "nq.docx", **changes: object) -> Path:
    return write_party(tmp_path / name, replace(NQ.doc, **changes), NQ.layout)


def _of(result: FileResult, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


def _check(path: Path, stage: str, ruleset: str = "hd36") -> FileResult:
    result = check_file(str(path), ruleset, stage=stage)
    assert result.status == "checked", result.error
    return result


# ---------------------------------------------------------------- blank number and date

BLANKS = [
    {"so_ky_hieu": "Số    -NQ/TU"},
    {"dia_danh_ngay": "Lạng Sơn, ngày    tháng 8 năm 2018"},
    {"dia_danh_ngay": "Lạng Sơn, ngày … tháng … năm 2019"},
]


@pytest.mark.parametrize("change", BLANKS, ids=["number", "day", "day-and-month-dots"])
def test_a_blank_in_a_draft_is_one_info_finding_and_an_error_when_issued(tmp_path: Path,
                                                                       change: dict[str, str]) -> None:
    path = _write(tmp_path, **change)
    code = "H008" if "so_ky_hieu" in change else "H011"
    [draft] = _of(_check(path, "draft"), code)
    assert draft.severity == "info"
    assert draft.message.vi.endswith("để trống, điền khi ban hành")
    assert draft.message.en.endswith("left blank, filled in at issue")
    issued = _check(path, "issued")
    [error] = _of(issued, code)
    assert error.severity == "error"
    assert {f.code for f in _check(path, "draft").findings} == {code}  # nothing else fires on the blank


def test_the_stage_is_reported_and_a_marked_draft_is_a_draft_even_when_issued(tmp_path: Path) -> None:
    plain = _write(tmp_path, "a.docx", so_ky_hieu="Số    -NQ/TU")
    marked = _write(tmp_path, "b.docx", so_ky_hieu="Số    -NQ/TU", du_thao="Dự thảo lần 2")
    assert _check(plain, "issued").stage == "issued"
    result = _check(marked, "issued")
    assert result.stage == "draft" and [f.severity for f in _of(result, "H008")] == ["info"]


@pytest.mark.parametrize(("so", "date"), [
    ("Số {{ so }}-NQ/TU", "Lạng Sơn, ngày {{ngay_ky}} tháng {{thang}} năm 2019"),
    ("Số …(2)-NQ/TU", "Lạng Sơn, ngày …(3) tháng …(3) năm 2019"),
    ("Số ……-NQ/TU", "Lạng Sơn, ngày ...... tháng ...... năm 2019"),
    ("Số …(3)-NQ/TU", "…(4)…, ngày … tháng … năm 20…"),  # Decree 30's form notation, even the year open
])
def test_template_fields_are_fields_not_wrong_text(tmp_path: Path, so: str, date: str) -> None:
    path = _write(tmp_path, so_ky_hieu=so, dia_danh_ngay=date)

    def found(result: FileResult) -> list[tuple[str, str]]:
        # X007 (info) says hd36 may not apply when not even the year is written: true, and not the blank's.
        return sorted((f.code, f.severity) for f in result.findings if (f.code, f.severity) != ("X007", "info"))

    draft = _check(path, "draft")
    assert found(draft) == [("H008", "info"), ("H011", "info")], [(f.code, f.message.en) for f in draft.findings]
    assert found(_check(path, "issued")) == [("H008", "error"), ("H011", "error")]


def _mergefield(path: Path, shown: str, name: str) -> None:
    """Turn the run that shows ``shown`` into a MERGEFIELD, as Word writes one (begin, instrText,
    separate, the «name» result, end), each run with the original run's formatting."""
    with zipfile.ZipFile(path) as old:
        parts = {n: old.read(n) for n in old.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    found = re.search(r"<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t[^>]*>([^<]*)</w:t></w:r>"
                      .replace("([^<]*)", f"([^<]*{re.escape(shown)}[^<]*)"), xml)
    assert found, shown
    rpr, text = found.group(1) or "", found.group(2)
    before, after = text.split(shown, 1)

    def r(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    field = (r(f'<w:t xml:space="preserve">{before}</w:t>') + r('<w:fldChar w:fldCharType="begin"/>')
             + r(f'<w:instrText xml:space="preserve"> MERGEFIELD {name} </w:instrText>')
             + r('<w:fldChar w:fldCharType="separate"/>') + r(f"<w:t>«{name}»</w:t>")
             + r('<w:fldChar w:fldCharType="end"/>') + r(f'<w:t xml:space="preserve">{after}</w:t>'))
    parts["word/document.xml"] = (xml[:found.start()] + field + xml[found.end():]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name_, data in parts.items():
            new.writestr(name_, data)


def test_a_mail_merge_field_is_a_field(tmp_path: Path) -> None:
    path = _write(tmp_path, so_ky_hieu="Số XXSOXX-NQ/TU")
    _mergefield(path, "XXSOXX", "so_van_ban")
    [finding] = _check(path, "draft").findings
    assert (finding.code, finding.severity) == ("H008", "info")


def test_padding_is_still_judged_on_a_filled_field_in_a_draft(tmp_path: Path) -> None:
    path = _write(tmp_path, so_ky_hieu="Số 5-NQ/TU", dia_danh_ngay="Lạng Sơn, ngày    tháng 8 năm 2018")
    found = sorted((f.code, f.severity) for f in _check(path, "draft").findings)
    assert found == [("H008", "error"), ("H011", "info")]


# ---------------------------------------------------------------- state documents (nd30)

@pytest.mark.parametrize("so", ["Số:      /QĐ-UBND", "Số: /QĐ-…"])
def test_state_blank_number(tmp_path: Path, so: str) -> None:
    from tests.rulesets.conftest import load_build_script

    sample = load_build_script().ND30_GOOD["quyet-dinh"]
    path = write_party(tmp_path / "qd.docx", replace(sample.doc, so_ky_hieu=so), sample.layout)
    draft = check_file(str(path), "nd30", stage="draft")
    assert [(f.code, f.severity) for f in draft.findings] == [("H008", "info")]
    assert [(f.code, f.severity) for f in check_file(str(path), "nd30", stage="issued").findings] == [
        ("H008", "error")]


# ---------------------------------------------------------------- rule files declare the stage

RULE = """
name: so-ky-hieu
kind: reference
grade: A
source: test
target: so_ky_hieu
description: {vi: "mô tả", en: "description"}
message: {vi: "Số", en: "Number"}
check: shape
abbreviations: {NQ: [nghị quyết]}
"""


def test_stage_variants_are_built_from_the_rule_file() -> None:
    node = load_yaml_text(RULE + "stages:\n  draft: {blank: allowed, severity: warning}\n", "t.yaml")
    rule = build_rule("H008", node, node.where)
    draft = rule.at_stage("draft")
    assert (draft.params.blank, draft.severity) == ("allowed", "warning")
    assert rule.at_stage("issued") is rule and rule.params.blank == "missing"


@pytest.mark.parametrize(("extra", "words"), [
    ("stages:\n  final: {blank: allowed}\n", "unknown stage 'final'"),
    ("stages:\n  draft: {kind: date}\n", "cannot change 'kind'"),
    ("stages:\n  draft: {blank: maybe}\n", "blank"),
])
def test_bad_stage_keys_are_located_errors(extra: str, words: str) -> None:
    node = load_yaml_text(RULE + extra, "t.yaml")
    with pytest.raises(RuleSetError) as caught:
        build_rule("H008", node, node.where)
    assert words in caught.value.text("en") and caught.value.line is not None


# ---------------------------------------------------------------- the commands


def _cli(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, [*args, "--format", "json"] if args[0] == "check" else list(args),
                                env={"NO_COLOR": "1"}, catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout) if args[0] == "check" else {}


def test_check_defaults_to_draft_and_stage_issued_fails(tmp_path: Path) -> None:
    path = _write(tmp_path, so_ky_hieu="Số    -NQ/TU")
    code, report = _cli("check", "--no-config", "--ruleset", "hd36", str(path))
    assert code == 0 and report["stage"] == "draft" and report["files"][0]["stage"] == "draft"
    assert [f["severity"] for f in report["files"][0]["findings"]] == ["info"]
    code, report = _cli("check", "--no-config", "--ruleset", "hd36", "--stage", "issued", str(path))
    assert code == 1 and report["stage"] == "issued"


def test_config_stage_key_is_used_and_the_command_line_wins(tmp_path: Path) -> None:
    path = _write(tmp_path, so_ky_hieu="Số    -NQ/TU")
    (tmp_path / ".thethuc.yaml").write_text("extends: hd36\nstage: issued\n", encoding="utf-8")
    assert _cli("check", str(path))[0] == 1
    assert _cli("check", "--stage", "draft", str(path))[0] == 0


def test_audit_defaults_to_issued(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    _write(folder, so_ky_hieu="Số    -NQ/TU")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    result = runner.invoke(main, ["audit", str(folder), "--ruleset", "hd36", "--jsonl", str(out), "-q", "-j", "1"])
    assert result.exit_code == 1, result.output
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert row["stage"] == "issued"
    result = runner.invoke(main, ["audit", str(folder), "--ruleset", "hd36", "--stage", "draft",
                                  "--jsonl", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- the rule set of a draft


def test_a_party_draft_dated_by_month_is_hd05(tmp_path: Path) -> None:
    path = _write(tmp_path, dia_danh_ngay="Lạng Sơn, ngày    tháng 9 năm 2026")
    result = check_file(str(path), "auto", stage="draft")
    assert result.ruleset == "hd05" and "tháng 9/2026" in result.ruleset_reason.vi


def test_a_party_document_without_a_date_is_checked_against_the_guideline_in_force(tmp_path: Path) -> None:
    path = _write(tmp_path, dia_danh_ngay="Lạng Sơn")
    result = check_file(str(path), "auto", stage="draft")
    assert result.ruleset == "hd05" and "guideline in force today" in result.ruleset_reason.en


def test_explain_shows_what_a_stage_changes() -> None:
    result = CliRunner().invoke(main, ["explain", "H008", "--lang", "en"])
    assert "At stage draft (--stage draft): blank: to-fill" in result.output


def test_a_capital_ngay_in_a_template_date_is_named_and_the_blank_is_a_field(tmp_path: Path) -> None:
    # Seen in a Party cell's template: "Đà Nẵng, Ngày   tháng   năm {{ngay_ky_y}}": not one "malformed" error.
    path = _write(tmp_path, dia_danh_ngay="Lạng Sơn, Ngày   tháng 8 năm 2019")
    found = sorted((f.code, f.severity, f.message.en.split(": ")[-1]) for f in _check(path, "draft").findings)
    assert found == [("H011", "error", "“ngày”, “tháng”, “năm” in lower case"),
                     ("H011", "info", "left blank, filled in at issue")]


def test_a_whole_date_field_is_a_field(tmp_path: Path) -> None:
    path = _write(tmp_path, dia_danh_ngay="Lạng Sơn, {{ngay_ky}}")
    draft = _check(path, "draft")
    assert [(f.code, f.severity) for f in _of(draft, "H011")] == [("H011", "info")]
    assert [(f.code, f.severity) for f in _of(_check(path, "issued"), "H011")] == [("H011", "error")]
