"""``--select``/``--ignore`` over a RuleSet: codes, code prefixes or rule names; the longest match wins.

flake8's DecisionEngine rule: with ``select: [H]`` and ``ignore: [H003]`` H003 is off; with
``select: [H003]`` and ``ignore: [H]`` it stays on. A tie goes to ``ignore``. Selection only
narrows: it never turns on a rule the rule file turned ``off``.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from thethuc.ruleset.types import Rule, RuleSet


def match_length(rule: Rule, patterns: Sequence[str]) -> int:
    """How specifically ``patterns`` name the rule: prefix length, full code or name; 0 = not at all."""
    best = 0
    for raw in patterns:
        pattern = raw.strip()
        if not pattern:
            continue
        if pattern == rule.name:
            best = max(best, len(rule.code))
        elif rule.code.startswith(pattern.upper()):
            best = max(best, len(pattern))
    return best


def is_selected(rule: Rule, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> bool:
    chosen = match_length(rule, select) if select else 0
    ignored = match_length(rule, ignore)
    if select and chosen == 0:
        return False
    return ignored == 0 or chosen > ignored


def apply_selection(ruleset: RuleSet, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
    """The same RuleSet with the rules that ``select``/``ignore`` leave out marked unselected
    (not reported; a silencer among them still silences, see ``Rule.selected``)."""
    if not select and not ignore:
        return ruleset
    rules = tuple(rule if is_selected(rule, select, ignore) else replace(rule, selected=False)
                  for rule in ruleset.rules)
    return replace(ruleset, rules=rules)


def unknown_patterns(rulesets: Iterable[RuleSet], patterns: Iterable[str]) -> list[str]:
    """Patterns naming no rule of any of ``rulesets``: a typo in a selection would otherwise
    silently select nothing (or ignore nothing)."""
    sets = list(rulesets)
    return [p for p in patterns if not any(match_length(rule, [p]) for rs in sets for rule in rs.rules)]


def suggestion(ruleset: RuleSet, wanted: str) -> str | None:
    """The code or name nearest to a mistyped one, compared without case."""
    names = {n.lower(): n for r in ruleset.rules for n in (r.code, r.name)}
    key = wanted.strip().lower()
    # "H2" or "H02" is a code typed without its zeros, not a cousin of H012.
    if key[:1].isalpha() and key[1:].isdigit() and key[:1] + key[1:].zfill(3) in names:
        return names[key[:1] + key[1:].zfill(3)]
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.5)
    return names[close[0]] if close else None
