"""Streaming audit outputs: CSV (one row per finding, Excel-friendly) and JSON Lines (one per file).

Each writer receives records as they finish and keeps nothing per file in memory.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Protocol

from thethuc.audit.discovery import Candidate
from thethuc.audit.summary import AuditSummary, Record
from thethuc.model import Finding, Text
from thethuc.report.csv import safe_cell
from thethuc.report.json_report import file_json

NOT_CHECKED_HINT = Text(
    vi="định dạng cũ, chưa kiểm tra: mở bằng Word và lưu thành .docx, hoặc chạy lại với --convert "
       "(cần LibreOffice)",
    en="old format, not checked: open in Word and save as .docx, or re-run with --convert "
       "(needs LibreOffice)")

_HEADERS = {
    "vi": ("Tệp", "Thư mục", "Trạng thái", "Loại văn bản", "Bộ quy tắc", "Lý do chọn bộ quy tắc", "Mã", "Tên quy tắc", "Mức",
           "Thành phần", "Thông báo", "Yêu cầu", "Thực tế", "Phần", "Đoạn", "Bảng", "Nội dung",
           "Cũng ở đoạn", "Lỗi tệp"),
    "en": ("File", "Folder", "Status", "Document type", "Rule set", "Why this rule set", "Code", "Rule", "Severity",
           "Element", "Message", "Expected", "Actual", "Part", "Paragraph", "Table", "Text",
           "Also at paragraphs", "File error"),
}
_STATUS = {"vi": {"checked": "đã kiểm tra", "error": "không đọc được", "not-checked": "chưa kiểm tra"},
           "en": {"checked": "checked", "error": "unreadable", "not-checked": "not checked"}}
_SEVERITY = {"vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
             "en": {"error": "error", "warning": "warning", "info": "info"}}


class Sink(Protocol):
    def file(self, rec: Record) -> None: ...

    def not_checked(self, cand: Candidate) -> None: ...

    def finish(self, summary: AuditSummary, interrupted: bool) -> None: ...


class CsvSink:
    """UTF-8 with BOM so Excel opens Vietnamese correctly; one row per finding or error file."""

    def __init__(self, path: str, lang: str = "vi") -> None:
        self.lang = lang if lang in _HEADERS else "vi"
        self._fh: IO[str] = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._w = csv.writer(self._fh)
        self._w.writerow(_HEADERS[self.lang])

    def _base(self, cand: Candidate, status: str, doc_type: str | None, ruleset: str,
              reason: Text | None = None) -> list[str]:
        return [cand.display, cand.folder, _STATUS[self.lang][status], doc_type or "", ruleset,
                reason.get(self.lang) if reason else ""]

    def _row(self, cells: list[str]) -> None:
        self._w.writerow([safe_cell(cell) for cell in cells])

    def _finding(self, f: Finding) -> list[str]:
        loc = f.location
        table = "" if loc is None or loc.table is None else ",".join(str(n) for n in loc.table)
        also = ", ".join(str(a.paragraph) for a in f.also)
        return [f.code, f.name, _SEVERITY[self.lang].get(f.severity, f.severity), f.element or "",
                f.message.get(self.lang), f.expected.get(self.lang) if f.expected else "",
                f.actual.get(self.lang) if f.actual else "", loc.part if loc else "",
                str(loc.paragraph) if loc else "", table, f.excerpt, also]

    def file(self, rec: Record) -> None:
        r = rec.result
        base = self._base(rec.cand, r.status, r.document_type, r.ruleset, r.ruleset_reason)
        if r.status == "error":
            self._row(base + [""] * 12 + [r.error.message if r.error else ""])
        for f in r.findings:
            self._row(base + self._finding(f) + [""])
        self._fh.flush()

    def not_checked(self, cand: Candidate) -> None:
        self._row(self._base(cand, "not-checked", None, "") + [""] * 12 + [NOT_CHECKED_HINT.get(self.lang)])

    def finish(self, summary: AuditSummary, interrupted: bool) -> None:
        self._fh.close()


class JsonlSink:
    """One JSON object per file, in the shape of one entry of the check report (spec §4)."""

    def __init__(self, path: str, lang: str = "vi") -> None:
        self.lang = lang
        self._fh: IO[str] = open(path, "w", encoding="utf-8")  # noqa: SIM115

    def file(self, rec: Record) -> None:
        self._fh.write(json.dumps(file_json(rec.result, self.lang), ensure_ascii=False) + "\n")
        self._fh.flush()

    def not_checked(self, cand: Candidate) -> None:
        pass  # the spec §4 shape has no "not checked" status; the CSV, HTML and summary list them

    def finish(self, summary: AuditSummary, interrupted: bool) -> None:
        self._fh.close()
