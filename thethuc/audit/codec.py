"""FileResult ↔ plain dicts, losslessly, for the journal.

Both languages are kept so a journaled result can be re-reported in any ``--lang``; the spec §4
per-file shape of the outputs is ``thethuc.report.json_report.file_json``.
"""
from __future__ import annotations

from typing import Any

from thethuc.model import FileResult, Finding, InputProblem, Location, Text

JsonDict = dict[str, Any]


def _text(value: Text | None) -> list[str] | None:
    return None if value is None else [value.vi, value.en]


def _untext(value: list[str] | None) -> Text | None:
    return None if value is None else Text(value[0], value[1])


def _loc(loc: Location | None) -> JsonDict | None:
    if loc is None:
        return None
    return {"part": loc.part, "part_name": loc.part_name, "paragraph": loc.paragraph,
            "table": list(loc.table) if loc.table is not None else None, "textbox": loc.textbox}


def _unloc(data: JsonDict | None) -> Location | None:
    if data is None:
        return None
    table = data.get("table")
    return Location(part=data["part"], part_name=data["part_name"], paragraph=data["paragraph"],
                    table=tuple(table) if table is not None else None,
                    textbox=data.get("textbox", False))


def finding_to_dict(f: Finding) -> JsonDict:
    return {"code": f.code, "name": f.name, "severity": f.severity, "element": f.element,
            "message": _text(f.message), "expected": _text(f.expected), "actual": _text(f.actual),
            "source": f.source, "location": _loc(f.location), "excerpt": f.excerpt,
            "also": [_loc(a) for a in f.also]}


def finding_from_dict(d: JsonDict) -> Finding:
    message = _untext(d["message"])
    assert message is not None  # a Finding always carries a message
    return Finding(code=d["code"], name=d["name"], severity=d["severity"], element=d.get("element"),
                   message=message, expected=_untext(d.get("expected")),
                   actual=_untext(d.get("actual")), source=d.get("source"),
                   location=_unloc(d.get("location")), excerpt=d.get("excerpt", ""),
                   also=tuple(loc for loc in (_unloc(a) for a in d.get("also", ())) if loc))


def result_to_dict(r: FileResult) -> JsonDict:
    """Every field of a FileResult, JSON-ready; ``result_from_dict`` inverts it exactly."""
    return {"path": r.path, "status": r.status, "ruleset": r.ruleset,
            "ruleset_reason": _text(r.ruleset_reason),
            "error": None if r.error is None else {"kind": r.error.kind, "message": r.error.message,
                                                   "message_en": r.error.message_en},
            "document_type": r.document_type, "stage": r.stage,
            "findings": [finding_to_dict(f) for f in r.findings],
            "suppressed": [finding_to_dict(f) for f in r.suppressed]}


def result_from_dict(d: JsonDict) -> FileResult:
    err = d.get("error")
    return FileResult(path=d["path"], status=d["status"], ruleset=d["ruleset"],
                      ruleset_reason=_untext(d.get("ruleset_reason")),
                      error=None if err is None else InputProblem(err["kind"], err["message"],
                                                                  err.get("message_en", "")),
                      document_type=d.get("document_type"), stage=d.get("stage"),
                      findings=tuple(finding_from_dict(f) for f in d.get("findings", ())),
                      suppressed=tuple(finding_from_dict(f) for f in d.get("suppressed", ())))


def severity_counts(r: FileResult) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in r.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts
