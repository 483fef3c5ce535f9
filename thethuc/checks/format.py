"""Kind ``format``: assertions on the effective formatting and text shape of the target paragraphs.

Keys: ``expect`` (property → matcher, for every target role) or ``expect_by_role`` (role →
properties, optionally with its own ``runs``), ``runs`` (``every``: each visible run must match;
``whole``: report only when the whole paragraph deviates; ``first``: the first run, a label),
``same_size`` (one dominant size across all targets), ``scope`` (``roles`` or ``document``: every
paragraph with text), ``skip_text`` (a regex: paragraphs whose text matches are not judged, e.g. a
note in parentheses). A missing target yields nothing. A list line wrapped onto the next paragraph
is one item: ``starts_with`` skips the wrapped rest, ``ends_with`` the line it continues.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group, make_finding, wrapped_lines
from thethuc.checks.memo import has_text
from thethuc.checks.presence import compile_regex
from thethuc.checks.properties import (
    OBSERVERS,
    RUN_MODES,
    Assertion,
    Observer,
    dominant_size_of,
    expected_text,
    facts_of,
    parse_expect,
)
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_choice, as_mapping, as_roles
from thethuc.ruleset.params import built, choice, param, read_params
from thethuc.ruleset.types import Rule


@dataclass(frozen=True, slots=True)
class RoleExpect:
    """What a ``format`` rule asserts of one target role (None: of every target role), and which runs must
    match: ``every`` visible run, the ``whole`` paragraph, or the ``first`` run (a label)."""

    role: str | None  # None = every target role
    assertions: tuple[Assertion, ...]
    runs: str = "every"


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``format`` rule: assertions on the effective formatting and text shape of its target
    paragraphs, grouped by role, and which paragraphs are judged."""

    # one of expect (every target role) or expect_by_role, each group with its runs: built by parse
    by_role: tuple[RoleExpect, ...] = built(("expect", "expect_by_role", "runs"), ())
    same_size: bool = param(as_bool, False)
    scope: str | None = param(choice("roles", "document"), None)  # unset or roles: the target roles; document: all
    skip_text: re.Pattern[str] | None = param(compile_regex, None)  # paragraphs whose text matches are not judged

    @property
    def whole_document(self) -> bool:
        return self.scope == "document"

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(group.role for group in self.by_role if group.role is not None)


def _role_expect(role: str, value: object, where: Where, runs: str) -> RoleExpect:
    what = f"expect_by_role.{role}"
    node = as_mapping(value, where, what)
    own_runs = as_choice(node.get("runs", runs), node.at("runs"), f"{what}.runs", RUN_MODES)
    props = LDict((k, v) for k, v in node.items() if k != "runs")
    props.where, props.key_where = node.where, node.key_where
    return RoleExpect(as_roles(role, where, "expect_by_role")[0], parse_expect(props, what), own_runs)


def parse(node: LDict, where: Where) -> Params:
    if ("expect" in node) == ("expect_by_role" in node):
        raise where.error(Text("quy tắc loại 'format' cần đúng một trong hai khóa 'expect' hoặc 'expect_by_role'",
                               "a format rule needs exactly one of 'expect' or 'expect_by_role'"))
    runs = as_choice(node.get("runs", "every"), node.at("runs"), "runs", RUN_MODES)
    if "expect" in node:
        by_role: tuple[RoleExpect, ...] = (
            RoleExpect(None, parse_expect(as_mapping(node["expect"], node.at("expect"), "expect"), "expect"), runs),)
    else:
        roles = as_mapping(node["expect_by_role"], node.at("expect_by_role"), "expect_by_role")
        by_role = tuple(_role_expect(role, value, roles.at(role), runs) for role, value in roles.items())
    params = read_params(Params, node, "format", by_role=by_role)
    if not params.whole_document and "expect" in node and "target" not in node:
        raise where.error(Text("quy tắc loại 'format' có 'expect' cần khóa 'target' (hoặc 'scope: document')",
                               "a format rule with 'expect' needs a 'target' (or 'scope: document')"))
    return params


def default_target(params: Params) -> tuple[str, ...]:
    return params.roles


def _assertions_for(params: Params, role: str | None) -> Iterator[tuple[RoleExpect, Assertion]]:
    for expect in params.by_role:
        if expect.role is None or expect.role == role:
            for assertion in expect.assertions:
                yield expect, assertion


def _paragraphs(rule: Rule, params: Params, rec: Recognised) -> list[tuple[Paragraph, str | None]]:
    """The paragraphs ``rule`` judges, with their roles, in document order: its targets (every
    paragraph under ``scope: document``) that have text and that ``skip_text`` does not skip. The
    walk below selects the same paragraphs as it goes (route by role, has_text, skip_text); the fix
    and the list wraps read them from here (tests/checks/test_format_pass.py holds the two equal)."""
    paragraphs, roles = rec.doc.paragraphs, rec.roles
    indices = range(len(paragraphs)) if params.whole_document else rec.indices_with(rule.target)
    found = [(paragraphs[i], roles[i]) for i in indices if has_text(paragraphs[i])]
    if params.skip_text is None:
        return found
    return [(p, role) for p, role in found if not params.skip_text.search(p.text.strip())]


def _wraps(paragraphs: list[tuple[Paragraph, str | None]]) -> tuple[frozenset[int], frozenset[int]]:
    """Wrapped list lines (they start without the dash) and the lines they continue (those end
    without the terminator): neither is a list item of its own, so starts/ends_with skip them."""
    by_role: dict[str | None, list[Paragraph]] = {}
    for paragraph, role in paragraphs:
        by_role.setdefault(role, []).append(paragraph)
    wrapped = frozenset().union(*(wrapped_lines(paras) for paras in by_role.values()))
    return wrapped, frozenset(i - 1 for i in wrapped)


_SKIP_WRAPPED = {"starts_with": 0, "ends_with": 1}  # → which set of _wraps a paragraph is skipped in
_NO_WRAPS: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())

# ---------------------------------------------------------------- the pass
# How format rules run: ``check_all`` walks the document once for all the format rules of a rule
# set (run_rules hands it every one it runs) and routes each paragraph, by its role, to the rules
# that judge that role, each with its steps for the role (the _Plan). ``check`` (one rule) is the
# same walk with one rule in it. A rule's findings do not depend on the other rules of the walk:
# each keeps its own deviations, grouped into findings at the end exactly as if it had run alone.
# One walk instead of one per rule (~25 in hd36) saves each rule's loop over its targets and
# re-asking each paragraph's facts per rule (benchmarks/README.md, issue 16).


class Step(NamedTuple):
    """One assertion to judge a paragraph by."""

    role: str | None  # the expectation's role (None: every target role): part of the deviation's key
    runs: str  # which runs (``RUN_MODES``)
    assertion: Assertion
    observe: Observer  # how the assertion's property is read (properties.OBSERVERS)
    wrapped: int | None  # the set of _wraps whose paragraphs this assertion skips
    expected: Text  # the expected value, worded


class Judged(NamedTuple):
    """What one rule does with a paragraph of a role its plan routes to it."""

    slot: int  # the rule's place in the walk's list of rules
    skip_text: re.Pattern[str] | None
    same_size: bool
    steps: tuple[Step, ...]


class _Plan:
    """For one list of format rules: the rules (with their steps) that judge each role. It reads
    only the rules' params and targets, so it is built once per rule set and kept (``_plan``)."""

    __slots__ = ("needs_wraps", "params", "routes", "targets")

    def __init__(self, params: tuple[Params, ...], targets: tuple[tuple[str, ...], ...]) -> None:
        self.params, self.targets = params, targets
        self.routes: dict[str | None, tuple[Judged, ...]] = {}
        # Wraps matter only to starts/ends_with (a few list rules); they need the rule's own paragraphs.
        self.needs_wraps = tuple(any(a.prop in _SKIP_WRAPPED for e in p.by_role for a in e.assertions)
                                 for p in params)

    def route(self, role: str | None) -> tuple[Judged, ...]:
        route = self.routes.get(role)
        if route is None:
            route = self.routes[role] = tuple(
                Judged(slot, params.skip_text, params.same_size, self._steps(params, role))
                for slot, (params, target) in enumerate(zip(self.params, self.targets, strict=True))
                if params.whole_document or role in target)
        return route

    @staticmethod
    def _steps(params: Params, role: str | None) -> tuple[Step, ...]:
        return tuple(Step(expect.role, expect.runs, assertion, OBSERVERS[assertion.prop],
                          _SKIP_WRAPPED.get(assertion.prop),
                          expected_text(assertion))
                     for expect, assertion in _assertions_for(params, role))


# The plans of the latest rule sets, by their format rules' params (by identity) and targets: a run
# asks for the same few (hd36, hd05, nd30, at most a stage variant or a selection of each).
_PLANS: dict[tuple[tuple[int, tuple[str, ...]], ...], _Plan] = {}
_KEPT_PLANS = 16


def _plan(params: tuple[Params, ...], targets: tuple[tuple[str, ...], ...]) -> _Plan:
    key = tuple(zip(map(id, params), targets, strict=True))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _KEPT_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = _Plan(params, targets)  # keeps the params alive, so their ids stay theirs
    return plan


def _walk(rules: Sequence[Rule], params: tuple[Params, ...], rec: Recognised) -> list[list[Finding]]:
    plan = _plan(params, tuple(rule.target for rule in rules))
    deviations: list[list[Deviation]] = [[] for _ in rules]
    sized: list[list[tuple[Paragraph, float]]] = [[] for _ in rules]
    wraps = [_wraps(_paragraphs(rule, p, rec)) if needs else _NO_WRAPS
             for rule, p, needs in zip(rules, params, plan.needs_wraps, strict=True)]
    for paragraph, role in zip(rec.doc.paragraphs, rec.roles, strict=True):
        route = plan.route(role)
        if not route:
            continue
        facts = facts_of(paragraph)  # what the assertions read, looked up once for all the rules
        if not facts.has_text:
            continue
        skipped_by: re.Pattern[str] | None = None  # the rules of a rule set share their skip_text pattern
        skipped = False
        for slot, skip_text, same_size, steps in route:
            if skip_text is not None:
                if skip_text is not skipped_by:
                    skipped_by, skipped = skip_text, skip_text.search(paragraph.text.strip()) is not None
                if skipped:
                    continue
            in_range = True
            for expect_role, runs, assertion, observe, wrapped, expected in steps:
                if wrapped is not None and paragraph.index in wraps[slot][wrapped]:
                    continue
                seen = observe(assertion, facts, runs)
                if seen is None:
                    continue
                in_range = in_range and assertion.prop != "size_pt"
                # Per-role expectations are separate causes; one expectation over many roles is one.
                deviations[slot].append(Deviation((expect_role, assertion.prop, seen.key), paragraph,
                                                  expected, seen.actual, seen.source))
            if same_size and in_range:
                size = dominant_size_of(facts)
                if size is not None:
                    sized[slot].append((paragraph, size))
    return [_findings(rule, p, rec, deviations[slot], sized[slot])
            for slot, (rule, p) in enumerate(zip(rules, params, strict=True))]


def _findings(rule: Rule, params: Params, rec: Recognised, deviations: list[Deviation],
              sized: list[tuple[Paragraph, float]]) -> list[Finding]:
    if not deviations and not sized:
        return []  # most rules on most documents: no generators to set up
    found = list(one_per_place(group(rule, rec, deviations)))
    if params.same_size:
        found.extend(_one_size(rule, rec, sized))
    return found


def check_all(rules: Sequence[Rule], rec: Recognised) -> list[list[Finding]]:
    """Every format rule in ``rules`` over the document in one walk: each rule's findings, in the
    order of ``rules``, the same as ``check`` gives that rule alone."""
    return _walk(rules, tuple(rule.params for rule in rules), rec)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    yield from _walk((rule,), (params,), rec)[0]


def one_per_place(findings: Iterator[Finding]) -> Iterator[Finding]:
    """Findings of one rule on exactly the same paragraphs become one: «Nơi nhận:» in 14 pt, not
    underlined and bold is one finding that says all three, not three findings."""
    places: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        places.setdefault((finding.location, finding.also, finding.element), []).append(finding)
    for same in places.values():
        if len(same) == 1:
            yield same[0]
            continue
        sources = {f.source for f in same}
        yield replace(same[0], actual=_joined(f.actual for f in same), expected=_joined(f.expected for f in same),
                      source=sources.pop() if len(sources) == 1 else None)


def _joined(texts: Iterator[Text | None]) -> Text | None:
    present = [t for t in texts if t is not None]
    return wording.join(present, Text(", ", ", ")) if present else None


def _one_size(rule: Rule, rec: Recognised, sized: list[tuple[Paragraph, float]]) -> Iterator[Finding]:
    """Sizes within the range but mixed (14 here, 15 there): one finding at the minority size."""
    counts = Counter(size for _, size in sized)
    if len(counts) < 2:
        return
    usual = counts.most_common(1)[0][0]
    odd = [p for p, size in sized if size != usual]
    first = odd[0]
    actual = wording.join((Text(f"{wording.numeric('size_pt', s).vi} ({n} đoạn)",
                                f"{wording.numeric('size_pt', s).en} ({n} paragraphs)")
                           for s, n in counts.most_common()), wording.AND)
    source = next((r.size_half_pt.source for r in first.visible_runs), None)
    yield make_finding(rule, rec, first, expected=Text(
        f"một cỡ chữ trong toàn bộ nội dung ({wording.numeric('size_pt', usual).vi})",
        f"one size throughout the body ({wording.numeric('size_pt', usual).en})"),
        actual=actual, source=source, also=tuple(p.location for p in odd[1:]),
        detail=Text("cỡ chữ không thống nhất", "mixed sizes"))
