"""The fix kinds: ``fix:`` of a rule names one; each is ``fixer(ctx, rule, findings)``.

``ruleset.types.FIX_KINDS`` lists the same names for the rule-file validator (a test holds them equal).
"""
from __future__ import annotations

from collections.abc import Callable

from thethuc.fix import fonts, format, legacy, marks, page, page_number, text
from thethuc.fix.context import Context
from thethuc.model import Finding
from thethuc.ruleset.types import Rule

Fixer = Callable[[Context, Rule, list[Finding]], None]

FIXERS: dict[str, Fixer] = {
    "legacy_text": legacy.fix,
    "page": page.fix,
    "fonts": fonts.fix,
    "format": format.fix,
    "punctuation": text.punctuation,
    "remove_vv": text.remove_vv,
    "leading_zero": text.leading_zero,
    "page_number": page_number.fix,
    "star": marks.star,
    "rule_line": marks.rule_line,
}
# Order within a pass: text first (a conversion or a removed "V/v" changes what formatting sees),
# then the page, fonts, formatting, and last what adds content (page numbers, marks).
PRIORITY: tuple[str, ...] = ("legacy_text", "remove_vv", "punctuation", "leading_zero", "page", "fonts", "format",
                             "page_number", "star", "rule_line")


# ---------------------------------------------------------------- what each kind repairs

def _format_handles(rule: Rule, finding: Finding) -> bool:
    """A format finding is repairable when its expectation is one of a formatting property (not text)."""
    from thethuc.checks.format import Params as FormatParams
    from thethuc.checks.properties import expected_text

    if not isinstance(rule.params, FormatParams):
        return False
    if rule.params.same_size and "mixed sizes" in finding.message.en:
        return True
    for expect in rule.params.by_role:
        for assertion in expect.assertions:
            repairable = assertion.prop in format.RUN_PROPS + format.PARA_PROPS or (
                assertion.prop == "case" and "upper" in assertion.matcher.values) or (
                assertion.prop == "ends_with" and format.punctuation_only(assertion))
            if repairable and finding.expected == expected_text(assertion):
                return True
    return False


def _remove_vv_handles(rule: Rule, finding: Finding) -> bool:
    return _format_handles(rule, finding) or (finding.actual is not None and "V/" in finding.actual.en)


def _message_has(*phrases: str) -> Callable[[Rule, Finding], bool]:
    return lambda _rule, finding: any(phrase in finding.message.en for phrase in phrases)


HANDLES: dict[str, Callable[[Rule, Finding], bool]] = {
    "page": lambda _rule, _finding: True,
    "fonts": lambda _rule, _finding: True,
    "legacy_text": lambda _rule, _finding: True,
    "format": _format_handles,
    "remove_vv": _remove_vv_handles,
    "punctuation": _message_has("wrong line ending", "wrong ending of the last line", "line endings mixed"),
    "leading_zero": _message_has("leading zero", "without a zero"),
    "page_number": lambda _rule, _finding: True,
    # Added when missing (and an underlined title un-underlined); a line of the wrong length stays.
    "star": lambda _rule, finding: marks._missing(finding),
    "rule_line": (lambda _rule, finding: marks._missing(finding) or (
        finding.actual is not None and finding.actual.en in ("no line", "the title text underlined"))),
}


def repairable(rule: Rule | None, finding: Finding) -> bool:
    """Whether ``thethuc fix`` repairs this kind of finding (what a re-check must no longer show)."""
    if rule is None or rule.fix not in HANDLES:
        return False
    return HANDLES[rule.fix](rule, finding)
