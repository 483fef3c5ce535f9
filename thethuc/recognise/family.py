"""Document-level facts from the labelled paragraphs: family (party/state), type, issue date.

State documents (Nghị định 30) are told apart by quốc hiệu, tiêu ngữ, `Số:` and `TM.`;
Party documents by the tiêu đề, `*`, `Số 15-NQ/TU` and `T/M`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import compress
from typing import Literal

from thethuc import model
from thethuc.recognise import patterns as pt
from thethuc.recognise.types import code_types
from thethuc.textutil import fill_fields, fold

Family = Literal["party", "state", "unknown"]

_PARTY_SO_RE = re.compile(r"\d*\s*-\s*[A-ZĐa-z]+\s*/", re.UNICODE)  # "15-NQ/TU": type before the slash
_STATE_SO_RE = re.compile(r"/\s*(?:\d{4}/)?[A-ZĐ]+[A-Za-zĐ]*\s*-\s*[A-ZĐ]")  # "07/QĐ-UBND"
_STATE_TQ = ("TM.", "KT.", "TL.", "TUQ.", "Q.", "TM", "KT", "TL", "TUQ", "T.M", "T.M.")


# The roles whose texts tell the family, the type and the date.
_CLUES = frozenset({"tieu_de", "dau_sao", "quoc_hieu", "tieu_ngu", "so_ky_hieu", "tham_quyen_ky", "ten_loai",
                    "trich_yeu_cong_van", "dia_danh_ngay"})


def _clue_texts(doc: model.Document, roles: Sequence[str | None]) -> dict[str, list[str]]:
    """The texts of the paragraphs labelled with each clue role, in document order: one pass over
    the document for every clue a function reads (a pass per role cost more than the inference)."""
    if len(roles) != len(doc.paragraphs):
        raise ValueError("one role per paragraph")
    found: dict[str, list[str]] = {}
    # The few clue paragraphs are picked out at C speed (compress, map), not by a Python loop over
    # every paragraph: four functions each ask once.
    for index in compress(range(len(roles)), map(_CLUES.__contains__, roles)):
        role = roles[index]
        if role is not None:
            found.setdefault(role, []).append(doc.paragraphs[index].text)
    return found


def _texts(clues: dict[str, list[str]], role: str) -> list[str]:
    return clues.get(role, [])  # read, never changed


def _signals(doc: model.Document, roles: Sequence[str | None]) -> list[tuple[str, int, str]]:
    """(family, weight, reason) for every clue found."""
    clues = _clue_texts(doc, roles)
    found: list[tuple[str, int, str]] = []
    if _texts(clues, "tieu_de"):
        found.append(("party", 3, "tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM"))
    if _texts(clues, "dau_sao"):
        found.append(("party", 1, "dấu sao"))
    if _texts(clues, "quoc_hieu"):
        found.append(("state", 3, "quốc hiệu"))
    if _texts(clues, "tieu_ngu"):
        found.append(("state", 2, "tiêu ngữ"))
    for text in _texts(clues, "so_ky_hieu"):
        if pt.has_so_colon(text) or _STATE_SO_RE.search(text):
            found.append(("state", 1, "số written the state way"))
        elif _PARTY_SO_RE.search(text):
            found.append(("party", 1, "số written the party way"))
    for text in _texts(clues, "tham_quyen_ky"):
        prefix = pt.tham_quyen(text)
        if prefix in _STATE_TQ:
            found.append(("state", 1, f"authority {prefix}"))
        elif prefix in ("T/M", "K/T", "T/L"):
            found.append(("party", 1, f"authority {prefix}"))
    return found


def _fallback_signals(doc: model.Document) -> list[tuple[str, int, str]]:
    """Title lines anywhere in the document (forms, appendices with model layouts)."""
    found: list[tuple[str, int, str]] = []
    if any(pt.is_quoc_hieu(p.text) for p in doc.paragraphs):
        found.append(("state", 2, "quốc hiệu inside the document"))
    if any(pt.is_tieu_de(p.text) for p in doc.paragraphs):
        found.append(("party", 2, "tiêu đề inside the document"))
    return found


def infer_family(doc: model.Document, roles: Sequence[str | None]) -> tuple[Family, str]:
    signals = _signals(doc, roles)
    if sum(w for _, w, _ in signals) < 2:
        signals += _fallback_signals(doc)
    party = sum(w for fam, w, _ in signals if fam == "party")
    state = sum(w for fam, w, _ in signals if fam == "state")
    why = "; ".join(reason for _, _, reason in signals)
    detail = f"party {party}, state {state}" + (f" ({why})" if why else "")
    if max(party, state) < 2 or party == state:
        return "unknown", f"family unknown: {detail}"
    return ("party" if party > state else "state"), f"family {'party' if party > state else 'state'}: {detail}"


def infer_document_type(doc: model.Document, roles: Sequence[str | None],
                        family: str = "unknown") -> tuple[str | None, str]:
    clues = _clue_texts(doc, roles)
    for text in _texts(clues, "ten_loai"):
        name = pt.document_type(text)
        if name:
            return name, f"type {name} from tên loại"
    if _texts(clues, "trich_yeu_cong_van"):
        return "công văn", "type công văn: no tên loại, a trích yếu công văn"
    for text in _texts(clues, "so_ky_hieu"):
        found = re.search(r"-\s*([A-ZĐ][A-Za-zĐ]*)\s*/", text) or re.search(r"/\s*([A-ZĐ][A-Za-zĐ]*)\s*-", text)
        codes = code_types(family)  # the type table is data: rules/types/document_types.yaml
        if found and found.group(1) in codes:
            name = codes[found.group(1)]
            return name, f"type {name} from the số ký hiệu ({found.group(1)}), no tên loại"
    return None, "document type unknown: no tên loại"


def parse_issue_date(text: str) -> date | None:
    """`Lạng Sơn, ngày 7 tháng 8 năm 2018` → 2018-08-07; None for blanks or impossible dates."""
    found = pt.DATE_VALUE_RE.search(fold(text))
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A draft's date line with the day (or day and month) left blank still names the month and year:
# "ngày    tháng 9 năm 2026", "ngày … tháng … năm 2026" (enough to choose the guideline).
_MONTH_YEAR_RE = re.compile(r"ngày\D{0,40}?tháng\s*(\d{1,2})?\D{0,40}?năm\s+(\d{4})\b")


def parse_issue_period(text: str) -> tuple[date, date] | None:
    """``ngày … tháng 9 năm 2026`` → (2026-09-01, 2026-09-30); ``ngày … tháng … năm 2026`` → the year."""
    found = _MONTH_YEAR_RE.search(fill_fields(fold(text)))  # "…(3)" is a field, not the month 3
    if not found:
        return None
    year = int(found.group(2))
    if not 1900 <= year <= 2200:
        return None
    if found.group(1) is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(found.group(1))
    if not 1 <= month <= 12:
        return None
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), date.fromordinal(following.toordinal() - 1)


def issue_period(doc: model.Document, roles: Sequence[str | None]) -> tuple[date, date] | None:
    """The days the date line allows: one day when it is complete, a month or a year in a draft."""
    clues = _clue_texts(doc, roles)
    for text in _texts(clues, "dia_danh_ngay") + _texts(clues, "so_ky_hieu"):
        exact = parse_issue_date(text)
        if exact:
            return exact, exact
        found = parse_issue_period(text)
        if found:
            return found
    return None


def issue_date(doc: model.Document, roles: Sequence[str | None]) -> tuple[date | None, str | None]:
    clues = _clue_texts(doc, roles)
    texts = _texts(clues, "dia_danh_ngay")
    # A tab-typed header line "Số 15-NQ/TU<tab>Lạng Sơn, ngày …" is labelled so_ky_hieu.
    for text in texts + _texts(clues, "so_ky_hieu"):
        found = parse_issue_date(text)
        if found:
            return found, None
    return None, (f"date line is not a real date: {texts[0].strip()!r}" if texts else None)
