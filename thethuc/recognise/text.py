"""Letter-case and blank tests for recognising labels; NFC, squash, fold and plain are shared
(``thethuc.textutil``).
"""
from __future__ import annotations

from thethuc.textutil import letters, squash


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
