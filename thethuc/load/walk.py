"""Reading order of block content in one part: paragraphs, tables cell by cell, text boxes, wrappers.

Hands each paragraph with its site (part, table cell, text box, section) to a ``Sink``; knows nothing
about formatting.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from lxml import etree

from thethuc.load import tables
from thethuc.load.content import PartState, ParaContent, choose_branch, scan_paragraph
from thethuc.load.ooxml import NS, local_name, qn
from thethuc.load.styles import StyleIndex

_W, _MC = NS["w"], NS["mc"]
_BLOCK_WRAPPERS = frozenset({"customXml", "ins", "moveTo", "smartTag", "sdtContent"})


@dataclass(frozen=True, slots=True)
class Site:
    part: str  # "document", "header", "footer"
    part_name: str
    table: tuple[int, int, int] | None = None  # outermost table (index, row, column)
    table_ctx: tables.TableContext | None = None  # innermost table, for the cascade
    cell_align: str | None = None
    textbox: bool = False


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

    def walk(self, container: etree._Element, site: Site | None = None) -> None:
        site = site or self.site
        for child in container:
            if not isinstance(child.tag, str):
                continue
            name, namespace = local_name(child), child.tag[1:].split("}", 1)[0]
            if namespace == _MC and name == "AlternateContent":
                branch = choose_branch(child)
                if branch is not None:
                    self.walk(branch, site)
            elif namespace != _W:
                continue
            elif name == "p":
                self._paragraph(child, site)
            elif name == "tbl":
                self._table(child, site)
            elif name == "sdt":
                inner = child.find(qn("w:sdtContent"))
                if inner is not None:
                    self.walk(inner, site)
            elif name in _BLOCK_WRAPPERS:
                self.state.tracked_changes |= name in ("ins", "moveTo")
                self.walk(child, site)
            elif name in ("del", "moveFrom"):
                self.state.tracked_changes = True
            elif name == "sectPr" and site.table is None and not site.textbox:
                self.sink.section_end(child)

    def _paragraph(self, p: etree._Element, site: Site) -> None:
        content = scan_paragraph(p, self.state)
        self.sink.paragraph(p, content, site)
        for box in content.text_boxes:
            self.walk(box, replace(site, textbox=True))
        sect_pr = p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect_pr is not None and site.table is None and not site.textbox:
            self.sink.section_end(sect_pr)

    def _table(self, tbl: etree._Element, site: Site) -> None:
        tbl_rows = tables.rows(tbl)
        n_cols = tables.grid_columns(tbl, tbl_rows)
        tblpr = tbl.find(qn("w:tblPr"))
        style_id = tables.table_style_id(tblpr, self.styles)
        index = self.sink.table(tbl, site, site.table is not None, style_id, len(tbl_rows), n_cols)
        for r, tr in enumerate(tbl_rows):
            for c, tc in tables.visual_cells(tr):
                ctx = tables.TableContext(style_id, tables.branches_for(tblpr, r, c, len(tbl_rows), n_cols))
                outer = site.table if site.table is not None else (index, r, c)
                self.walk(tc, replace(site, table=outer, table_ctx=ctx, cell_align=tables.cell_valign(tc)))
