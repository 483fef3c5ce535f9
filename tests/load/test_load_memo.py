"""The load stage resolves each distinct (pPr/rPr, style, table cell) once per document: sharing must
never leak formatting between paragraphs whose context differs, nor change labels or warnings."""
from __future__ import annotations

from dataclasses import fields

from lxml import etree

from thethuc.load.cascade import _RUN_FIELDS, paragraph_key, run_key
from thethuc.model import Run
from thethuc.testing.docx import para

from .conftest import Loader, styles_with
from .test_cascade import NO_DEFAULTS, TABLE_STYLE, style, styled_para

BOLD = "<w:b/>"
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
NUMBERING = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def test_resolved_values_follow_the_run_field_order() -> None:
    # Builder passes run_values positionally after ``text``: the orders must agree.
    assert tuple(_RUN_FIELDS.values()) == tuple(f.name for f in fields(Run))[1:1 + len(_RUN_FIELDS)]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _el(xml: str) -> etree._Element:
    return etree.fromstring(f"<x {W}>{xml}</x>")[0]


def test_run_key_tells_read_properties_apart_and_ignores_the_rest() -> None:
    one = _el('<w:rPr><w:b/><w:lang w:val="vi-VN"/><w:sz w:val="28"/></w:rPr>tail')
    two = _el('<w:rPr><w:b/><w:szCs w:val="26"/><w:sz w:val="28"/><w:bCs/></w:rPr>')
    assert run_key(one) == run_key(two)
    for other in ('<w:rPr><w:i/><w:sz w:val="28"/></w:rPr>', '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr>',
                  '<w:rPr><w:sz w:val="28"/><w:b/></w:rPr>',  # order: the last of a repeated child wins
                  '<w:rPr><w:b/><w:sz val="28"/></w:rPr>',  # an unqualified attribute is read too
                  '<w:rPr><w:b w:val="0"/><w:sz w:val="28"/></w:rPr>',
                  '<w:rPr><w:rStyle w:val="X"/><w:b/><w:sz w:val="28"/></w:rPr>'):
        assert run_key(_el(other)) != run_key(one), other
    # Nothing read: formats as a run without rPr.
    assert run_key(_el('<w:rPr><w:lang w:val="vi-VN"/></w:rPr>')) is None
    assert run_key(None) is None


def test_paragraph_key_tells_read_properties_and_the_mark_apart() -> None:
    base = '<w:pPr><w:jc w:val="center"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>{}</w:pPr>'
    one = _el(base.format('<w:widowControl/><w:sectPr><w:pgSz w:w="11906"/></w:sectPr>'))
    assert paragraph_key(one) == paragraph_key(_el(base.format("")))
    for other in (base.replace("center", "right"), base.replace("720", "1440"), base.format('<w:rPr/>'),
                  base.format('<w:rPr><w:b/></w:rPr>'), base.format('<w:pStyle w:val="X"/>'),
                  base.format('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>'),
                  base.replace('<w:tab w:val="left" w:pos="720"/>', '<w:tab w:val="left" w:pos="720"/><w:tab/>')):
        assert paragraph_key(_el(other.format(""))) != paragraph_key(one), other
    # A stop inside a stop is not a stop of w:tabs (read_ppr reads w:tabs' own children): the
    # nesting is part of the key, and what the inner one holds is not.
    two = base.replace('<w:tab w:val="left" w:pos="720"/>', '<w:tab w:val="left" w:pos="720"/><w:tab/>')
    nested = base.replace('<w:tab w:val="left" w:pos="720"/>', '<w:tab w:val="left" w:pos="720"><w:tab/></w:tab>')
    assert paragraph_key(_el(nested.format(""))) == paragraph_key(_el(base.format(""))) != paragraph_key(
        _el(two.format("")))
    assert paragraph_key(_el(base.format('<w:rPr><w:b/><w:lang w:val="vi"/></w:rPr>'))) == paragraph_key(
        _el(base.format('<w:rPr><w:b/></w:rPr>')))
    assert paragraph_key(_el('<w:pPr><w:snapToGrid w:val="0"/></w:pPr>')) is None
    assert paragraph_key(None) is None


def test_same_direct_formatting_under_different_styles_is_resolved_per_style(load: Loader) -> None:
    styles = styles_with(style("Big", '<w:sz w:val="32"/>', name="Big"), style("Small", '<w:sz w:val="20"/>',
                                                                                name="Small"))
    doc = load(body=styled_para("a", "Big", BOLD) + styled_para("b", "Small", BOLD) + styled_para("c", "Big", BOLD),
               styles=styles)
    sizes = [(p.runs[0].size_half_pt.value, p.runs[0].size_half_pt.source) for p in doc.paragraphs]
    assert sizes == [(32, "style:Big"), (20, "style:Small"), (32, "style:Big")]
    assert all(p.runs[0].bold.value for p in doc.paragraphs)


def test_same_paragraph_in_first_row_and_body_row_of_a_table_differs(load: Loader) -> None:
    first_row_centred = TABLE_STYLE.replace('<w:tblStylePr w:type="firstRow">',
                                            '<w:tblStylePr w:type="firstRow"><w:pPr><w:jc w:val="center"/></w:pPr>')
    spaced = para("same", '<w:spacing w:after="120"/>')
    cell = f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{spaced}</w:tc>'
    rows = f"<w:tr>{cell}</w:tr>" * 3
    table = (f'<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblLook w:val="0020"/></w:tblPr>'
             f'<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>{rows}</w:tbl>')
    doc = load(body=table + spaced, styles=styles_with(first_row_centred, defaults=NO_DEFAULTS))
    assert [p.runs[0].bold.value for p in doc.paragraphs] == [True, False, False, False]
    assert [p.runs[0].size_half_pt.value for p in doc.paragraphs] == [24, 24, 24, 20]
    assert [p.fmt.align.value for p in doc.paragraphs] == ["center", "left", "left", "left"]
    assert {p.fmt.space_after_twips.value for p in doc.paragraphs} == {120}


def test_repeated_numbered_paragraphs_still_count(load: Loader) -> None:
    doc = load(body=para("a", NUMBERED) * 3, numbering=NUMBERING)
    assert [p.fmt.numbering_label for p in doc.paragraphs] == ["1.", "2.", "3."]


def test_formatting_does_not_depend_on_what_came_before(load: Loader) -> None:
    styles = styles_with(style("Big", '<w:sz w:val="32"/>', name="Big"))
    pieces = [styled_para("a", "Big", BOLD), styled_para("b", None, BOLD), para("c", '<w:jc w:val="right"/>'),
              para("d", '<w:jc w:val="right"/><w:rPr><w:i/></w:rPr>'), styled_para("e", "Big", '<w:i/>')]
    forward = load(body="".join(pieces), styles=styles).paragraphs
    backward = load(body="".join(reversed(pieces)), styles=styles).paragraphs[::-1]
    for one, other in zip(forward, backward, strict=True):
        assert (one.text, one.runs, one.mark, one.fmt) == (other.text, other.runs, other.mark, other.fmt)


def test_paragraph_mark_follows_its_own_rpr(load: Loader) -> None:
    marked = para("", '<w:jc w:val="center"/><w:rPr><w:b/></w:rPr>')
    plain = para("", '<w:jc w:val="center"/>')
    doc = load(body=marked + plain + marked)
    assert [p.mark.bold.value for p in doc.paragraphs if p.mark] == [True, False, True]


def test_warnings_are_given_once_in_reading_order(load: Loader) -> None:
    bad_size = styled_para("a", None, '<w:sz w:val="abc"/>')
    bad_align = para("b", '<w:jc w:val="sideways"/>')
    doc = load(body=bad_size + bad_align + bad_size + bad_align)
    assert [w for w in doc.warnings if "abc" in w or "sideways" in w] == [
        "ignored font size w:sz='abc'", "ignored unknown alignment w:jc='sideways'"]
