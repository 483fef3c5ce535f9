"""The recogniser's remembered text keys equal freshly computed ones, short or long."""
from __future__ import annotations

import pytest

from thethuc import textutil as text


@pytest.mark.parametrize("value", ["  Nơi  nhận:\t", "Uỷ ban – hoà", "ĐẢNG CỘNG SẢN VIỆT NAM", "a " * 1500])
def test_memo_matches_the_plain_function(value: str) -> None:
    for name in ("squash", "fold", "plain"):
        func = getattr(text, name)
        assert func(value) == func(value) == func.__wrapped__(value)


def test_memo_cleared_still_answers() -> None:
    first = text.fold("Kính gửi:")
    text.fold.cache_clear()
    assert text.fold("Kính gửi:") == first == "kính gửi:"


def test_pieces_are_remembered_per_document(tmp_path) -> None:
    from dataclasses import replace

    from thethuc.load import load_document
    from thethuc.recognise.layout import pieces
    from thethuc.testing.docx import DocxParts, para, write_docx

    body = para("Nơi nhận:", '<w:jc w:val="right"/><w:ind w:right="4000"/>')
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=body)))
    narrow = replace(doc.sections[0], page_width_twips=9000, margin_left_twips=1000, margin_right_twips=1000)
    other = replace(doc, sections=(narrow,))  # same paragraph object, another page
    wide_side = pieces(doc, doc.paragraphs[0])[0].side
    assert wide_side == "right"
    assert pieces(other, other.paragraphs[0])[0].side == "center"
    assert pieces(doc, doc.paragraphs[0])[0].side == wide_side
    first = pieces(doc, doc.paragraphs[0])
    first.clear()  # a caller's list is its own
    assert len(pieces(doc, doc.paragraphs[0])) == 1
