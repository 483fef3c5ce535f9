"""Reading order of block content in one part: paragraphs, tables cell by cell, text boxes, wrappers.

Hands each paragraph with its site (part, table cell, text box, section) to a ``Sink``; knows nothing
about formatting.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from lxml import etree

from thethuc.load import tables
from thethuc.load.content import ParaContent, PartState, choose_branch, scan_paragraph
from thethuc.load.ooxml import NS, qn
from thethuc.load.styles import StyleIndex
from thethuc.records import dataclass

_W, _MC = NS["w"], NS["mc"]
# Full tags compared directly: the walk visits every block element, so no name splitting per child.
_P, _TBL, _SDT, _SDT_CONTENT, _SECT_PR = (f"{{{_W}}}{n}" for n in ("p", "tbl", "sdt", "sdtContent", "sectPr"))
_ALTERNATE = f"{{{_MC}}}AlternateContent"
_BLOCK_WRAPPERS = frozenset(f"{{{_W}}}{n}" for n in ("customXml", "ins", "moveTo", "smartTag", "sdtContent"))
_INSERTED = frozenset(f"{{{_W}}}{n}" for n in ("ins", "moveTo"))
_DELETED = frozenset(f"{{{_W}}}{n}" for n in ("del", "moveFrom"))
_PPR, _TBL_PR = qn("w:pPr"), qn("w:tblPr")
_PPR_SECT_PR = f"{_PPR}/{_SECT_PR}"


@dataclass(frozen=True, slots=True)
class Site:
    """Where the walk found a paragraph: its part, the outermost and innermost table cells (with the
    innermost cell's alignment and width), and whether it is in a text box."""

    part: str  # "document", "header", "footer"
    part_name: str
    table: tuple[int, int, int] | None = None  # outermost table (index, row, column)
    table_ctx: tables.TableContext | None = None  # innermost table, for the cascade
    cell_align: str | None = None
    textbox: bool = False
    cell_width_twips: int | None = None  # innermost table cell
    cell: tuple[int, int, int] | None = None  # innermost table (index, row, column)


class Sink(Protocol):
    def paragraph(self, p: etree._Element, content: ParaContent, site: Site) -> None: ...

    def table(self, tbl: etree._Element, site: Site, nested: bool, style_id: str | None,
              rows: int, columns: int) -> int: ...

    def section_end(self, sect_pr: etree._Element | None) -> None: ...


class PartWalker:
    """Walks one part (document body, header or footer) in reading order."""

    def __init__(self, sink: Sink, styles: StyleIndex, site: Site) -> None:
        self.sink = sink
        self.styles = styles
        self.site = site
        self.state = PartState()
        self._sect_owners: set[etree._Element] | None = None  # see _section_break

    def walk(self, container: etree._Element, site: Site | None = None) -> None:
        site = site or self.site
        for child in container:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, site)
            elif tag == _TBL:
                self._table(child, site)
            elif tag == _ALTERNATE:
                branch = choose_branch(child)
                if branch is not None:
                    self.walk(branch, site)
            elif tag == _SDT:
                inner = child.find(_SDT_CONTENT)
                if inner is not None:
                    self.walk(inner, site)
            elif tag in _BLOCK_WRAPPERS:
                self.state.tracked_changes |= tag in _INSERTED
                self.walk(child, site)
            elif tag in _DELETED:
                self.state.tracked_changes = True
            elif tag == _SECT_PR and site.table is None and not site.textbox:
                self.sink.section_end(child)

    def _paragraph(self, p: etree._Element, site: Site) -> None:
        content = scan_paragraph(p, self.state)
        self.sink.paragraph(p, content, site)
        for box in content.text_boxes:
            self.walk(box, replace(site, textbox=True))
        if site.table is None and not site.textbox:
            sect_pr = self._section_break(p)
            if sect_pr is not None:
                self.sink.section_end(sect_pr)

    def _section_break(self, p: etree._Element) -> etree._Element | None:
        """``p.find("w:pPr/w:sectPr")``: the first sectPr of any pPr, in document order.

        A part holds a few sectPr and thousands of paragraphs: the paths are searched only under a
        paragraph that is some sectPr's grandparent, found in one pass over the part (a path search
        per paragraph cost ~18 k instructions, ~1.5 % of loading the real documents).
        """
        if self._sect_owners is None:
            sections = p.getroottree().getroot().iter(_SECT_PR)
            self._sect_owners = {owner for sect in sections if (owner := _grandparent(sect)) is not None}
        # lxml hands out one proxy per node while it is referenced (the set holds them): identity is exact.
        return p.find(_PPR_SECT_PR) if p in self._sect_owners else None

    def _table(self, tbl: etree._Element, site: Site) -> None:
        tbl_rows = [tables.row_cells(tr) for tr in tables.rows(tbl)]
        n_rows, n_cols = len(tbl_rows), tables.grid_columns(tbl, tbl_rows)
        tblpr = tbl.find(_TBL_PR)
        style_id = tables.table_style_id(tblpr, self.styles)
        index = self.sink.table(tbl, site, site.table is not None, style_id, n_rows, n_cols)
        look = tables.look(tblpr)
        contexts: dict[tuple[str, ...], tables.TableContext] = {}  # one shared context per branch set
        # Only what the table style defines formats a cell: without a style no branch does, and a
        # branch its chain lacks reads nothing (cascade._read_table_level). Cells differing only
        # in such branches share a context, so their paragraphs share one resolution per pPr/rPr.
        defined = tables.defined_branches(style_id, self.styles)
        grid = tables.grid_widths(tbl)
        for r, row in enumerate(tbl_rows):
            for c, cell in tables.visual_cells(row):
                ctx: tables.TableContext | None = None
                if style_id is not None:
                    branches = tables.styled_branches(look, r, c, n_rows, n_cols, defined)
                    ctx = contexts.get(branches)
                    if ctx is None:
                        ctx = contexts[branches] = tables.TableContext(style_id, branches)
                outer = site.table if site.table is not None else (index, r, c)
                self.walk(cell.tc, Site(site.part, site.part_name, outer, ctx, cell.valign, site.textbox,
                                        tables.cell_width(cell, c, grid), (index, r, c)))


def _grandparent(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    return parent.getparent() if parent is not None else None
