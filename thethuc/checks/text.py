"""Text helpers for the checks: NFC, spacing, the two tone placements, letter case.

``ủy``/``uỷ`` and ``hóa``/``hoá`` are equal spellings (spec §2), so fixed texts are compared
through ``fold``, which maps the new placement onto the old one.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_TONE_MOVES: dict[str, str] = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only at the end of a syllable: "hoàn"/"toán" place the tone on the second vowel in both styles.
_TONE_RE = re.compile(f"({'|'.join(_TONE_MOVES)})(?![^\\W\\d_])")
_SPACES_RE = re.compile(r"[ \t\n\u00a0\u2002-\u200b\u3000]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=4096)  # the same paragraph is squashed by rule after rule
def squash(text: str) -> str:
    """NFC, every run of spaces/tabs/breaks as one space, ends stripped."""
    return _SPACES_RE.sub(" ", nfc(text)).strip()


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A comparison key: squashed, lower case, one tone placement, one kind of dash."""
    lowered = squash(text).lower().translate(_DASHES)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], lowered)


def letters(text: str) -> str:
    return "".join(c for c in nfc(text) if c.isalpha())


def has_word_chars(text: str) -> bool:
    return any(c.isalnum() for c in text)


def excerpt(text: str, limit: int = 60) -> str:
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
