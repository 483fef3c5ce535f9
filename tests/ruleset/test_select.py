"""``apply_selection``: codes, prefixes, names; the longest match wins (flake8's DecisionEngine)."""
from __future__ import annotations

import pytest

from thethuc.ruleset import load_ruleset
from thethuc.ruleset.select import apply_selection

HD36 = load_ruleset("hd36")


def enabled(select: tuple[str, ...], ignore: tuple[str, ...]) -> set[str]:
    # The rules whose findings are reported (a rule left out stays on for its silencing verdict).
    return {r.code for r in apply_selection(HD36, select, ignore).enabled_rules()}


ALL = {r.code for r in HD36.rules}
H = {c for c in ALL if c.startswith("H")}


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    ((), (), ALL),
    (("H",), (), H),
    (("H00",), (), {c for c in H if c.startswith("H00")}),
    (("H",), ("H003",), H - {"H003"}),
    (("H003",), ("H",), {"H003"}),
    ((), ("H",), ALL - H),
    ((), ("tieu-de-rule",), ALL - {"H003"}),
    (("tieu-de-rule", "P001"), (), {"H003", "P001"}),
    (("H",), ("H",), set()),  # a tie goes to ignore
    (("h002",), (), {"H002"}),  # codes are matched case-insensitively
    (("Z",), (), set()),
    ((), ("H00", "H01"), ALL - H),
])
def test_selection_table(select: tuple[str, ...], ignore: tuple[str, ...], expected: set[str]) -> None:
    assert enabled(select, ignore) == expected


def test_selection_never_enables_a_rule_turned_off() -> None:
    from dataclasses import replace
    off = replace(HD36, rules=tuple(replace(r, enabled=r.code != "H003") for r in HD36.rules))
    assert not apply_selection(off, ("H003",)).get("H003").enabled
    assert "H003" not in {r.code for r in apply_selection(off, ("H003",)).enabled_rules()}


def test_no_selection_returns_the_same_object() -> None:
    assert apply_selection(HD36) is HD36


@pytest.mark.parametrize("stage", ["draft", "issued", None])
def test_a_rule_left_out_stays_out_at_every_stage(stage: str | None) -> None:
    # H008 has a draft variant (a blank number is information): --ignore H008 must hide it there too.
    ruleset = apply_selection(load_ruleset("hd36"), ignore=["H008"])
    staged = ruleset.get("H008").at_stage(stage)
    assert not staged.selected and staged.enabled
    kept = apply_selection(load_ruleset("hd36"), select=["H008"]).get("H008").at_stage(stage)
    assert kept.selected and kept.enabled
