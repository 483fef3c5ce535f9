"""The bundled samples hold the checker to account: good files give no finding, bad files exactly their codes."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from thethuc.pipeline import check_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOOD = sorted((SAMPLES / "good").glob("*.docx"))
EXPECTED: dict[str, list[str]] = yaml.safe_load((SAMPLES / "bad" / "expected.yaml").read_text("utf-8"))


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_sample_has_no_finding(path: Path) -> None:
    result = check_file(str(path), "hd36")
    assert result.status == "checked"
    assert [(f.code, f.excerpt) for f in result.findings] == []


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_bad_sample_gives_exactly_its_codes(name: str) -> None:
    result = check_file(str(SAMPLES / "bad" / name), "hd36")
    assert result.status == "checked"
    assert sorted({f.code for f in result.findings}) == sorted(EXPECTED[name])


def test_every_bad_file_is_in_the_manifest() -> None:
    assert {p.name for p in (SAMPLES / "bad").glob("*.docx")} == set(EXPECTED)
    assert len(EXPECTED) >= 10 and len(GOOD) >= 9
