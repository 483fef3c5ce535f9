"""The validated, pure-data form of a rule set, as the check stage and reporters see it."""
from __future__ import annotations

from dataclasses import field, replace
from typing import Any

from thethuc.model import Severity, Text
from thethuc.records import dataclass

# The repairs ``thethuc fix`` knows (``fix:`` of a rule); thethuc/fix/registry.py implements each one
# (tests/fix/test_registry.py holds the two lists equal). Kept here so the rule set validates
# ``fix:`` without importing the later fix stage.
FIX_KINDS: tuple[str, ...] = ("page", "fonts", "legacy_text", "format", "star", "rule_line", "page_number",
                              "punctuation", "remove_vv", "leading_zero")

GRADE_SEVERITY: dict[str, Severity] = {"A": "error", "B": "error", "C": "warning", "U": "info"}


@dataclass(frozen=True)
class Rule:
    """One rule of a rule set as the check stage runs it: its code, kind and typed keys, severity and
    evidence grade, bilingual texts, and its variants per stage."""

    code: str  # stable, from the spec: "H002"
    name: str  # kebab-case from the spec: "tieu-de-format"
    kind: str  # one of checks.KINDS
    severity: Severity
    grade: str  # "A", "B", "C", "U" or "A/B"
    source: str  # evidence tags, e.g. "HD36 §II.1.1 [P1][P5]"
    description: Text
    message: Text
    target: tuple[str, ...]  # roles the rule reads (may be empty for document-level kinds)
    params: Any  # the kind's typed, frozen Params object
    enabled: bool = True
    # False when --select/--ignore (or select:/ignore: in a configuration) leave the rule out: its
    # findings are not reported, but a silencer's document-level verdict (a state document, a form)
    # still silences the rules it lists. Selection only ever removes findings.
    selected: bool = True
    example: Text | None = None
    fix: str | None = None  # one of FIX_KINDS when ``thethuc fix`` can repair the rule's findings
    origin: str = ""  # "rules/hd36.yaml:120" — where the rule (or its last override) was written
    # The rule as it judges at another stage (``stages: {draft: {blank: to-fill}}`` in YAML): the
    # same rule with those keys overridden, built and validated when the file is loaded.
    stages: tuple[tuple[str, Rule], ...] = ()

    def at_stage(self, stage: str | None) -> Rule:
        """This rule as it judges a document at ``stage``; switched off stays off (--ignore)."""
        for name, variant in self.stages:
            if name == stage:
                # --ignore/--select and "off" set on this rule hold for its stage variants too.
                return replace(variant, enabled=self.enabled and variant.enabled, selected=self.selected)
        return self


@dataclass(frozen=True)
class RuleSet:
    """A validated rule set (``hd36``, ``hd05``, ``nd30`` or a user's file), with the files of its extends chain."""

    name: str  # "hd36", "hd05", "nd30" or the user file's stem
    title: Text
    rules: tuple[Rule, ...]
    files: tuple[str, ...] = ()  # the extends chain, base first
    extends: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # select/ignore/fail-on read from the file

    def get(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def enabled_rules(self) -> tuple[Rule, ...]:
        """The rules whose findings are reported: on in the rule file, and selected."""
        return tuple(r for r in self.rules if r.enabled and r.selected)
