"""Label the body: căn cứ and the enacting line, structure headings (Phần … Điều, khoản, điểm;
I./1./1.1./a)/- in documents without articles) and running text (noi_dung).

Table cells inside the body are data, not running text, and stay unlabelled.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from thethuc import model
from thethuc.placement import format_side
from thethuc.recognise import patterns as pt
from thethuc.recognise.headings import Label, parse_label
from thethuc.recognise.layout import displays_upper, is_bold, is_italic
from thethuc.recognise.text import is_blank, word_count
from thethuc.records import dataclass
from thethuc.textutil import fold, squash

_CAN_CU_STARTS = ("căn cứ", "xét ", "xét đề nghị", "theo đề nghị", "theo đề xuất", "theo tờ trình")
_ENACTING_ENDS = ("quyết định", "quyết nghị", "ban hành", "kết luận", "chỉ thị")
_ENACTING_MAX_WORDS = 60
_SENTENCE_ENDS = ("quyết định", "quyết nghị")  # "Chủ tịch Ủy ban nhân dân tỉnh quyết định:"
# "… ban hành Nghị định …", "… ban hành kế hoạch …": an authority enacting a typed document.
_ENACTS_TYPE = re.compile(r"\bban hành (?:" + "|".join(re.escape(fold(t)) for t in pt.DOCUMENT_TYPES) + r")\b")
_NAMED = {"phan": "phan", "chuong": "chuong", "muc": "muc", "dieu": "dieu"}
_ARTICLE_ROLES = {"roman": "de_muc_1", "decimal": "khoan", "decimal-dotted": "de_muc_3", "alpha": "diem"}
_PLAIN_ROLES = {"roman": "de_muc_1", "decimal": "de_muc_2", "decimal-dotted": "de_muc_3",
                "alpha": "de_muc_4", "bullet": "de_muc_5"}


@dataclass(frozen=True)
class BodyLabels:
    """What labelling the body gave: roles by paragraph index, the numbered headings, and notes for
    ``Recognised.notes``."""

    roles: dict[int, str]
    headings: tuple[model.Heading, ...]
    notes: tuple[str, ...]


def is_can_cu_line(text: str) -> bool:
    key = fold(text).lstrip("-–+• ")
    return any(key.startswith(s) for s in _CAN_CU_STARTS)


def is_enacting_line(para: model.Paragraph) -> bool:
    """`BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH:`: capitals ending in an enacting verb."""
    text = squash(para.text)
    key = fold(text).rstrip(": ")
    return displays_upper(para, text) and any(key.endswith(v) for v in _ENACTING_ENDS)


def is_enacting_sentence(para: model.Paragraph) -> bool:
    """`Chính phủ ban hành Nghị định về công tác văn thư.`, `Ban Thường trực … ban hành kế hoạch …
    như sau:`: the sentence in running text that the căn cứ lines lead into (decree 30/2020/NĐ-CP)."""
    key = fold(squash(para.text))
    if not key or word_count(key) > _ENACTING_MAX_WORDS:
        return False
    return bool(_ENACTS_TYPE.search(key)) or key.rstrip(":. ").endswith(_SENTENCE_ENDS)


def _is_plain_upper(para: model.Paragraph) -> bool:
    text = squash(para.label_and_text)
    return displays_upper(para, text) and parse_label(text) is None


def _label_lead(paras: Sequence[model.Paragraph]) -> dict[int, str]:
    """Căn cứ lines at the start of the body, the authority line above them (Nghị định 30 style)
    and the enacting line(s) under them."""
    roles: dict[int, str] = {}
    pos = 0
    if len(paras) > 1 and _is_plain_upper(paras[0]) and is_can_cu_line(paras[1].text):
        roles[paras[0].index] = "can_cu"
        pos = 1
    while pos < len(paras) and is_can_cu_line(paras[pos].text):
        roles[paras[pos].index] = "can_cu"
        pos += 1
    if roles:
        if pos < len(paras) and not _is_plain_upper(paras[pos]) and is_enacting_sentence(paras[pos]):
            roles[paras[pos].index] = "can_cu"
            pos += 1
        for _ in range(2):
            if pos < len(paras) and _is_plain_upper(paras[pos]):
                roles[paras[pos].index] = "can_cu"
                pos += 1
    elif paras and is_enacting_line(paras[0]) and squash(paras[0].text).endswith(":"):
        roles[paras[0].index] = "can_cu"
    return roles


_LABEL_LINE_WORDS = 12  # a label line is short; a longer bold line is body text in bold (B002)
_BARE_LABEL_WORDS = 4  # "Tổng hợp:", "Cụ thể:": a label alone, bold or not
_LABEL_HEAD_WORDS = 6  # "CHỈ HUY TIỂU ĐOÀN: 06 đồng chí": the label before the colon is a few words
_TITLE_LINE_WORDS = 25  # a centred bold title line in capitals, wrapped by hand or with a break
_SUBTITLE_WORDS = 40  # "Tổ chức hội nghị hiệp thương lần thứ nhất để thỏa thuận về cơ cấu …" under it


def is_label_line(para: model.Paragraph) -> bool:
    """A line that is not running text: a label (`Tổng hợp:`, `Những ưu, khuyết điểm chính:`,
    `CHỈ HUY TIỂU ĐOÀN: 06 đồng chí`), a short bold lead line, a title in bold capitals naming a
    body or a part (`ĐẢNG ỦY ĐẠI HỌC ĐÀ NẴNG` above "Giới thiệu đồng chí …" in a giấy giới thiệu,
    `BƯỚC MỘT`), or a note in italics (`Lưu ý: …`). None of them gets the body-text rules B001–B005."""
    text = squash(para.label_and_text)
    if not text:
        return False
    if _is_note(para, text) or (text.endswith(":") and word_count(text) <= _BARE_LABEL_WORDS):
        return True
    if not is_bold(para):
        return False
    if _is_title(para, text):
        return True
    if word_count(text) > _LABEL_LINE_WORDS:
        return False
    if ":" in text:
        return 0 < word_count(text.split(":", 1)[0]) <= _LABEL_HEAD_WORDS
    # "Theo quy định về phân cấp giám sát đối với cấp xã": a short bold lead line, no sentence
    return not text.endswith((".", ";", ",", "!", "?"))


def _is_note(para: model.Paragraph, text: str) -> bool:
    """A note set off in italics: `Lưu ý: …`, `* Thời gian thực hiện: …`."""
    return (pt.is_note_label(text) or text.startswith("*")) and is_italic(para)


def _is_title(para: model.Paragraph, text: str) -> bool:
    """An unnumbered title in bold capitals (`BƯỚC MỘT`, `B. ĐỐI VỚI VIỆC HIỆP THƯƠNG`): a heading,
    not a sentence."""
    return (word_count(text) <= _TITLE_LINE_WORDS and ":" not in text and not text.endswith(".")
            and displays_upper(para, text))


def _is_centred_title(para: model.Paragraph) -> bool:
    return para.fmt.align.value == "center" and _is_title(para, squash(para.label_and_text))


def continues_title(para: model.Paragraph) -> bool:
    """A line under a centred title (`BƯỚC MỘT` / "Tổ chức hội nghị hiệp thương lần thứ nhất …" /
    "(Thực hiện từ ngày 01/12 đến ngày 10/12/2025)"): the title's own lines, in bold, or centred
    with a note in parentheses."""
    text = squash(para.label_and_text)
    if not 0 < word_count(text) <= _SUBTITLE_WORDS:
        return False
    if is_bold(para):
        return True  # even left-aligned by mistake (HD hiệp thương MTTQ Quảng Ninh, "BƯỚC NĂM")
    if para.fmt.align.value != "center":
        return False
    notes = [squash(line) for line in para.text.split("\n") if pt.is_parenthetical(line)]
    return all(r.bold.value or any(squash(r.text) in note for note in notes)
               for r in para.visible_runs if any(c.isalpha() for c in r.text))


def _heading_role(label: Label, has_articles: bool) -> str | None:
    if label.kind in _NAMED:
        return _NAMED[label.kind]
    table = _ARTICLE_ROLES if has_articles else _PLAIN_ROLES
    return table.get(label.kind)


def label_body(doc: model.Document, paras: Sequence[model.Paragraph], want_date: bool) -> BodyLabels:
    """Roles for the body paragraphs (flow order). ``want_date``: no dia_danh_ngay was found in
    the header, so a right-aligned date line above the signature is taken as it."""
    running = [p for p in paras if p.location.table is None and not is_blank(p.label_and_text)]
    skipped = sum(1 for p in paras if p.location.table is not None and not is_blank(p.text))
    roles = _label_lead(running)
    labels_of = [parse_label(p.label_and_text) for p in running]  # each paragraph's, read twice below
    has_articles = any(lab is not None and lab.kind == "dieu" for lab in labels_of)
    headings: list[model.Heading] = []
    title_for: str | None = None
    labels = 0
    in_title = False  # the lines under a centred title in capitals belong to it
    for para, label in zip(running, labels_of, strict=True):
        after_title, in_title = in_title, False
        if para.index in roles:
            continue
        role = _heading_role(label, has_articles) if label else None
        if role is None and title_for and _is_plain_upper(para):
            roles[para.index] = title_for + "_ten"
            title_for = None
            continue
        title_for = role if role in ("phan", "chuong", "muc") and label and not label.rest else None
        if role and label:
            roles[para.index] = role
            headings.append(model.Heading(para.index, role, label.label, label.style, label.number, label.punct))
        elif want_date and pt.is_date_line(para.text) and format_side(doc, para) != "left":
            roles[para.index] = "dia_danh_ngay"
            want_date = False
        elif is_label_line(para) or (after_title and continues_title(para)):
            labels += 1
            in_title = after_title or _is_centred_title(para)
        else:
            roles[para.index] = "noi_dung"
    notes: tuple[str, ...] = (f"{skipped} table-cell paragraphs in the body left unlabelled",) if skipped else ()
    if labels:
        notes += (f"{labels} short bold label or name lines in the body are not body text",)
    return BodyLabels(roles, tuple(headings), notes)
