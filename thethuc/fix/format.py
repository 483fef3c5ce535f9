"""Fix kind ``format``: size, bold, italic, underline, colour, capitals, alignment, first-line
indent, paragraph spacing and line spacing of the paragraphs a ``format`` rule reported.

The target of a range is its nearest bound (a 13 pt body under "14–15" becomes 14; 1.6 lines
under "1–1.5" becomes 1.5). Text properties (``starts_with``, ``ends_with``, a case other than
capitals) are words, not formatting: they stay for the drafter. Capitals are made with the
``caps`` property, never by retyping the letters.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lxml import etree

from thethuc.checks.format import Params, _assertions_for, _paragraphs, _wraps
from thethuc.checks.matchers import Matcher
from thethuc.checks.properties import (
    _RUN_GETTERS,
    Assertion,
    LineSpacing,
    _case_fails,
    displayed_letters,
    dominant_size,
    judged_runs,
    observe,
)
from thethuc.fix import layers
from thethuc.fix.context import Context
from thethuc.fix.types import Change
from thethuc.load.ooxml import qn
from thethuc.model import Finding, Paragraph, Text, mm_to_twips, twips_to_mm
from thethuc.records import dataclass
from thethuc.ruleset.types import Rule
from thethuc.textutil import letters

RUN_PROPS = ("size_pt", "bold", "italic", "underline", "color")
PARA_PROPS = ("align", "first_line_indent_mm", "spacing_pt", "line_spacing")


def nearest(matcher: Matcher, current: float) -> float:
    """The accepted value closest to ``current``."""
    if matcher.values:
        return min(matcher.values, key=lambda v: abs(v - current))
    if matcher.low is not None and current < matcher.low:
        return matcher.low
    if matcher.high is not None and current > matcher.high:
        return matcher.high
    return current


# ---------------------------------------------------------------- character properties
# A run's value of a property is read as the check reads it (checks/properties.py _RUN_GETTERS).


def _run_target(assertion: Assertion, current: Any) -> Any:
    matcher = assertion.matcher
    if assertion.prop == "size_pt":
        return round(nearest(matcher, current) * 2) / 2
    return matcher.values[0]


def _apply_run(rpr: etree._Element, prop: str, value: Any) -> None:
    if prop == "size_pt":
        layers.set_size(rpr, round(value * 2))
    elif prop in ("bold", "italic"):
        layers.set_toggle(rpr, "b" if prop == "bold" else "i", bool(value))
    elif prop == "underline":
        layers.set_underline(rpr, bool(value))
    else:
        layers.set_color(rpr, value)


def show(prop: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if prop in ("size_pt", "spacing_pt"):
        return f"{value:g} pt"
    if prop == "first_line_indent_mm":
        return f"{value:g} mm"
    return str(value)


@dataclass
class _Plan:
    """Equal repairs: one property from one layer to one value, over some runs or paragraphs."""

    prop: str
    source: str
    before: Any
    after: Any
    items: list[tuple[Paragraph, int]]  # (paragraph, run index; -1 for a paragraph property)


def _plan_runs(plans: dict[tuple, _Plan], paragraph: Paragraph, assertion: Assertion, mode: str) -> None:
    getter = _RUN_GETTERS[assertion.prop]
    judged = judged_runs(paragraph, assertion.prop)
    if mode == "first":
        judged = judged[:1]
    for run in judged:
        value, source = getter(run)
        if assertion.matcher.test(value):
            continue
        target = _run_target(assertion, value)
        key = (assertion.prop, source, value, target)
        plan = plans.setdefault(key, _Plan(assertion.prop, source, value, target, []))
        plan.items.append((paragraph, next(i for i, r in enumerate(paragraph.runs) if r is run)))


def _same_layer_runs(ctx: Context, prop: str, source: str) -> set[tuple[int, int]]:
    getter = _RUN_GETTERS[prop]
    found: set[tuple[int, int]] = set()
    for p in ctx.rec.doc.paragraphs:
        judged = {id(run) for run in judged_runs(p, prop)}
        found.update((p.index, i) for i, run in enumerate(p.runs) if id(run) in judged and getter(run)[1] == source)
    return found


def _fix_runs(ctx: Context, rule: Rule, plan: _Plan) -> None:
    items = {(p.index, i) for p, i in plan.items}
    first = plan.items[0][0]
    if plan.source != "direct" and ctx.layers.editable(plan.source):
        same = _same_layer_runs(ctx, plan.prop, plan.source)
        others = same - items
        if len(others) < len(same & items):
            # Most of what the layer serves is being fixed: change the layer once, and keep the few
            # others as they were with direct formatting (their look does not move).
            pinned = _pin_runs(ctx, plan.prop, others)
            _apply_run(ctx.layers.properties(plan.source, "rPr"), plan.prop, plan.after)
            ctx.add(Change(rule.code, ctx.role(first), plan.prop, show(plan.prop, plan.before),
                           show(plan.prop, plan.after), layers.where_of(plan.source), first.location,
                           len({p.index for p, _ in plan.items})))
            if pinned:
                ctx.add(Change(rule.code, None, plan.prop, show(plan.prop, plan.before), show(plan.prop, plan.before),
                               "direct", None, pinned))
            return
    done: set[int] = set()
    for paragraph, index in plan.items:
        run_el = ctx.locator.runs(paragraph)[index]
        if run_el is None:
            continue
        _apply_run(layers.run_properties(run_el), plan.prop, plan.after)
        ctx.touch(paragraph.location)
        if paragraph.index not in done:
            done.add(paragraph.index)
            ctx.add(Change(rule.code, ctx.role(paragraph), plan.prop, show(plan.prop, plan.before),
                           show(plan.prop, plan.after), "direct", paragraph.location))


def _pin_runs(ctx: Context, prop: str, runs: set[tuple[int, int]]) -> int:
    """Write each run's current value directly; returns the number of paragraphs pinned."""
    paragraphs = ctx.rec.doc.paragraphs
    getter = _RUN_GETTERS[prop]
    pinned: set[int] = set()
    for index, run_index in sorted(runs):
        paragraph = paragraphs[index]
        run_el = ctx.locator.runs(paragraph)[run_index]
        if run_el is None:
            continue
        _apply_run(layers.run_properties(run_el), prop, getter(paragraph.runs[run_index])[0])
        ctx.touch(paragraph.location)
        pinned.add(index)
    return len(pinned)


def _fix_caps(ctx: Context, rule: Rule, paragraph: Paragraph) -> None:
    for run, run_el in zip(paragraph.runs, ctx.locator.runs(paragraph), strict=False):
        if run_el is None or not run.text.strip() or run.hidden.value:
            continue
        if run.caps.value or run.text == run.text.upper():
            continue
        layers.set_toggle(layers.run_properties(run_el), "caps", True)
        ctx.touch(paragraph.location)
    if displayed_letters(paragraph):
        ctx.add(Change(rule.code, ctx.role(paragraph), "case", "lower", "upper (caps)", "direct", paragraph.location))


_AT_LEAST = Text("giãn dòng «tối thiểu» (at least): khoảng cách thật tùy cỡ chữ, không đổi thay người soạn",
                 "“at least” line spacing: the real spacing depends on the text, not changed for the drafter")
_LABEL = re.compile(r"^[^.:;]{1,40}:\s")


def not_body(paragraph: Paragraph) -> Text | None:
    """Why a paragraph taken for body text may be something else, whose look is right as it is: a label
    («Lưu ý: …», «Tổng hợp:», «* Thời gian: …») or a heading, lead line or title set in bold or italic
    throughout (centred, or short). Such paragraphs are left: a wrong fix costs more than a missed one."""
    text = paragraph.text.strip()
    if text.endswith(":") or text.startswith("*") or _LABEL.match(text):
        return Text("dòng nhãn hoặc ghi chú, có thể không phải nội dung", "a label or note line, maybe not body text")
    runs = [r for r in paragraph.visible_runs if r.text.strip()]
    emphasised = runs and (all(r.bold.value for r in runs) or all(r.italic.value for r in runs))
    if emphasised and (paragraph.fmt.align.value == "center" or len(text) <= 100):
        return Text("dòng đậm hoặc nghiêng toàn bộ (tiêu đề, đề mục?), có thể không phải nội dung",
                    "a line in bold or italic throughout (a title or heading?), maybe not body text")
    return None


def punctuation_only(assertion: Assertion) -> bool:
    """An ``ends_with`` of line-end marks only (recipients ending ";" or "."): a punctuation fix."""
    from thethuc.fix.text import PUNCTUATION

    return bool(assertion.matcher) and all(len(m) == 1 and m in PUNCTUATION for m in assertion.matcher)


def _continued_lines(rule: Rule, params: Params, ctx: Context) -> frozenset[int]:
    return _wraps(_paragraphs(rule, params, ctx.rec))[1]


def _ending(ctx: Context, rule: Rule, paragraph: Paragraph, assertion: Assertion) -> None:
    """The last line of its role's list takes "." when allowed (HD05's recipients), the others the
    first allowed mark."""
    from thethuc.fix.text import set_ending

    allowed = list(assertion.matcher)
    role = ctx.role(paragraph)
    later = [p for p in ctx.rec.paragraphs_with(role) if p.index > paragraph.index and p.text.strip()] \
        if role else []
    wanted = "." if not later and "." in allowed else next((m for m in allowed if m != "."), allowed[0])
    set_ending(ctx, rule, paragraph, wanted)


def _drop_caps(ctx: Context, rule: Rule, paragraph: Paragraph, assertion: Assertion) -> None:
    """Capitals that only the ``caps`` property makes (a name typed "Nguyễn Văn A", shown in capitals):
    the property goes, the letters as typed pass. Letters typed in capitals are words: left."""
    capped = [(run, el) for run, el in zip(paragraph.runs, ctx.locator.runs(paragraph), strict=False)
              if run.caps.value and run.text.strip() and not run.hidden.value]
    typed = letters("".join(r.text for r in paragraph.visible_runs))
    if not capped or any(el is None for _, el in capped) or not any(
            _case_fails(case, typed) is None for case in assertion.matcher.values):
        return
    for _run, run_el in capped:
        layers.set_toggle(layers.run_properties(run_el), "caps", False)  # type: ignore[arg-type]  # a located run has its element
    ctx.touch(paragraph.location)
    ctx.add(Change(rule.code, ctx.role(paragraph), "case", "upper (caps)", "as typed", "direct", paragraph.location))


# ---------------------------------------------------------------- paragraph properties


def _para_value(paragraph: Paragraph, prop: str) -> tuple[Any, str]:
    fmt = paragraph.fmt
    if prop == "align":
        return fmt.align.value, fmt.align.source
    if prop == "first_line_indent_mm":
        return round(twips_to_mm(fmt.indent_first_line_twips.value), 2), fmt.indent_first_line_twips.source
    if prop == "spacing_pt":
        return (fmt.space_before_twips.value, fmt.space_after_twips.value), fmt.space_after_twips.source
    return (fmt.line_rule.value, fmt.line_value.value), fmt.line_value.source


def _para_target(assertion: Assertion, current: Any) -> Any:
    """The new value in the units ``_apply_para`` writes (or None when the property cannot be fixed)."""
    prop, matcher = assertion.prop, assertion.matcher
    if prop == "align":
        return matcher.values[0]
    if prop == "first_line_indent_mm":
        return mm_to_twips(nearest(matcher, current))
    if prop == "spacing_pt":
        before, after = current
        total = nearest(matcher, (before + after) / 20) * 20
        new_after = round(total - before)
        return ("after", str(new_after)) if new_after >= 0 else None
    rule, amount = current
    spacing: LineSpacing = matcher
    if rule == "auto" and spacing.multiple is not None:
        return (None, str(round(nearest(spacing.multiple, amount / 240) * 240)))
    if rule != "auto" and spacing.exact_pt is not None:
        return (None, str(round(nearest(spacing.exact_pt, amount / 20) * 20)))
    if spacing.exact_pt is not None:  # lines in multiples, the rule set wants points
        return ("exact", str(round(nearest(spacing.exact_pt, 0) * 20)))
    assert spacing.multiple is not None
    return ("auto", str(round(nearest(spacing.multiple, 0) * 240)))


def _pin_paragraph(ppr: etree._Element, prop: str, paragraph: Paragraph) -> None:
    fmt = paragraph.fmt
    if prop == "align":
        layers.set_align(ppr, {"both": "justify", "start": "left", "end": "right"}.get(
            fmt.align.value, fmt.align.value if fmt.align.value in ("left", "center", "right", "justify",
                                                                    "distribute") else "left"))
    elif prop == "first_line_indent_mm":
        value = fmt.indent_first_line_twips.value
        if value >= 0:
            layers.set_first_line(ppr, value)
        else:
            ind = order_ind(ppr)
            ind.set(qn("w:hanging"), str(-value))
    elif prop == "spacing_pt":
        layers.set_spacing(ppr, before=str(fmt.space_before_twips.value), after=str(fmt.space_after_twips.value))
    else:
        layers.set_spacing(ppr, line=str(fmt.line_value.value),
                           lineRule="auto" if fmt.line_rule.value == "auto" else fmt.line_rule.value)


def order_ind(ppr: etree._Element) -> etree._Element:
    from thethuc.fix import order

    ind = order.ensure(ppr, "ind")
    if qn("w:firstLine") in ind.attrib:
        del ind.attrib[qn("w:firstLine")]
    return ind


def _apply_para(ppr: etree._Element, prop: str, target: Any) -> None:
    if prop == "align":
        layers.set_align(ppr, target)
    elif prop == "first_line_indent_mm":
        layers.set_first_line(ppr, target)
    elif prop == "spacing_pt":
        layers.set_spacing(ppr, **{target[0]: target[1]})
    else:
        rule, line = target
        layers.set_spacing(ppr, line=line, **({"lineRule": rule} if rule else {}))


def _line_shown(current: Any, target: Any) -> tuple[str, str]:
    rule, amount = current
    before = f"{amount / 240:g} lines" if rule == "auto" else f"{amount / 20:g} pt"
    new_rule = target[0] or rule
    line = int(target[1])
    after = f"{line / 240:g} lines" if new_rule == "auto" else f"{line / 20:g} pt"
    return before, after


def _fix_paragraphs(ctx: Context, rule: Rule, prop: str, source: str, current: Any, target: Any,
                    paragraphs: list[Paragraph]) -> None:
    if prop == "line_spacing":
        before, after = _line_shown(current, target)
    elif prop == "spacing_pt":
        before, after = f"{(current[0] + current[1]) / 20:g} pt", f"{(current[0] + int(target[1])) / 20:g} pt"
    elif prop == "first_line_indent_mm":
        before, after = f"{round(current, 1):g} mm", f"{round(twips_to_mm(target), 1):g} mm"
    else:
        before, after = str(current), str(target)
    same = {p.index for p in ctx.rec.doc.paragraphs
            if p.text.strip() and _para_value(p, prop)[1] == source}
    first, fixing = paragraphs[0], {p.index for p in paragraphs}
    others = same - fixing
    if source != "direct" and ctx.layers.editable(source) and len(others) < len(same & fixing):
        for index in sorted(others):  # kept as they look, by direct formatting of their current value
            other = ctx.rec.doc.paragraphs[index]
            p_el = ctx.locator.element(other.location)
            if p_el is not None:
                _pin_paragraph(layers.paragraph_properties(p_el), prop, other)
                ctx.touch(other.location)
        _apply_para(ctx.layers.properties(source, "pPr"), prop, target)
        ctx.add(Change(rule.code, ctx.role(first), prop, before, after, layers.where_of(source),
                       first.location, len(paragraphs)))
        if others:
            ctx.add(Change(rule.code, None, prop, before, before, "direct", None, len(others)))
        return
    for paragraph in paragraphs:
        p_el = ctx.locator.element(paragraph.location)
        if p_el is None:
            continue
        _apply_para(layers.paragraph_properties(p_el), prop, target)
        ctx.touch(paragraph.location)
        ctx.add(Change(rule.code, ctx.role(paragraph), prop, before, after, "direct", paragraph.location))


# ---------------------------------------------------------------- the kind


def fix(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    params: Params = rule.params
    run_plans: dict[tuple, _Plan] = {}
    para_plans: dict[tuple, list[Paragraph]] = {}
    para_values: dict[tuple, tuple[Any, Any]] = {}
    caps: list[Paragraph] = []
    uncaps: list[tuple[Paragraph, Assertion]] = []
    endings: list[tuple[Paragraph, Assertion]] = []
    continued = _continued_lines(rule, params, ctx) if any(
        a.prop == "ends_with" for e in params.by_role for a in e.assertions) else frozenset()
    for paragraph in ctx.reported(findings):
        doubt = not_body(paragraph) if ctx.role(paragraph) == "noi_dung" else None
        if doubt is not None:
            ctx.decline(rule.code, paragraph, doubt)
            continue
        for expect, assertion in _assertions_for(params, ctx.role(paragraph)):
            if assertion.prop == "ends_with" and paragraph.index in continued:
                continue  # a list line wrapped onto the next paragraph: its end is not the item's end
            if observe(assertion, paragraph, expect.runs) is None:
                continue
            if assertion.prop == "line_spacing" and paragraph.fmt.line_rule.value == "atLeast":
                ctx.decline(rule.code, paragraph, _AT_LEAST)
                continue
            if assertion.prop in RUN_PROPS:
                _plan_runs(run_plans, paragraph, assertion, expect.runs)
            elif assertion.prop in PARA_PROPS:
                current, source = _para_value(paragraph, assertion.prop)
                target = _para_target(assertion, current)
                if target is None:
                    continue
                key = (assertion.prop, source, str(current), str(target))
                para_plans.setdefault(key, []).append(paragraph)
                para_values[key] = (current, target)
            elif assertion.prop == "case" and "upper" in assertion.matcher.values:
                caps.append(paragraph)
            elif assertion.prop == "case":
                uncaps.append((paragraph, assertion))
            elif assertion.prop == "ends_with" and punctuation_only(assertion):
                endings.append((paragraph, assertion))
    for plan in run_plans.values():
        _fix_runs(ctx, rule, plan)
    for key, paragraphs in para_plans.items():
        current, target = para_values[key]
        _fix_paragraphs(ctx, rule, key[0], key[1], current, target, paragraphs)
    for paragraph in caps:
        _fix_caps(ctx, rule, paragraph)
    for paragraph, assertion in uncaps:
        _drop_caps(ctx, rule, paragraph, assertion)
    for paragraph, assertion in endings:
        _ending(ctx, rule, paragraph, assertion)
    mixed = [f for f in findings if "mixed sizes" in f.message.en]
    if params.same_size and mixed and not run_plans:
        _one_size(ctx, rule, params, mixed)


def _one_size(ctx: Context, rule: Rule, params: Params, findings: list[Finding]) -> None:
    """Sizes all in range but mixed: the odd paragraphs take the usual size, on their runs."""
    sizes = Counter(size for p, _role in _paragraphs(rule, params, ctx.rec)
                    if (size := dominant_size(p)) is not None)
    if len(sizes) < 2:
        return
    usual = sizes.most_common(1)[0][0]
    for paragraph in ctx.reported(findings):
        before = dominant_size(paragraph)
        if before is None or before == usual:
            continue
        for run, run_el in zip(paragraph.runs, ctx.locator.runs(paragraph), strict=False):
            if run_el is not None and run.text.strip() and not run.hidden.value:
                layers.set_size(layers.run_properties(run_el), round(usual * 2))
        ctx.touch(paragraph.location)
        ctx.add(Change(rule.code, ctx.role(paragraph), "size_pt", show("size_pt", before), show("size_pt", usual),
                       "direct", paragraph.location))
