"""The fix kinds: ``fix:`` of a rule names one; each is ``fixer(ctx, rule, findings)``.

``ruleset.types.FIX_KINDS`` lists the same names for the rule-file validator (a test holds them equal).
"""
from __future__ import annotations

from collections.abc import Callable

from thethuc.fix import fonts, format, legacy, page, page_number, text
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
}
# Order within a pass: text first (a conversion or a removed "V/v" changes what formatting sees),
# then the page, fonts, formatting, and last what adds content (page numbers, marks).
PRIORITY: tuple[str, ...] = ("legacy_text", "remove_vv", "punctuation", "leading_zero", "page", "fonts", "format",
                             "page_number", "star", "rule_line")
