"""The real-document regression set: where its files are, what was judged, and how a finding is matched.

Shared by test_realdocs.py and measure.py. A judged finding is identified by its code and severity plus
where it is: the location (part:paragraph) or, when paragraphs shift, the text of the element it names.
Severity is part of the identity on purpose: a draft's blank number turning from an error into an info
is a different finding, to be judged again.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MANIFEST = HERE / "manifest.tsv"
JUDGMENTS = HERE / "judgments.yaml"
# Where a document may be: extracted from the mirrors, placed by the CEO, or the shared real corpus.
SEARCH_DIRS = (HERE / "files", ROOT / ".." / "shared" / "corpus" / "realdocs", ROOT / ".." / "shared" / "corpus" / "vn")
TEXT_CHARS = 40
# As a clerk runs it: `thethuc check` (rule set auto, stage draft). A blank number in a draft
# is one info line, not an error.
RULESET, STAGE = "auto", "draft"


def MANIFEST_ROWS() -> list[dict[str, str]]:  # a constant-like reader
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def locate(doc_id: str) -> Path | None:
    """The document's file in the first folder that has it, or None."""
    for folder in SEARCH_DIRS:
        for name in {doc_id, unicodedata.normalize("NFC", doc_id), unicodedata.normalize("NFD", doc_id)}:
            path = folder / name
            if path.is_file():
                return path
    return None


@cache
def judgments() -> dict[str, Any]:
    with JUDGMENTS.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    return re.sub(r"\s+", " ", text).strip()[:TEXT_CHARS]


def _vi(text: object) -> str:
    return str(getattr(text, "vi", text or ""))


def finding_key_fields(finding: Any) -> dict[str, Any]:
    """What identifies a finding in judgments.yaml (finding is a thethuc.model.Finding)."""
    loc = finding.location
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "element": finding.element,
        "where": f"{loc.part}:{loc.paragraph}" if loc is not None else "-",
        "text": _norm(finding.excerpt),
        "message": _vi(finding.message),
    }


@dataclass(frozen=True)
class Judged:
    doc: str
    id: str
    code: str
    severity: str
    element: str | None
    where: str
    text: str
    message: str
    verdict: bool
    reason: str
    cls: str | None = None
    still_reported: bool = False

    @property
    def label(self) -> str:
        return f"{self.doc}::{self.id}:{self.code}@{self.where}"


def judged_entries(doc: str) -> list[Judged]:
    entry = judgments()["documents"][doc]
    return [Judged(doc, f["id"], f["code"], f["severity"], f.get("element"), f["where"], f.get("text", ""),
                   f.get("message", ""), bool(f["verdict"]), f.get("reason", ""), f.get("class"),
                   bool(f.get("still_reported", False)))
            for f in entry.get("findings", [])]


def _same_place(j: Judged, k: dict[str, Any]) -> bool:
    if j.where == k["where"]:
        return True
    # Paragraph numbers may shift when recognition changes (a line break split into two elements):
    # the same code on the same element text is the same finding.
    return bool(j.text) and j.text == k["text"]


def matches(j: Judged, k: dict[str, Any]) -> bool:
    return j.code == k["code"] and j.severity == k["severity"] and _same_place(j, k)


def pair(entries: Sequence[Judged], findings: Iterable[Any]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str,
                                                                                                                 Any]]]:
    """Map each judged entry to the current findings that match it; return also the unmatched findings.

    When several entries fit one finding (two B011 on one line), the message decides.
    """
    hits: dict[str, list[dict[str, Any]]] = {j.id: [] for j in entries}
    unjudged: list[dict[str, Any]] = []
    for f in findings:
        k = finding_key_fields(f)
        fits = [j for j in entries if matches(j, k)]
        if len(fits) > 1:
            fits = [j for j in fits if j.message == k["message"]] or fits[:1]
        if not fits:
            unjudged.append(k)
        for j in fits:
            hits[j.id].append(k)
    return hits, unjudged


def group_of(kind: str) -> str:
    """Report groups: Party, state (incl. other organisations' business papers), youth/MTTQ."""
    return {"party": "party", "youth": "youth/mttq", "mttq": "youth/mttq"}.get(kind, "state")
