"""Running totals of an audit, bounded in size whatever the number of files.

Kept per rule, per top-level folder, and the few worst files (a heap), never per file.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import field

from thethuc.audit.discovery import AuditedFile
from thethuc.audit.render import Digest, digest_of
from thethuc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE
from thethuc.model import SEVERITY_ORDER, FileResult
from thethuc.records import dataclass

WORST_KEPT = 10


@dataclass(frozen=True, slots=True)
class Record:
    """One finished file as the outputs see it."""

    cand: AuditedFile
    result: FileResult
    reused: bool = False  # taken from the journal, not re-checked
    converted: bool = False  # checked through a LibreOffice conversion


def rule_key(ruleset: str, code: str) -> str:
    """One rule of one rule set, as totals and filters name it: "nd30:H002". A code alone is
    ambiguous across rule sets (H002 is tieu-de-format in hd36, quoc-hieu-format in nd30)."""
    return f"{ruleset}:{code}" if ruleset else code


@dataclass
class RuleTotal:
    """One rule's count across an audit (per rule set and code): its findings, and how many files have any."""

    code: str
    name: str
    severity: str
    findings: int = 0  # findings (one per cause) …
    files: int = 0  # … in this many files
    ruleset: str = ""

    @property
    def key(self) -> str:
        return rule_key(self.ruleset, self.code)


@dataclass
class FolderTotal:
    """One top-level audited folder's count: files, conforming, unreadable, and findings."""

    folder: str
    files: int = 0
    conforming: int = 0
    unreadable: int = 0
    findings: int = 0


@dataclass(frozen=True, slots=True, order=True)
class Worst:
    """One file with findings, ranked by its error, then warning, then info count (the field order): the
    audit keeps the few worst in a bounded heap."""

    errors: int
    warnings: int
    infos: int
    path: str


@dataclass
class AuditSummary:
    """An audit's running totals, bounded whatever the number of files: counts by outcome and severity, per
    rule, per top-level folder, and the few worst files; it gives the run's exit code as ``check`` does."""

    fail_on: str = "error"
    total: int = 0  # files found to check (including old formats)
    checked: int = 0
    conforming: int = 0  # checked, no finding at or above fail_on
    unreadable: int = 0
    reused: int = 0
    converted: int = 0
    not_checked: int = 0  # old formats not converted
    not_checked_by_suffix: Counter[str] = field(default_factory=Counter)
    severities: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)
    rules: dict[str, RuleTotal] = field(default_factory=dict)  # by rule_key(rule set, code)
    folders: dict[str, FolderTotal] = field(default_factory=dict)
    _worst: list[Worst] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.checked + self.unreadable

    @property
    def nonconforming(self) -> int:
        return self.checked - self.conforming

    @property
    def findings(self) -> int:
        return sum(self.severities.values())

    def is_conforming(self, result: FileResult) -> bool:
        return self._conforms(f.severity for f in result.findings)

    def _conforms(self, severities: Iterable[str]) -> bool:
        floor = SEVERITY_ORDER[self.fail_on]
        return not any(SEVERITY_ORDER[s] >= floor for s in severities)

    def add(self, rec: Record) -> None:
        self.add_digest(rec.cand, digest_of(rec.result), rec.reused, rec.converted)

    def add_digest(self, cand: AuditedFile, d: Digest, reused: bool = False,
                   converted: bool = False) -> None:
        """Count one finished file from its digest (what workers send back instead of the result)."""
        folder = self.folders.setdefault(cand.folder, FolderTotal(cand.folder))
        folder.files += 1
        self.reused += reused
        self.converted += converted
        if d.status == "error":
            self.unreadable += 1
            folder.unreadable += 1
            self.error_kinds[d.error_kind or "unreadable"] += 1
            return
        self.checked += 1
        if self._conforms(sev for _, _, sev in d.findings):
            self.conforming += 1
            folder.conforming += 1
        folder.findings += len(d.findings)
        self._add_findings(d)

    def _add_findings(self, d: Digest) -> None:
        counts = d.severity_counts()
        self.severities.update(counts)
        seen: set[str] = set()
        for code, name, severity in d.findings:
            key = rule_key(d.ruleset, code)
            total = self.rules.get(key)
            if total is None:
                total = self.rules[key] = RuleTotal(code, name, severity, ruleset=d.ruleset)
            total.findings += 1
            if key not in seen:
                total.files += 1
                seen.add(key)
        if d.findings:
            item = Worst(counts["error"], counts["warning"], counts["info"], d.path)
            if len(self._worst) < WORST_KEPT:
                heapq.heappush(self._worst, item)
            else:
                heapq.heappushpop(self._worst, item)

    def add_not_checked(self, cand: AuditedFile) -> None:
        self.not_checked += 1
        self.not_checked_by_suffix[cand.suffix] += 1
        self.folders.setdefault(cand.folder, FolderTotal(cand.folder))

    def worst(self) -> list[Worst]:
        return sorted(self._worst, key=lambda w: (-w.errors, -w.warnings, -w.infos, w.path))

    def rules_by_count(self) -> list[RuleTotal]:
        return sorted(self.rules.values(), key=lambda r: (-r.findings, r.code, r.ruleset))

    def folders_sorted(self) -> list[FolderTotal]:
        return sorted(self.folders.values(), key=lambda f: f.folder)

    def exit_code(self) -> int:
        """As for ``check``: 3 if any file was unreadable (wins), 1 if any did not conform, else 0."""
        if self.unreadable:
            return EXIT_UNREADABLE
        return EXIT_FINDINGS if self.nonconforming else EXIT_OK
