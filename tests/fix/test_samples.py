"""Fix on every bad sample: nothing repairable left, text kept, order valid, a second run changes nothing;
a clean sample is copied byte for byte and its dry run lists nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.fix import fix_file

from .helpers import (
    SAMPLES,
    fixed,
    new_order_problems,
    repairable_left,
    text_differences,
)

BAD = [(p, "hd36") for p in sorted((SAMPLES / "bad").glob("*.docx"))] + [
    (p, name) for name in ("hd05", "nd30") for p in sorted((SAMPLES / name / "bad").glob("*.docx"))]
GOOD = [(p, "hd36") for p in sorted((SAMPLES / "good").glob("*.docx"))] + [
    (p, name) for name in ("hd05", "nd30") for p in sorted((SAMPLES / name / "good").glob("*.docx"))]


def _id(case: tuple[Path, str]) -> str:
    return f"{case[1]}/{case[0].name}"


@pytest.mark.parametrize("case", BAD, ids=_id)
def test_bad_sample_fixed(case: tuple[Path, str], tmp_path: Path) -> None:
    path, ruleset = case
    out = tmp_path / "fixed.docx"
    outcome = fixed(path, out, ruleset)
    assert outcome.after.status == "checked"
    assert repairable_left(outcome) == []
    assert new_order_problems(path, out) == {}
    assert text_differences(path, out) == []
    assert len(outcome.after.findings) <= len(outcome.before.findings)
    # Idempotent: the fixed copy has nothing left to fix, and is copied unchanged.
    again = fix_file(str(out), ruleset, str(out), str(tmp_path / "again.docx"))
    assert again.changes == ()
    assert (tmp_path / "again.docx").read_bytes() == out.read_bytes()


def test_the_bad_samples_do_get_changes(tmp_path: Path) -> None:
    """Guards the test above against a fixer that silently does nothing."""
    changed = [p.name for p, ruleset in BAD if fixed(p, tmp_path / f"{p.stem}.docx", ruleset).changes]
    assert len(changed) >= len(BAD) - 8


@pytest.mark.parametrize("case", GOOD, ids=_id)
def test_clean_sample_left_unchanged(case: tuple[Path, str], tmp_path: Path) -> None:
    path, ruleset = case
    dry = fix_file(str(path), ruleset, str(path), None)
    assert dry.changes == () and dry.output is None
    out = tmp_path / "copy.docx"
    outcome = fixed(path, out, ruleset)
    assert outcome.changes == ()
    assert out.read_bytes() == path.read_bytes()
