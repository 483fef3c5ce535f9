"""Encode Unicode Vietnamese as TCVN3 (ABC) text the way a `.VnTime` document stores it.

Word keeps such text as the Windows-1252 characters of the TCVN3 bytes, so "Tỉnh ủy"
appears in document.xml as "TØnh ñy": the mojibake the P008 rule must recognise.
"""
from __future__ import annotations

import unicodedata

# Byte of each lower-case letter in TCVN3 (ABC); generated once with glibc iconv TCVN5712-1.
_LOWER = (
    "àB5 áB8 ảB6 ãB7 ạB9 ăA8 ằBB ắBE ẳBC ẵBD ặC6 âA9 ầC7 ấCA ẩC8 ẫC9 ậCB đAE èCC éD0 ẻCE ẽCF ẹD1 "
    "êAA ềD2 ếD5 ểD3 ễD4 ệD6 ìD7 íDD ỉD8 ĩDC ịDE òDF óE3 ỏE1 õE2 ọE4 ôAB ồE5 ốE8 ổE6 ỗE7 ộE9 "
    "ơAC ờEA ớED ởEB ỡEC ợEE ùEF úF3 ủF1 ũF2 ụF4 ưAD ừF5 ứF8 ửF6 ữF7 ựF9 ỳFA ýFD ỷFB ỹFC ỵFE"
)
# TCVN3 has capitals only for the bare modified letters; a toned capital was typed with the
# lower-case code (and .VnTimeH drew it as a capital), so that is what ABC users left behind.
_UPPER_BARE = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


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
