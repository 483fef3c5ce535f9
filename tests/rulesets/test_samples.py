"""samples/hd05 and samples/nd30: good files are clean, bad files give exactly their expected codes."""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.rulesets.conftest import PROJECT, codes
from thethuc.pipeline import check_file

SAMPLES = PROJECT / "samples"
SETS = ("hd05", "nd30")


def _files(name: str, folder: str) -> list[Path]:
    return sorted((SAMPLES / name / folder).glob("*.docx"))


@pytest.mark.parametrize("name", SETS)
def test_at_least_three_good_and_three_bad_samples(name: str) -> None:
    assert len(_files(name, "good")) >= 3
    assert len(_files(name, "bad")) >= 3


@pytest.mark.parametrize("path", [p for n in SETS for p in _files(n, "good")],
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_good_sample_has_no_finding_under_its_rule_set(path: Path) -> None:
    result = check_file(str(path), path.parent.parent.name)
    assert result.status == "checked"
    assert [(f.code, f.excerpt) for f in result.findings] == []


@pytest.mark.parametrize("path", [p for n in SETS for p in _files(n, "good")],
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_auto_picks_the_samples_own_rule_set(path: Path) -> None:
    result = check_file(str(path), "auto")
    assert result.ruleset == path.parent.parent.name
    assert result.ruleset_reason is not None and result.ruleset_reason.vi and result.ruleset_reason.en


@pytest.mark.parametrize("path", [p for n in SETS for p in _files(n, "bad")],
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_bad_sample_gives_exactly_its_expected_codes(path: Path) -> None:
    name = path.parent.parent.name
    expected = yaml.safe_load((SAMPLES / name / "bad" / "expected.yaml").read_text(encoding="utf-8"))
    assert codes(check_file(str(path), name)) == set(expected[path.name])


@pytest.mark.parametrize("name", SETS)
def test_expected_yaml_lists_every_bad_file(name: str) -> None:
    expected = yaml.safe_load((SAMPLES / name / "bad" / "expected.yaml").read_text(encoding="utf-8"))
    assert set(expected) == {p.name for p in _files(name, "bad")}


def test_build_is_reproducible_and_matches_committed_files(build: ModuleType, tmp_path: Path) -> None:
    for path in build.build(tmp_path):
        committed = SAMPLES / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: run samples/build_rulesets.py"
