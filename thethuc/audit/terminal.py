"""The audit's terminal side: a rich progress bar on stderr and the closing summary tables."""
from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text as RichText

from thethuc.audit.summary import AuditSummary
from thethuc.report.labels import severity_label

UPDATE_EVERY_S = 0.1

_L = {
    "vi": {"checking": "Đang kiểm tra", "per_s": "tệp/s", "findings": "phát hiện",
           "stopping": "Đang dừng: chờ các tệp đang kiểm tra dở (Ctrl-C lần nữa để dừng ngay)…",
           "total": "Tệp tìm thấy", "checked": "Đã kiểm tra", "conforming": "Đúng thể thức",
           "nonconforming": "Có lỗi thể thức", "unreadable": "Không đọc được",
           "not_checked": "Chưa kiểm tra (định dạng cũ .doc/.odt; dùng --convert)",
           "reused": "Lấy lại từ nhật ký (không đổi)", "converted": "Đã chuyển đổi bằng LibreOffice",
           "summary": "Tổng hợp", "by_rule": "Phát hiện theo quy tắc", "ruleset": "Bộ quy tắc", "code": "Mã",
           "rule": "Quy tắc",
           "severity": "Mức", "count": "Số phát hiện", "files": "Số tệp", "by_folder": "Theo thư mục",
           "folder": "Thư mục", "findings_col": "Phát hiện", "worst": "Tệp nhiều lỗi nhất",
           "file": "Tệp", "errors": "Lỗi", "warnings": "Cảnh báo", "infos": "Thông tin",
           "interrupted": "Đã dừng theo yêu cầu: {done}/{total} tệp đã xong, {left} tệp chưa kiểm tra; kết quả đã ghi.",
           "not_reached": "Chưa kiểm tra (đã dừng giữa chừng)", "in_root": "trong {root}",
           "empty": "Không tìm thấy tệp .docx/.docm/.dotx/.doc/.odt nào."},
    "en": {"checking": "Checking", "per_s": "files/s", "findings": "findings",
           "stopping": "Stopping: waiting for the files being checked (Ctrl-C again to stop now)…",
           "total": "Files found", "checked": "Checked", "conforming": "Conforming",
           "nonconforming": "Not conforming", "unreadable": "Unreadable",
           "not_checked": "Not checked (old .doc/.odt format; use --convert)",
           "reused": "Reused from the journal (unchanged)", "converted": "Converted with LibreOffice",
           "summary": "Summary", "by_rule": "Findings per rule", "ruleset": "Rule set", "code": "Code", "rule": "Rule",
           "severity": "Severity", "count": "Findings", "files": "Files", "by_folder": "Per folder",
           "folder": "Folder", "findings_col": "Findings", "worst": "Worst files", "file": "File",
           "errors": "Errors", "warnings": "Warnings", "infos": "Info",
           "interrupted": "Stopped on request: {done}/{total} files done, {left} not checked; outputs written.",
           "not_reached": "Not checked (stopped before them)", "in_root": "in {root}",
           "empty": "No .docx/.docm/.dotx/.doc/.odt file found."},
}


def labels(lang: str) -> dict[str, str]:
    return _L.get(lang, _L["vi"])


class _RateColumn(ProgressColumn):
    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> RichText:
        speed = task.finished_speed or task.speed
        return RichText(f"{speed:.1f} {self.unit}" if speed else f"– {self.unit}", style="cyan")


class ProgressBar:
    """files done/total, files per second, ETA, findings so far."""

    def __init__(self, lang: str = "vi", console: Console | None = None) -> None:
        self.L = labels(lang)
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            _RateColumn(self.L["per_s"]), TimeRemainingColumn(),
            TextColumn("{task.fields[findings]} " + self.L["findings"]),
            console=self.console, transient=False)
        self._task = self._progress.add_task(self.L["checking"], total=None, findings=0)
        self._pending = 0  # files done since the bar was last updated
        self._shown = 0.0
        self._summary: AuditSummary | None = None

    def start(self, total: int) -> None:
        self._progress.update(self._task, total=total)
        self._progress.start()

    def advance(self, summary: AuditSummary) -> None:
        # Counted here, shown a few times a second: rich's update takes a lock and keeps speed
        # samples, parent time taken from the workers on a machine with as many workers as cores.
        self._pending += 1
        self._summary = summary
        now = time.monotonic()
        if now - self._shown >= UPDATE_EVERY_S:
            self._show()
            self._shown = now

    def _show(self) -> None:
        findings = self._summary.findings if self._summary is not None else 0
        self._progress.update(self._task, advance=self._pending, findings=findings)
        self._pending = 0

    def stopping(self) -> None:
        self._progress.console.print(f"[yellow]{self.L['stopping']}[/]")

    def close(self) -> None:
        if self._pending:
            self._show()  # the bar ends on the true count
        self._progress.stop()


def not_reached(s: AuditSummary) -> int:
    """Files found but never checked because the audit was stopped (old formats not counted)."""
    return max(0, s.total - s.not_checked - s.done)


def relative_to(path: str, roots: tuple[str, ...]) -> str:
    """A path as seen from the one audited folder ("bad/a.docx" for "samples/bad/a.docx"): the
    summary names the folder once. With several folders, each path keeps its folder."""
    if len(roots) != 1:
        return path
    root = roots[0].rstrip("/\\")
    for sep in ("/", "\\"):
        if root and path.startswith(root + sep):
            return path[len(root) + 1:]
    return path


def _totals(s: AuditSummary, L: dict[str, str]) -> Table:
    t = Table(title=L["summary"], show_header=False, title_justify="left")
    t.add_column()
    t.add_column(justify="right")
    t.add_row(L["total"], str(s.total))
    t.add_row(L["checked"], str(s.checked))
    t.add_row(f"[green]{L['conforming']}[/]", f"[green]{s.conforming}[/]")
    t.add_row(f"[dark_orange]{L['nonconforming']}[/]", f"[dark_orange]{s.nonconforming}[/]")
    t.add_row(f"[red]{L['unreadable']}[/]", f"[red]{s.unreadable}[/]")
    if s.not_checked:
        t.add_row(L["not_checked"], str(s.not_checked))
    if not_reached(s):
        t.add_row(f"[yellow]{L['not_reached']}[/]", f"[yellow]{not_reached(s)}[/]")
    if s.reused:
        t.add_row(L["reused"], str(s.reused))
    if s.converted:
        t.add_row(L["converted"], str(s.converted))
    return t


def _rules(s: AuditSummary, L: dict[str, str], lang: str) -> Table:
    t = Table(title=L["by_rule"], title_justify="left")
    # Per rule set and code: a code means one rule within its rule set (H002 in hd36 and nd30 differ).
    for name, just in ((L["ruleset"], "left"), (L["code"], "left"), (L["rule"], "left"),
                       (L["severity"], "left"), (L["count"], "right"), (L["files"], "right")):
        t.add_column(name, justify=just)  # type: ignore[arg-type]  # "left"/"right", rich's JustifyMethod
    for r in s.rules_by_count():
        t.add_row(r.ruleset, r.code, r.name, severity_label(r.severity, lang), str(r.findings), str(r.files))
    return t


def _title(L: dict[str, str], key: str, roots: tuple[str, ...]) -> str:
    return f"{L[key]} ({L['in_root'].format(root=roots[0])})" if len(roots) == 1 else L[key]


def _count_column(t: Table, name: str) -> None:
    # Counts are a few digits: their headers wrap word by word (no Vietnamese word is longer than
    # 6 letters here) so the path column, last, gets the rest of the width instead of a
    # ratio-sized 11 characters.
    t.add_column(name, justify="right", max_width=_COUNT_WIDTH)


_COUNT_WIDTH = 9


def _path_column(t: Table, name: str) -> None:
    t.add_column(name, overflow="fold")


def _folders(s: AuditSummary, L: dict[str, str], roots: tuple[str, ...] = ()) -> Table:
    t = Table(title=_title(L, "by_folder", roots), title_justify="left")
    for name in (L["files"], L["conforming"], L["nonconforming"], L["unreadable"], L["findings_col"]):
        _count_column(t, name)
    folders = s.folders_sorted()
    names = [relative_to(f.folder, roots) for f in folders]
    _path_column(t, L["folder"])
    for f, name in zip(folders, names, strict=True):
        t.add_row(str(f.files), str(f.conforming), str(f.files - f.conforming - f.unreadable),
                  str(f.unreadable), str(f.findings), name)
    return t


def _worst(s: AuditSummary, L: dict[str, str], roots: tuple[str, ...] = ()) -> Table:
    t = Table(title=_title(L, "worst", roots), title_justify="left")
    for name in (L["errors"], L["warnings"], L["infos"]):
        _count_column(t, name)
    worst = s.worst()
    paths = [relative_to(w.path, roots) for w in worst]
    _path_column(t, L["file"])
    for w, path in zip(worst, paths, strict=True):
        t.add_row(str(w.errors), str(w.warnings), str(w.infos), path)
    return t


def print_summary(s: AuditSummary, console: Console, lang: str = "vi", roots: tuple[str, ...] = ()) -> None:
    """The closing tables; ``roots`` are the audited folders as the user wrote them."""
    L = labels(lang)
    if s.total == 0:
        console.print(L["empty"])
        return
    console.print(_totals(s, L))
    if s.rules:
        console.print(_rules(s, L, lang))
    if len(s.folders) > 1:
        console.print(_folders(s, L, roots))
    if s.worst():
        console.print(_worst(s, L, roots))


def one_line(s: AuditSummary, lang: str = "vi") -> str:
    """The --quiet summary: the totals only, on one line."""
    L = labels(lang)
    parts = [(L["total"], s.total), (L["checked"], s.checked), (L["conforming"], s.conforming),
             (L["nonconforming"], s.nonconforming), (L["unreadable"], s.unreadable)]
    if s.not_checked:
        parts.append((L["not_checked"].split(" (")[0], s.not_checked))
    if not_reached(s):
        parts.append((L["not_reached"], not_reached(s)))
    return " · ".join(f"{name}: {n}" for name, n in parts)


def print_interrupted(s: AuditSummary, console: Console, lang: str = "vi") -> None:
    console.print(labels(lang)["interrupted"].format(done=s.done, total=s.total - s.not_checked,
                                                     left=not_reached(s)))
