"""A document built the way Word writes an HD36 header block, and the same document after LibreOffice
has rewritten it: effective sizes, fonts and bold must come out the same."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from thethuc.load import load_document
from thethuc.model import Document
from thethuc.testing.docx import DocxParts, para, theme_xml, write_docx

from .conftest import styles_with

NORMAL_14 = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
             '<w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>')
TEN_LOAI = ('<w:style w:type="paragraph" w:styleId="TenLoai"><w:name w:val="Ten loai"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:jc w:val="center"/><w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>'
            '</w:style>')
LINE_UNDER_TITLE = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH '
                    'relativeFrom="column"><wp:posOffset>600000</wp:posOffset></wp:positionH><wp:extent cx="2520000" '
                    'cy="0"/><a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="line">'
                    '<a:avLst/></a:prstGeom><a:ln w="6350"/></wps:spPr></wps:wsp></a:graphicData></a:graphic>'
                    '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                    '<v:line from="0,0" to="198.45pt,0" strokeweight=".5pt"/></w:pict></mc:Fallback>'
                    '</mc:AlternateContent></w:r>')
CENTER = '<w:jc w:val="center"/>'


def _cell(width: int, content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def header_block() -> str:
    left = para("TỈNH ỦY HÀ NAM", CENTER, "<w:b/>") + para("*", CENTER) + para("Số 12-NQ/TU", CENTER)
    right = (para("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, '<w:b/><w:sz w:val="30"/>')
             + f"<w:p><w:pPr>{CENTER}</w:pPr>{LINE_UNDER_TITLE}</w:p>"
             + para("Hà Nam, ngày 03 tháng 4 năm 2018", '<w:jc w:val="right"/>', "<w:i/>"))
    return ('<w:tbl><w:tblPr><w:tblW w:w="9356" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
            '<w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
            '</w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="3686"/>'
            '<w:gridCol w:w="5670"/>'
            f'</w:tblGrid><w:tr>{_cell(3686, left)}{_cell(5670, right)}</w:tr></w:tbl>')


def build(path: Path) -> Path:
    body = (header_block() + '<w:p><w:pPr><w:pStyle w:val="TenLoai"/></w:pPr><w:r><w:t>NGHỊ QUYẾT</w:t></w:r></w:p>'
            + para("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", '<w:ind w:firstLine="567"/><w:jc w:val="both"/>'))
    styles = styles_with(TEN_LOAI).replace(
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
        NORMAL_14)
    return write_docx(path, DocxParts(body=body, styles=styles, theme=theme_xml("Times New Roman")))


# text → (size in half-points, bold, italic)
EXPECTED = {
    "TỈNH ỦY HÀ NAM": (28, True, False),
    "*": (28, False, False),
    "Số 12-NQ/TU": (28, False, False),
    "ĐẢNG CỘNG SẢN VIỆT NAM": (30, True, False),
    "Hà Nam, ngày 03 tháng 4 năm 2018": (28, False, True),
    "NGHỊ QUYẾT": (32, True, False),
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;": (28, False, False),
}


def effective(doc: Document) -> dict[str, tuple[int, bool, bool]]:
    return {p.text: (p.runs[0].size_half_pt.value, p.runs[0].bold.value, p.runs[0].italic.value)
            for p in doc.body() if p.text in EXPECTED}


def test_word_like_document(tmp_path: Path) -> None:
    doc = load_document(build(tmp_path / "nq.docx"))
    assert effective(doc) == EXPECTED
    by_text = {p.text: p for p in doc.body()}
    title = by_text["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert title.location.table == (0, 0, 1) and by_text["TỈNH ỦY HÀ NAM"].location.table == (0, 0, 0)
    assert title.runs[0].size_half_pt.source == "direct"
    assert by_text["*"].runs[0].size_half_pt.source == "style:Normal"
    assert by_text["NGHỊ QUYẾT"].runs[0].bold.source == "style:Ten loai"
    for p in doc.body():
        for run in p.runs:
            assert (run.font_hansi.value, run.font_hansi.source) == ("Times New Roman", "docDefaults/theme:minorHAnsi")
    line_para = doc.body()[title.index + 1]
    assert [(ln.kind, ln.width_emu, ln.stroke_emu) for ln in line_para.lines] == [("drawingml", 2520000, 6350)]
    assert doc.tables[0].has_visible_borders is False and doc.tables[0].columns == 2
    body_para = by_text["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"]
    assert body_para.fmt.align.value == "justify" and body_para.fmt.indent_first_line_twips.value == 567


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_rewrite_keeps_effective_formatting(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    source = build(tmp_path / "in" / "nq.docx")
    out = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: other LibreOffice runs may be active
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    doc = load_document(out / "nq.docx")
    assert doc.application is not None and "LibreOffice" in doc.application
    assert effective(doc) == EXPECTED
