"""`--format github`: GitHub Actions workflow commands (``::error file=…,title=…::message``).

One annotation per finding, streamed as files arrive; unreadable files are errors too.
"""
from __future__ import annotations

from thethuc.model import FileResult, Finding
from thethuc.report import labels as w
from thethuc.report.base import Reporter, register
from thethuc.report.sarif import describe, element_label
from thethuc.report.summary import Summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (``%``, CR, LF), as the runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: the message escapes plus ``:`` and ``,``, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, file: str, title: str, message: str) -> str:
    """One workflow-command line."""
    return f"::{command} file={escape_property(file)},title={escape_property(title)}::{escape_data(message)}"


@register("github")
class GithubReporter(Reporter):
    """Prints annotations; GitHub shows them on the run summary and the pull request's files."""

    def file(self, result: FileResult) -> None:
        if result.status == "error":
            message = result.error.text(self.lang) if result.error else result.path
            kind = result.error.kind if result.error else "unreadable"
            self.stream.write(annotation("error", result.path, f"thethuc {kind}", message) + "\n")
            return
        for finding in result.findings:
            self.stream.write(self._line(result.path, finding, COMMANDS[finding.severity]) + "\n")
        if self.options.show_suppressed:
            for finding in result.suppressed:
                self.stream.write(self._line(result.path, finding, "notice", suppressed=True) + "\n")

    def _line(self, path: str, finding: Finding, command: str, suppressed: bool = False) -> str:
        where = element_label(finding, self.lang)
        if finding.location is not None:
            where += f" ({w.location_text(finding.location, self.lang)})"
        tag = (" (đã bỏ qua)" if self.lang == "vi" else " (suppressed)") if suppressed else ""
        return annotation(command, path, f"{finding.code} {finding.name}{tag}",
                          f"{where}: {describe(finding, self.lang)}")

    def finish(self, summary: Summary) -> None:
        # Annotations carry everything; a summary line would only add noise to the log.
        return None
