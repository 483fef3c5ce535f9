"""Text patterns of the fixed elements (tiêu đề, số, ngày tháng, marks, signature, recipients).

Each classifier takes one line of text and says whether it reads as that element; layout is
decided elsewhere (header_block.py, closing.py).
"""
from __future__ import annotations

import re

from thethuc.recognise.text import is_upper, word_count
from thethuc.recognise.types import type_names
from thethuc.textutil import DATE_FIELD_RE, fill_fields, fold, plain, squash

TIEU_DE = "ĐẢNG CỘNG SẢN VIỆT NAM"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

# The known tên loại, longest first (rules/types/document_types.yaml: types are data).
DOCUMENT_TYPES: tuple[str, ...] = type_names()

_SO_RE = re.compile(r"^số(?![^\W\d_])\s*(:?)\s*.*[-/]", re.IGNORECASE)
_DATE_LINE_RE = re.compile(
    r"^(?:(?P<place>[^,]{1,60}?)(?:\s*(?P<comma>,)\s*|\s+))?"
    r"ngày\s*([\d.…_ \ue000]*)\s*tháng\s*([\d.…_ \ue000]*)\s*năm\s*([\d.…_ \ue000]*)\s*$",
    re.IGNORECASE)
# Lower-case words a place name may hold ("Thành phố Hồ Chí Minh", "thị xã Sơn Tây").
_PLACE_LOWER_WORDS = frozenset({"thành", "phố", "thị", "xã", "trấn", "huyện", "quận", "tỉnh", "phường", "tp."})
DATE_VALUE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_MAT = ("mật", "tối mật", "tuyệt mật")
_KHAN = ("khẩn", "thượng khẩn", "hỏa tốc", "hỏa tốc hẹn giờ", "tối khẩn")
_CHI_DAN = ("tài liệu hội nghị", "lưu hành nội bộ", "xem xong trả lại", "tài liệu tham khảo")
# Party forms and the state (Nghị định 30) forms; the latter must still be found so that
# S002 can report them (spec §2 S002).
_TQ_RE = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|T\.M\.?|T\.L\.?|K\.T\.?|Q\.|TM|KT|TL|TUQ)(?=\s|$)\s*")
_RULE_TEXT_RE = re.compile(r"^[-_–—─━=~.]{3,}$")
_CONTACT_RE = re.compile(r"(địa chỉ|điện thoại|\bđt\b|e-?mail|fax|website|hộp thư)", re.IGNORECASE)
_CITES_RE = re.compile(r"\s+số\b")
_TYPIST_RE = re.compile(r"^[A-ZĐ]{1,6}\s*[/-]\s*\d{1,4}\s*b?\.?$")


# What `fold` turns into a space or "-": the title keys leave both out.
_TITLE_LEAD = " -–—‐‑−"


def _may_open_with(text: str, letter: str) -> bool:
    """Whether ``plain(text)`` can start with ``letter`` (lower-case ASCII) once spaces and dashes are
    left out. The title tests are asked of every body line (sample blocks, the family's fallback),
    and ``plain`` of a paragraph of running text decomposes every character: a line whose first
    character is another ASCII one is answered without it (``plain`` keeps an ASCII letter as its
    lower case; any other first character is left to the full test)."""
    head = squash(text).lstrip(_TITLE_LEAD)[:1]
    return bool(head) and (not head.isascii() or head.lower() == letter)


def is_tieu_de(text: str) -> bool:
    """The Party title, tolerant of case, spacing and lost diacritics (H001 reports deviations)."""
    if not _may_open_with(text, "d"):
        return False
    key = plain(text).replace(" ", "")
    return key == plain(TIEU_DE).replace(" ", "") or key.startswith("dangcongsan")


def is_quoc_hieu(text: str) -> bool:
    return _may_open_with(text, "c") and plain(text).replace(" ", "").startswith("conghoaxahoichunghia")


def is_tieu_ngu(text: str) -> bool:
    return (_may_open_with(text, "d")
            and plain(text).replace(" ", "").replace("-", "").startswith("doclaptudohanhphuc"))


def is_dau_sao(text: str) -> bool:
    compact = squash(text).replace(" ", "")
    return bool(compact) and set(compact) == {"*"}


def is_rule_text(text: str) -> bool:
    """A line drawn with characters: `-----`, `_____`, `───`."""
    return bool(_RULE_TEXT_RE.match(squash(text).replace(" ", "")))


def so_ky_hieu(text: str) -> re.Match[str] | None:
    """`Số 15-NQ/TU`, `Số: 07/QĐ-UBND`, `Số       -NQ/CB` (blank number in templates)."""
    line = squash(text)
    return _SO_RE.match(line) if word_count(line) <= 8 else None


def has_so_colon(text: str) -> bool:
    found = so_ky_hieu(text)
    return bool(found and found.group(1))


def _is_place_name(text: str) -> bool:
    """`Hà Nội`, `Thành phố Hồ Chí Minh`: a few capitalised words, no digits (not `Hội nghị diễn ra`)."""
    words = text.split()
    return 1 <= len(words) <= 6 and not any(c.isdigit() for c in text) and all(
        w[:1].isupper() or w.lower() in _PLACE_LOWER_WORDS for w in words)


def is_date_line(text: str) -> bool:
    """`Hà Nội, ngày 05 tháng 3 năm 2020`; without the comma (H011 reports it) only after a place name."""
    line = squash(text)
    place, comma, rest = line.partition(",")
    if comma and DATE_FIELD_RE.match(rest.strip()) and _is_place_name(place.strip()):
        return True  # "Hà Nội, {{ngay_ky}}": a template's whole date is one field
    # Template fields ({{ngay}}, «thang», …(2)) stand where the day, month or year go (textutil.FIELD).
    found = _DATE_LINE_RE.match(fill_fields(line)) if word_count(line) <= 14 else None
    if found is None:
        return False
    return found["comma"] is not None or found["place"] is None or _is_place_name(found["place"])


_MAT_KEYS = frozenset(fold(m) for m in _MAT)
_KHAN_KEYS = frozenset(fold(k) for k in _KHAN)
_HOA_TOC = fold("hỏa tốc")


def is_dau_mat(text: str) -> bool:
    """`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`, and wrong forms ("BÍ MẬT") X001 must still see."""
    key = fold(text).rstrip(".")
    # Cheapest first: is_upper walks every letter of the line (fixed_kind asks it of running text).
    return key in _MAT_KEYS or ("mật" in key.split() and word_count(key) <= 3 and is_upper(text))


def is_dau_khan(text: str) -> bool:
    """`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`…, and wrong forms ("KHẨN CẤP") X002 must still see."""
    key = fold(text).rstrip(".")
    if key in _KHAN_KEYS:
        return True
    return ("khẩn" in key.split() or _HOA_TOC in key) and word_count(key) <= 4 and is_upper(text)


def is_du_thao(text: str) -> bool:
    key = fold(text).strip("()[] ")
    return key.startswith("dự thảo") and word_count(key) <= 6


def is_chi_dan(text: str) -> bool:
    key = fold(text)
    return word_count(key) <= 6 and any(key.startswith(fold(c)) for c in _CHI_DAN)


def document_type(text: str) -> str | None:
    """The type name a tên loại line starts with, lower-case NFC ("nghị quyết")."""
    key = fold(text).rstrip(":. ")
    if not key or word_count(key) > 8:
        return None
    for name in DOCUMENT_TYPES:
        folded = fold(name)
        if key == folded or key.startswith(folded + " "):
            # "Công văn số 123-CV/TU …" cites another document; a tên loại never carries a number.
            return None if _CITES_RE.match(key[len(folded):]) else name
    return None


def is_kinh_gui(text: str) -> bool:
    """`Kính gửi:` / `Kính trình:`; a closing sentence "Kính trình Ban … xem xét." is not one."""
    key = fold(text)
    if not (key.startswith("kính gửi") or key.startswith("kính trình")):
        return False
    return ":" in key[:14] or (word_count(key) <= 8 and not key.endswith("."))


def tham_quyen(text: str) -> str | None:
    """The authority prefix (`T/M`, `TM.` …) when the line is a signing-authority line."""
    line = squash(text)
    found = _TQ_RE.match(line)
    if not found or not is_upper(line[found.end():] or "XX"):
        return None
    if found.group(1) in ("TM", "KT", "TL", "TUQ") and not line[found.end():]:
        return None
    return found.group(1)


def is_noi_nhan(text: str) -> bool:
    """`Nơi nhận:` (the colon may be missing); "Nơi nhận văn bản" in a register table is not it."""
    key = fold(text).replace(" ", "")
    return key.startswith("nơinhận") and (key == "nơinhận" or key[len("nơinhận")] == ":")


def is_dash_item(text: str) -> bool:
    return squash(text)[:1] in ("-", "+", "–", "—", "•")


def is_contact(text: str) -> bool:
    return bool(_CONTACT_RE.search(squash(text)))


def is_typist_mark(text: str) -> bool:
    return bool(_TYPIST_RE.match(squash(text)))


def is_phu_luc(text: str) -> bool:
    key = fold(text)
    return key.startswith("phụ lục") and word_count(key) <= 12


def is_parenthetical(text: str) -> bool:
    """`(Đã ký)`, `(ký, ghi rõ họ tên)`: signature placeholders that are not the name."""
    line = squash(text)
    return line.startswith("(") or line.startswith("[") or fold(line).startswith("đã ký")


_PLACEHOLDER_RE = re.compile(r"^(?:\{\{.*\}\}|«.*»|\[.*\]|[.…_\s]+)$")
# Signers of minutes and other jointly signed papers, named by their part (HD36 biên bản sample).
_SIGNER_TITLES = frozenset({"thư ký", "chủ tọa", "chủ trì", "người ghi biên bản", "thư ký hội nghị",
                            "chủ trì hội nghị", "chủ tọa hội nghị", "thư ký cuộc họp", "chủ trì cuộc họp",
                            "chủ tọa cuộc họp"})
_NOTE_LABELS = ("ghi chú", "lưu ý", "chú ý", "chú thích")


def is_placeholder(text: str) -> bool:
    """`{{ho_ten}}`, `«HoTen»`, `…………`: a field a template fills in."""
    return bool(_PLACEHOLDER_RE.match(squash(text)))


def is_name_like(text: str) -> bool:
    """A person's name as signed: two to six capitalised words (`Phan Minh Đức`), or a template
    field. "Đã giới thiệu về sinh hoạt tại Chi bộ ……" is a sentence, not a name."""
    line = squash(text).rstrip(".")
    if is_placeholder(line):
        return True
    words = line.split()
    return 2 <= len(words) <= 6 and not any(c.isdigit() for c in line) and all(w[:1].isupper() for w in words)


def is_signer_title(text: str) -> bool:
    """`THƯ KÝ`, `Chủ tọa`, `CHỦ TRÌ HỘI NGHỊ`: the part a minutes signer plays, in any case."""
    return fold(text).rstrip(": ").replace("toạ", "tọa") in _SIGNER_TITLES


def is_note_label(text: str) -> bool:
    """`Ghi chú:`, `* Lưu ý:`: a note under the signature, not part of it."""
    key = fold(text).lstrip("*-+• ")
    if not key.startswith(_NOTE_LABELS):  # asked of every body line: most are answered here
        return False
    return any(key == label or (key.startswith(label) and key[len(label):].lstrip().startswith(":"))
               for label in _NOTE_LABELS)
