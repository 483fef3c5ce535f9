"""The closed registry of formatting properties a ``format`` rule may assert.

Each property knows how to parse its matcher from YAML, read its actual value (with provenance)
from a paragraph's effective formatting, and word the expected and actual values.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from thethuc.checks import wording
from thethuc.checks.matchers import Matcher, parse_bool, parse_choice, parse_number
from thethuc.checks.memo import visible_runs, word_runs
from thethuc.memo import per_object
from thethuc.model import Paragraph, Run, Text, twips_to_mm
from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, as_mapping, as_str_list, as_text, check_keys, require
from thethuc.textutil import letters, squash

CASES = ("upper", "lower", "not-upper", "starts-lower")
ALIGNS = ("left", "center", "right", "justify", "distribute")
_ALIGN_ALIASES = {"both": "justify", "start": "left", "end": "right", "centre": "center"}


@dataclass(frozen=True, slots=True)
class LineSpacing:
    """``{exact_pt: {min, max}}`` (exact/at-least rules) and/or ``{multiple: {min, max}}`` (auto)."""

    exact_pt: Matcher | None
    multiple: Matcher | None

    def test(self, actual: tuple[float | str, ...]) -> bool:
        """``(rule, amount)`` or ``(rule, amount, rendered_pt)``. A multiple under a rule that
        only states points is judged by the points it renders ("1.3 lines" of 14 pt
        text draws a 21 pt line, as "Exactly 21 pt" does), never the other way round."""
        rule, amount = str(actual[0]), float(actual[1])
        if rule == "auto":
            if self.multiple is not None:
                return self.multiple.test(amount)
            rendered = actual[2] if len(actual) > 2 else None
            return self.exact_pt is not None and rendered is not None and self.exact_pt.test(float(rendered))
        return self.exact_pt is not None and self.exact_pt.test(amount)


@dataclass(frozen=True, slots=True)
class Assertion:
    """One property a ``format`` rule asserts (``size_pt``, ``bold``, ``align`` …) and what its value must match."""

    prop: str
    matcher: Any  # Matcher, LineSpacing or a tuple of strings for the text properties


@dataclass(frozen=True, slots=True)
class Observed:
    """An actual value that failed, worded, with the layer it came from."""

    actual: Text
    source: str | None
    key: object  # the raw value, for grouping equal deviations


# ---------------------------------------------------------------- parsing


def _parse_line_spacing(value: Any, where: Where, what: str) -> LineSpacing:
    node = as_mapping(value, where, what)
    check_keys(node, ("exact_pt", "multiple"), what)
    exact = parse_number(node["exact_pt"], node.at("exact_pt"), f"{what}.exact_pt") if "exact_pt" in node else None
    multiple = parse_number(node["multiple"], node.at("multiple"), f"{what}.multiple") if "multiple" in node else None
    if exact is None and multiple is None:
        raise where.error(Text(f"'{what}' cần 'exact_pt' hoặc 'multiple'", f"'{what}' needs 'exact_pt' or 'multiple'"))
    return LineSpacing(exact, multiple)


class Words(tuple[str, ...]):
    """Alternative words of ``starts_with``/``not_starts_with``; ``named`` is how a person says the
    whole list ("học hàm, học vị hoặc cấp bậc trước tên") instead of 22 quoted alternatives."""

    named: Text | None = None


def _parse_words(value: Any, where: Where, what: str) -> Words:
    """``["TS.", "ThS."]`` or ``{any_of: ["TS.", …], named: {vi: …, en: …}}``."""
    if not isinstance(value, dict):
        return Words(as_str_list(value, where, what))
    node = as_mapping(value, where, what)
    check_keys(node, ("any_of", "named"), what)
    words = Words(as_str_list(require(node, "any_of", what), node.at("any_of"), f"{what}.any_of"))
    if "named" in node:
        words.named = as_text(node["named"], node.at("named"), f"{what}.named")
    return words


_PARSERS: dict[str, Callable[[Any, Where, str], Any]] = {
    "size_pt": parse_number,
    "bold": parse_bool,
    "italic": parse_bool,
    "underline": parse_bool,
    "case": lambda v, w, what: parse_choice(v, w, what, CASES),
    "align": lambda v, w, what: parse_choice(v, w, what, ALIGNS),
    "first_line_indent_mm": parse_number,
    "spacing_pt": parse_number,
    "line_spacing": _parse_line_spacing,
    "color": lambda v, w, what: Matcher(values=tuple(s.upper() if s != "auto" else s
                                                     for s in as_str_list(v, w, what))),
    "starts_with": _parse_words,
    "not_starts_with": _parse_words,
    "ends_with": as_str_list,
}
PROPERTIES: tuple[str, ...] = tuple(_PARSERS)


def parse_expect(node: LDict, what: str) -> tuple[Assertion, ...]:
    """``{size_pt: 15, bold: true, …}`` → assertions, strictly."""
    check_keys(node, PROPERTIES, what)
    return tuple(Assertion(prop, _PARSERS[prop](value, node.at(prop), f"{what}.{prop}"))
                 for prop, value in node.items())


# ---------------------------------------------------------------- expected wording


def expected_text(assertion: Assertion) -> Text:
    prop, matcher = assertion.prop, assertion.matcher
    if prop in ("size_pt", "first_line_indent_mm", "spacing_pt"):
        numeric: Text = matcher.numeric_text(prop)
        return numeric
    if prop == "line_spacing":
        parts = [m.numeric_text(name) for name, m in (("exact_pt", matcher.exact_pt),
                                                      ("multiple", matcher.multiple)) if m]
        return wording.join(parts)
    if prop == "starts_with":
        return wording.prefixed("bắt đầu bằng", "starts with", wording.join(map(wording.quoted, matcher)))
    if prop == "not_starts_with":
        if getattr(matcher, "named", None) is not None:
            return wording.prefixed("không ghi", "no", matcher.named)
        return wording.prefixed("không bắt đầu bằng", "does not start with",
                                wording.join(map(wording.quoted, matcher)))
    if prop == "ends_with":
        return wording.prefixed("kết thúc bằng", "ends with", wording.join(map(wording.quoted, matcher)))
    enum: Text = matcher.enum_text(prop)
    return enum


# ---------------------------------------------------------------- reading actual values

RunGetter = Callable[[Run], tuple[Any, str]]
_RUN_GETTERS: dict[str, RunGetter] = {
    "size_pt": lambda r: (r.size_half_pt.value / 2, r.size_half_pt.source),
    "bold": lambda r: (r.bold.value, r.bold.source),
    "italic": lambda r: (r.italic.value, r.italic.source),
    "underline": lambda r: (r.underline.value not in ("none", ""), r.underline.source),
    "color": lambda r: (r.color.value.upper() if r.color.value != "auto" else "auto", r.color.source),
}
# A run of punctuation only ("Nơi nhận" underlined, ":" not) is not judged for these.
_WORD_RUN_PROPS = frozenset({"bold", "italic", "underline"})
# The size of a line is the size of its text: a 9 pt full stop, a raised note mark or a lowered
# drafter's initials do not make a 14 pt line "9 pt" (tests/checks/test_format.py).
_DOMINANT_PROPS = frozenset({"size_pt"})


def _is_baseline(run: Run) -> bool:
    return run.vert_align.value not in ("superscript", "subscript")


class _Facts:
    """What the run assertions read of one paragraph, worked out once per document: the runs each
    property is judged by and, filled as rules ask, each property's distinct values (one memo entry
    per paragraph instead of one per property and run set)."""

    __slots__ = ("sized", "sizes", "values", "visible", "words")

    def __init__(self, paragraph: Paragraph) -> None:
        self.visible = visible_runs(paragraph)
        words = word_runs(paragraph)
        # Runs with letters or digits on the baseline (super/subscript runs only when nothing else).
        self.words = tuple([r for r in words if _is_baseline(r)] or words)
        # The runs that decide the size: the word runs, else every visible run (a line of dots).
        self.sized = self.words or self.visible
        # Filled as rules ask: the sized runs' sizes weighed (_sizes), each property's distinct values (_distinct).
        self.sizes: tuple[tuple[Any, int, str], ...] | None = None
        self.values: dict[str, tuple[tuple[Any, str], ...]] = {}


@per_object  # asked by every run assertion of every format rule
def _facts(paragraph: Paragraph) -> _Facts:
    return _Facts(paragraph)


def _runs_of(facts: _Facts, prop: str) -> tuple[Run, ...]:
    if prop in _WORD_RUN_PROPS:
        return facts.words
    if prop in _DOMINANT_PROPS:
        return facts.sized
    return facts.visible


def judged_runs(paragraph: Paragraph, prop: str) -> tuple[Run, ...]:
    return _runs_of(_facts(paragraph), prop)


def _word_run_value(prop: str, raw: Any) -> Text:
    if prop == "size_pt":
        return wording.numeric("size_pt", raw)
    return wording.value(prop, raw)


RUN_MODES = ("every", "whole", "first")


def _weight(run: Run) -> int:
    """The run's visible characters (asked for every run of every paragraph: split() counts in C)."""
    return len("".join(run.text.split()))


def _weighed(getter: RunGetter, runs: tuple[Run, ...]) -> tuple[tuple[Any, int, str], ...]:
    """Each value the runs carry with its visible characters and the source of its first run, in
    the order the values first appear."""
    weights: dict[Any, int] = {}
    first: dict[Any, str] = {}
    for run in runs:
        raw, source = getter(run)
        weights[raw] = weights.get(raw, 0) + _weight(run)
        first.setdefault(raw, source)
    return tuple((raw, weight, first[raw]) for raw, weight in weights.items())


def _dominant_of(weighed: tuple[tuple[Any, int, str], ...], test: Callable[[Any], bool]) -> tuple[Any, str] | None:
    """The value carried by most of the characters (a tie goes to a passing value, then to the
    first run's), with the source of its first run."""
    if not weighed:
        return None
    raw, _, source = max(weighed, key=lambda item: (item[1], test(item[0])))
    return raw, source


def _sizes(paragraph: Paragraph) -> tuple[tuple[Any, int, str], ...]:
    """The sizes of the sized runs, weighed (every size assertion and the one-size check ask)."""
    facts = _facts(paragraph)
    if facts.sizes is None:
        facts.sizes = _weighed(_RUN_GETTERS["size_pt"], facts.sized)
    return facts.sizes


def _distinct(paragraph: Paragraph, prop: str) -> tuple[tuple[Any, str], ...]:
    """The distinct values ``prop`` takes over a paragraph's judged runs, in the order they first
    appear, each with the source of its first run (remembered for the document). Judging these is
    judging every run: the first failing run is the first run of the first failing value, and every
    run fails exactly when every value does. Most paragraphs carry one value, so each format rule
    tests it once, and the rules asking the same property of the same paragraph read its runs once
    between them."""
    facts = _facts(paragraph)
    found = facts.values.get(prop)
    if found is None:
        getter = _RUN_GETTERS[prop]
        first: dict[Any, str] = {}
        for run in _runs_of(facts, prop):
            raw, source = getter(run)
            if raw not in first:
                first[raw] = source
        found = facts.values[prop] = tuple(first.items())
    return found


def observe_runs(assertion: Assertion, paragraph: Paragraph, runs: str = "every") -> Observed | None:
    """The failing run value. ``every``: any run failing; ``whole``: only when all runs fail;
    ``first``: the first run alone (a label such as ``Kính gửi:`` followed by its recipient).
    The size is the size most of the text has (``first`` still reads the first run)."""
    prop, test = assertion.prop, assertion.matcher.test
    if runs == "first":
        judged = judged_runs(paragraph, prop)[:1]
        if not judged:
            return None
        raw, source = _RUN_GETTERS[prop](judged[0])
        return None if test(raw) else Observed(_word_run_value(prop, raw), source, raw)
    if prop in _DOMINANT_PROPS:
        found = _dominant_of(_sizes(paragraph), test)
        if found is None or test(found[0]):
            return None
        return Observed(_word_run_value(prop, found[0]), found[1], found[0])
    # The first failing value is the one reported; most paragraphs have none and stop here.
    values = _distinct(paragraph, prop)
    failing = next(((raw, source) for raw, source in values if not test(raw)), None)
    if failing is None or (runs == "whole" and len(values) > 1 and any(test(raw) for raw, _ in values)):
        return None
    raw, source = failing
    return Observed(_word_run_value(prop, raw), source, raw)


def _align(paragraph: Paragraph) -> tuple[str, str]:
    raw = paragraph.fmt.align.value
    return _ALIGN_ALIASES.get(raw, raw), paragraph.fmt.align.source


# Times New Roman's own line (ascent + descent + line gap) is 1.15 of its size: "single" spacing.
SINGLE_LINE = 1.15


LineValue = tuple[str, float, "float | None"]  # (rule, amount, points a line renders when known)


def _line(paragraph: Paragraph) -> tuple[LineValue, str, Text]:
    """The line spacing as Word renders it, as (rule, amount, rendered points) for the matcher, and
    its wording.

    ``atLeast`` is a minimum: Word grows the line to the font's own height, so "at least
    12 pt" under 13–14 pt text renders single spacing (judged as 1.0 lines), and a minimum above the
    font's height renders that many points (judged as exactly them).
    """
    rule = paragraph.fmt.line_rule.value
    amount = paragraph.fmt.line_value.value
    source = paragraph.fmt.line_value.source
    size = dominant_size(paragraph)
    if rule == "auto":
        lines = amount / 240
        rendered = round(lines * size * SINGLE_LINE, 1) if size else None
        return ("auto", lines, rendered), source, wording.numeric("multiple", lines, 2)
    points = amount / 20
    if rule == "atLeast":
        if size is not None and points <= size * SINGLE_LINE:
            return ("auto", 1.0, round(size * SINGLE_LINE, 1)), source, Text(
                f"giãn dòng tối thiểu {wording.number(points, 'vi')} pt (hiện như giãn dòng đơn)",
                f"line spacing at least {wording.number(points, 'en')} pt (renders as single)")
        return ("exact", points, points), source, Text(f"giãn dòng tối thiểu {wording.number(points, 'vi')} pt",
                                               f"line spacing at least {wording.number(points, 'en')} pt")
    return ("exact", points, points), source, wording.numeric("exact_pt", points, 2)


def observe_paragraph(assertion: Assertion, paragraph: Paragraph) -> Observed | None:
    prop, matcher, fmt = assertion.prop, assertion.matcher, paragraph.fmt
    if prop == "align":
        raw, source = _align(paragraph)
        return None if matcher.test(raw) else Observed(wording.value("align", raw), source, raw)
    if prop == "first_line_indent_mm":
        indent = round(twips_to_mm(fmt.indent_first_line_twips.value), 2)
        # Drafters also indent the first line with the left indent (one-line căn cứ at left 10 mm) or
        # split it between the two (left 1.4 + first line 8.6 mm): the line starts at their sum.
        from_margin = round(twips_to_mm(fmt.indent_left_twips.value + fmt.indent_first_line_twips.value), 2)
        return None if matcher.test(indent) or matcher.test(from_margin) else Observed(
            wording.numeric(prop, indent), fmt.indent_first_line_twips.source, indent)
    if prop == "spacing_pt":
        spacing = (fmt.space_before_twips.value + fmt.space_after_twips.value) / 20
        return None if matcher.test(spacing) else Observed(
            wording.numeric(prop, spacing), fmt.space_after_twips.source, spacing)
    raw_line, source, shown = _line(paragraph)
    if matcher.test(raw_line):
        return None
    rendered = raw_line[2]
    if fmt.line_rule.value == "auto" and matcher.multiple is None and rendered is not None:
        # Judged by its points: say how many it draws.
        shown = Text(f"{shown.vi} (≈ {wording.number(rendered, 'vi')} pt)",
                     f"{shown.en} (≈ {wording.number(rendered, 'en')} pt)")
    return Observed(shown, source, (fmt.line_rule.value, raw_line))


def displayed_letters(paragraph: Paragraph) -> str:
    """Letters as displayed: a run with effective ``caps`` shows capitals whatever was typed."""
    shown = [r.text.upper() if r.caps.value else r.text for r in paragraph.visible_runs]
    return letters("".join(shown))


def _case_fails(case: str, text: str) -> str | None:
    """The worded failure of one case requirement, or None."""
    if not text:
        return None
    if case == "upper":
        return "has-lower" if text != text.upper() else None
    if case == "lower":
        return "has-upper" if text != text.lower() else None
    if case == "not-upper":
        return "all-upper" if len(text) >= 2 and text == text.upper() else None
    return "starts-upper" if not text[0].islower() else None


def observe_text(assertion: Assertion, paragraph: Paragraph) -> Observed | None:
    prop = assertion.prop
    if prop == "case":
        shown = displayed_letters(paragraph)
        for case in assertion.matcher.values:
            failure = _case_fails(case, shown)
            if failure is None:
                return None
        return Observed(wording.value("case", failure), None, failure)
    text = squash(paragraph.label_and_text if prop != "ends_with" else paragraph.text)
    if prop == "starts_with":
        ok = any(text.startswith(s) for s in assertion.matcher)
        return None if ok else Observed(wording.prefixed("bắt đầu bằng", "starts with",
                                                         wording.quoted(text[:3])), None, text[:3])
    if prop == "not_starts_with":
        found = next((s for s in assertion.matcher if text.startswith(s)), None)
        return None if found is None else Observed(
            wording.prefixed("bắt đầu bằng", "starts with", wording.quoted(found)), None, found)
    ok = any(text.endswith(s) for s in assertion.matcher)
    return None if ok else Observed(wording.ending(text, tuple(assertion.matcher)), None, text[-1:])


def _never(_: Any) -> bool:
    return False


def observe(assertion: Assertion, paragraph: Paragraph, runs: str = "every") -> Observed | None:
    if assertion.prop in _RUN_GETTERS:
        return observe_runs(assertion, paragraph, runs)
    if assertion.prop in ("align", "first_line_indent_mm", "spacing_pt", "line_spacing"):
        return observe_paragraph(assertion, paragraph)
    return observe_text(assertion, paragraph)


def dominant_size(paragraph: Paragraph) -> float | None:
    """The size of most of the paragraph's text (for the one-size-throughout check)."""
    found = _dominant_of(_sizes(paragraph), _never)
    return None if found is None else found[0]
