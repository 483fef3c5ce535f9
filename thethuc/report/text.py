"""The human report (``--format text``): per file a heading, each finding, a tally; then the run.

``--quiet`` prints one line per finding (and per unreadable file) and the run summary, nothing
for clean files — like ruff's --quiet, for pre-commit logs. ``--statistics`` adds a table of
counts per code before the run summary. Colour only on a terminal, never with NO_COLOR/--no-color.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from thethuc.model import FileResult, Finding
from thethuc.report import labels as w
from thethuc.report.base import Lang, Reporter, ReportOptions, register
from thethuc.report.summary import Summary, file_passes

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
MIN_WIDTH = 100  # the statistics table; finding lines are soft-wrapped by the terminal instead
# What rich removes from every piece of text it is given (rich.control.STRIP_CONTROL_CODES: bell,
# backspace, vertical tab, form feed, carriage return); the plain lines drop them the same way.
_STRIP = dict.fromkeys((7, 8, 11, 12, 13))


def make_console(stream: TextIO, color: bool | None) -> Console:
    """A console on ``stream``: rich itself honours NO_COLOR and plain output off a terminal."""
    from rich.console import Console

    no_color = None if color is None else not color
    force = True if color else None
    console = Console(file=stream, no_color=no_color, force_terminal=force, highlight=False,
                      emoji=False, soft_wrap=True)
    console.width = max(console.width, MIN_WIDTH)
    return console


def plain_without_rich(stream: TextIO, color: bool | None) -> bool:
    """Whether rich would write ``stream`` without any escape code, decided without importing rich
    (~17 ms of a one-file `thethuc check` in a pre-commit hook, whose output is no terminal).

    Conservative: only a stream that is no terminal, with none of the variables by which rich lets
    the environment call it one (TTY_COMPATIBLE, FORCE_COLOR) and outside IPython/IDLE. Any other
    case — a terminal, forced colour — goes to rich as before.
    """
    if color:
        return False
    if os.environ.get("TTY_COMPATIBLE") is not None or os.environ.get("FORCE_COLOR") is not None:
        return False
    import builtins

    if hasattr(builtins, "get_ipython") or getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # a closed stream: rich calls it no terminal too
        return True


class PlainText:
    """The few parts of ``rich.text.Text`` the reporter uses, for output without escape codes:
    its ``plain`` is what rich's would be (same pieces, same control codes removed)."""

    __slots__ = ("plain",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text.translate(_STRIP)

    @classmethod
    def assemble(cls, *parts: str | tuple[str, str]) -> PlainText:
        return cls("".join(part if isinstance(part, str) else part[0] for part in parts))

    def append(self, text: str | PlainText, style: str | None = None) -> PlainText:
        self.plain += text.plain if isinstance(text, PlainText) else text.translate(_STRIP)
        return self

    def __add__(self, other: str | PlainText) -> PlainText:
        return PlainText(self.plain).append(other)


@register("text")
class TextReporter(Reporter):
    def __init__(self, stream: TextIO, lang: Lang = "vi", options: ReportOptions | None = None) -> None:
        super().__init__(stream, lang, options)
        self._console: Console | None = None
        # Without colour a line is its plain text: written straight to the stream, a report of
        # thousands of findings costs nothing next to the checking (rich's print costs ~0.1 ms).
        # Off a terminal that is known without rich, which is then not imported at all.
        without_rich = plain_without_rich(stream, self.options.color)
        self._plain = without_rich or self.console.color_system is None
        # The class each line is built with: PlainText off a terminal, else rich's Text (whose
        # ``plain`` is written when rich finds no colour to use).
        self.text_class: Any = PlainText
        if not without_rich:
            from rich.text import Text as RichText

            self.text_class = RichText
        self._printed_file = False

    @property
    def console(self) -> Console:
        """rich's console on the stream: for colour, and for the --statistics table in any case."""
        if self._console is None:
            self._console = make_console(self.stream, self.options.color)
        return self._console

    def _print(self, line: Any = "") -> None:
        if self._plain:
            self.stream.write((line if isinstance(line, str) else line.plain) + "\n")
        else:
            self.console.print(line)

    def file(self, result: FileResult) -> None:
        if self.options.quiet:
            self._quiet_file(result)
            return
        if self._printed_file:
            self._print()
        self._printed_file = True
        if result.status == "error":
            self._print(self._error_line(result))
            return
        self._print(self._heading(result))
        for finding in result.findings:
            for line in self._finding_block(finding):
                self._print(line)
        for finding in result.suppressed if self.options.show_suppressed else ():
            tag = " (suppressed in the document)" if self._en() else " (đã bỏ qua bằng chú thích trong văn bản)"
            for line in self._finding_block(finding)[:1]:
                self._print(line + self.text_class(tag, style="dim"))
        self._print(self._file_tally(result))

    def finish(self, summary: Summary) -> None:
        if self.options.statistics and summary.by_code:
            self._print()
            self.console.print(self._statistics(summary))  # a table: rich lays it out
        if self._printed_file or self.options.statistics:
            self._print()
        text = w.run_summary_text(summary.files, summary.passed, summary.failed, summary.errors,
                                  summary.findings, summary.suppressed, self.lang,
                                  summary.passed_with_warnings, summary.passed_with_info)
        self._print(self.text_class(text, style="bold"))

    # ------------------------------------------------------------------ pieces

    def _en(self) -> bool:
        return self.lang == "en"

    def _error_line(self, result: FileResult) -> Any:
        label = "unreadable" if self._en() else "không đọc được"
        message = result.error.text(self.lang) if result.error else result.path
        return self.text_class.assemble((label, SEVERITY_STYLE["error"]), " ", message)

    def _heading(self, result: FileResult) -> Any:
        doc_type = result.document_type or ("type not recognised" if self._en() else "chưa rõ loại văn bản")
        rules = f"rule set {result.ruleset}" if self._en() else f"bộ quy tắc {result.ruleset}"
        if result.ruleset_reason:
            rules += f" ({result.ruleset_reason.get(self.lang)})"
        return self.text_class.assemble((result.path, "bold"), f" — {doc_type} — {rules}")

    def _finding_head(self, finding: Finding) -> Any:
        head = self.text_class.assemble((w.severity_label(finding.severity, self.lang),
                                         SEVERITY_STYLE.get(finding.severity, "")),
                                        " ", (finding.code, "bold"), " ", finding.name)
        element = w.element_name(finding.element, self.lang)
        if element:
            head.append(f" · {element}")
            if finding.excerpt:
                head.append(f' "{w.excerpt(finding.excerpt)}"', style="cyan")
        return head

    def _explanation(self, finding: Finding) -> str:
        detail = w.detail_text(finding, self.lang)
        message = finding.message.get(self.lang)
        return f"{message} — {detail}" if detail else message

    def _where(self, finding: Finding) -> str:
        if finding.location is None:
            return ""
        where = ("at " if self._en() else "tại ") + w.location_text(finding.location, self.lang)
        also = w.also_text(finding.also, self.lang)
        return f"{where}; {also}" if also else where

    def _finding_block(self, finding: Finding) -> list[Any]:
        lines = [self.text_class("  ") + self._finding_head(finding),
                 self.text_class("      " + self._explanation(finding))]
        where = self._where(finding)
        if where:
            lines.append(self.text_class("      " + where, style="dim"))
        return lines

    def _file_tally(self, result: FileResult) -> Any:
        if not result.findings:
            return self.text_class("  ✓ " + ("clean" if self._en() else "đạt"), style="green")
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in result.findings:
            counts[f.severity] += 1
        tally = w.tally_text(counts, self.lang)
        if file_passes(result, self.options.fail_on):  # warnings only (under --fail-on error): it passes
            tally += " — passed" if self._en() else " — đạt"
        return self.text_class("  → " + tally)

    def _quiet_file(self, result: FileResult) -> None:
        if result.status == "error":
            self._print(self._error_line(result))
            return
        for finding in result.findings:
            where = f" ({w.location_text(finding.location, self.lang)})" if finding.location else ""
            severity = (w.severity_label(finding.severity, self.lang), SEVERITY_STYLE.get(finding.severity, ""))
            line = self.text_class.assemble(f"{result.path}{where}: ", severity, " ", (finding.code, "bold"),
                                            f" {finding.name}: {self._explanation(finding)}")
            self._print(line)
        self._printed_file = self._printed_file or bool(result.findings)

    def _statistics(self, summary: Summary) -> Table:
        from rich import box
        from rich.table import Table
        from rich.text import Text as RichText

        en = self._en()
        table = Table(box=box.SIMPLE, title=None, show_edge=False)
        table.add_column("count" if en else "số lần", justify="right")
        # A code means one rule within its rule set (H002 differs between hd36 and nd30).
        table.add_column("rule set" if en else "bộ quy tắc")
        table.add_column("code" if en else "mã")
        table.add_column("name" if en else "tên quy tắc")
        table.add_column("severity" if en else "mức")
        for c in summary.codes():
            table.add_row(str(c.count), c.ruleset, c.code, c.name,
                          RichText(w.severity_label(c.severity, self.lang), style=SEVERITY_STYLE[c.severity]))
        return table
