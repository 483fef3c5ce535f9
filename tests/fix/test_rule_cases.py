"""Fix on each generated rule case (tests/rules/cases.yaml, under its rule set): nothing repairable left, text
kept, order valid, idempotent; a clean case is copied byte for byte."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.rules.test_cases import CASES, build
from thethuc.fix import fix_file

from .helpers import fixed, new_order_problems, repairable_left, text_differences


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_rule_case_fixed(case: dict[str, Any], tmp_path: Path) -> None:
    source = build(case, tmp_path)
    out = tmp_path / "fixed.docx"
    ruleset = case.get("ruleset", "hd36")
    outcome = fixed(source, out, ruleset)
    assert repairable_left(outcome) == []
    assert new_order_problems(source, out) == {}
    assert text_differences(source, out) == []
    if not case["codes"]:
        assert outcome.changes == () and out.read_bytes() == source.read_bytes()
    assert fix_file(str(out), ruleset, str(out), None).changes == ()
