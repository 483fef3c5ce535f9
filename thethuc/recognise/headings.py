"""Parse structure labels ("Chương II", "Điều 3.", "1.1.", "đ)", "-") into kind, number and punctuation.

Numbers are ordinals so the check stage can verify sequences (B008): roman and decimal as
integers, letters in the Vietnamese alphabet order, bullets without a number.
"""
from __future__ import annotations

import functools
import re

from thethuc.recognise.text import is_upper
from thethuc.records import dataclass
from thethuc.textutil import VIETNAMESE_ALPHABET, alpha_to_int, fold, roman_to_int, squash

__all__ = ["VIETNAMESE_ALPHABET", "Label", "alpha_to_int", "parse_label", "roman_to_int"]
_ROMAN_RE = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_WORD_NUMBERS: dict[str, int] = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}

_NAMED_RE = re.compile(
    r"^(?P<kind>phần|chương|mục|điều)\s+(?P<num>thứ\s+\w+|[IVXLC]+|\d{1,3})\b\s*(?P<punct>[.:\-]?)",
    re.IGNORECASE)
# "6.1.Công tác", "2.Nhiệm vụ", "a)Tổ chức": people often leave out the space after a label whose
# punctuation closes it; a letter right after "." or ")" still ends the label (never a digit: "1.5").
_GLUED = r"(?=\s|$|(?<=[.)])[^\W\d_])"
_DOTTED_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)(?P<punct>\.?)" + _GLUED)
_DECIMAL_RE = re.compile(r"^(?P<num>\d{1,2})\s?(?P<punct>[.\-)])" + _GLUED)
_ROMAN_LABEL_RE = re.compile(rf"^(?P<num>{_ROMAN_RE})\s?(?P<punct>[.\-)])(?=\s|$)")
_ALPHA_RE = re.compile(rf"^(?P<num>[{VIETNAMESE_ALPHABET}])(?P<punct>[).])(?=\s|$|(?<=\))[^\W\d_])")
# A label quoted inside the text (an amended clause: “a) Sửa đổi …”) is still a label.
_OPENING_QUOTES = "\"“‘'«„"
_BULLET_RE = re.compile(r"^(?P<num>[-+–—•])(?=\s|\S)")


@dataclass(frozen=True, slots=True)
class Label:
    """A parsed label. ``kind`` is phan/chuong/muc/dieu for named labels, else the numbering style."""

    kind: str  # phan, chuong, muc, dieu, roman, decimal, decimal-dotted, alpha, bullet
    label: str
    style: str  # roman, decimal, decimal-dotted, alpha, bullet, word
    number: int | None
    punct: str
    rest: str  # the text after the label


def _named_number(raw: str) -> tuple[str, int | None]:
    if raw[:1].isdigit():
        return "decimal", int(raw)
    if fold(raw).startswith("thứ"):
        return "word", _WORD_NUMBERS.get(fold(raw).split()[-1])
    return "roman", roman_to_int(raw)


def _parse_named(line: str) -> Label | None:
    found = _NAMED_RE.match(line)
    if not found:
        return None
    kind = fold(found.group("kind"))
    kind = {"phần": "phan", "chương": "chuong", "mục": "muc", "điều": "dieu"}[kind]
    style, number = _named_number(found.group("num"))
    punct = found.group("punct")
    rest = line[found.end():].strip()
    # "Điều 5 Điều lệ Đảng quy định…" is prose: an article label has its "." / ":" or stands alone.
    if kind == "dieu" and (style != "decimal" or (not punct and rest and not is_upper(rest))):
        return None
    if kind == "muc" and style == "decimal" and not punct and rest[:1].islower():
        return None
    return Label(kind, found.group(0).strip(), style, number, punct, rest)


def _parse_numbered(line: str) -> Label | None:
    for kind, regex in (("decimal-dotted", _DOTTED_RE), ("roman", _ROMAN_LABEL_RE),
                        ("decimal", _DECIMAL_RE), ("alpha", _ALPHA_RE)):
        found = regex.match(line)
        if not found or not found.group("num"):
            continue
        raw = found.group("num")
        if kind == "decimal-dotted":
            number: int | None = int(raw.split(".")[-1])
        elif kind == "roman":
            number = roman_to_int(raw)
        elif kind == "decimal":
            number = int(raw)
        else:
            number = alpha_to_int(raw)
        return Label(kind, found.group(0).strip(), kind, number, found.group("punct"),
                     line[found.end():].strip())
    return None


@functools.lru_cache(maxsize=4096)  # the body labeller asks each paragraph twice (articles, then roles)
def parse_label(text: str) -> Label | None:
    """The structure label a paragraph starts with, or None for running text."""
    line = squash(text).lstrip(_OPENING_QUOTES).lstrip()
    if not line:
        return None
    named = _parse_named(line)
    if named:
        return named
    numbered = _parse_numbered(line)
    if numbered:
        return numbered
    bullet = _BULLET_RE.match(line)
    if bullet and len(line) > 1 and not line.startswith("--"):
        return Label("bullet", bullet.group("num"), "bullet", None, "", line[1:].strip())
    return None
