"""Text facts every stage shares: NFC, spacing, the two tone placements, roman numerals, the Vietnamese
alphabet order, wrapped list lines.

A neutral module: it imports nothing from the stages, so load, recognise and check may all use it.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable

# Vietnamese alphabet order used for điểm labels: no f, j, w, z; đ after d (spec B008).
VIETNAMESE_ALPHABET = "abcdđeghiklmnopqrstuvxy"
LIST_MARKS = ("-", "+", "–", "—", "•")

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# An item closed by one of these cannot run on into the next line; "," may (see continues_item).
_CLOSING = (";", ".")


# Old ("hòa", "ủy") and new ("hoà", "uỷ") tone placement are both correct spellings (spec §2);
# ``fold`` maps the new placement onto the old one so one key covers both.
_TONE_MOVES: dict[str, str] = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only at the end of a syllable: "hoàn"/"toán"/"loại" place the tone on the second vowel in both styles.
_TONE_RE = re.compile(f"({'|'.join(_TONE_MOVES)})(?![^\\W\\d_])")
_SPACES_RE = re.compile(r"[ \t\n\u00a0\u2002-\u200b\u3000]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})

# Recognisers and rules ask the same paragraph's key many times (every zone finder, every pattern,
# rule after rule); the pure text functions remember recent answers. Long texts are running prose,
# rarely asked twice, and not worth holding.
_MEMO_SIZE = 4096
_MEMO_MAX_LEN = 2000


def _memo(func: Callable[[str], str]) -> Callable[[str], str]:
    # A plain dict emptied when full rather than an lru_cache: a hit (the usual case, ~14 asks per
    # paragraph) is one dict lookup, about half the cost of the lru_cache call; the functions are
    # pure, so what is forgotten only costs a recomputation.
    cache: dict[str, str] = {}

    @functools.wraps(func)
    def remembered(text: str) -> str:
        hit = cache.get(text)
        if hit is not None:
            return hit
        value = func(text)
        if len(text) <= _MEMO_MAX_LEN:
            if len(cache) >= _MEMO_SIZE:
                cache.clear()
            cache[text] = value
        return value
    remembered.cache_clear = cache.clear  # type: ignore[attr-defined]  # lru_cache's attribute, kept for callers
    return remembered


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@_memo
def squash(text: str) -> str:
    """NFC, every run of spaces/tabs/breaks as one space, ends stripped."""
    return _SPACES_RE.sub(" ", nfc(text)).strip()


@_memo
def fold(text: str) -> str:
    """A comparison key: squashed, lower case, one tone placement, one kind of dash (diacritics kept)."""
    lowered = squash(text).lower().translate(_DASHES)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], lowered)


@_memo
def plain(text: str) -> str:
    """`fold` without diacritics (đ → d): tolerant matching of misspelt fixed texts."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def letters(text: str) -> str:
    return "".join(c for c in nfc(text) if c.isalpha())


def int_to_roman(value: int) -> str:
    """4 → ``IV``; zero and negative numbers are written in digits (Word does the same)."""
    if value <= 0:
        return str(value)
    out: list[str] = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def roman_to_int(text: str) -> int | None:
    """``XIV`` → 14 (either case); None when the text is not made of roman digits."""
    text = text.upper()
    if not text or any(c not in _ROMAN_VALUES for c in text):
        return None
    total = 0
    for here, after in zip(text, text[1:] + " ", strict=False):
        value = _ROMAN_VALUES[here]
        total += -value if after != " " and _ROMAN_VALUES[after] > value else value
    return total


def alpha_to_int(letter: str) -> int | None:
    """``đ`` → 5: the position of a điểm letter in the Vietnamese alphabet."""
    index = VIETNAMESE_ALPHABET.find(letter.lower()) if len(letter) == 1 else -1
    return index + 1 if index >= 0 else None


def int_to_alpha(number: int) -> str | None:
    return VIETNAMESE_ALPHABET[number - 1] if 1 <= number <= len(VIETNAMESE_ALPHABET) else None


def starts_with_mark(line: str) -> bool:
    return unicodedata.normalize("NFC", line).strip()[:1] in LIST_MARKS


def comma_ends_items(lines: Iterable[str]) -> bool:
    """Whether a list closes its items with commas (hd36 allows ``,`` as well as ``;``): then a
    line ending in a comma may be a whole item. Decided by the list's own majority ending."""
    ends = [line.rstrip()[-1:] for line in lines]
    return ends.count(",") >= ends.count(";")


def continues_item(previous: str, line: str, comma_ends: bool = True) -> bool:
    """Whether ``line`` is the wrapped rest of the list item ``previous`` rather than an item.

    Word users wrap a long recipient by pressing Enter (the decree 30/2020/NĐ-CP: ``- Các bộ, cơ
    quan ngang bộ,`` / ``cơ quan thuộc Chính phủ;``): the second line has no dash, and the first
    did not close its item. When the list closes items with commas too (``comma_ends``), a line
    after a comma must also look wrapped: indented, or starting in lower case.
    """
    body = previous.strip()
    if not body or not line.strip() or starts_with_mark(line) or body.endswith(_CLOSING):
        return False
    if not body.endswith(",") or not comma_ends:
        return True
    first = line.strip()[:1]
    return line[:1].isspace() or (first.isalpha() and first.islower())


# ---------------------------------------------------------------- template fields

# One character standing for a field a template or a drafter left for the văn thư to fill in at
# issue; a private-use code point, so no real text holds it and every pattern can name it.
FIELD = "\ue000"
# The shapes such a field takes in real files: a template engine's ``{{ngay_ky}}`` /
# ``{{ so }}``, a Word mail-merge field's shown result ``«so_van_ban»``, a form's numbered gap
# ``…(2)``, and runs of dots, ellipses or underscores (``……``, ``...``, ``___``).
_FIELD_RE = re.compile(r"\{\{[^{}]{0,40}\}\}|«[^«»]{0,40}»|(?:…|\.{2,}|_{2,})+(?:\s?\(\d{1,2}\))?")


def fill_fields(text: str) -> str:
    """``Số …(2)-NQ/TU`` → ``Số \\ue000-NQ/TU``: each template field as the one FIELD character.

    For the fixed short lines (số, ngày tháng) only: elsewhere «…» is a quotation.
    """
    return _FIELD_RE.sub(FIELD, text)


# A single template field standing for the whole date: ``{{ngay_ky}}``, ``«NgayBanHanh»``.
DATE_FIELD_RE = re.compile(r"^(?:\{\{[^{}]*(?:ngay|ngày|date)[^{}]*\}\}|«[^«»]*(?:ngay|ngày|date)[^«»]*»)$",
                           re.IGNORECASE)


def has_field(text: str) -> bool:
    return FIELD in fill_fields(text)
