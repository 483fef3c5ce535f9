"""RECOGNISE stage: label every paragraph of a loaded Document with its HD36 role.

`recognise(doc)` never raises: a part that cannot be understood stays unlabelled and a note says why.
It knows nothing of rules, checks or reports.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

from thethuc import model
from thethuc.memo import new_document
from thethuc.recognise.body import label_body
from thethuc.recognise.closing import is_appendix_heading, label_closing
from thethuc.recognise.family import (
    Family,
    infer_document_type,
    infer_family,
    issue_date,
    issue_period,
)
from thethuc.recognise.header_block import label_header
from thethuc.recognise.lines import split_elements
from thethuc.recognise.page_headers import label_parts
from thethuc.recognise.text import is_blank
from thethuc.recognise.title import label_title, mark_role
from thethuc.recognise.zones import closing_starts, example_blocks, find_closing, header_zone, main_flow

__all__ = ["recognise"]

T = TypeVar("T")


def _guarded(step: str, notes: list[str], default: T, call: Callable[[], T]) -> T:
    """Run one step; a failure costs only that step's labels (recognise never raises)."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - degrade, never crash the pipeline
        notes.append(f"{step} skipped after an internal error: {type(exc).__name__}: {exc}")
        return default


def _label_flow(doc: model.Document, roles: dict[int, str], notes: list[str]) -> tuple[model.Heading, ...]:
    flow = main_flow(doc)
    header_end, ten_loai = header_zone(doc)
    header = label_header(doc, flow[:header_end])
    roles.update(header.roles)
    notes.extend(header.notes)
    title = label_title(flow, header_end, ten_loai)
    roles.update(title.roles)
    notes.extend(title.notes)
    closings = closing_starts(doc, flow, title.body_start)
    examples = example_blocks(doc, flow, title.body_start, closings)
    closing_start, closing_end = find_closing(doc, flow, title.body_start, closings, examples)
    body = label_body(doc, flow[title.body_start:closing_start], "dia_danh_ngay" not in roles.values())
    roles.update(body.roles)
    notes.extend(body.notes)
    for start, end in examples:  # sample content quoted in the body is not the document's own
        if end <= closing_start:
            for para in flow[start:end]:
                roles.pop(para.index, None)
            notes.append(f"flow {start}–{end}: a sample quoted in the body (header or signature placeholders)")
    closing = label_closing(doc, flow[closing_start:closing_end])
    roles.update(closing.roles)
    notes.extend(closing.notes)
    for para in flow[closing_end:]:
        if is_appendix_heading(para):
            roles[para.index] = "phu_luc"
    notes.append(f"zones (flow positions): header 0–{header_end}, body {title.body_start}–{closing_start}, "
                 f"closing {closing_start}–{closing_end}, appendix {closing_end}–{len(flow)}")
    return body.headings


def _label_textboxes(doc: model.Document) -> dict[int, str]:
    """Text boxes hold only marks here (Dự thảo, MẬT, KHẨN, circulation notes in a frame)."""
    roles: dict[int, str] = {}
    for para in doc.paragraphs:
        if para.location.part == "document" and para.location.textbox:
            role = mark_role(para.text)
            if role:
                roles[para.index] = role
    return roles


def recognise(doc: model.Document) -> model.Recognised:
    """Roles per paragraph, family, document type, headings and issue date of a loaded document."""
    new_document()  # the identity memos let the previous document go
    notes: list[str] = []
    no_cuts: tuple[str, ...] = ()
    doc, cut_notes = _guarded("line breaks", notes, (doc, no_cuts), lambda: split_elements(doc))
    notes.extend(cut_notes)
    roles: dict[int, str] = {}
    no_headings: tuple[model.Heading, ...] = ()
    no_roles: dict[int, str] = {}
    headings = _guarded("body flow", notes, no_headings, lambda: _label_flow(doc, roles, notes))
    roles.update(_guarded("text boxes", notes, no_roles, lambda: _label_textboxes(doc)))
    roles.update(_guarded("headers and footers", notes, no_roles, lambda: label_parts(doc)))
    final = tuple(None if is_blank(p.text) and not p.lines and roles.get(p.index) not in _EMPTY_OK
                  else roles.get(p.index) for p in doc.paragraphs)
    unknown_family: tuple[Family, str] = ("unknown", "family unknown")
    unknown_type: tuple[str | None, str] = (None, "type unknown")
    no_date: tuple[datetime.date | None, str | None] = (None, None)
    family, why = _guarded("family", notes, unknown_family, lambda: infer_family(doc, final))
    doc_type, type_why = _guarded("type", notes, unknown_type, lambda: infer_document_type(doc, final, family))
    date, date_why = _guarded("date", notes, no_date, lambda: issue_date(doc, final))
    period = _guarded("date", notes, None, lambda: issue_period(doc, final))
    notes.extend(n for n in (why, type_why, date_why) if n)
    return model.Recognised(doc=doc, roles=final, family=family, document_type=doc_type,
                            headings=tuple(headings), issue_date=date, issue_period=period, notes=tuple(notes))


# Empty paragraphs stay unlabelled, except those carrying a drawn rule or border, or a PAGE field.
_EMPTY_OK = frozenset({"duong_ke_tieu_de", "duong_ke_tieu_ngu", "duong_ke_co_quan", "gach_trich_yeu", "so_trang"})
