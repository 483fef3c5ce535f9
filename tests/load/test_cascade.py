"""Effective run/paragraph formatting, layer by layer (docDefaults → table style → paragraph style →
numbering → character style → direct), with provenance."""
from __future__ import annotations

import pytest

from thethuc.testing.docx import para, theme_xml

from .conftest import Loader, styles_with

NO_DEFAULTS = "<w:docDefaults/>"


def style(style_id: str, rpr: str = "", ppr: str = "", kind: str = "paragraph", based_on: str | None = None,
          name: str | None = None) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name or style_id}"/>{based}'
            f'{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}</w:style>')


def styled_para(text: str, pstyle: str | None = None, rpr: str = "", rstyle: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{pstyle}"/></w:pPr>' if pstyle else ""
    rs = f'<w:rStyle w:val="{rstyle}"/>' if rstyle else ""
    return f'<w:p>{ppr}<w:r><w:rPr>{rs}{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>'


def test_nothing_set_gives_word_fallbacks(load: Loader) -> None:
    run = load(body=para("x"), styles=None).paragraphs[0].runs[0]
    assert (run.size_half_pt.value, run.size_half_pt.source) == (20, "default")
    assert (run.font_hansi.value, run.font_hansi.source) == ("Times New Roman", "default")
    assert (run.bold.value, run.bold.source) == (False, "default")


def test_doc_defaults_only(load: Loader) -> None:
    defaults = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
                '<w:sz w:val="26"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/>'
                '</w:pPr></w:pPrDefault></w:docDefaults>')
    p = load(body=para("x"), styles=styles_with(defaults=defaults)).paragraphs[0]
    assert (p.runs[0].size_half_pt.value, p.runs[0].size_half_pt.source) == (26, "docDefaults")
    assert (p.runs[0].font_hansi.value, p.runs[0].font_hansi.source) == ("Arial", "docDefaults")
    assert (p.fmt.space_after_twips.value, p.fmt.space_after_twips.source) == (120, "docDefaults")


def test_normal_style_sets_size_over_doc_defaults(load: Loader) -> None:
    styles = styles_with(defaults=NO_DEFAULTS).replace(
        '<w:name w:val="Normal"/><w:qFormat/>', '<w:name w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="28"/></w:rPr>')
    run = load(body=para("x"), styles=styles).paragraphs[0].runs[0]
    assert (run.size_half_pt.value, run.size_half_pt.source) == (28, "style:Normal")


def test_based_on_chain_names_the_style_that_set_each_value(load: Loader) -> None:
    styles = styles_with(style("Base", '<w:sz w:val="30"/><w:i/>', name="Base Style"),
                         style("Child", '<w:b/>', '<w:jc w:val="center"/>', based_on="Base"))
    p = load(body=styled_para("x", "Child"), styles=styles).paragraphs[0]
    run = p.runs[0]
    assert (run.size_half_pt.value, run.size_half_pt.source) == (30, "style:Base Style")
    assert (run.bold.value, run.bold.source) == (True, "style:Child")
    assert run.italic.value is True
    assert (p.fmt.align.value, p.fmt.align.source) == ("center", "style:Child")
    assert p.fmt.style_id == "Child"


def test_based_on_cycle_terminates(load: Loader) -> None:
    styles = styles_with(style("A", '<w:sz w:val="24"/>', based_on="B"), style("B", "", based_on="A"))
    run = load(body=styled_para("x", "A"), styles=styles).paragraphs[0].runs[0]
    assert run.size_half_pt.value == 24


def test_dangling_paragraph_style_uses_default_and_warns(load: Loader) -> None:
    doc = load(body=styled_para("x", "Missing"))
    assert doc.paragraphs[0].fmt.style_id == "Normal"
    assert any("Missing" in w for w in doc.warnings)


TABLE_STYLE = style("Grid", kind="table", rpr='<w:sz w:val="24"/>', name="Grid Table").replace(
    "</w:style>", '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>')


def _table(look: str) -> str:
    cell = '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{}</w:tc>'
    rows = "".join(f"<w:tr>{cell.format(para(f'r{r}'))}</w:tr>" for r in range(2))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/>{look}</w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>{rows}</w:tbl>')


@pytest.mark.parametrize("look", [
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" '
    'w:noVBand="1"/>',
    '<w:tblLook w:val="0020"/>',  # legacy hex only: 0x20 = firstRow
])
def test_table_style_whole_table_and_first_row_bold(load: Loader, look: str) -> None:
    doc = load(body=_table(look) + para("after"), styles=styles_with(TABLE_STYLE, defaults=NO_DEFAULTS))
    first, second, after = doc.paragraphs
    assert (first.runs[0].bold.value, first.runs[0].bold.source) == (True, "table-style:Grid Table")
    assert second.runs[0].bold.value is False
    assert (second.runs[0].size_half_pt.value, second.runs[0].size_half_pt.source) == (24, "table-style:Grid Table")
    assert after.runs[0].size_half_pt.source == "default"


def test_first_row_branch_off_when_tbl_look_disables_it(load: Loader) -> None:
    doc = load(body=_table('<w:tblLook w:firstRow="0"/>'), styles=styles_with(TABLE_STYLE))
    assert doc.paragraphs[0].runs[0].bold.value is False


def test_paragraph_style_beats_table_style(load: Loader) -> None:
    styles = styles_with(TABLE_STYLE, defaults=NO_DEFAULTS).replace(
        '<w:name w:val="Normal"/><w:qFormat/>', '<w:name w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="28"/></w:rPr>')
    doc = load(body=_table('<w:tblLook w:val="0000"/>'), styles=styles)
    assert doc.paragraphs[0].runs[0].size_half_pt.value == 28


def test_toggle_bold_in_paragraph_and_character_style_cancels(load: Loader) -> None:
    styles = styles_with(style("Heading", "<w:b/>", name="Heading X"),
                         style("Strong", "<w:b/>", kind="character", name="Strong"))
    run = load(body=styled_para("x", "Heading", rstyle="Strong"), styles=styles).paragraphs[0].runs[0]
    assert run.bold.value is False
    assert run.bold.source == "style:Strong"


def test_toggle_from_one_level_only_is_bold(load: Loader) -> None:
    styles = styles_with(style("Strong", "<w:b/>", kind="character", name="Strong"))
    run = load(body=styled_para("x", rstyle="Strong"), styles=styles).paragraphs[0].runs[0]
    assert (run.bold.value, run.bold.source) == (True, "style:Strong")


def test_direct_bold_off_beats_bold_style(load: Loader) -> None:
    styles = styles_with(style("Heading", "<w:b/>"))
    run = load(body=styled_para("x", "Heading", rpr='<w:b w:val="0"/>'), styles=styles).paragraphs[0].runs[0]
    assert (run.bold.value, run.bold.source) == (False, "direct")


def test_direct_bold_is_absolute_over_two_bold_styles(load: Loader) -> None:
    styles = styles_with(style("Heading", "<w:b/>"), style("Strong", "<w:b/>", kind="character"))
    run = load(body=styled_para("x", "Heading", rpr="<w:b/>", rstyle="Strong"), styles=styles).paragraphs[0].runs[0]
    assert run.bold.value is True


@pytest.mark.parametrize(("spelling", "expected"), [
    ('<w:b/>', True), ('<w:b w:val="1"/>', True), ('<w:b w:val="true"/>', True), ('<w:b w:val="on"/>', True),
    ('<w:b w:val="0"/>', False), ('<w:b w:val="false"/>', False), ('<w:b w:val="off"/>', False),
])
def test_on_off_spellings(load: Loader, spelling: str, expected: bool) -> None:
    run = load(body=styled_para("x", rpr=spelling)).paragraphs[0].runs[0]
    assert run.bold.value is expected


def test_rfonts_ascii_only_keeps_hansi_from_below(load: Loader) -> None:
    styles = styles_with(style("Body", '<w:rFonts w:ascii="Arial"/>'), defaults=(
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
        '</w:rPr></w:rPrDefault></w:docDefaults>'))
    run = load(body=styled_para("Việt", "Body"), styles=styles).paragraphs[0].runs[0]
    assert (run.font_ascii.value, run.font_ascii.source) == ("Arial", "style:Body")
    assert (run.font_hansi.value, run.font_hansi.source) == ("Times New Roman", "docDefaults")


def test_theme_fonts_minor_and_major(load: Loader) -> None:
    styles = styles_with(style("Title", '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/>'))
    doc = load(body=para("body") + styled_para("title", "Title"), styles=styles,
               theme=theme_xml(minor_latin="Times New Roman", major_latin="Cambria"))
    body, title = (p.runs[0] for p in doc.paragraphs)
    assert (body.font_hansi.value, body.font_hansi.source) == ("Times New Roman", "docDefaults/theme:minorHAnsi")
    assert (title.font_hansi.value, title.font_hansi.source) == ("Cambria", "style:Title/theme:majorHAnsi")
    assert (body.font_cs.value, body.font_cs.source) == ("Arial", "docDefaults/theme:minorBidi")


def test_theme_attribute_beats_literal(load: Loader) -> None:
    # Word renders the theme font when both are present (python-docx #1089).
    rpr = '<w:rFonts w:ascii="Arial" w:asciiTheme="minorHAnsi" w:hAnsi="Arial" w:hAnsiTheme="minorHAnsi"/>'
    run = load(body=styled_para("x", rpr=rpr), theme=theme_xml("Times New Roman")).paragraphs[0].runs[0]
    assert (run.font_hansi.value, run.font_hansi.source) == ("Times New Roman", "direct/theme:minorHAnsi")


def test_missing_theme_gives_none_and_warning(load: Loader) -> None:
    doc = load(body=para("x"), theme=None)
    run = doc.paragraphs[0].runs[0]
    assert run.font_hansi.value is None
    assert run.font_hansi.source == "docDefaults/theme:minorHAnsi"
    assert "unresolved theme font minorHAnsi" in doc.warnings


def test_cs_theme_spelling_accepted(load: Loader) -> None:
    run = load(body=styled_para("x", rpr='<w:rFonts w:csTheme="minorBidi"/>')).paragraphs[0].runs[0]
    assert (run.font_cs.value, run.font_cs.source) == ("Arial", "direct/theme:minorBidi")


@pytest.mark.parametrize(("value", "expected", "source"), [("28.0", 28, "direct"), ("14pt", 28, "direct"),
                                                           ("big", 22, "docDefaults")])
def test_size_spellings(load: Loader, value: str, expected: int, source: str) -> None:
    doc = load(body=styled_para("x", rpr=f'<w:sz w:val="{value}"/>'))
    size = doc.paragraphs[0].runs[0].size_half_pt
    assert (size.value, size.source) == (expected, source)
    assert any("big" in w for w in doc.warnings) == (value == "big")


def test_character_style_and_color(load: Loader) -> None:
    styles = styles_with(style("Red", '<w:color w:val="ff0000" w:themeColor="accent2"/><w:sz w:val="26"/>',
                               kind="character"))
    run = load(body=styled_para("x", rstyle="Red"), styles=styles).paragraphs[0].runs[0]
    assert (run.color.value, run.color.source) == ("FF0000", "style:Red")
    assert run.size_half_pt.value == 26


def test_paragraph_properties_merge_per_attribute(load: Loader) -> None:
    styles = styles_with(style("Body", ppr='<w:spacing w:before="120" w:line="360" w:lineRule="auto"/>'
                                           '<w:ind w:firstLine="720"/>'))
    direct = ('<w:p><w:pPr><w:pStyle w:val="Body"/><w:spacing w:after="60"/><w:ind w:start="100" w:hanging="200"/>'
              '<w:jc w:val="both"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    fmt = load(body=direct, styles=styles).paragraphs[0].fmt
    assert (fmt.space_before_twips.value, fmt.space_before_twips.source) == (120, "style:Body")
    assert (fmt.space_after_twips.value, fmt.space_after_twips.source) == (60, "direct")
    assert (fmt.line_value.value, fmt.line_rule.value) == (360, "auto")
    assert (fmt.indent_left_twips.value, fmt.indent_first_line_twips.value) == (100, -200)
    assert fmt.align.value == "justify"


@pytest.mark.parametrize(("jc", "expected"), [("start", "left"), ("end", "right"), ("center", "center"),
                                              ("distribute", "distribute"), ("weird", "left")])
def test_alignment_mapping(load: Loader, jc: str, expected: str) -> None:
    doc = load(body=para("x", f'<w:jc w:val="{jc}"/>'))
    assert doc.paragraphs[0].fmt.align.value == expected
    assert any("weird" in w for w in doc.warnings) == (jc == "weird")


def test_autospacing_and_borders(load: Loader) -> None:
    ppr = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
           '<w:spacing w:before="0" w:beforeAutospacing="1"/>')
    fmt = load(body=para("x", ppr)).paragraphs[0].fmt
    assert fmt.space_before_twips.value == 280
    assert fmt.border_bottom.value is not None and fmt.border_bottom.value.size_eighth_pt == 6
    assert fmt.border_top.value is None


def test_paragraph_mark_formatting(load: Loader) -> None:
    p = load(body='<w:p><w:pPr><w:rPr><w:sz w:val="28"/><w:b/></w:rPr></w:pPr></w:p>').paragraphs[0]
    assert p.runs == ()
    assert p.mark is not None and p.mark.size_half_pt.value == 28 and p.mark.bold.value is True


def test_vertical_alignment_from_a_character_style_and_direct(load: Loader) -> None:
    """Drafters' initials lowered after the last recipient (w:vertAlign), typed directly or through
    Word's built-in "Subscript"-like character style; the size check skips them."""
    style = ('<w:style w:type="character" w:customStyle="1" w:styleId="KyHieu"><w:name w:val="Ky hieu"/>'
             '<w:rPr><w:vertAlign w:val="subscript"/><w:sz w:val="16"/></w:rPr></w:style>')
    body = ('<w:p><w:r><w:t xml:space="preserve">- Lưu VT</w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="KyHieu"/></w:rPr><w:t>NVA</w:t></w:r>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>(1)</w:t></w:r></w:p>')
    runs = load(body=body, styles=styles_with(style)).paragraphs[0].runs
    assert [(r.vert_align.value, r.vert_align.source) for r in runs] == [
        ("baseline", "default"), ("subscript", "style:Ky hieu"), ("superscript", "direct")]
