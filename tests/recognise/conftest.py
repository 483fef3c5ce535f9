"""Shared fixtures of the recognise tests: the corpus folder (skipped only when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_vn() -> Path:
    folder = CORPUS / "vn"
    if not folder.is_dir():
        pytest.skip(f"corpus folder absent: {folder}")
    return folder
