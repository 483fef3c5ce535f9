"""Label paragraphs of header and footer parts: the page number and contact lines.

Page headers are separate parts; they never take part in the body's zones.
"""
from __future__ import annotations

from thethuc import model
from thethuc.recognise import patterns as pt
from thethuc.recognise.title import mark_role


def label_part_paragraph(para: model.Paragraph) -> str | None:
    """Role of one header/footer paragraph: the one holding a PAGE field is so_trang."""
    if "PAGE" in para.fields:
        return "so_trang"
    text = para.text.strip()
    if not text:
        return None
    if para.location.part == "footer" and pt.is_contact(text):
        return "thong_tin_lien_he"
    return mark_role(text)


def label_parts(doc: model.Document) -> dict[int, str]:
    roles: dict[int, str] = {}
    for para in doc.paragraphs:
        if para.location.part in ("header", "footer"):
            role = label_part_paragraph(para)
            if role:
                roles[para.index] = role
    return roles
