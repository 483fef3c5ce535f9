"""Text normalisation for matching Vietnamese labels: NFC, spacing, old/new tone placement, case.

Only used to *recognise*; the check stage compares the original text against the rules.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

# Old ("hòa", "ủy") and new ("hoà", "uỷ") tone placement are both correct spellings (spec §2);
# matching folds the new placement onto the old one so one pattern covers both.
_TONE_MOVES: dict[str, str] = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONE_MOVES))
_SPACES_RE = re.compile(r"[ \u00a0\u2002-\u200b\u3000]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


# The recognisers ask the same paragraph's key many times (every zone finder, every pattern);
# the pure text functions remember recent answers. Long texts are running prose, rarely asked
# twice, and not worth holding.
_MEMO_SIZE = 4096
_MEMO_MAX_LEN = 2000


def _memo(func: Callable[[str], str]) -> Callable[[str], str]:
    cached = functools.lru_cache(maxsize=_MEMO_SIZE)(func)

    @functools.wraps(func)
    def remembered(text: str) -> str:
        return cached(text) if len(text) <= _MEMO_MAX_LEN else func(text)
    remembered.cache_clear = cached.cache_clear  # type: ignore[attr-defined]  # lru_cache's attribute, kept for callers
    return remembered


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@_memo
def squash(text: str) -> str:
    """NFC, tabs and breaks as spaces, runs of spaces collapsed, ends stripped."""
    return _SPACES_RE.sub(" ", nfc(text).replace("\t", " ").replace("\n", " ")).strip()


@_memo
def fold(text: str) -> str:
    """A matching key: squashed, case-folded, one tone placement, one kind of dash."""
    lowered = squash(text).lower().translate(_DASHES)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(0)], lowered)


@_memo
def plain(text: str) -> str:
    """`fold` without diacritics (đ → d): tolerant matching of misspelt fixed texts."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def is_upper(text: str) -> bool:
    """All letters are capitals (digits and punctuation do not count); needs two letters."""
    found = letters(text)
    return len(found) >= 2 and found == found.upper()


def starts_lower(text: str) -> bool:
    found = letters(text)
    return bool(found) and found[0].islower()


def word_count(text: str) -> int:
    return len(squash(text).split())


def is_blank(text: str) -> bool:
    return not squash(text)
