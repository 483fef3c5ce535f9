"""`--format sarif`: one SARIF 2.1.0 log for the run (GitHub code scanning, Azure DevOps, IDE viewers).

Results are buffered until ``finish`` because ``tool.driver.rules`` and each result's ``ruleIndex``
need the whole set of codes. Knows nothing of .docx: locations are the model's logical ones.
"""
from __future__ import annotations

import hashlib
import json
import urllib.parse
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any

from thethuc import __version__
from thethuc.model import FileResult, Finding, Location, Text
from thethuc.records import dataclass
from thethuc.report import labels as w
from thethuc.report.base import Reporter, register
from thethuc.report.summary import Summary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/thethuc/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True)
class RuleDoc:
    """What a report needs to describe a rule; built from the rule set, or from a finding alone."""

    code: str
    name: str
    severity: str
    description: Text
    help: Text
    source: str = ""


def location_path(location: Location | None) -> str:
    """``document/paragraph 3/table 1,1,2``: the element's address, stable across runs.

    Paragraph and table, row, column are counted from 1, as a person counts them and as the text
    report says them; only the JSON report keeps spec §4's 0-based ``table`` triple."""
    if location is None:
        return "document"
    part = location.part if location.part == "document" else PurePath(location.part_name).stem
    path = f"{part}/paragraph {location.paragraph}"
    if location.table is not None:
        path += "/table " + ",".join(str(n + 1) for n in location.table)
    return path + ("/textbox" if location.textbox else "")


def describe(finding: Finding, lang: str) -> str:
    """One line, worded as the text report words it: the message, then found/expected values."""
    detail = w.detail_text(finding, lang)
    message = finding.message.get(lang)
    return f"{message} — {detail}" if detail else message


def element_label(finding: Finding, lang: str) -> str:
    """``Tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»`` — the element's name and its text, as a clerk finds it
    in Word. The role id (``tieu_de``) is the JSON report's vocabulary, not a reader's."""
    label = w.element_name(finding.element, lang) if finding.element else w.PART_WORDS["document"].get(lang)
    return f"{label} «{w.excerpt(finding.excerpt)}»" if finding.excerpt else label


def artifact_uri(path: str) -> str:
    """A URI reference for a path as given (relative stays relative, as code scanning expects)."""
    posix = path.replace("\\", "/")
    if PurePath(path).is_absolute():
        return "file://" + urllib.parse.quote(posix if posix.startswith("/") else "/" + posix)
    return urllib.parse.quote(posix)


def _catalogue_from_rulesets(names: set[str]) -> dict[str, RuleDoc]:
    """Rule documentation from the rule sets the files were checked with; empty if unavailable."""
    from thethuc.ruleset import load_ruleset  # only SARIF needs the catalogue
    docs: dict[str, RuleDoc] = {}
    for name in sorted(names):
        try:
            ruleset = load_ruleset(name)
        except Exception:  # noqa: BLE001 (a user rule file may be gone by now; fall back to findings)
            continue
        for rule in ruleset.rules:
            docs.setdefault(rule.code, _rule_doc(rule))
    return docs


def _rule_doc(rule: Any) -> RuleDoc:
    example = getattr(rule, "example", None)
    help_vi = rule.description.vi + (f"\n\nVí dụ: {example.vi}" if example else "")
    help_en = rule.description.en + (f"\n\nExample: {example.en}" if example else "")
    return RuleDoc(code=rule.code, name=rule.name, severity=rule.severity, description=rule.description,
                   help=Text(help_vi, help_en), source=getattr(rule, "source", ""))


def _doc_from_finding(finding: Finding) -> RuleDoc:
    return RuleDoc(code=finding.code, name=finding.name, severity=finding.severity,
                   description=finding.message, help=finding.message)


@register("sarif")
class SarifReporter(Reporter):
    """Collects results per file; writes the log once at the end."""

    catalogue: Callable[[set[str]], Mapping[str, RuleDoc]] = staticmethod(_catalogue_from_rulesets)

    def start(self) -> None:
        self._results: list[tuple[FileResult, Finding, bool]] = []
        self._failed: list[FileResult] = []
        self._rulesets: set[str] = set()

    def file(self, result: FileResult) -> None:
        if result.status == "error":
            self._failed.append(result)
            return
        self._rulesets.add(result.ruleset)
        self._results.extend((result, f, False) for f in result.findings)
        # SARIF has a native field for in-source suppressions, so they are always written.
        self._results.extend((result, f, True) for f in result.suppressed)

    def finish(self, summary: Summary) -> None:
        log = self.build()
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

    def build(self) -> dict[str, Any]:
        """The SARIF log as a JSON-ready mapping."""
        docs = self._rule_docs()
        index = {code: i for i, code in enumerate(docs)}
        return {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "thethuc", "version": __version__, "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [self._rule(doc) for doc in docs.values()],
                }},
                "invocations": [self._invocation()],
                "results": [self._result(r, f, quiet, index) for r, f, quiet in self._results],
            }],
        }

    def _rule_docs(self) -> dict[str, RuleDoc]:
        known = self.catalogue(self._rulesets) if self._results else {}
        docs: dict[str, RuleDoc] = {}
        for _, finding, _ in sorted(self._results, key=lambda item: item[1].code):
            # The finding's severity is the effective one (after configuration overrides).
            base = known.get(finding.code) or _doc_from_finding(finding)
            docs.setdefault(finding.code, RuleDoc(base.code, base.name, finding.severity,
                                                  base.description, base.help, base.source))
        return docs

    def _rule(self, doc: RuleDoc) -> dict[str, Any]:
        short = doc.description.get(self.lang).split("\n", 1)[0]
        full = doc.description.get(self.lang) + (f" ({doc.source})" if doc.source else "")
        help_text = doc.help.get(self.lang)
        more = f"thethuc explain {doc.code}"
        return {
            "id": doc.code, "name": doc.name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": f"{help_text}\n\n{more}",
                     "markdown": f"**{doc.code} {doc.name}**\n\n{help_text}\n\n`{more}`"},
            "defaultConfiguration": {"level": LEVELS[doc.severity]},
            "properties": {"tags": ["thethuc", doc.code[0]]},
        }

    def _invocation(self) -> dict[str, Any]:
        notes = [{
            "level": "error",
            "message": {"text": r.error.text(self.lang) if r.error else r.path},
            "descriptor": {"id": r.error.kind if r.error else "unreadable"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
        } for r in self._failed]
        return {"executionSuccessful": not self._failed, "toolExecutionNotifications": notes}

    def _result(self, result: FileResult, finding: Finding, suppressed: bool,
                index: Mapping[str, int]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ruleId": finding.code, "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": describe(finding, self.lang)},
            "locations": [self._location(result.path, finding, finding.location, 0)],
            "partialFingerprints": {"thethuc/v1": _fingerprint(result.path, finding)},
            "properties": {"element": finding.element, "excerpt": finding.excerpt,
                           "source": finding.source, "ruleset": result.ruleset},
        }
        if finding.also:
            out["relatedLocations"] = [self._location(result.path, finding, loc, i)
                                       for i, loc in enumerate(finding.also, start=1)]
        if suppressed:
            out["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
        return out

    def _location(self, path: str, finding: Finding, location: Location | None, ident: int) -> dict[str, Any]:
        name = element_label(finding, self.lang) if ident == 0 else location_path(location)
        return {
            "id": ident,
            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}},
            "logicalLocations": [{"name": name, "kind": "element",
                                  "fullyQualifiedName": location_path(location)}],
        }


def _fingerprint(path: str, finding: Finding) -> str:
    """Stable across runs for the same deviation at the same element (code scanning de-duplicates)."""
    key = "\x1f".join((path, finding.code, location_path(finding.location), finding.excerpt))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
