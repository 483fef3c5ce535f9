"""Streaming audit outputs: CSV (one row per finding, Excel-friendly) and JSON Lines (one per file).

Each writer receives files as they finish, already rendered to text (``audit.render``), and keeps
nothing per file in memory.
"""
from __future__ import annotations

import csv
import time
from typing import IO, Protocol

from thethuc.audit.discovery import AuditedFile
from thethuc.audit.render import (
    FINDING_COLUMNS,
    NOT_CHECKED_HINT,
    Outputs,
    Rendered,
    base_cells,
    csv_lang,
    jsonl_line,
    render,
)
from thethuc.audit.summary import AuditSummary, Record
from thethuc.model import FileResult, InputProblem
from thethuc.report.csv import safe_cell

__all__ = ["NOT_CHECKED_HINT", "CsvSink", "JsonlSink", "Sink"]

_HEADERS = {
    "vi": ("Tệp", "Thư mục", "Trạng thái", "Loại văn bản", "Bộ quy tắc", "Lý do chọn bộ quy tắc", "Mã", "Tên quy tắc",
           "Mức",
           "Thành phần", "Thông báo", "Yêu cầu", "Thực tế", "Phần", "Đoạn", "Bảng", "Nội dung",
           "Cũng ở đoạn", "Lỗi tệp"),
    "en": ("File", "Folder", "Status", "Document type", "Rule set", "Why this rule set", "Code", "Rule", "Severity",
           "Element", "Message", "Expected", "Actual", "Part", "Paragraph", "Table", "Text",
           "Also at paragraphs", "File error"),
}
# Rows reach the disk at least this often; flushing per file cost more than writing the rows.
# (The journal, which resuming relies on, is still flushed per file.)
FLUSH_EVERY_S = 1.0


class Sink(Protocol):
    def rendered(self, cand: AuditedFile, out: Rendered) -> None: ...

    def not_checked(self, cand: AuditedFile) -> None: ...

    def finish(self, summary: AuditSummary, interrupted: bool) -> None: ...


class _TextSink:
    """A text file written as files finish, flushed now and then rather than per file."""

    def __init__(self, fh: IO[str]) -> None:
        self._fh = fh
        self._flushed = time.monotonic()

    def _write(self, text: str) -> None:
        self._fh.write(text)
        now = time.monotonic()
        if now - self._flushed >= FLUSH_EVERY_S:
            self._fh.flush()
            self._flushed = now

    def finish(self, summary: AuditSummary, interrupted: bool) -> None:
        self._fh.close()


class CsvSink(_TextSink):
    """UTF-8 with BOM so Excel opens Vietnamese correctly; one row per finding or error file."""

    def __init__(self, path: str, lang: str = "vi", fail_on: str = "error") -> None:
        self.lang = csv_lang(lang)
        self.fail_on = fail_on
        super().__init__(open(path, "w", encoding="utf-8-sig", newline=""))  # noqa: SIM115 (held open across files; closed by close())
        self._w = csv.writer(self._fh)
        self._w.writerow(_HEADERS[self.lang])

    def file(self, rec: Record) -> None:
        self.rendered(rec.cand, render(rec.result, rec.cand.display, rec.cand.folder,
                                       Outputs(self.lang, csv=True, fail_on=self.fail_on)))

    def rendered(self, cand: AuditedFile, out: Rendered) -> None:
        self._write(out.csv)

    def not_checked(self, cand: AuditedFile) -> None:
        base = base_cells(cand.display, cand.folder, "not-checked", None, "", None, self.lang)
        self._w.writerow([safe_cell(c) for c in base + [""] * FINDING_COLUMNS
                          + [NOT_CHECKED_HINT.get(self.lang)]])


class JsonlSink(_TextSink):
    """One JSON object per file, in the shape of one entry of the check report (spec §4): every
    file the CSV lists, old formats included."""

    def __init__(self, path: str, lang: str = "vi", ruleset: str = "auto") -> None:
        self.lang = lang
        self.ruleset = ruleset
        super().__init__(open(path, "w", encoding="utf-8"))  # noqa: SIM115 (closed by close())

    def file(self, rec: Record) -> None:
        self.rendered(rec.cand, render(rec.result, rec.cand.display, rec.cand.folder,
                                       Outputs(self.lang, jsonl=True)))

    def rendered(self, cand: AuditedFile, out: Rendered) -> None:
        self._write(out.jsonl)

    def not_checked(self, cand: AuditedFile) -> None:
        # The spec §4 shape has no "not checked" status: the entry is what `thethuc check` gives the
        # same file (an error of kind not-docx), worded with the --convert hint.
        hint = NOT_CHECKED_HINT
        result = FileResult(path=cand.display, status="error", ruleset=self.ruleset,
                            error=InputProblem("not-docx", f"{cand.display}: {hint.vi}", f"{cand.display}: {hint.en}"))
        self._write(jsonl_line(result, self.lang))
