"""The check stage: run a RuleSet over a Recognised document → findings in document order.

Rules are data (``rules/*.yaml``); Python holds only the small vocabulary of *kinds*. Each kind
is a module implementing the protocols of ``thethuc/checks/kind.py``: a frozen ``Params`` whose
fields are its rule keys, ``parse(node, where) -> Params`` (strict) and
``check(rule, params, rec) -> Iterator[Finding]``. The registries below list every kind, and per
optional hook the kinds that have it (``SILENCERS``, ``DEFAULT_TARGETS``). The kinds:

- ``format``: effective formatting and text shape of the target paragraphs (size, bold, italic,
  underline, case, align, indent, spacing, line spacing, colour, starts/ends with);
- ``page``: paper size, orientation, margins of every section;
- ``presence``: an element exists, with its fixed text and place (the existence rules);
- ``pattern``: text must/must not match, one of fixed texts, wrong forms with their right form;
- ``reference``: the số và ký hiệu shape (Party ``Số 15-NQ/TU`` or state ``Số: 15/QĐ-UBND``) and its
  type code against the document type;
- ``date`` (module ``place_date``): the place-and-date line, zero padding, a real calendar date;
- ``rule_line``: the line under the tiêu đề;
- ``numbering``: heading sequences per level and one punctuation style per level;
- ``list_punctuation``: dash lists (Nơi nhận, căn cứ): prefix, terminators, last line;
- ``fonts``: the font of each character slot used; legacy fonts and TCVN3/VNI text;
- ``page_number``: the PAGE field from page 2, none on page 1;
- ``state_document``: a state document under a Party rule set (silences the rules it lists);
- ``issue_date`` (module ``ruleset_period``): the issue date lies in the period the rule set governs (X007);
- ``unrecognised``: no header block at all (a form, a detached appendix), or a form's title (tờ khai, đơn)
  where a document type should be: said once, silencing the rest;
- ``other_organisation``: a document of an organisation neither rule set governs (the Youth Union):
  said once, silencing the rest;
- ``suppression_comment``: a Word comment addressed to thethuc that suppresses nothing (misspelt,
  or naming a code the rule set does not have).

Kinds with many rules that each visit many paragraphs judge all their rules in one walk of the
document (``ONE_PASS``: ``format``); every other kind runs rule by rule.

A silencer's verdict also silences another silencer it lists (the Youth Union verdict makes the
"state document" one redundant); a silencer never silences itself.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from thethuc.checks import (
    fonts,
    format,
    list_punctuation,
    numbering,
    other_organisation,
    page,
    page_number,
    pattern,
    place_date,
    presence,
    reference,
    rule_line,
    ruleset_period,
    state_document,
    suppression_comment,
    unrecognised,
)
from thethuc.checks.kind import (
    Kind,
    OnePass,
    RuleKind,
    RuleSetKind,
    Silencer,
    Targeting,
    one_pass,
    rule_kind,
    ruleset_kind,
    silencer,
    targeting,
)
from thethuc.memo import new_document
from thethuc.model import Finding, Recognised, Text
from thethuc.ruleset.types import Rule, RuleSet

# The kinds whose check reads the rule's params and the document.
CHECKS: Mapping[str, RuleKind[Any]] = {
    "format": rule_kind(format), "page": rule_kind(page), "presence": rule_kind(presence),
    "pattern": rule_kind(pattern), "reference": rule_kind(reference), "date": rule_kind(place_date),
    "rule_line": rule_kind(rule_line), "numbering": rule_kind(numbering),
    "list_punctuation": rule_kind(list_punctuation), "fonts": rule_kind(fonts),
    "page_number": rule_kind(page_number), "state_document": rule_kind(state_document),
    "issue_date": rule_kind(ruleset_period), "unrecognised": rule_kind(unrecognised),
    "other_organisation": rule_kind(other_organisation),
}
# The kinds whose check also needs the rule set being applied (a suppression comment naming a code it lacks).
RULESET_CHECKS: Mapping[str, RuleSetKind[Any]] = {"suppression_comment": ruleset_kind(suppression_comment)}
# Every kind a rule's ``kind:`` may name.
KINDS: Mapping[str, Kind[Any]] = {**CHECKS, **RULESET_CHECKS}

# Optional hooks: the kinds that have one, by hook.
SILENCERS: Mapping[str, Silencer[Any]] = {
    "state_document": silencer(state_document), "unrecognised": silencer(unrecognised),
    "other_organisation": silencer(other_organisation),
}
DEFAULT_TARGETS: Mapping[str, Targeting[Any]] = {"format": targeting(format), "numbering": targeting(numbering)}
# All of a rule set's rules of the kind judged in one walk of the document (``check_all``).
ONE_PASS: Mapping[str, OnePass[Any]] = {"format": one_pass(format)}


def _silenced(rules: Iterable[Rule], rec: Recognised) -> dict[str, tuple[str, ...]]:
    """Per silencer that fires, the codes its document-level verdict (a state document, a form)
    makes redundant."""
    found: dict[str, tuple[str, ...]] = {}
    for rule in rules:
        kind = SILENCERS.get(rule.kind)
        if kind is not None:
            codes = tuple(kind.silenced(rule.params, rec))
            if codes:
                found[rule.code] = codes
    return found


def _is_silenced(rule: Rule, silenced: dict[str, tuple[str, ...]]) -> bool:
    return any(rule.code.startswith(prefix) for by, codes in silenced.items() if by != rule.code
               for prefix in codes)


def _internal(rule: Rule, err: Exception) -> Finding:
    return Finding(code="INTERNAL", name="internal-error", severity="error", element=None,
                   message=Text(f"Lỗi nội bộ khi chạy quy tắc {rule.code} ({rule.name}): "
                                f"{type(err).__name__}: {err}",
                                f"Internal error in rule {rule.code} ({rule.name}): {type(err).__name__}: {err}"))


def _run_one(rule: Rule, rec: Recognised, ruleset: RuleSet) -> list[Finding]:
    try:
        if rule.kind in RULESET_CHECKS:
            return list(RULESET_CHECKS[rule.kind].check(rule, rule.params, rec, ruleset))
        return list(CHECKS[rule.kind].check(rule, rule.params, rec))
    except Exception as err:  # noqa: BLE001 — one broken rule must not stop the file's report
        return [_internal(rule, err)]


def _run_together(kind: str, rules: list[Rule], rec: Recognised, ruleset: RuleSet) -> list[list[Finding]]:
    """The findings of each of ``rules`` (all of ``kind``, a ONE_PASS kind), judged in one walk."""
    try:
        return ONE_PASS[kind].check_all(rules, rec)
    except Exception:  # noqa: BLE001 — which rule broke is unknown: each alone, so only it becomes INTERNAL
        return [_run_one(rule, rec, ruleset) for rule in rules]


def _run_all(rules: list[Rule], rec: Recognised, ruleset: RuleSet) -> list[Finding]:
    """The findings of ``rules``, rule after rule in their order (the ONE_PASS kinds' rules judged
    together beforehand): the same list whichever way a kind runs its rules."""
    together: dict[int, list[Finding]] = {}  # by id(rule)
    for kind in ONE_PASS:
        of_kind = [rule for rule in rules if rule.kind == kind]
        if of_kind:
            together.update(zip(map(id, of_kind), _run_together(kind, of_kind, rec, ruleset), strict=True))
    findings: list[Finding] = []
    for rule in rules:
        found = together.get(id(rule))
        findings.extend(found if found is not None else _run_one(rule, rec, ruleset))
    return findings


def _order(rec: Recognised) -> dict[tuple[str, int, int | None], int]:
    # The line tells apart the elements of one paragraph read as its parts (recognise/lines.py).
    return {(p.location.part_name, p.location.paragraph, p.location.line): p.index for p in rec.doc.paragraphs}


def document_stage(rec: Recognised, stage: str | None) -> str | None:
    """The stage ``rec`` is judged at: the one asked for, but a document marked "Dự thảo" is a draft
    whatever the run says (an archive audited as issued still holds drafts)."""
    return "draft" if "du_thao" in rec.roles else stage


def run_rules(ruleset: RuleSet, rec: Recognised, stage: str | None = None) -> list[Finding]:
    """Every enabled rule over the document, each as it judges at ``stage`` (``draft``/``issued``;
    None: the rules as written); findings sorted in document order, then by code."""
    new_document()  # the check-stage memos forget the previous document's facts: freed, however large it was
    stage = document_stage(rec, stage)
    staged = tuple(rule.at_stage(stage) for rule in ruleset.rules)
    rules = tuple(r for r in staged if r.enabled and r.selected)
    # Every rule that is on decides what is silenced, selected or not: --ignore X003 hides the
    # "state document" finding, not the verdict that the Party header rules do not apply.
    silenced = _silenced((r for r in staged if r.enabled), rec)
    findings = _run_all([rule for rule in rules if not _is_silenced(rule, silenced)], rec, ruleset)
    order = _order(rec)

    def key(finding: Finding) -> tuple[int, str]:
        if finding.location is None:
            return -1, finding.code  # document-level findings first
        loc = finding.location
        return order.get((loc.part_name, loc.paragraph, loc.line), len(order)), finding.code

    return sorted(findings, key=key)
