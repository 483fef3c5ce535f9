"""Totals of a run, built one FileResult at a time so big audits need not keep the results."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from thethuc.model import SEVERITY_ORDER, FileResult, Severity


@dataclass(frozen=True)
class CodeCount:
    code: str
    name: str
    severity: Severity
    count: int


@dataclass(frozen=True)
class Summary:
    files: int = 0
    checked: int = 0
    errors: int = 0  # files that could not be read
    clean: int = 0  # checked files with no finding at all
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    by_code: dict[str, CodeCount] = field(default_factory=dict)
    suppressed: int = 0

    def add(self, result: FileResult) -> Summary:
        """The summary with one more file counted (self is left unchanged)."""
        findings = dict(self.findings)
        by_code = dict(self.by_code)
        for f in result.findings:
            findings[f.severity] = findings.get(f.severity, 0) + 1
            prev = by_code.get(f.code)
            by_code[f.code] = CodeCount(f.code, f.name, f.severity, (prev.count if prev else 0) + 1)
        checked = result.status == "checked"
        return replace(
            self, files=self.files + 1, checked=self.checked + checked, errors=self.errors + (not checked),
            clean=self.clean + (checked and not result.findings), findings=findings, by_code=by_code,
            suppressed=self.suppressed + len(result.suppressed))

    @classmethod
    def of(cls, results: list[FileResult] | tuple[FileResult, ...]) -> Summary:
        summary = cls()
        for result in results:
            summary = summary.add(result)
        return summary

    @property
    def unreadable(self) -> int:
        """Files that could not be read: what ``errors`` counts (spec §4 keeps that name)."""
        return self.errors

    @property
    def with_findings(self) -> int:
        return self.checked - self.clean

    def count_at_or_above(self, severity: Severity) -> int:
        """Findings whose severity is at least ``severity`` (what ``--fail-on`` compares)."""
        floor = SEVERITY_ORDER[severity]
        return sum(n for sev, n in self.findings.items() if SEVERITY_ORDER[sev] >= floor)

    def codes(self) -> list[CodeCount]:
        """Counts per code, most frequent first, then by code (ruff's --statistics order)."""
        return sorted(self.by_code.values(), key=lambda c: (-c.count, c.code))
