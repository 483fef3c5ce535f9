"""Issue 16's memo keys (``cascade.run_key``/``paragraph_key``) are built from the properties
formatting reads, not from the whole element: a document loaded through them must be the document
loaded with every paragraph and run resolved on its own, on real, damaged and generated files."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from thethuc.errors import DocxInputError
from thethuc.load import build, cascade, load_document, template
from thethuc.model import Document

from .conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = (CORPUS / "vn", CORPUS / "robustness", ROOT / "tests" / "realdocs" / "files", ROOT / "samples")


def _files() -> list[Path]:
    return sorted(p for folder in FOLDERS if folder.is_dir() for p in folder.rglob("*.docx"))


def _load(path: Path) -> Document | str:
    template.cache_clear()  # no memo shared with an earlier document
    try:
        return load_document(path)
    except DocxInputError as err:
        return str(err)


def _unique(_el: etree._Element | None) -> object:
    return object()  # a key equal to no other: every lookup misses and resolves its element alone


@pytest.mark.skipif(not _files(), reason="no corpus, real documents or samples present")
@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_keyed_memo_loads_what_resolving_each_element_alone_loads(path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    keyed = _load(path)
    monkeypatch.setattr(cascade, "run_key", _unique)
    monkeypatch.setattr(cascade, "paragraph_key", _unique)
    monkeypatch.setattr(build, "paragraph_key", _unique)
    alone = _load(path)
    template.cache_clear()
    assert alone == keyed  # formatting, marks, labels and warnings (in their order) alike
