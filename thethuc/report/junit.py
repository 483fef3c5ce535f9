"""`--format junit`: JUnit XML, one test case per file (GitLab, Jenkins, Azure test tabs).

A file fails when it has findings at or above ``--fail-on``; an unreadable file is an error.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from thethuc.model import SEVERITY_ORDER, FileResult, Finding
from thethuc.report import labels as w
from thethuc.report.base import Reporter, register
from thethuc.report.sarif import describe, element_label
from thethuc.report.summary import Summary


def finding_text(finding: Finding, lang: str) -> str:
    """One finding as a line of the failure body."""
    where = element_label(finding, lang)
    if finding.location is not None:
        where += f" ({w.location_text(finding.location, lang)})"
    severity = w.severity_label(finding.severity, lang)
    return f"{finding.code} {finding.name} [{severity}] {where}: {describe(finding, lang)}"


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (a control character copied from a Word field)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


@register("junit")
class JunitReporter(Reporter):
    """Builds the test suite in memory; the XML is written at ``finish``."""

    def start(self) -> None:
        self._suite = ET.Element("testsuite", name="thethuc")
        self._counts = {"tests": 0, "failures": 0, "errors": 0}

    def file(self, result: FileResult) -> None:
        case = ET.SubElement(self._suite, "testcase", classname=f"thethuc.{result.ruleset}",
                             name=_clean(result.path), file=_clean(result.path))
        self._counts["tests"] += 1
        if result.status == "error":
            self._counts["errors"] += 1
            message = result.error.text(self.lang) if result.error else result.path
            error = ET.SubElement(case, "error", message=_clean(message),
                                  type=result.error.kind if result.error else "unreadable")
            error.text = _clean(message)
            return
        floor = SEVERITY_ORDER[self.options.fail_on]
        failing = [f for f in result.findings if SEVERITY_ORDER[f.severity] >= floor]
        below = [f for f in result.findings if SEVERITY_ORDER[f.severity] < floor]
        if failing:
            self._counts["failures"] += 1
            word = "lỗi" if self.lang == "vi" else "findings"
            failure = ET.SubElement(case, "failure", type="thethuc",
                                    message=f"{len(failing)} {word}: " + ", ".join(f.code for f in failing))
            failure.text = _clean("\n".join(finding_text(f, self.lang) for f in failing))
        shown = below + (list(result.suppressed) if self.options.show_suppressed else [])
        if shown:
            ET.SubElement(case, "system-out").text = _clean("\n".join(finding_text(f, self.lang) for f in shown))

    def finish(self, summary: Summary) -> None:
        for key, value in self._counts.items():
            self._suite.set(key, str(value))
        self._suite.set("skipped", "0")
        root = ET.Element("testsuites", {"name": "thethuc", **{k: str(v) for k, v in self._counts.items()}})
        root.append(self._suite)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
