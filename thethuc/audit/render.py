"""Per-file output text (JSONL line, CSV rows, journal result) and the digest the totals need.

Made where the file was checked, so the parent of a parallel audit only writes strings and adds
counts: on two cores its per-file work would otherwise compete with the workers.
"""
from __future__ import annotations

import csv
import io
import json

from thethuc.audit.codec import result_to_dict
from thethuc.model import FileResult, Finding, Text
from thethuc.records import dataclass
from thethuc.report.csv import safe_cell
from thethuc.report.json_report import file_json
from thethuc.report.summary import file_passes

NOT_CHECKED_HINT = Text(
    vi="định dạng cũ, chưa kiểm tra: mở bằng Word và lưu thành .docx, hoặc chạy lại với --convert "
       "(cần LibreOffice)",
    en="old format, not checked: open in Word and save as .docx, or re-run with --convert "
       "(needs LibreOffice)")

# A checked file is "đạt" (passed) or "không đạt" (failed) by --fail-on, as in `check`'s summary.
STATUS = {"vi": {"passed": "đạt", "failed": "không đạt", "error": "không đọc được", "not-checked": "chưa kiểm tra"},
          "en": {"passed": "passed", "failed": "failed", "error": "unreadable", "not-checked": "not checked"}}
_SEVERITY = {"vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
             "en": {"error": "error", "warning": "warning", "info": "info"}}
FINDING_COLUMNS = 12  # cells per finding between the file's base cells and the "file error" cell


def csv_lang(lang: str) -> str:
    return lang if lang in STATUS else "vi"


@dataclass(frozen=True, slots=True)
class Outputs:
    """Which per-file texts a run needs, and in which language; travels with every chunk."""

    lang: str = "vi"
    jsonl: bool = False
    csv: bool = False
    journal: bool = False
    html: bool = False  # the findings' words for the HTML page's expandable rows
    fail_on: str = "error"  # what "đạt" means in the CSV's status column


@dataclass(frozen=True, slots=True)
class Digest:
    """What the totals, the HTML table and the progress bar need of one file: no message text."""

    path: str
    status: str
    error_kind: str | None = None
    error_message: str = ""
    document_type: str | None = None
    findings: tuple[tuple[str, str, str], ...] = ()  # (code, name, severity) per finding, in order
    ruleset: str = ""  # what the codes mean: H002 is one rule in hd36, another in nd30

    def severity_counts(self) -> dict[str, int]:
        # Same keys and order as codec.severity_counts: the journal's "counts" must not change.
        counts = {"error": 0, "warning": 0, "info": 0}
        for _, _, severity in self.findings:
            counts[severity] = counts.get(severity, 0) + 1
        return counts


@dataclass(frozen=True, slots=True)
class Rendered:
    """One checked file, ready to be written; a text is "" when its output was not asked for."""

    digest: Digest
    jsonl: str = ""  # the whole line, newline included
    csv: str = ""  # zero or more CSV rows, "\r\n"-terminated like csv.writer's
    journal: str = ""  # result_to_dict as JSON: the "result" of the journal line
    details: str = ""  # html_details as JSON: each finding as the HTML page shows it


def digest_of(r: FileResult, lang: str = "vi") -> Digest:
    return Digest(path=r.path, status=r.status,
                  error_kind=r.error.kind if r.error else None,
                  error_message=r.error.text(lang) if r.error else "",
                  document_type=r.document_type,
                  findings=tuple((f.code, f.name, f.severity) for f in r.findings), ruleset=r.ruleset)


def jsonl_line(r: FileResult, lang: str) -> str:
    return json.dumps(file_json(r, lang), ensure_ascii=False) + "\n"


def journal_json(r: FileResult) -> str:
    return json.dumps(result_to_dict(r), ensure_ascii=False)


def base_cells(display: str, folder: str, status: str, doc_type: str | None, ruleset: str,
               reason: Text | None, lang: str) -> list[str]:
    return [display, folder, STATUS[lang][status], doc_type or "", ruleset,
            reason.get(lang) if reason else ""]


def _finding_cells(f: Finding, lang: str) -> list[str]:
    loc = f.location
    # Counted from 1 like the text report: one numbering in every output a person reads.
    table = "" if loc is None or loc.table is None else ",".join(str(n + 1) for n in loc.table)
    also = ", ".join(str(a.paragraph) for a in f.also)
    return [f.code, f.name, _SEVERITY[lang].get(f.severity, f.severity), f.element or "",
            f.message.get(lang), f.expected.get(lang) if f.expected else "",
            f.actual.get(lang) if f.actual else "", loc.part if loc else "",
            str(loc.paragraph) if loc else "", table, f.excerpt, also]


def csv_rows(r: FileResult, display: str, folder: str, lang: str, fail_on: str = "error") -> list[list[str]]:
    """The audit CSV rows of one file: one per finding, one for a file that could not be read, and
    one for a file without any finding — every file of the archive is accounted for."""
    lang = csv_lang(lang)
    status = r.status if r.status == "error" else "passed" if file_passes(r, fail_on) else "failed"  # type: ignore[arg-type]  # fail_on: a severity, validated by the CLI
    base = base_cells(display, folder, status, r.document_type, r.ruleset, r.ruleset_reason, lang)
    rows = []
    if r.status == "error":
        rows.append(base + [""] * FINDING_COLUMNS + [r.error.text(lang) if r.error else ""])
    elif not r.findings:
        rows.append(base + [""] * (FINDING_COLUMNS + 1))
    rows.extend(base + _finding_cells(f, lang) + [""] for f in r.findings)
    return [[safe_cell(cell) for cell in row] for row in rows]


def csv_text(rows: list[list[str]]) -> str:
    # csv.writer's own quoting and "\r\n" terminator: the same bytes as writing the rows directly.
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


HTML_FINDINGS_PER_FILE = 200  # a page of 20,000 files stays openable; the CSV has every finding


def html_details(r: FileResult, lang: str) -> str:
    """The findings of one file as the HTML page lists them under the file's row: code, severity,
    message, where it is (counted as people count) and what is expected, in ``lang``."""
    from thethuc.report import labels  # only when an HTML page is asked for

    rows = [{"code": f.code, "severity": f.severity, "severity_label": labels.severity_label(f.severity, lang),
             "message": f.message.get(lang), "excerpt": labels.excerpt(f.excerpt),
             "where": labels.location_text(f.location, lang) if f.location else "",
             "expected": f.expected.get(lang) if f.expected else "",
             "actual": f.actual.get(lang) if f.actual else ""}
            for f in r.findings[:HTML_FINDINGS_PER_FILE]]
    return json.dumps({"findings": rows, "more": max(0, len(r.findings) - HTML_FINDINGS_PER_FILE)},
                      ensure_ascii=False)


def render(r: FileResult, display: str, folder: str, want: Outputs) -> Rendered:
    """Everything the parent needs to write ``r`` to the outputs in ``want``."""
    return Rendered(
        digest=digest_of(r, want.lang),
        jsonl=jsonl_line(r, want.lang) if want.jsonl else "",
        csv=csv_text(csv_rows(r, display, folder, want.lang, want.fail_on)) if want.csv else "",
        journal=journal_json(r) if want.journal else "",
        details=html_details(r, want.lang) if want.html else "")
