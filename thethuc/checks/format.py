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
from collections.abc import Iterator
from dataclasses import replace

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group, has_text, make_finding, wrapped_lines
from thethuc.checks.presence import compile_regex
from thethuc.checks.properties import RUN_MODES, Assertion, dominant_size, expected_text, observe, parse_expect
from thethuc.memo import per_document, per_object
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


@per_document  # every format rule asks; the answer is one set per document
def _with_text(rec: Recognised) -> frozenset[int]:
    return frozenset(p.index for p in rec.doc.paragraphs if has_text(p))


def _paragraphs(rule: Rule, params: Params, rec: Recognised) -> list[tuple[Paragraph, str | None]]:
    paragraphs, roles, with_text = rec.doc.paragraphs, rec.roles, _with_text(rec)
    indices = range(len(paragraphs)) if params.whole_document else rec.indices_with(rule.target)
    found = [(paragraphs[i], roles[i]) for i in indices if i in with_text]
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


Step = tuple[RoleExpect, Assertion, "int | None"]  # an assertion to judge, with the _wraps set that skips it


class _Plan:
    """The steps each role's paragraphs are judged by, worked out once per rule and document: the
    per-paragraph loop then walks a tuple instead of re-filtering the rule's expectations for every
    paragraph."""

    __slots__ = ("needs_wraps", "params", "steps")

    def __init__(self, params: Params) -> None:
        self.params = params
        self.steps: dict[str | None, tuple[Step, ...]] = {}
        # Wraps matter only to starts/ends_with; most format rules have neither.
        self.needs_wraps = any(a.prop in _SKIP_WRAPPED for e in params.by_role for a in e.assertions)

    def for_role(self, role: str | None) -> tuple[Step, ...]:
        steps = self.steps.get(role)
        if steps is None:
            steps = self.steps[role] = tuple((expect, assertion, _SKIP_WRAPPED.get(assertion.prop))
                                             for expect, assertion in _assertions_for(self.params, role))
        return steps


_plan = per_object(_Plan)  # by the identity of the rule's Params, for the document being checked


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    deviations: list[Deviation] = []
    sized: list[tuple[Paragraph, float]] = []
    paragraphs = _paragraphs(rule, params, rec)
    plan = _plan(params)
    wraps = _wraps(paragraphs) if plan.needs_wraps else (frozenset(), frozenset())
    expected: dict[int, Text] = {}  # worded once per assertion, not per deviating paragraph
    for paragraph, role in paragraphs:
        in_range = True
        for expect, assertion, which in plan.for_role(role):
            if which is not None and paragraph.index in wraps[which]:
                continue
            seen = observe(assertion, paragraph, expect.runs)
            if seen is None:
                continue
            in_range = in_range and assertion.prop != "size_pt"
            wanted = expected.get(id(assertion))
            if wanted is None:
                wanted = expected[id(assertion)] = expected_text(assertion)
            # Per-role expectations are separate causes; one expectation over many roles is one.
            deviations.append(Deviation((expect.role, assertion.prop, seen.key), paragraph,
                                        wanted, seen.actual, seen.source))
        size = dominant_size(paragraph) if params.same_size and in_range else None
        if size is not None:
            sized.append((paragraph, size))
    yield from one_per_place(group(rule, rec, deviations))
    if params.same_size:
        yield from _one_size(rule, rec, sized)


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
