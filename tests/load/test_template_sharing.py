"""Documents of one template share the styles/theme/numbering parse and the cascade memo; a
document must never notice: same formatting, same warnings in the same order, and no sharing
between documents whose parts differ by a single byte."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from thethuc.load import template
from thethuc.testing.docx import para, theme_xml

from .conftest import Loader, styles_with
from .test_cascade import style, styled_para

BAD_STYLE = style("Odd", '<w:sz w:val="abc"/><w:b/>', name="Odd")
BIG = style("Big", '<w:sz w:val="32"/>', name="Big")
THEMED_RUN = '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>'


@pytest.fixture(autouse=True)
def fresh_templates() -> Iterator[None]:
    template.cache_clear()
    yield
    template.cache_clear()


def _body() -> str:
    return (styled_para("a", "Odd") + styled_para("b", "Missing") + para("c", '<w:jc w:val="sideways"/>')
            + styled_para("d", "Big", "<w:i/>"))


def test_a_second_document_of_the_template_reports_the_same_warnings(load: Loader) -> None:
    styles = styles_with(BAD_STYLE, BIG)
    first = load(body=_body(), styles=styles)
    # Only the ``Big`` paragraph: every other key is already in the shared memo, yet the
    # warnings its style chain and docDefaults gave must still be this document's.
    second = load(body=styled_para("a", "Odd") + styled_para("b", "Missing"), styles=styles)
    assert "ignored font size w:sz='abc'" in first.warnings
    assert second.warnings == tuple(w for w in first.warnings if "sideways" not in w)
    assert [p.runs[0].bold.value for p in second.paragraphs] == [True, False]


def test_shared_resolutions_equal_fresh_ones(load: Loader) -> None:
    styles = styles_with(BAD_STYLE, BIG)
    shared = [load(body=_body(), styles=styles) for _ in range(2)][1]
    template.cache_clear()
    fresh = load(body=_body(), styles=styles)
    for one, other in zip(shared.paragraphs, fresh.paragraphs, strict=True):
        assert (one.text, one.runs, one.mark, one.fmt) == (other.text, other.runs, other.mark, other.fmt)
    assert shared.warnings == fresh.warnings


def test_documents_of_one_template_share_one_parse(load: Loader) -> None:
    load(body=para("a"), styles=styles_with(BIG))
    load(body=para("b"), styles=styles_with(BIG))
    assert len(template._TEMPLATES) == 1
    load(body=para("c"), styles=styles_with(BIG, BAD_STYLE))
    assert len(template._TEMPLATES) == 2


def test_a_different_theme_is_another_template(load: Loader) -> None:
    body = para("chữ", rpr=THEMED_RUN)
    times = load(body=body, theme=theme_xml(minor_latin="Times New Roman"))
    arial = load(body=body, theme=theme_xml(minor_latin="Arial"))
    assert times.paragraphs[0].runs[0].font_ascii.value == "Times New Roman"
    assert arial.paragraphs[0].runs[0].font_ascii.value == "Arial"


def test_a_different_styles_part_is_another_template(load: Loader) -> None:
    small = style("Big", '<w:sz w:val="20"/>', name="Big")
    sizes = [load(body=styled_para("x", "Big"), styles=styles_with(s)).paragraphs[0].runs[0].size_half_pt.value
             for s in (BIG, small, BIG)]
    assert sizes == [32, 20, 32]


def test_memo_of_a_long_used_template_is_started_afresh(load: Loader, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template, "MAX_MEMO_ENTRIES", 3)
    styles = styles_with(BIG)
    load(body=styled_para("a", "Big", "<w:i/>") + styled_para("b", "Big", "<w:b/>"), styles=styles)
    (before,) = template._TEMPLATES.values()
    doc = load(body=styled_para("c", "Big", "<w:i/>"), styles=styles)
    (after,) = template._TEMPLATES.values()
    assert after.memo is not before.memo and after.styles is before.styles
    assert doc.paragraphs[0].runs[0].size_half_pt.value == 32 and doc.paragraphs[0].runs[0].italic.value
