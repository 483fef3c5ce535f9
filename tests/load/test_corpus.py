"""Every corpus file either loads or is refused with one of the five input kinds — nothing else escapes."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.errors import DocxInputError
from thethuc.load import load_document

from .conftest import CORPUS

KINDS = {"not-docx", "encrypted", "corrupt", "too-large", "unreadable"}


def _files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for folder in ("robustness", "vn") if (CORPUS / folder).is_dir()
                  for p in (CORPUS / folder).iterdir() if p.is_file())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_loads_or_refuses_cleanly(path: Path) -> None:
    try:
        doc = load_document(path)
    except DocxInputError as err:
        assert err.kind in KINDS
        assert "\n" not in str(err)
        return
    assert doc.sections, "a loaded document has at least one section"
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    assert all(0 <= p.section < len(doc.sections) for p in doc.paragraphs)


EXPECTED_KIND = {
    "robustness/msoffcrypto__example_password.docx": "encrypted",
    "robustness/derived__Mau-so-yeu-ly-lich-2_doc-renamed.docx": "not-docx",
    "robustness/pandoc__headers.odt": "not-docx",
    "robustness/poi__ExternalEntityInText.docx": "corrupt",
    "robustness/poi__truncated62886.docx": "corrupt",
    "robustness/synthetic__zero-byte.docx": "not-docx",
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(("name", "kind"), sorted(EXPECTED_KIND.items()))
def test_known_bad_files_get_the_right_kind(name: str, kind: str) -> None:
    with pytest.raises(DocxInputError) as info:
        load_document(CORPUS / name)
    assert info.value.kind == kind


# Letters of Vietnamese that English never uses: an English message must not contain them.
_VIETNAMESE_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ") | set("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(("name", "kind"), sorted(EXPECTED_KIND.items()))
def test_every_input_error_is_worded_in_both_languages(name: str, kind: str) -> None:
    with pytest.raises(DocxInputError) as info:
        load_document(CORPUS / name)
    vi, en = info.value.render("vi"), info.value.render("en")
    assert str(info.value) == vi and vi.startswith(str(CORPUS / name))
    assert vi != en and set(vi) & _VIETNAMESE_ONLY  # the default is Vietnamese
    assert not set(en.replace(str(CORPUS / name), "")) & _VIETNAMESE_ONLY, en


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("name", ["robustness/pandoc__alternate_document_path.docx",
                                  "robustness/docx2python__renamed_document_xml.docx",
                                  "robustness/pandoc__7691_strict.docx"])
def test_main_part_found_through_relationships_and_strict_namespaces(name: str) -> None:
    doc = load_document(CORPUS / name)
    assert any(p.text.strip() for p in doc.paragraphs)
