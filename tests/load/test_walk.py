"""Reading order and per-paragraph facts: tables (gridSpan, vMerge, nesting), text boxes, wrappers,
headers/footers, fields, sections, drawn lines, comments, tracked changes."""
from __future__ import annotations

from thethuc.testing.docx import para

from .conftest import Loader


def tc(content: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def tbl(rows: str, cols: int = 3) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in range(cols))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/>'
            f'<w:bottom w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>')


def test_table_cells_visual_columns_with_grid_span_v_merge_and_nesting(load: Loader) -> None:
    nested = tbl(f"<w:tr>{tc(para('N0'))}{tc(para('N1'))}</w:tr>", cols=2)
    span, restart, center = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', '<w:vAlign w:val="center"/>'
    rows = (f"<w:tr>{tc(para('A'), span)}{tc(para('B'), restart)}</w:tr>"
            f"<w:tr>{tc(para('C'))}{tc(nested + para('D'))}{tc(para('gone'), '<w:vMerge/>')}</w:tr>"
            f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{tc(para("E"), center)}</w:tr>')
    doc = load(body=para("before") + tbl(rows) + para("after"))
    got = [(p.text, p.location.table) for p in doc.paragraphs]
    assert got == [("before", None), ("A", (0, 0, 0)), ("B", (0, 0, 2)), ("C", (0, 1, 0)), ("N0", (0, 1, 1)),
                   ("N1", (0, 1, 1)), ("D", (0, 1, 1)), ("E", (0, 2, 1)), ("after", None)]
    assert [p.location.paragraph for p in doc.paragraphs] == list(range(1, 10))
    assert doc.paragraphs[7].cell_align == "center" and doc.paragraphs[1].cell_align == "top"
    outer, inner = doc.tables
    assert (outer.index, outer.rows, outer.columns, outer.nested, outer.first_paragraph) == (0, 3, 3, False, 1)
    assert (inner.index, inner.nested, inner.first_paragraph) == (1, True, 4)
    assert outer.has_visible_borders is False and outer.width_twips == 9000


def test_wrappers_are_transparent_and_deleted_text_skipped(load: Loader) -> None:
    body = ('<w:sdt><w:sdtContent><w:p><w:smartTag w:uri="u" w:element="e"><w:r><w:t>Hà </w:t></w:r></w:smartTag>'
            '<w:hyperlink r:id="x"><w:r><w:t>Nội</w:t></w:r></w:hyperlink>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>XÓA</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>,</w:t></w:r></w:ins>'
            '<w:customXml w:element="c"><w:r><w:t> ngày</w:t></w:r></w:customXml></w:p></w:sdtContent></w:sdt>')
    doc = load(body=body)
    assert doc.paragraphs[0].text == "Hà Nội, ngày"
    assert doc.tracked_changes is True


def test_no_tracked_changes_by_default(load: Loader) -> None:
    assert load(body=para("x")).tracked_changes is False


def test_special_characters_and_nfc(load: Loader) -> None:
    decomposed = "Vie\u0323\u0302t"  # "Việt" typed with combining marks
    body = (f'<w:p><w:r><w:t>{decomposed}</w:t><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:noBreakHyphen/>'
            '<w:sym w:font="Symbol" w:char="F02A"/></w:r></w:p>')
    p = load(body=body).paragraphs[0]
    assert p.text == "Việt\ta\nb-*"
    assert p.runs[0].text == p.text


def test_page_breaks(load: Loader) -> None:
    body = ('<w:p><w:r><w:t>one</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>' + para("two")
            + '<w:p><w:r><w:br w:type="page"/><w:t>three</w:t></w:r></w:p>'
            + para("four", '<w:pageBreakBefore/>') + para("five"))
    flags = [(p.text, p.page_break_before) for p in load(body=body).paragraphs]
    assert flags == [("one", False), ("two", True), ("three", True), ("four", True), ("five", False)]


TEXTBOX_DML = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
               '<wp:extent cx="100" cy="100"/>'
               '<a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx>'
               '<w:txbxContent><w:p><w:r><w:t>Hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
               '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
               '<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp</w:t></w:r></w:p></w:txbxContent></v:textbox>'
               '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_text_box_in_alternate_content_counted_once(load: Loader) -> None:
    doc = load(body=f"<w:p><w:r><w:t>neo</w:t></w:r>{TEXTBOX_DML}</w:p>" + para("sau"))
    assert [(p.text, p.location.textbox) for p in doc.paragraphs] == [("neo", False), ("Hộp", True), ("sau", False)]


def test_vml_text_box_without_choice(load: Loader) -> None:
    body = ('<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>cũ</w:t></w:r></w:p>'
            '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')
    assert [p.text for p in load(body=body).paragraphs] == ["", "cũ"]


def _section(headers: str, extra: str = "", w: int = 11906, h: int = 16838) -> str:
    return (f'<w:sectPr>{headers}<w:pgSz w:w="{w}" w:h="{h}"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
            f'w:left="1701" w:header="567" w:footer="567" w:gutter="284"/>{extra}</w:sectPr>')


def test_sections_title_page_inherited_refs_headers_and_fields(load: Loader) -> None:
    first = ('<w:headerReference w:type="default" r:id="rIdheader1"/>'
             '<w:headerReference w:type="first" r:id="rIdheader2"/>'
             '<w:footerReference w:type="default" r:id="rIdfooter1"/>')
    body = (f'<w:p><w:pPr>{_section(first, "<w:titlePg/>")}</w:pPr><w:r><w:t>s1</w:t></w:r></w:p>'
            + para("s2") + _section('<w:headerReference w:type="even" r:id="rIdheader3"/>', w=16838, h=11906))
    complex_page = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> page '
                    '</w:instrText></w:r><w:r><w:instrText>\\* MERGEFORMAT</w:instrText></w:r><w:r>'
                    '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r>'
                    '<w:fldChar w:fldCharType="end"/></w:r></w:p>')
    doc = load(body=body, headers={"header1": complex_page, "header2": para("first"), "header3": para("even")},
               footers={"footer1": '<w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r>'
                                   '</w:fldSimple></w:p>'},
               settings='<w:mirrorMargins/><w:evenAndOddHeaders/>')
    s1, s2 = doc.sections
    assert s1.title_page is True and s2.title_page is False
    assert (s1.first_paragraph, s2.first_paragraph) == (0, 1)
    assert s1.gutter_twips == 284 and s1.orientation == "portrait" and s2.orientation == "landscape"
    assert dict(s2.headers) == {"default": "word/header1.xml", "first": "word/header2.xml", "even": "word/header3.xml"}
    assert dict(s2.footers) == {"default": "word/footer1.xml"}
    assert doc.mirror_margins is True and doc.even_and_odd_headers is True
    parts = [(p.location.part, p.location.part_name, p.section, p.text) for p in doc.paragraphs]
    assert parts == [("document", "word/document.xml", 0, "s1"), ("document", "word/document.xml", 1, "s2"),
                     ("header", "word/header1.xml", 0, "2"), ("header", "word/header2.xml", 0, "first"),
                     ("header", "word/header3.xml", 1, "even"), ("footer", "word/footer1.xml", 0, "9")]
    page, footer = doc.paragraphs[2], doc.paragraphs[5]
    assert page.fields == ("PAGE",) and page.runs[0].is_field_result is True
    assert footer.fields == ("NUMPAGES",) and footer.runs[0].is_field_result is True
    assert doc.paragraphs[0].runs[0].is_field_result is False


def test_a_continuous_section_does_not_start_a_page(load: Loader) -> None:
    # Word writes <w:type w:val="continuous"/> in the sectPr of a section that goes on on the same page.
    body = (f'<w:p><w:pPr>{_section("", "")}</w:pPr><w:r><w:t>s1</w:t></w:r></w:p>'
            + para("s2") + _section('<w:type w:val="continuous"/>'))  # before pgSz, as in the schema
    s1, s2 = load(body=body).sections
    assert s1.new_page is True and s2.new_page is False


def test_no_section_properties_gives_word_default_section(load: Loader) -> None:
    doc = load(body=para("x") + "<w:sectPr/>")
    assert doc.sections[0].page_width_twips == 12240 and doc.sections[0].margin_top_twips == 1440


DML_LINE = ('<w:r><w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>914400</wp:posOffset>'
            '</wp:positionH><wp:extent cx="1800000" cy="0"/><a:graphic><a:graphicData><wps:wsp><wps:spPr>'
            '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:prstDash val="dash"/></a:ln>'
            '</wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
VML_LINE = ('<w:r><w:pict><v:line from="0,0" to="150pt,0" strokeweight="1pt" '
            'style="position:absolute;margin-left:10pt;mso-position-horizontal-relative:margin"/></w:pict></w:r>')
VML_CONNECTOR = ('<w:r><w:pict><v:shape type="#_x0000_t32" o:connectortype="straight" style="width:2in;height:0" '
                 'strokeweight=".5pt"/></w:pict></w:r>')


def test_drawn_lines_drawingml_and_vml(load: Loader) -> None:
    doc = load(body=f"<w:p>{DML_LINE}</w:p><w:p>{VML_LINE}{VML_CONNECTOR}</w:p>")
    (dml,), (vml, connector) = doc.paragraphs[0].lines, doc.paragraphs[1].lines
    assert (dml.kind, dml.width_emu, dml.height_emu, dml.stroke_emu, dml.dashed) == ("drawingml", 1800000, 0, 9525,
                                                                                     True)
    assert (dml.offset_x_emu, dml.relative_from) == (914400, "column")
    assert (vml.kind, vml.width_emu, vml.stroke_emu, vml.dashed) == ("vml", 150 * 12700, 12700, False)
    assert (vml.offset_x_emu, vml.relative_from) == (10 * 12700, "margin")
    assert (connector.width_emu, connector.stroke_emu) == (2 * 914400, 6350)


def test_drawn_line_in_alternate_content_counted_once(load: Loader) -> None:
    dml = DML_LINE.removeprefix("<w:r>").removesuffix("</w:r>")
    vml = VML_LINE.removeprefix("<w:r>").removesuffix("</w:r>")
    body = (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">{dml}</mc:Choice>'
            f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>')
    lines = load(body=body).paragraphs[0].lines
    assert [line.kind for line in lines] == ["drawingml"]


def test_rect_shape_is_not_a_line(load: Loader) -> None:
    rect = DML_LINE.replace('prst="line"', 'prst="rect"')
    assert load(body=f"<w:p>{rect}</w:p>").paragraphs[0].lines == ()


def test_comments_anchored_on_paragraphs(load: Loader) -> None:
    comments = ('<w:comment w:id="0" w:author="A"><w:p><w:r><w:t>Sai cỡ chữ</w:t></w:r></w:p>'
                '<w:p><w:r><w:t>sửa lại</w:t></w:r></w:p></w:comment>')
    body = ('<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>một</w:t></w:r></w:p>' + para("hai")
            + '<w:p><w:r><w:t>ba</w:t></w:r><w:commentRangeEnd w:id="0"/>'
              '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
            + para("bốn"))
    doc = load(body=body, comments=comments)
    assert [p.comments for p in doc.paragraphs] == [("Sai cỡ chữ\nsửa lại",)] * 3 + [()]


def test_app_properties(load: Loader) -> None:
    doc = load(body=para("x"), pages=3, application="LibreOffice/7.3")
    assert (doc.page_count, doc.application) == (3, "LibreOffice/7.3")
    doc = load(body=para("x"), application=None)
    assert (doc.page_count, doc.application) == (None, None)


def test_run_alternate_content_gives_text_in_place_and_the_run_keeps_its_own_rpr(load: Loader) -> None:
    # The branch's children are read where the AlternateContent stands; an rPr inside the branch is not
    # the run's, and the run's own rPr counts even after it (content._scan_run meets it in its loop).
    run = ('<w:r><w:t>a</w:t><mc:AlternateContent><mc:Choice Requires="w14"><w:rPr><w:b/></w:rPr>'
           '<w:t>b</w:t><mc:AlternateContent><mc:Choice Requires="w14"><w:t>nested</w:t></mc:Choice>'
           '</mc:AlternateContent></mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback>'
           '</mc:AlternateContent><w:t>c</w:t><w:rPr><w:i/></w:rPr><w:rPr><w:u/></w:rPr></w:r>')
    [p] = load(body=f"<w:p>{run}</w:p>").paragraphs
    assert p.text == "abc"
    assert (p.runs[0].bold.value, p.runs[0].italic.value, p.runs[0].underline.value) == (False, True, "none")
