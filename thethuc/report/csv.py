"""`--format csv`: one row per finding, header row first, UTF-8 with BOM so Excel reads Vietnamese.

Streams rows as files arrive (big audits); an unreadable file is one row with status "error".
"""
from __future__ import annotations

import csv

from thethuc.model import FileResult, Finding
from thethuc.report.base import Reporter, register
from thethuc.report.sarif import location_path

COLUMNS = ("path", "status", "code", "name", "severity", "element", "location", "excerpt",
           "message", "expected", "actual", "source", "also", "suppressed", "ruleset", "ruleset_reason",
           "document_type")
# Excel runs a cell that starts with one of these as a formula: "- Lưu Văn phòng" (a nơi nhận item)
# would show as #NAME?. A leading apostrophe is Excel's own "this is text" marker (OWASP advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """The value, protected against being read as a spreadsheet formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


@register("csv")
class CsvReporter(Reporter):
    """Writes the BOM and header at ``start``, then rows per file."""

    def start(self) -> None:
        self.stream.write("\ufeff")
        self._writer = csv.writer(self.stream, lineterminator="\r\n")
        self._writer.writerow(COLUMNS)

    def file(self, result: FileResult) -> None:
        if result.status == "error":
            message = result.error.text(self.lang) if result.error else ""
            kind = result.error.kind if result.error else "unreadable"
            self._row(result, {"status": "error", "code": kind, "message": message})
            return
        for finding in result.findings:
            self._row(result, self._cells(finding, suppressed=False))
        if self.options.show_suppressed:
            for finding in result.suppressed:
                self._row(result, self._cells(finding, suppressed=True))

    def _cells(self, finding: Finding, suppressed: bool) -> dict[str, str]:
        return {
            "status": "checked", "code": finding.code, "name": finding.name, "severity": finding.severity,
            "element": finding.element or "", "location": location_path(finding.location),
            "excerpt": finding.excerpt, "message": finding.message.get(self.lang),
            "expected": finding.expected.get(self.lang) if finding.expected else "",
            "actual": finding.actual.get(self.lang) if finding.actual else "",
            "source": finding.source or "", "also": "; ".join(location_path(loc) for loc in finding.also),
            "suppressed": "yes" if suppressed else "",
        }

    def _row(self, result: FileResult, cells: dict[str, str]) -> None:
        reason = result.ruleset_reason.get(self.lang) if result.ruleset_reason else ""
        cells = {"path": result.path, "ruleset": result.ruleset, "ruleset_reason": reason,
                 "document_type": result.document_type or "", **cells}
        self._writer.writerow([safe_cell(cells.get(column, "")) for column in COLUMNS])
