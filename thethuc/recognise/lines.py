"""One paragraph, several elements: cut it into one paragraph per element before labelling.

Word users type a header cell as ``ĐẢNG BỘ TỈNH<w:br/>TỈNH ỦY``, the quốc hiệu and the tiêu ngữ in one
paragraph, ``Nơi nhận:<w:br/>- Như trên;``, or a whole header line with tabs or spaces
(``ĐẢNG BỘ HUYỆN X<tab><tab>ĐẢNG CỘNG SẢN VIỆT NAM``). Each of those elements has its own runs'
formatting and its own role, exactly as if it had been typed as a paragraph of its own. So the
recogniser reads such a paragraph as its parts (``Paragraph.part``): each keeps the paragraph's
location, with the line it is on, so findings still point at the paragraph. The labelling then runs
unchanged on the document with the parts in place of the paragraph (one mechanism for every element,
tests/recognise/test_line_breaks.py).

Where a paragraph is cut:
- in the header zone (above the tên loại / Kính gửi), every line is an element line, and a line
  outside a table is cut at its tab or wide-space gaps into a left and right part (the typed layout);
- below it, a paragraph whose lines include an element opener (``Nơi nhận``, ``Kính gửi``, a
  signing authority ``T/M …``) is cut into its lines. Running text with soft line breaks is left whole;
- a closing typed without a table (``Nơi nhận:<tab><tab>T/M BAN THƯỜNG VỤ``, ``- Như trên,<tab><tab>BÍ THƯ``)
  is cut at its gaps, from its first line holding an opener beside another part.
"""
from __future__ import annotations

import dataclasses

from thethuc import model
from thethuc.recognise import patterns as pt
from thethuc.recognise.header_block import fixed_kind
from thethuc.recognise.layout import displays_upper, gaps, may_hold_parts
from thethuc.recognise.zones import header_zone, main_flow
from thethuc.textutil import squash

Span = tuple[int, int, int]  # (start, end, line) in the runs' text; line 1-based


def _line_spans(para: model.Paragraph) -> list[Span]:
    spans = [(start, end, number) for number, (start, end) in enumerate(para.line_spans(), 1)]
    if para.lines and spans and not squash(_text(para)[spans[-1][0]:spans[-1][1]]):
        return spans  # a drawn line anchored after the last break stays an (empty) part of its own
    return [s for s in spans if squash(_text(para)[s[0]:s[1]])]


def _text(para: model.Paragraph) -> str:
    return "".join(r.text for r in para.runs)


def _gap_spans(text: str, span: Span) -> list[Span]:
    """A typed header line cut at its gaps: the left part without the gap before it, each
    further part starting with its gap (which is how the layout reads it as the right block)."""
    start, end, number = span
    line = text[start:end]
    found = gaps(line)
    if not found:
        return [span]
    lead = len(line) - len(line.lstrip(" \t\u00a0"))
    cuts = [start + lead] + [start + g.start() for g in found] + [end]
    return [(cuts[i], cuts[i + 1], number) for i in range(len(cuts) - 1)]


def _header_spans(para: model.Paragraph) -> list[Span]:
    """The parts of a header-zone paragraph, when they read as header elements: one of them a fixed
    element (tiêu đề, quốc hiệu, số, date …) or two in capitals (a body name over two lines). Other
    lines (a trích yếu công văn wrapped with a break, a numbered line with a tab) stay whole."""
    spans = _line_spans(para)
    text = _text(para)
    if para.location.table is None:
        spans = [part for span in spans for part in _gap_spans(text, span)]
    if len(spans) < 2:
        return spans
    parts = [squash(text[s:e]) for s, e, _ in spans]
    if any(fixed_kind(t) not in (None, "rule") for t in parts if t):
        return spans
    upper = sum(1 for (s, e, n), t in zip(spans, parts, strict=True) if t and displays_upper(para.part(s, e, n), t))
    return spans if upper >= 2 else []


def _opens_element(line: str) -> bool:
    return pt.is_noi_nhan(line) or pt.is_kinh_gui(line) or pt.tham_quyen(line) is not None


def _lower_spans(para: model.Paragraph) -> list[Span]:
    """Below the header: the lines of a paragraph opening a recipients or signature block. Empty
    lines stay (as blank parts): the space left for the signature tells the name from the title."""
    if "\n" not in para.text:
        return []
    text = _text(para)
    filled = _line_spans(para)
    if len(filled) > 1 and any(_opens_element(squash(text[s:e])) for s, e, _ in filled):
        return [(s, e, n) for n, (s, e) in enumerate(para.line_spans(), 1)]
    return []


_TYPED_CLOSING_WORDS = 30  # a longer paragraph is running text: the typed closing is over


def _typed_closing_spans(para: model.Paragraph, opened: bool) -> tuple[list[Span], bool]:
    """A closing typed without a table: `Nơi nhận:<tab><tab>T/M BAN THƯỜNG VỤ`, then
    `- Như trên,<tab><tab>BÍ THƯ` … Each line is cut at its gaps into the recipient on the left and
    the signature line on the right, from the first line holding `Nơi nhận` or an authority beside
    another part (returns the spans and whether the typed closing is open)."""
    if para.location.table is not None or len(para.text.split()) > _TYPED_CLOSING_WORDS:
        return [], False
    if not may_hold_parts(para.text):
        # One line without a gap is one span: no need to cut the runs' text. Paragraph.text holds
        # the breaks, tabs and spaces of the runs' text (NFC changes none of them).
        return [], opened
    text = _text(para)
    spans = [part for span in _line_spans(para) for part in _gap_spans(text, span)]
    if len(spans) < 2:
        return [], opened
    if not opened and not any(_opens_element(squash(text[s:e])) for s, e, _ in spans):
        return [], False
    return spans, True


def _cuts(doc: model.Document) -> dict[int, list[Span]]:
    flow = main_flow(doc)
    header_end, _ = header_zone(doc)
    cuts: dict[int, list[Span]] = {}
    typed_closing = False
    for pos, para in enumerate(flow):
        if pos < header_end:
            spans = _header_spans(para)
        elif not typed_closing and not may_hold_parts(para.text):
            continue  # one line, no gap, no typed closing open: nothing to cut (most body paragraphs)
        else:
            spans = _lower_spans(para)
            if len(spans) < 2:
                spans, typed_closing = _typed_closing_spans(para, typed_closing)
        if len(spans) > 1:
            cuts[para.index] = spans
    return cuts


def split_elements(doc: model.Document) -> tuple[model.Document, tuple[str, ...]]:
    """The document with every paragraph that holds several elements replaced by its parts
    (indices renumbered; tables and sections follow), and a note per cut paragraph."""
    cuts = _cuts(doc)
    if not cuts:
        return doc, ()
    paragraphs: list[model.Paragraph] = []
    new_index: list[int] = []
    notes: list[str] = []
    for para in doc.paragraphs:
        new_index.append(len(paragraphs))
        spans = cuts.get(para.index)
        if spans is None:
            # Paragraphs before the first cut keep their index (and their identity).
            same = para.index == len(paragraphs)
            paragraphs.append(para if same else dataclasses.replace(para, index=len(paragraphs)))
            continue
        for start, end, line in spans:
            paragraphs.append(dataclasses.replace(para.part(start, end, line), index=len(paragraphs)))
        notes.append(f"paragraph {para.location.paragraph} holds {len(spans)} elements "
                     f"(line breaks or tabs); read as separate lines")
    total = len(paragraphs)
    tables = tuple(dataclasses.replace(t, first_paragraph=new_index[t.first_paragraph]
                                       if t.first_paragraph < len(new_index) else total) for t in doc.tables)
    sections = tuple(dataclasses.replace(s, first_paragraph=new_index[s.first_paragraph]
                                         if s.first_paragraph < len(new_index) else total) for s in doc.sections)
    split = dataclasses.replace(doc, paragraphs=tuple(paragraphs), tables=tables, sections=sections)
    return split, tuple(notes)
