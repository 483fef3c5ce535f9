"""Per-rule cases: Word-built documents from the Party factory, each with its exact expected codes.

Every case in ``cases.yaml`` names a good sample (``base``), the content (``doc``, ``signer``) and
layout (``layout``) knobs that inject mistakes, the rule set (``ruleset``, default hd36) and the exact
sorted list of codes ``pipeline.check_file`` must report under it — no unrelated code may appear.
A base is a good sample of ``party_samples.GOOD`` (hd36), ``hd05:<name>`` or ``nd30:<name>`` (the good
samples of ``samples/build_rulesets.py``), or ``state``. Every enabled code of hd36, hd05 and nd30 has a
failing case (``test_every_code_of_each_rule_set_has_a_failing_case``).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.rulesets.conftest import load_build_script
from thethuc.pipeline import check_file
from thethuc.ruleset import load_ruleset
from thethuc.testing.party import Block, Layout, PartyDoc, write_party
from thethuc.testing.party_bad import state_document
from thethuc.testing.party_samples import GOOD

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
_TUPLE_FIELDS = ("co_quan_ban_hanh", "co_quan_cap_tren", "noi_nhan_muc", "trich_yeu", "trich_yeu_cong_van",
                 "kinh_gui", "ten_hoi_nghi")


RULESETS = ("hd36", "hd05", "nd30")
_SAMPLE_SETS = load_build_script().SETS  # "hd05"/"nd30" → (good, bad) samples


def _base(name: str) -> tuple[PartyDoc, Layout]:
    if name == "state":
        return state_document(), Layout()
    family, colon, sample = name.partition(":")
    if colon:
        good = _SAMPLE_SETS[family][0][sample]
        return good.doc, good.layout
    return GOOD[name].doc, GOOD[name].layout


def _doc(case: dict[str, Any]) -> PartyDoc:
    doc, _ = _base(case["base"])
    changes = dict(case.get("doc", {}))
    for key in _TUPLE_FIELDS:
        if key in changes:
            changes[key] = tuple(changes[key])
    if "body" in changes:
        changes["body"] = tuple(Block("noi_dung", b) if isinstance(b, str) else Block(*b) for b in changes["body"])
    if "signers" in changes:
        changes["signers"] = tuple(changes["signers"])
    if "signer" in case:
        changes["signers"] = (replace(doc.signers[0], **case["signer"]), *doc.signers[1:])
    return replace(doc, **changes)


def _layout(case: dict[str, Any]) -> Layout:
    _, layout = _base(case["base"])
    changes = dict(case.get("layout", {}))
    for key in ("margins_mm", "paper_mm"):
        if key in changes:
            changes[key] = tuple(changes[key])
    if "overrides" in changes:  # a case's overrides add to the base's (nd30 sets căn cứ in italic …)
        merged = {role: dict(fmt) for role, fmt in layout.overrides.items()}
        for role, fmt in changes["overrides"].items():
            merged[role] = {**merged.get(role, {}), **fmt}
        changes["overrides"] = merged
    return replace(layout, **changes)


def build(case: dict[str, Any], folder: Path) -> Path:
    return write_party(folder / f"{case['name']}.docx", _doc(case), _layout(case))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    result = check_file(str(build(case, tmp_path)), case.get("ruleset", "hd36"))
    assert result.status == "checked", result.error
    got = sorted({f.code for f in result.findings})
    shown = [(f.code, f.message.en, f.actual and f.actual.en, f.excerpt) for f in result.findings]
    assert got == sorted(case["codes"]), shown


def _cases_under(ruleset: str) -> list[dict[str, Any]]:
    return [case for case in CASES if case.get("ruleset", "hd36") == ruleset]


@pytest.mark.parametrize("ruleset", RULESETS)
def test_every_code_of_each_rule_set_has_a_failing_case(ruleset: str) -> None:
    """Each enabled code of the rule set (inherited ones included) fails on at least one document here.

    A new rule without a case turns this red; a rule no document can fail is a dead rule to report,
    not to paper over with an exemption.
    """
    # X010 judges a Word comment (a misspelt suppression), which the document factory does not write:
    # tests/workflow/test_suppress_pipeline.py fails it on a real comment.
    codes = {r.code for r in load_ruleset(ruleset).enabled_rules()} - {"X010"}
    failing = {code for case in _cases_under(ruleset) for code in case["codes"]}
    assert sorted(codes - failing) == []
    assert failing <= codes, "a case expects a code the rule set does not have"


@pytest.mark.parametrize("ruleset", RULESETS)
def test_each_rule_set_has_clean_documents(ruleset: str) -> None:
    clean = [case for case in _cases_under(ruleset) if not case["codes"]]
    assert len(clean) >= 3  # each clean document passes every code of its rule set


def test_every_case_names_a_known_rule_set_and_a_unique_name() -> None:
    assert {case.get("ruleset", "hd36") for case in CASES} == set(RULESETS)
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
