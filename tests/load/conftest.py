"""Fixtures for the load-stage tests: build a .docx from raw Word-like XML parts and load it."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from thethuc.load import load_document
from thethuc.model import Document
from thethuc.testing.docx import DEFAULT_STYLES, DocxParts, write_docx

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

Loader = Callable[..., Document]


@pytest.fixture
def load(tmp_path: Path) -> Loader:
    """``load(body=..., styles=..., ...)`` writes the parts to a .docx and returns the loaded Document."""
    counter = iter(range(1000))

    def _load(**parts: object) -> Document:
        path = write_docx(tmp_path / f"doc{next(counter)}.docx", DocxParts(**parts))
        return load_document(path)

    return _load


def styles_with(*extra: str, defaults: str | None = None) -> str:
    """DEFAULT_STYLES-like styles part: optional docDefaults replacement plus extra w:style elements."""
    base = DEFAULT_STYLES
    if defaults is not None:
        start, end = base.index("<w:docDefaults>"), base.index("</w:docDefaults>") + len("</w:docDefaults>")
        base = base[:start] + defaults + base[end:]
    return base + "".join(extra)
