"""Real documents, judged by hand: true findings stay, false ones go, nothing stays unjudged.

The documents (manifest.tsv) are real Party, state, Youth Union and MTTQ files made in Word by real
offices. They are not committed: `python tests/realdocs/materialise.py` extracts them from local git
mirrors into tests/realdocs/files/, or they are read from ../shared/corpus/realdocs or
../shared/corpus/vn. A document that is not there skips its tests, one by one.

judgments.yaml holds one verdict per finding of `check --ruleset auto` at the time of judging.
A false finding the current code still reports is a strict xfail (reason: its cause class): when a
fix lands the xfail passes, the test turns red, and the entry's `still_reported` is removed with the fix.
"""
from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from tests.realdocs.realdocs import MANIFEST_ROWS, RULESET, STAGE, Judged, judged_entries, judgments, locate, pair

DOCS = [row["id"] for row in MANIFEST_ROWS()]


@cache
def _result(doc: str) -> Any:
    from thethuc.pipeline import check_file

    path = locate(doc)
    if path is None:
        return None
    return check_file(str(path), RULESET, stage=STAGE)


def _checked(doc: str) -> Any:
    result = _result(doc)
    if result is None:
        pytest.skip(f"real document absent (run tests/realdocs/materialise.py): {doc}")
    assert result.status == "checked", f"{doc}: {result.error}"
    return result


def _params(verdict: bool) -> list[Any]:
    out = []
    for doc in DOCS:
        for j in judged_entries(doc):
            if j.verdict is not verdict:
                continue
            marks = ()
            if not verdict and j.still_reported:
                marks = (pytest.mark.xfail(strict=True, reason=f"still reported: {j.cls}"),)
            out.append(pytest.param(j, id=j.label, marks=marks))
    return out


def test_manifest_and_judgments_agree() -> None:
    judged = set(judgments()["documents"])
    assert judged == set(DOCS), f"judged but not listed: {judged - set(DOCS)}; listed, not judged: {set(DOCS) - judged}"
    assert len(DOCS) >= 30


@pytest.mark.parametrize("j", _params(True))
def test_true_finding_is_kept(j: Judged) -> None:
    hits, _ = pair(judged_entries(j.doc), _checked(j.doc).findings)
    assert hits[j.id], (f"{j.label}: a finding judged TRUE is no longer reported ({j.severity} {j.code} "
                        f"on «{j.text}»): {j.reason}")


@pytest.mark.parametrize("j", _params(False))
def test_false_finding_is_gone(j: Judged) -> None:
    hits, _ = pair(judged_entries(j.doc), _checked(j.doc).findings)
    assert not hits[j.id], (f"{j.label}: a finding judged FALSE ({j.cls}) is reported: {j.severity} {j.code} "
                            f"on «{j.text}»: {j.reason}")


@pytest.mark.parametrize("doc", DOCS)
def test_no_unjudged_findings(doc: str) -> None:
    _, unjudged = pair(judged_entries(doc), _checked(doc).findings)
    listed = "\n".join(f"  {k['severity']} {k['code']} @{k['where']} «{k['text']}»: {k['message']}" for k in unjudged)
    assert not unjudged, (f"{doc}: {len(unjudged)} finding(s) never judged. Judge each one by hand and add it to "
                          f"tests/realdocs/judgments.yaml (verdict, reason, class if false):\n{listed}")
