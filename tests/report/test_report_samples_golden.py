"""Golden reports of real samples through the whole CLI: what a clerk sees, byte for byte.

The golden files were reviewed by hand when written; a change here is a change users see.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_samples import GOLDEN

from tests.golden import assert_golden
from thethuc.cli import main

ROOT = Path(__file__).resolve().parents[2]
FILES = ["samples/bad/sai-co-chu.docx", "samples/bad/thieu-dau-sao-ngay-khong-so-0.docx",
         "samples/bad/kho-letter-le-cu.docx", "samples/good/cong-van.docx"]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args, *FILES], env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result.exit_code, result.output


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_report_of_samples(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = _run("--lang", lang, "--no-config")
    assert code == 1
    assert_golden(GOLDEN / f"samples_text_{lang}.txt", out)


def test_json_report_of_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = _run("--format", "json", "--no-config")
    assert code == 1
    report = json.loads(out)
    assert [f["path"] for f in report["files"]] == FILES
    # The version moves with releases; everything else is the contract.
    assert_golden(GOLDEN / "samples_report.json", re.sub(r'"version": "[^"]+"', '"version": "X"', out))
