"""Letter-case and blank tests for recognising labels; NFC, squash, fold and plain are shared
(``thethuc.textutil``).
"""
from __future__ import annotations

from thethuc.textutil import letters, nfc, squash


def is_upper(text: str) -> bool:
    """All letters are capitals (digits and punctuation do not count); needs two letters.

    The same answer as ``letters(text)`` compared with its capitals, without collecting the letters
    of the whole line (asked of running text, where the first lower-case letter settles it)."""
    shown = nfc(text)
    capitals = shown.upper()
    if capitals != shown:
        if len(capitals) != len(shown):  # a letter with a longer capital (ß → SS): the long way
            found = letters(shown)
            return len(found) >= 2 and found == found.upper()
        # One capital per character, so they pair up: a letter unlike its capital is in lower case.
        if any(c != up and c.isalpha() for c, up in zip(shown, capitals, strict=True)):
            return False
    # Every letter is its own capital: are there two?
    count = 0
    for c in shown:
        if c.isalpha():
            count += 1
            if count == 2:
                return True
    return False


def starts_lower(text: str) -> bool:
    first = next((c for c in nfc(text) if c.isalpha()), "")  # the first of letters(text)
    return first.islower()


def word_count(text: str) -> int:
    return len(squash(text).split())


def is_blank(text: str) -> bool:
    head = text[:1]
    if head and not head.isspace() and head != "\u200b":
        return False  # a first character squash keeps: asked of every paragraph, mostly answered here
    return not squash(text)
