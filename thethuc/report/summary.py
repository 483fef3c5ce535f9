"""Totals of a run, built one FileResult at a time so big audits need not keep the results."""
from __future__ import annotations

from dataclasses import field, replace

from thethuc.model import SEVERITY_ORDER, FileResult, Severity
from thethuc.records import dataclass


@dataclass(frozen=True)
class CodeCount:
    """Findings of one rule. A code belongs to its rule set (H002 is tieu-de-format in hd36 and
    quoc-hieu-format in nd30), so totals are kept per rule set and code, never per code alone."""

    code: str
    name: str
    severity: Severity
    count: int
    ruleset: str = ""


@dataclass(frozen=True)
class Summary:
    """The totals of a check run, counted one FileResult at a time: files checked and unreadable, findings
    by severity and by rule, and the files that passed (đạt) at ``--fail-on``."""

    files: int = 0
    checked: int = 0
    errors: int = 0  # files that could not be read
    clean: int = 0  # checked files with no finding at all
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    by_code: dict[tuple[str, str], CodeCount] = field(default_factory=dict)  # (rule set, code) →
    suppressed: int = 0
    # "đạt" (passed), as in `audit`: checked with no finding at or above the file's --fail-on; of
    # those, the ones that still have warnings (or only information) are said as such.
    passed: int = 0
    passed_with_warnings: int = 0
    passed_with_info: int = 0

    def add(self, result: FileResult, fail_on: Severity = "error") -> Summary:
        """The summary with one more file counted (self is left unchanged)."""
        findings = dict(self.findings)
        by_code = dict(self.by_code)
        for f in result.findings:
            findings[f.severity] = findings.get(f.severity, 0) + 1
            prev = by_code.get((result.ruleset, f.code))
            by_code[(result.ruleset, f.code)] = CodeCount(f.code, f.name, f.severity,
                                                          (prev.count if prev else 0) + 1, result.ruleset)
        checked = result.status == "checked"
        passed = checked and file_passes(result, fail_on)
        severities = {f.severity for f in result.findings}
        return replace(
            self, files=self.files + 1, checked=self.checked + checked, errors=self.errors + (not checked),
            clean=self.clean + (checked and not result.findings), findings=findings, by_code=by_code,
            suppressed=self.suppressed + len(result.suppressed), passed=self.passed + passed,
            passed_with_warnings=self.passed_with_warnings + (passed and "warning" in severities),
            passed_with_info=self.passed_with_info + (passed and severities == {"info"}))

    @classmethod
    def of(cls, results: list[FileResult] | tuple[FileResult, ...], fail_on: Severity = "error") -> Summary:
        summary = cls()
        for result in results:
            summary = summary.add(result, fail_on)
        return summary

    @property
    def unreadable(self) -> int:
        """Files that could not be read: what ``errors`` counts (spec §4 keeps that name)."""
        return self.errors

    @property
    def failed(self) -> int:
        """Checked files with a finding at or above --fail-on ("không đạt")."""
        return self.checked - self.passed

    @property
    def with_findings(self) -> int:
        return self.checked - self.clean

    def count_at_or_above(self, severity: Severity) -> int:
        """Findings whose severity is at least ``severity`` (what ``--fail-on`` compares)."""
        floor = SEVERITY_ORDER[severity]
        return sum(n for sev, n in self.findings.items() if SEVERITY_ORDER[sev] >= floor)

    def codes(self) -> list[CodeCount]:
        """Counts per rule set and code, most frequent first, then by code (ruff's --statistics order)."""
        return sorted(self.by_code.values(), key=lambda c: (-c.count, c.code, c.ruleset))


def file_passes(result: FileResult, fail_on: Severity = "error") -> bool:
    """"đạt": read, and no finding at or above ``fail_on`` — the one meaning check and audit share."""
    floor = SEVERITY_ORDER[fail_on]
    return result.status == "checked" and not any(SEVERITY_ORDER[f.severity] >= floor for f in result.findings)
