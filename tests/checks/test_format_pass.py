"""The format rules of a rule set judged in one walk (``format.check_all``, the ONE_PASS hook) give
exactly what each rule gives alone, and ``run_rules`` reports the same findings in the same order
whichever way it runs them: the walk is a way of running the rules, never a change in what they find."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import thethuc.checks
from tests.checks.build import hd36_for_fragments, make_rule, para, recognised
from thethuc.checks import format as format_kind
from thethuc.checks import run_rules
from thethuc.load import load_document
from thethuc.recognise import recognise
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.select import apply_selection
from thethuc.ruleset.types import RuleSet

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus" / "vn"
# Documents with many format deviations (sizes, styles, spacing, lists, a state document …).
SAMPLES = sorted((ROOT / "samples").glob("**/bad/*.docx"))
SETS = ("hd36", "hd05", "nd30")


def _format_rules(ruleset: RuleSet) -> list:
    return [rule for rule in ruleset.rules if rule.kind == "format" and rule.enabled]


@pytest.fixture(scope="module")
def samples() -> list:
    assert len(SAMPLES) >= 20, "samples/**/bad/*.docx are committed"
    return [recognise(load_document(str(path))) for path in SAMPLES]


@pytest.mark.parametrize("name", SETS)
def test_the_walk_gives_each_rule_what_it_finds_alone(name: str, samples: list) -> None:
    rules = _format_rules(load_ruleset(name))
    found_any = 0
    for rec in samples:
        together = format_kind.check_all(rules, rec)
        alone = [list(format_kind.check(rule, rule.params, rec)) for rule in rules]
        assert together == alone
        found_any += sum(map(len, together))
    assert found_any > 50  # the comparison judged real deviations, not empty lists


@pytest.mark.parametrize("name", SETS)
def test_run_rules_reports_the_same_in_the_same_order_as_rule_by_rule(name: str, samples: list,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset = load_ruleset(name)
    walked = [run_rules(ruleset, rec, stage) for rec in samples for stage in ("draft", "issued")]
    monkeypatch.setattr(thethuc.checks, "ONE_PASS", {})  # every rule alone, as before the walk
    assert walked == [run_rules(ruleset, rec, stage) for rec in samples for stage in ("draft", "issued")]


def test_real_documents_report_the_same_as_rule_by_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(CORPUS.glob("*.docx"))
    if not paths:
        pytest.skip("../shared/corpus/vn is absent")
    ruleset = load_ruleset("hd36")
    recs = [recognise(load_document(str(path))) for path in paths]
    walked = [run_rules(ruleset, rec) for rec in recs]
    monkeypatch.setattr(thethuc.checks, "ONE_PASS", {})
    assert walked == [run_rules(ruleset, rec) for rec in recs]


def test_run_rules_hands_the_format_rules_to_the_walk(samples: list, monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset = load_ruleset("hd36")
    expected = [run_rules(ruleset, rec) for rec in samples]
    handed: list[tuple[str, ...]] = []
    walk = format_kind.check_all

    def spy(rules, rec):
        handed.append(tuple(rule.code for rule in rules))
        return walk(rules, rec)

    def alone(*_args: object) -> None:
        raise AssertionError("a format rule ran alone")

    monkeypatch.setattr(format_kind, "check_all", spy)
    monkeypatch.setattr(format_kind, "check", alone)
    assert [run_rules(ruleset, rec) for rec in samples] == expected
    # One walk per document, with every format rule that is on and not silenced, in rule-set order.
    assert len(handed) <= len(samples) and handed
    order = [rule.code for rule in ruleset.rules if rule.kind == "format"]
    for codes in handed:
        assert list(codes) == [code for code in order if code in codes]
    assert max(map(len, handed)) == len(_format_rules(ruleset))


def test_selection_and_severity_reach_the_walk(samples: list) -> None:
    ruleset = load_ruleset("hd36")
    b001 = ruleset.get("B001")
    assert b001 is not None
    # --ignore B001 and B001 at info: the walk drops or re-grades it alone, the other rules unchanged.
    changed = RuleSet(ruleset.name, ruleset.title, tuple(replace(r, severity="info") if r.code == "B001" else r
                                                         for r in ruleset.rules))
    for rec in samples:
        full = run_rules(ruleset, rec)
        ignored = run_rules(apply_selection(ruleset, (), ["B001"]), rec)
        assert ignored == [f for f in full if f.code != "B001"]
        regraded = run_rules(changed, rec)
        assert [(f.code, f.location) for f in regraded] == [(f.code, f.location) for f in full]
        assert all(f.severity == "info" for f in regraded if f.code == "B001")


def test_a_broken_format_rule_is_internal_and_the_other_format_rules_still_report() -> None:
    ruleset = hd36_for_fragments()  # a fragment: no X008 verdict silencing the rest
    rec = recognised(para("Nội dung in 13 pt, in đậm.", "noi_dung", size=13, bold=True),
                     para("Nơi nhận:", "noi_nhan", size=13))
    before = [f for f in run_rules(ruleset, rec) if f.code.startswith("B")]
    broken = replace(make_rule("Z001", "kind: format\ntarget: noi_dung\nexpect: {size_pt: 14}\n"), params=None)
    with_broken = RuleSet(ruleset.name, ruleset.title, (*ruleset.rules, broken))
    after = run_rules(with_broken, rec)
    assert [f.code for f in after].count("INTERNAL") == 1
    assert [f for f in after if f.code.startswith("B")] == before
    assert {"B001", "B002"} <= {f.code for f in before}


def test_one_plan_per_rule_set_serves_every_document(samples: list) -> None:
    rules = _format_rules(load_ruleset("hd36"))
    params = tuple(rule.params for rule in rules)
    targets = tuple(rule.target for rule in rules)
    plan = format_kind._plan(params, targets)
    for rec in samples[:3]:
        format_kind.check_all(rules, rec)
    assert format_kind._plan(params, targets) is plan
    # Another rule set's rules get their own plan: routes are never shared between rule sets.
    other = _format_rules(load_ruleset("nd30"))
    assert format_kind._plan(tuple(r.params for r in other), tuple(r.target for r in other)) is not plan


def test_rules_with_their_own_skip_text_in_one_walk_each_skip_their_own() -> None:
    # hd36's body rules share one pattern; the walk asks it once per paragraph, and must not lend
    # one rule's answer to a rule with another pattern.
    parens = make_rule("Z001", "kind: format\ntarget: noi_dung\nexpect: {size_pt: 14}\nskip_text: '^\\('\n")
    dashes = make_rule("Z002", "kind: format\ntarget: noi_dung\nexpect: {size_pt: 14}\nskip_text: '^-'\n")
    plain = make_rule("Z003", "kind: format\ntarget: noi_dung\nexpect: {size_pt: 14}\n")
    rec = recognised(para("(Ghi chú.)", "noi_dung", size=13), para("- Một ý.", "noi_dung", size=13),
                     para("Nội dung.", "noi_dung", size=13))
    rules = [parens, dashes, parens, plain]
    together = format_kind.check_all(rules, rec)
    assert together == [list(format_kind.check(rule, rule.params, rec)) for rule in rules]
    places = [[(f.location.paragraph, *(a.paragraph for a in f.also)) for f in found] for found in together]
    assert places == [[(2, 3)], [(1, 3)], [(2, 3)], [(1, 2, 3)]]


@pytest.mark.parametrize("keys", [
    "target: noi_dung\nskip_text: '^\\(.*\\)\\.?$'\n",
    "scope: document\n",
    "target: [noi_nhan, noi_nhan_muc, kinh_gui_muc]\n",
    "target: [tieu_de, dieu, khoan]\n",
])
def test_the_walk_judges_the_paragraphs_the_fix_reads_as_the_rules_targets(keys: str, samples: list) -> None:
    # A colour no run has: every paragraph the walk judges is reported, so the finding's places are
    # exactly the judged paragraphs; ``_paragraphs`` (the fix's and the list wraps' reading) must agree.
    rule = make_rule("Z001", f"kind: format\nexpect: {{color: ['0000FE']}}\n{keys}")
    judged_any = 0
    for rec in samples:
        [found] = format_kind.check_all([rule], rec) or [[]]
        places = Counter(loc for f in found for loc in (f.location, *f.also))  # a finding per colour met
        assert places == Counter(p.location for p, _ in format_kind._paragraphs(rule, rule.params, rec))
        judged_any += sum(places.values())
    assert judged_any > 0
