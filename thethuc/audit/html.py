"""The self-contained HTML audit page, rendered with Jinja2 (charts as inline SVG, no CDN).

File rows are spooled to a temporary file while the audit runs and streamed into the template at
the end, so the page can list a large archive without holding it in memory.
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

import jinja2

from thethuc import __version__
from thethuc.audit.discovery import AuditedFile
from thethuc.audit.render import NOT_CHECKED_HINT, Rendered, digest_of, html_details
from thethuc.audit.summary import AuditSummary, Record, rule_key

MAX_ROWS = 20_000  # beyond this the table would be too slow to filter; CSV/JSONL have every file
CHART_BARS = 25

LABELS: dict[str, dict[str, str]] = {
    "vi": {"title": "Kết quả rà soát thể thức văn bản", "total": "Tệp tìm thấy",
           "checked": "Đã kiểm tra", "conforming": "Đúng thể thức", "nonconforming": "Có lỗi thể thức",
           "unreadable": "Không đọc được", "not_checked": "Chưa kiểm tra (định dạng cũ)",
           "findings": "Phát hiện", "by_rule": "Phát hiện theo quy tắc", "by_folder": "Theo thư mục",
           "files": "Danh sách tệp", "file": "Tệp", "folder": "Thư mục", "status": "Trạng thái",
           "doc_type": "Loại văn bản", "errors": "Lỗi", "warnings": "Cảnh báo", "infos": "Thông tin",
           "codes": "Mã quy tắc", "all": "Tất cả", "search": "Tìm theo tên tệp…", "shown": "Đang hiện",
           "of": "trên", "more": "tệp nữa không hiện ở đây; xem tệp CSV/JSONL",
           "interrupted": "Rà soát bị dừng giữa chừng: chỉ gồm các tệp đã kiểm tra xong; {left} tệp chưa kiểm tra.",
           "generated": "Lập lúc", "rule": "Quy tắc", "files_with": "số tệp", "none": "Không có phát hiện nào.",
           "worst": "Tệp nhiều lỗi nhất",
           "rules_left_out": "Biểu đồ chỉ vẽ {shown} quy tắc nhiều phát hiện nhất; {left} quy tắc khác không hiện "
                             "ở đây (xem tệp CSV/JSONL).",
           "folders_left_out": "Biểu đồ chỉ vẽ {shown} thư mục nhiều tệp nhất; {left} thư mục khác không hiện ở đây.",
           "show_findings": "Xem các phát hiện", "message": "Nội dung", "where": "Vị trí",
           "expected": "Yêu cầu", "actual": "Thực tế", "code": "Mã", "severity": "Mức",
           "more_findings": "phát hiện nữa không hiện ở đây; xem tệp CSV/JSONL"},
    "en": {"title": "Document layout audit", "total": "Files found", "checked": "Checked",
           "conforming": "Conforming", "nonconforming": "Not conforming", "unreadable": "Unreadable",
           "not_checked": "Not checked (old format)", "findings": "Findings",
           "by_rule": "Findings per rule", "by_folder": "Per folder", "files": "Files", "file": "File",
           "folder": "Folder", "status": "Status", "doc_type": "Document type", "errors": "Errors",
           "warnings": "Warnings", "infos": "Info", "codes": "Rule codes", "all": "All",
           "search": "Filter by file name…", "shown": "Showing", "of": "of",
           "more": "more files not listed here; see the CSV/JSONL output",
           "interrupted": "The audit was interrupted: only the files finished are included; {left} files not checked.",
           "generated": "Generated", "rule": "Rule", "files_with": "files", "none": "No findings.",
           "worst": "Worst files",
           "rules_left_out": "The chart shows the {shown} rules with most findings; {left} more rules are not shown "
                             "here (see the CSV/JSONL output).",
           "folders_left_out": "The chart shows the {shown} folders with most files; {left} more folders are not "
                               "shown here.",
           "show_findings": "Show the findings", "message": "Message", "where": "Location",
           "expected": "Expected", "actual": "Found", "code": "Code", "severity": "Severity",
           "more_findings": "more findings not listed here; see the CSV/JSONL output"},
}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("thethuc.report", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


class HtmlSink:
    def __init__(self, path: str, lang: str = "vi") -> None:
        self.path = path
        self.lang = lang if lang in LABELS else "vi"
        self._spool: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (the rows spool until finish() reads and closes it)
        self._rows = 0
        self._fail_on = "error"

    def _spool_row(self, row: dict[str, Any]) -> None:
        self._rows += 1
        if self._rows <= MAX_ROWS:
            self._spool.write(json.dumps(row, ensure_ascii=False) + "\n")

    def file(self, rec: Record) -> None:
        self.rendered(rec.cand, Rendered(digest_of(rec.result, self.lang),
                                         details=html_details(rec.result, self.lang)))

    def rendered(self, cand: AuditedFile, out: Rendered) -> None:
        d = out.digest
        counts = Counter(sev for _, _, sev in d.findings)
        codes = Counter(rule_key(d.ruleset, code) for code, _, _ in d.findings)
        details = json.loads(out.details) if out.details else {"findings": [], "more": 0}
        self._spool_row({
            "path": cand.display, "folder": cand.folder, "status": d.status,
            "doc_type": d.document_type or "", "e": counts["error"], "w": counts["warning"],
            "i": counts["info"], "codes": sorted(codes.items()), "note": d.error_message,
            "findings": details["findings"], "more_findings": details["more"]})

    def not_checked(self, cand: AuditedFile) -> None:
        self._spool_row({"path": cand.display, "folder": cand.folder, "status": "not-checked",
                         "doc_type": "", "e": 0, "w": 0, "i": 0, "codes": [],
                         "note": NOT_CHECKED_HINT.get(self.lang), "findings": [], "more_findings": 0})

    def _rows_back(self, summary: AuditSummary) -> Iterator[dict[str, Any]]:
        floor = {"error": ("e",), "warning": ("e", "w"), "info": ("e", "w", "i")}[summary.fail_on]
        self._spool.seek(0)
        for line in self._spool:
            row = json.loads(line)
            if row["status"] == "checked":
                row["status"] = "nonconforming" if any(row[k] for k in floor) else "conforming"
            yield row

    def finish(self, summary: AuditSummary, interrupted: bool) -> None:
        rules = summary.rules_by_count()[:CHART_BARS]
        folders = sorted(summary.folders.values(), key=lambda f: (-f.files, f.folder))[:CHART_BARS]
        template = _environment().get_template("audit.html.j2")
        context = {
            "L": LABELS[self.lang], "lang": self.lang, "version": __version__, "s": summary,
            "interrupted": interrupted, "rules": rules, "folders": folders,
            "all_codes": sorted(summary.rules), "all_folders": sorted(summary.folders),
            "rule_max": max((r.findings for r in rules), default=1),
            "folder_max": max((f.files for f in folders), default=1),
            "rows": self._rows_back(summary), "hidden_rows": max(0, self._rows - MAX_ROWS),
            "rules_left_out": max(0, len(summary.rules) - len(rules)),
            "not_reached": max(0, summary.total - summary.not_checked - summary.done),
            "folders_left_out": max(0, len(summary.folders) - len(folders)),
            "generated": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        }
        with open(self.path, "w", encoding="utf-8") as fh:
            fh.writelines(template.stream(context))
        self._spool.close()
