"""Golden files for the workflow report formats (sarif, github, junit, csv) on hand-built results.

Regenerate after a deliberate format change as tests/golden.py says, then review the diff.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft7Validator
from workflow_samples import B001, GOOD, H002, RESULTS, TITLE_CELL, render

from tests.golden import assert_golden
from thethuc.model import Text
from thethuc.report import ReportOptions
from thethuc.report.github import annotation, escape_data, escape_property
from thethuc.report.sarif import RuleDoc, SarifReporter, artifact_uri, location_path

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(autouse=True)
def _no_rule_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    # Goldens must not change when rules/hd36.yaml is reworded: rule docs come from findings here.
    monkeypatch.setattr(SarifReporter, "catalogue", staticmethod(lambda names: {}))


@pytest.mark.parametrize(("fmt", "lang", "name"), [
    ("sarif", "vi", "report.sarif"), ("github", "vi", "report.github.txt"),
    ("junit", "vi", "report.junit.xml"), ("csv", "vi", "report.csv"), ("github", "en", "report.github.en.txt"),
])
def test_golden(fmt: str, lang: str, name: str) -> None:
    assert_golden(GOLDEN / name, render(fmt, lang=lang))


def test_sarif_validates_against_the_official_schema() -> None:
    if not SCHEMA.is_file():
        pytest.skip("../shared/schemas is absent")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(render("sarif"))
    errors = sorted(Draft7Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_sarif_results_name_rule_file_and_element() -> None:
    run = json.loads(render("sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "H002"
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "van-ban/nghi-quyet.docx"
    logical = first["locations"][0]["logicalLocations"][0]
    # A reader's words and counting: the element's name, not its role id; cells from 1.
    assert logical == {"name": "tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»", "kind": "element",
                       "fullyQualifiedName": "document/paragraph 3/table 1,1,2"}
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning", "warning", "note"]


def test_sarif_marks_suppressed_findings_and_unreadable_files() -> None:
    run = json.loads(render("sarif"))["runs"][0]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["N003"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["descriptor"]["id"] == "corrupt"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == artifact_uri("van-ban/hỏng.docx")


def test_sarif_takes_rule_help_from_the_rule_set(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = RuleDoc("H002", "tieu-de-format", "error", Text("Tiêu đề: in hoa, 15, đậm.", "Title: caps, 15, bold."),
                  Text("Sửa trong Word: Home > Font.", "Fix in Word: Home > Font."), "HD36 §II.1.1 [P1]")
    monkeypatch.setattr(SarifReporter, "catalogue", staticmethod(lambda names: {"H002": doc}))
    rule = json.loads(render("sarif", lang="en"))["runs"][0]["tool"]["driver"]["rules"]
    h002 = next(r for r in rule if r["id"] == "H002")
    assert h002["fullDescription"]["text"] == "Title: caps, 15, bold. (HD36 §II.1.1 [P1])"
    assert "Fix in Word" in h002["help"]["markdown"]
    # A rule the catalogue does not know still gets a description, from its finding.
    b001 = next(r for r in rule if r["id"] == "B001")
    assert b001["shortDescription"]["text"] == B001.message.en


def test_sarif_with_no_findings_is_still_valid_and_successful() -> None:
    run = json.loads(render("sarif", results=()))["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"][0]["executionSuccessful"] is True


def test_location_path_names_part_paragraph_and_cell() -> None:
    # Table, row and column counted from 1, as the text report counts them.
    assert location_path(TITLE_CELL) == "document/paragraph 3/table 1,1,2"
    assert location_path(None) == "document"
    assert location_path(GOOD.suppressed[0].location) == "document/paragraph 40/table 2,1,1"


@pytest.mark.parametrize(("fmt", "lang"), [("github", "vi"), ("github", "en"), ("junit", "vi"), ("sarif", "vi")])
def test_text_for_people_names_no_role_id(fmt: str, lang: str) -> None:
    out = render(fmt, lang=lang)
    if fmt == "sarif":  # the properties bag keeps the role id for machines; the texts must not
        run = json.loads(out)["runs"][0]
        out = json.dumps([[r["message"], r["locations"]] for r in run["results"]], ensure_ascii=False)
    for role in ("tieu_de", "noi_dung", "so_trang", "noi_nhan_muc"):
        assert role not in out


def test_github_escapes_as_the_runner_requires() -> None:
    assert escape_data("50%\r\nxong") == "50%25%0D%0Axong"
    assert escape_property("a: b, c%") == "a%3A b%2C c%25"
    line = annotation("error", "thư mục/a,b.docx", "H002 tieu-de-format", "x: y, z\nw")
    assert line == "::error file=thư mục/a%2Cb.docx,title=H002 tieu-de-format::x: y, z%0Aw"


def test_github_line_per_finding_and_unreadable_file() -> None:
    lines = render("github").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error", "::error", "::warning", "::notice", "::error"]
    assert lines[0].startswith("::error file=van-ban/nghi-quyet.docx,title=H002 tieu-de-format::")
    assert "N003" not in "".join(lines)  # suppressed findings stay hidden by default


def test_suppressed_findings_shown_on_request() -> None:
    options = ReportOptions(show_suppressed=True)
    assert "N003" in render("github", options=options)
    rows = list(csv.DictReader(io.StringIO(render("csv", options=options).lstrip("\ufeff"))))
    assert [r["suppressed"] for r in rows if r["code"] == "N003"] == ["yes"]


def test_junit_one_case_per_file_with_failures_and_errors() -> None:
    root = ET.fromstring(render("junit").encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r.path for r in RESULTS]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message") == "2 lỗi: H002, B001"
    # Below --fail-on: listed as output, not a failure.
    assert cases[1].find("failure") is None and "P010" in (cases[1].findtext("system-out") or "")
    assert cases[2].find("error") is not None


def test_junit_fail_on_warning_fails_on_warnings() -> None:
    root = ET.fromstring(render("junit", options=ReportOptions(fail_on="warning")).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "3 lỗi: H002, B001, P003"


def test_csv_has_bom_header_and_one_row_per_finding() -> None:
    text = render("csv")
    assert text.startswith("\ufeffpath,status,code,")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["code"] for r in rows] == ["H002", "B001", "P003", "P010", "corrupt"]
    assert rows[1]["also"] == "document/paragraph 13; document/paragraph 15"
    assert rows[4]["status"] == "error"
    assert rows[3]["excerpt"] == "'=PAGE"  # a leading "=" would run as an Excel formula
    assert render("csv").encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_csv_row_for_h002_carries_the_values() -> None:
    row = next(csv.DictReader(io.StringIO(render("csv", lang="en")[1:])))
    assert (row["expected"], row["actual"], row["source"]) == ("size 15 pt", "size 14 pt", "style:Normal")
    assert row["location"] == location_path(H002.location)
