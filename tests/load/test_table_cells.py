"""Issue 16: ``tables.Cell`` reads a cell's w:tcPr in one pass; it must find what the path
searches it replaced find (the first of each property, across every w:tcPr, in document order)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from thethuc.load.ooxml import qn, to_int, wattr
from thethuc.load.tables import Cell

from .conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _plain(tc: etree._Element) -> tuple[int, bool, int | None, str]:
    """The reads before issue 16, one path search each."""
    span = max(1, to_int(wattr(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}"), "val")) or 1)
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    stated = None
    if width is not None and (wattr(width, "type") or "dxa") == "dxa":
        stated = to_int(wattr(width, "w"))
        stated = stated if stated and stated > 0 else None
    return (span, merge is not None and (wattr(merge, "val") or "continue") == "continue", stated,
            wattr(tc.find(f"{qn('w:tcPr')}/{qn('w:vAlign')}"), "val") or "top")


def _facts(cell: Cell) -> tuple[int, bool, int | None, str]:
    return cell.span, cell.continuation, cell.stated_width, cell.valign


ODD = [
    '<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:gridSpan w:val="3"/></w:tcPr></w:tc>',  # the first wins
    '<w:tc><w:tcPr><w:tcW w:w="0" w:type="dxa"/></w:tcPr><w:tcPr><w:gridSpan w:val="2"/>'
    '<w:vMerge/><w:tcW w:w="900"/><w:vAlign w:val="center"/></w:tcPr></w:tc>',  # two tcPr
    '<w:tc><w:tcPr><w:vMerge w:val="restart"/><w:tcW w:w="50" w:type="pct"/></w:tcPr></w:tc>',
    '<w:tc><w:p/><w:tcPr><w:gridSpan w:val="x"/><w:tcW w:w="-5"/></w:tcPr></w:tc>',  # tcPr late, garbage
    '<w:tc><w:tcPr><w:sdt><w:gridSpan w:val="4"/></w:sdt></w:tcPr></w:tc>',  # not a child of tcPr
    '<w:tc/>',
]


@pytest.mark.parametrize("xml", ODD)
def test_odd_cells_read_as_the_path_searches_read_them(xml: str) -> None:
    tc = etree.fromstring(f"<x {W}>{xml}</x>")[0]
    assert _facts(Cell(tc)) == _plain(tc)


def _documents() -> list[Path]:
    folders = (CORPUS / "vn", ROOT / "tests" / "realdocs" / "files")
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.docx"))


@pytest.mark.skipif(not _documents(), reason="no corpus or real documents present")
def test_every_real_cell_reads_as_the_path_searches_read_it() -> None:
    cells = 0
    for path in _documents():
        try:
            with zipfile.ZipFile(path) as zf:
                root = etree.fromstring(zf.read("word/document.xml"))
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
            continue
        for tc in root.iter(qn("w:tc")):
            assert _facts(Cell(tc)) == _plain(tc), (path.name, etree.tostring(tc)[:300])
            cells += 1
    assert cells > 1000
