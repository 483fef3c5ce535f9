"""Text helpers only the checks use; NFC, squash, fold and letters are shared (``thethuc.textutil``)."""
from __future__ import annotations

from thethuc.textutil import squash


def has_word_chars(text: str) -> bool:
    return any(c.isalnum() for c in text)


def excerpt(text: str, limit: int = 60) -> str:
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
