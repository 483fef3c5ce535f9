"""Encode Unicode Vietnamese as TCVN3 (ABC) text the way a `.VnTime` document stores it.

Word keeps such text as the Windows-1252 characters of the TCVN3 bytes, so "Tỉnh ủy"
appears in document.xml as "TØnh ñy": the mojibake the P008 rule must recognise.
"""
from __future__ import annotations

import unicodedata

from thethuc.fix.encodings import TCVN3_LOWER, TCVN3_UPPER

# The production table (thethuc/fix/encodings.py): one copy, so the test documents are written with
# the very bytes the fix decodes. TCVN3 has capitals only for the bare modified letters; a toned
# capital was typed with the lower-case code (and .VnTimeH drew it as a capital).
_LOWER, _UPPER_BARE = TCVN3_LOWER, TCVN3_UPPER


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for item in _LOWER.split():
        letter, code = item[0], int(item[1:], 16)
        char = bytes([code]).decode("cp1252")
        table[letter] = char
        upper = letter.upper()
        table.setdefault(upper, char)
    for letter, code in _UPPER_BARE.items():
        table[letter] = bytes([code]).decode("cp1252")
    return table


TABLE: dict[str, str] = _table()


def to_tcvn3(text: str) -> str:
    """The characters Word stores for ``text`` typed with an ABC keyboard in a .VnTime font."""
    return "".join(TABLE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
