import io
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_samples import BROKEN, GOLDEN, NQ, RESULTS

from tests.golden import assert_golden
from thethuc import __version__
from thethuc.report import REPORTERS, ReportOptions, Summary
from thethuc.report.json_report import _pretty

LOCATION = {
    "type": "object", "additionalProperties": False,
    "required": ["part", "paragraph", "table"],
    "properties": {
        "part": {"enum": ["document", "header", "footer", "footnotes", "endnotes", "comments"]},
        "paragraph": {"type": "integer", "minimum": 1},
        "table": {"oneOf": [{"type": "null"},
                            {"type": "array", "items": {"type": "integer"}, "minItems": 3, "maxItems": 3}]},
        "text": {"type": "string"},
        # one line of a paragraph that holds several elements (only when set)
        "line": {"type": "integer", "minimum": 1},
    },
}
NULLABLE_STR = {"type": ["string", "null"]}
# Spec hd36.md §4, plus only the extras the contract allows (ruleset, ruleset_reason,
# stage, source, also, location.line; summary.unreadable): additionalProperties is false everywhere so
# any other key fails.
STAGE = {"enum": ["draft", "issued"]}
SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["tool", "version", "ruleset", "files", "summary"],
    "properties": {
        "tool": {"const": "thethuc"}, "version": {"type": "string"}, "ruleset": {"type": "string"},
        "stage": STAGE,
        "files": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["path", "status", "error", "document_type", "findings"],
            "properties": {
                "path": {"type": "string"}, "status": {"enum": ["checked", "error"]},
                "error": {"oneOf": [{"type": "null"}, {
                    "type": "object", "additionalProperties": False, "required": ["kind", "message"],
                    "properties": {"kind": {"enum": ["not-docx", "encrypted", "corrupt", "too-large",
                                                     "unreadable"]},
                                   "message": {"type": "string"}}}]},
                "document_type": NULLABLE_STR, "ruleset": {"type": "string"}, "ruleset_reason": NULLABLE_STR,
                "stage": STAGE,
                "findings": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["code", "name", "severity", "element", "message", "expected", "actual",
                                 "location"],
                    "properties": {
                        "code": {"type": "string", "pattern": "^[A-Z][0-9]{3}$"}, "name": {"type": "string"},
                        "severity": {"enum": ["error", "warning", "info"]}, "element": NULLABLE_STR,
                        "message": {"type": "string"}, "expected": NULLABLE_STR, "actual": NULLABLE_STR,
                        "location": {"oneOf": [{"type": "null"}, {**LOCATION, "required": [
                            "part", "paragraph", "table", "text"]}]},
                        "source": NULLABLE_STR, "also": {"type": "array", "items": LOCATION},
                    }}},
            }}},
        "summary": {
            "type": "object", "additionalProperties": False,
            "required": ["files", "checked", "errors", "unreadable", "findings"],
            "properties": {
                "files": {"type": "integer"}, "checked": {"type": "integer"}, "errors": {"type": "integer"},
                "unreadable": {"type": "integer"},
                "findings": {"type": "object", "additionalProperties": False,
                             "required": ["error", "warning", "info"],
                             "properties": {s: {"type": "integer"} for s in ("error", "warning", "info")}},
            }},
    },
}


def render(results, lang: str = "vi", ruleset: str = "hd36") -> str:
    stream = io.StringIO()
    reporter = REPORTERS["json"](stream, lang, ReportOptions(ruleset=ruleset))
    reporter.start()
    for r in results:
        reporter.file(r)
    reporter.finish(Summary.of(results))
    return stream.getvalue()


def golden_text(lang: str) -> str:
    # The version changes with each release; the golden file pins everything else.
    return render(RESULTS, lang).replace(json.dumps(__version__), '"<version>"', 1)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_report_matches_golden(lang: str) -> None:
    assert_golden(GOLDEN / f"report_{lang}.json", golden_text(lang))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_report_has_the_spec_shape(lang: str) -> None:
    jsonschema.validate(json.loads(render(RESULTS, lang)), SCHEMA)


def test_golden_json_files_have_the_spec_shape() -> None:

    for name in ("report_vi.json", "report_en.json"):
        jsonschema.validate(json.loads((GOLDEN / name).read_text(encoding="utf-8")), SCHEMA)


def test_streamed_bytes_equal_one_pretty_dump_of_the_whole_object() -> None:
    for results in (RESULTS, (), (NQ,)):
        out = render(results)
        assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_vietnamese_is_written_as_utf8_not_escaped() -> None:
    out = render([NQ])
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in out and "\\u" not in out


def test_values_of_findings_and_files() -> None:
    data = json.loads(render([NQ, BROKEN], "en", ruleset="auto"))
    assert data["ruleset"] == "auto"
    nq, broken = data["files"]
    assert nq["ruleset"] == "hd36" and nq["ruleset_reason"].startswith("Party document issued")
    title = nq["findings"][0]
    assert title == {
        "code": "H002", "name": "tieu-de-format", "severity": "error", "element": "tieu_de",
        "message": "The party title must be capitals, 15 pt, bold, upright",
        "expected": "size 15 pt", "actual": "size 14 pt",
        "location": {"part": "document", "paragraph": 3, "table": [0, 0, 1], "text": "ĐẢNG CỘNG SẢN VIỆT NAM"},
        "source": "style:Normal", "also": [],
    }
    body = nq["findings"][1]
    assert [a["paragraph"] for a in body["also"]] == [14, 15, 16]
    margin = nq["findings"][3]
    assert margin["location"] is None and margin["element"] is None
    assert broken["status"] == "error" and broken["findings"] == []
    assert broken["error"] == {"kind": "corrupt", "message": "ho-so/hong.docx: tệp ZIP hỏng, không mở được"}
    # "errors" is spec §4's count of unreadable files; "unreadable" says so by its name.
    assert data["summary"] == {"files": 2, "checked": 1, "errors": 1, "unreadable": 1,
                               "findings": {"error": 3, "warning": 2, "info": 1}}


def test_empty_run_is_valid_json() -> None:
    data = json.loads(render(()))
    assert data["files"] == [] and data["summary"]["files"] == 0


# ---------------------------------------------------------------- the fast pretty printer
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


@given(_VALUES)
def test_pretty_writes_the_bytes_of_json_dumps_indent_2(value: object) -> None:
    assert _pretty(value, "") == json.dumps(value, ensure_ascii=False, indent=2)
    nested = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    assert _pretty(value, "    ") == nested


def test_a_finding_on_one_line_of_a_paragraph_names_the_line() -> None:
    import dataclasses

    from thethuc.model import Location
    from thethuc.report.labels import location_text

    finding = next(f for f in NQ.findings if f.location is not None)
    on_line = dataclasses.replace(finding, location=dataclasses.replace(finding.location, line=2))
    out = json.loads(render((dataclasses.replace(NQ, findings=(on_line,)),)))
    jsonschema.validate(out, SCHEMA)
    assert out["files"][0]["findings"][0]["location"]["line"] == 2
    assert "line" not in json.loads(render((NQ,)))["files"][0]["findings"][0]["location"]
    loc = Location("document", "word/document.xml", 3, (0, 0, 0), line=2)
    assert location_text(loc, "vi") == "văn bản, đoạn 3, dòng 2, bảng 1 hàng 1 cột 1"
    assert location_text(loc, "en").startswith("document, paragraph 3, line 2")
