"""Issue 16's look-ups in the load stage answer exactly as the ``find`` they replace."""
from __future__ import annotations

import itertools
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from thethuc.load.cascade import Resolver
from thethuc.load.numbering import Numbering
from thethuc.load.ooxml import first_child, qn, wattr
from thethuc.load.styles import StyleIndex, parse_styles
from thethuc.load.tables import TableContext, branches_on, defined_branches, styled_branches
from thethuc.load.theme import FontScheme
from thethuc.load.walk import PartWalker, Site

from .conftest import CORPUS, styles_with
from .test_cascade import TABLE_STYLE, style

ROOT = Path(__file__).resolve().parents[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PPR_SECT_PR = f"{qn('w:pPr')}/{qn('w:sectPr')}"


def _documents() -> list[Path]:
    folders = (CORPUS / "vn", CORPUS / "robustness", ROOT / "tests" / "realdocs" / "files")
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.docx"))


def _roots() -> list[etree._Element]:
    roots = []
    for path in _documents():
        try:
            with zipfile.ZipFile(path) as zf:
                roots.append(etree.fromstring(zf.read("word/document.xml")))
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, OSError):
            continue
    return roots


@pytest.mark.parametrize("xml", [
    "<w:p><w:pPr/><w:r/></w:p>", "<w:p><w:r/><w:pPr><w:jc/></w:pPr><w:pPr/></w:p>", "<w:p><w:r/></w:p>",
    "<w:p/>", "<w:p><!-- c --><w:pPr/></w:p>", "<w:p><w:pPr/><w:pPr/></w:p>"])
def test_first_child_is_find(xml: str) -> None:
    p = etree.fromstring(f"<x {W}>{xml}</x>", etree.XMLParser(remove_comments=False))[0]
    assert first_child(p, qn("w:pPr")) is p.find(qn("w:pPr"))


class _Sink:
    def paragraph(self, *_: Any) -> None: ...
    def table(self, *_: Any) -> int: return 0
    def section_end(self, *_: Any) -> None: ...


def _section_breaks(root: etree._Element) -> list[tuple[etree._Element, etree._Element | None]]:
    walker = PartWalker(_Sink(), StyleIndex({}, None, None, None, None), Site("document", "word/document.xml"))
    return [(p, walker._section_break(p)) for p in root.iter(qn("w:p"))]


def test_section_break_is_the_path_search_on_odd_paragraphs() -> None:
    body = ('<w:body><w:p><w:pPr/><w:pPr><w:sectPr w:rsidR="2"/></w:pPr></w:p>'  # in the second pPr
            '<w:p><w:r><w:sectPr/></w:r></w:p>'  # a grandchild, not under pPr
            '<w:p><w:pPr><w:rPr><w:sectPr/></w:rPr></w:pPr></w:p>'  # too deep
            '<w:p><w:pPr><w:sectPr w:rsidR="1"/><w:sectPr/></w:pPr></w:p><w:p/><w:sectPr/></w:body>')
    got = _section_breaks(etree.fromstring(f"<w:document {W}>{body}</w:document>"))
    assert [found for _, found in got] == [p.find(PPR_SECT_PR) for p, _ in got]
    assert sum(found is not None for _, found in got) == 2


@pytest.mark.skipif(not _documents(), reason="no corpus or real documents present")
def test_section_break_is_the_path_search_on_every_real_paragraph() -> None:
    found = 0
    for root in _roots():
        for p, sect_pr in _section_breaks(root):
            assert sect_pr is p.find(PPR_SECT_PR)
            found += sect_pr is not None
    assert found > 20


def _table_levels(styles: StyleIndex, ctx: TableContext | None) -> tuple[Any, ...]:
    resolver = Resolver(styles, FontScheme(), Numbering())
    return resolver._table_level(ctx, "rpr"), resolver._table_level(ctx, "ppr"), resolver.warnings


def _assert_contexts_read_alike(styles: StyleIndex, used: set[str] | None = None) -> int:
    """The context walk._table gives a cell (None without a table style, else its styled branches)
    reads what a context of all the cell's branches reads."""
    compared = 0
    looks = [dict(zip(("firstRow", "lastRow", "firstColumn", "lastColumn", "noHBand", "noVBand"), bits, strict=True))
             for bits in itertools.product((False, True), repeat=6)]
    for style_id in [None, *(s.style_id for s in styles.styles.values()
                             if s.kind == "table" and (used is None or s.style_id in used))]:
        defined = defined_branches(style_id, styles)
        pairs = {(branches_on(look, row, col, 4, 3), styled_branches(look, row, col, 4, 3, defined))
                 for look, row, col in itertools.product(looks, range(4), range(3))}
        for branches, styled in pairs:
            walked = TableContext(style_id, styled) if style_id else None
            assert _table_levels(styles, walked) == _table_levels(styles, TableContext(style_id, branches))
            compared += 1
    return compared


def test_a_cell_context_reads_the_table_style_as_all_its_branches_do() -> None:
    banded = style("Banded", kind="table", based_on="Grid", name="Banded").replace(
        "</w:style>", '<w:tblStylePr w:type="band1Horz"><w:pPr><w:jc w:val="abc"/></w:pPr>'
                      '<w:rPr><w:i/></w:rPr></w:tblStylePr></w:style>')
    plain = style("Plain", kind="table", rpr='<w:sz w:val="22"/>', name="Plain")
    root = etree.fromstring(f"<w:styles {W}>{styles_with(TABLE_STYLE, banded, plain)}</w:styles>")
    assert _assert_contexts_read_alike(parse_styles(root)) > 5 * 20


@pytest.mark.skipif(not _documents(), reason="no corpus or real documents present")
def test_a_cell_context_reads_every_real_table_style_as_all_its_branches_do() -> None:
    compared = 0
    for path in _documents():
        try:
            with zipfile.ZipFile(path) as zf:
                root = etree.fromstring(zf.read("word/styles.xml"))
                document = etree.fromstring(zf.read("word/document.xml"))
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, OSError):
            continue
        styles = parse_styles(root)
        # The table styles its tables use (a template defines a hundred), and the default one.
        used = {wattr(el, "val") or "" for el in document.iter(qn("w:tblStyle"))} | {styles.default_table or ""}
        compared += _assert_contexts_read_alike(styles, used)
    assert compared > 500
