"""Text helpers only the checks use; NFC, squash, fold and letters are shared (``thethuc.textutil``)."""
from __future__ import annotations

import re

from thethuc.textutil import squash

# A letter or digit: ``\w`` is exactly ``str.isalnum()`` plus the underscore (both test
# Py_UNICODE_ISALNUM), so this is ``any(c.isalnum() for c in text)`` scanned in C.
_WORD_CHAR = re.compile(r"[^\W_]")


def has_word_chars(text: str) -> bool:
    return _WORD_CHAR.search(text) is not None


def excerpt(text: str, limit: int = 60) -> str:
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
