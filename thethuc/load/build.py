"""Turns walked paragraphs and tables into model records: effective formatting, labels, comments, sections.

The ``Sink`` that ``walk.PartWalker`` feeds; one Builder per document, parts in reading order.
"""
from __future__ import annotations

from dataclasses import replace

from lxml import etree

from thethuc.load import tables
from thethuc.load.cascade import ElementKey, ParagraphResult, Resolver, paragraph_key
from thethuc.load.content import ParaContent
from thethuc.load.numbering import Counters
from thethuc.load.ooxml import first_child, qn
from thethuc.load.tables import TableContext
from thethuc.load.walk import Site
from thethuc.model import Location, Paragraph, Run, Table
from thethuc.textutil import nfc

_PPR, _RPR = qn("w:pPr"), qn("w:rPr")


class Builder:
    """Collects Paragraph and Table records in reading order; ``section`` is where new content belongs."""

    def __init__(self, resolver: Resolver, comments: dict[str, str]) -> None:
        self.resolver = resolver
        self.counters = Counters(resolver.numbering)
        self.comments = comments
        self.paragraphs: list[Paragraph] = []
        self.tables: list[Table] = []
        self.section_ends: list[tuple[etree._Element | None, int]] = []  # (sectPr, first paragraph)
        self.section = 0  # section of the content being walked
        self._part_counts: dict[str, int] = {}
        self._part_tables: dict[str, int] = {}
        self._section_start = 0
        self._break_pending = False
        self._seen: dict[tuple[ElementKey | None, TableContext | None], tuple[ParagraphResult, Run]] = {}

    # ------------------------------------------------------------------ Sink

    def paragraph(self, p: etree._Element, content: ParaContent, site: Site) -> None:
        ppr = first_child(p, _PPR)
        ctx = site.table_ctx
        ppr_key = paragraph_key(ppr)
        # Equal pPr in the same kind of cell: one formatting and one paragraph mark per document.
        # Their warnings were recorded the first time, so a hit need not replay them.
        seen = self._seen.get((ppr_key, ctx))
        result = seen[0] if seen is not None else self.resolver.paragraph_format(ppr, ctx, ppr_key)
        fmt = result.fmt
        if result.numbering is not None:
            fmt = replace(fmt, numbering_label=self.counters.label(*result.numbering))
        style, values = fmt.style_id, self.resolver.run_values
        # Positional: run_values is in Run field order (tests/load/test_load_memo.py holds it there).
        runs = tuple([Run(nfc(raw.text), *values(raw.rpr, style, ctx), raw.field_result)  # type: ignore[arg-type, call-arg]  # mypy cannot match a *tuple to fields
                      for raw in content.runs])
        if seen is None:
            # The mark's rPr lives inside the pPr; it is resolved after the runs, keeping warnings
            # in reading order.
            mark_rpr = ppr.find(_RPR) if ppr is not None else None
            seen = self._seen[(ppr_key, ctx)] = (result, Run("", *values(mark_rpr, style, ctx)))  # type: ignore[arg-type]  # as above
        part_name = site.part_name
        number = self._part_counts.get(part_name, 0) + 1
        self._part_counts[part_name] = number
        breaks = fmt.page_break_before or content.break_before or self._break_pending
        self._break_pending = content.break_after
        comments = (tuple(self.comments[c] for c in content.comment_ids if c in self.comments)
                    if content.comment_ids else ())
        # A nested table's own cell is kept beside the outermost one (a header table inside a one-cell table).
        location = Location(site.part, part_name, number, site.table, site.textbox,  # type: ignore[arg-type]  # site.part: a Part name
                            cell=site.cell if site.cell != site.table else None)
        self.paragraphs.append(Paragraph(
            len(self.paragraphs), location,
            self.section, nfc(content.text), runs, fmt, seen[1], tuple(content.lines), tuple(content.fields),
            comments, site.cell_align, breaks, site.cell_width_twips))

    def table(self, tbl: etree._Element, site: Site, nested: bool, style_id: str | None,
              rows: int, columns: int) -> int:
        index = self._part_tables.get(site.part_name, 0)
        self._part_tables[site.part_name] = index + 1
        tblpr = tbl.find(qn("w:tblPr"))
        self.tables.append(Table(
            index=index, part_name=site.part_name, section=self.section, rows=rows, columns=columns,
            width_twips=tables.width_twips(tblpr),
            has_visible_borders=tables.has_visible_borders(tbl, style_id, self.resolver.styles),
            nested=nested, first_paragraph=len(self.paragraphs),
        ))
        return index

    def section_end(self, sect_pr: etree._Element | None) -> None:
        self.section_ends.append((sect_pr, self._section_start))
        self._section_start = len(self.paragraphs)
        self.section += 1

    # ------------------------------------------------------------------ parts

    def finish_body(self) -> None:
        """Close the last section when the body does not end with its own sectPr."""
        if not self.section_ends or self._section_start < len(self.paragraphs):
            self.section_ends.append((None, self._section_start))
        self._break_pending = False

    def start_part(self, section: int) -> None:
        """Header/footer paragraphs belong to the first section that uses the part."""
        self.section = section
        self._break_pending = False
