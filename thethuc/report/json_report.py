"""The machine report (``--format json``): exactly the object of spec §4, streamed file by file.

Extra keys, allowed because consumers ignore unknown keys: top-level ``stage`` (when the runner
has one) and per file ``ruleset``, ``ruleset_reason`` and ``stage`` (``draft`` or ``issued``;
a file marked "Dự thảo" is a draft); per finding ``source`` and ``also``; per location ``line`` (only for
one line of a paragraph holding several elements); in the summary ``unreadable``, the number of files
that could not be read — the same number as spec §4's ``errors``, under a name that cannot be mistaken
for error-severity findings; with ``--show-suppressed`` only, per file ``suppressed`` (the findings a
comment in the document suppressed, shaped like ``findings``) and ``summary.suppressed`` (their count).
Nothing else may be added.

``location.table`` is spec §4's (table, row, column) counted from 0; every report a person reads
(text, CSV, SARIF, GitHub, JUnit, HTML, inspect) counts them from 1.
"""
from __future__ import annotations

import json
from typing import Any

from thethuc import __version__
from thethuc.model import FileResult, Finding, Location
from thethuc.report.base import Reporter, register
from thethuc.report.summary import Summary


def location_json(loc: Location, text: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"part": loc.part, "paragraph": loc.paragraph,
                           "table": list(loc.table) if loc.table is not None else None}
    if loc.line is not None:
        out["line"] = loc.line  # one line of a paragraph that holds several elements (additive key)
    if text is not None:
        out["text"] = text
    return out


def finding_json(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": f.code, "name": f.name, "severity": f.severity, "element": f.element,
        "message": f.message.get(lang),
        "expected": f.expected.get(lang) if f.expected else None,
        "actual": f.actual.get(lang) if f.actual else None,
        "location": location_json(f.location, f.excerpt) if f.location else None,
        "source": f.source,
        "also": [location_json(loc, None) for loc in f.also],
    }


def file_json(result: FileResult, lang: str) -> dict[str, Any]:
    """One entry of ``files[]``; also used by runners that write one JSON object per line."""
    out: dict[str, Any] = {
        "path": result.path, "status": result.status,
        "error": {"kind": result.error.kind, "message": result.error.text(lang)} if result.error else None,
        "document_type": result.document_type,
        "ruleset": result.ruleset,
        "ruleset_reason": result.ruleset_reason.get(lang) if result.ruleset_reason else None,
    }
    if result.stage is not None:
        out["stage"] = result.stage
    out["findings"] = [finding_json(f, lang) for f in result.findings]
    return out


def summary_json(summary: Summary) -> dict[str, Any]:
    return {"files": summary.files, "checked": summary.checked, "errors": summary.errors,
            "unreadable": summary.unreadable,
            "findings": {sev: summary.findings.get(sev, 0) for sev in ("error", "warning", "info")}}


_STR = json.encoder.encode_basestring  # C when available: str → "…" as ensure_ascii=False


def _pretty(value: Any, indent: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for the report's plain data, with every
    line after the first prefixed by ``indent`` (the first follows a key already written). The stdlib's
    indenting encoder is pure Python and cost more than checking a small file; this one writes the same
    bytes (tests/report goldens)."""
    if isinstance(value, str):
        return _STR(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else ("true" if value else "false")
    if isinstance(value, (int, float)):
        return json.dumps(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{inner}{_STR(str(k))}: {_pretty(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{_pretty(v, inner)}" for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


@register("json")
class JsonReporter(Reporter):
    """Writes each file as it comes, so an audit of 100 000 files holds none of them in memory.

    The bytes are exactly ``json.dumps(report, indent=2, ensure_ascii=False)`` of the whole object.
    """

    _count = 0

    def start(self) -> None:
        self._count = 0
        head = {"tool": "thethuc", "version": __version__, "ruleset": self.options.ruleset}
        if self.options.stage is not None:
            head["stage"] = self.options.stage
        lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
        self.stream.write("{\n" + "\n".join(lines) + '\n  "files": [')

    def file(self, result: FileResult) -> None:
        sep = ",\n    " if self._count else "\n    "
        entry = file_json(result, self.lang)
        if self.options.show_suppressed:
            entry["suppressed"] = [finding_json(f, self.lang) for f in result.suppressed]
        self.stream.write(sep + _pretty(entry, "    "))
        self._count += 1

    def finish(self, summary: Summary) -> None:
        close = "\n  ]" if self._count else "]"
        totals = summary_json(summary)
        if self.options.show_suppressed:
            totals["suppressed"] = summary.suppressed
        self.stream.write(close + ',\n  "summary": ' + _pretty(totals, "  ") + "\n}\n")
        self.stream.flush()
