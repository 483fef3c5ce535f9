"""Pre-Unicode Vietnamese (TCVN3 "ABC" and VNI) converted to Unicode (TCVN 6909:2001), exactly.

Word keeps text typed in a ``.VnTime`` or ``VNI-Times`` font as the Latin-1 characters of the
font's bytes: TCVN3 "§¶ng" and VNI "Ñaûng" are both "Đảng". TCVN3 spends one byte per letter and
has capitals only for the bare modified letters (Ă Â Ê Ô Ơ Ư Đ); a toned capital was typed with
the lower-case byte and drawn as a capital by the capitals font (``.VnTimeH``), so text in such a
font is upper-cased after decoding. VNI writes a toned letter as the base letter plus a mark byte.
tests/fix/test_encodings.py round-trips every Vietnamese letter through both tables.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 byte of each lower-case letter (the table glibc's iconv TCVN5712-1 gives for these letters).
TCVN3_LOWER = (
    "àB5 áB8 ảB6 ãB7 ạB9 ăA8 ằBB ắBE ẳBC ẵBD ặC6 âA9 ầC7 ấCA ẩC8 ẫC9 ậCB đAE èCC éD0 ẻCE ẽCF ẹD1 "
    "êAA ềD2 ếD5 ểD3 ễD4 ệD6 ìD7 íDD ỉD8 ĩDC ịDE òDF óE3 ỏE1 õE2 ọE4 ôAB ồE5 ốE8 ổE6 ỗE7 ộE9 "
    "ơAC ờEA ớED ởEB ỡEC ợEE ùEF úF3 ủF1 ũF2 ụF4 ưAD ừF5 ứF8 ửF6 ữF7 ựF9 ỳFA ýFD ỷFB ỹFC ỵFE"
)
TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def _tcvn3_decoding() -> dict[str, str]:
    table: dict[str, str] = {}
    for item in TCVN3_LOWER.split():
        table[chr(int(item[1:], 16))] = item[0]
    for letter, code in TCVN3_UPPER.items():
        table[chr(code)] = letter
    return table


TCVN3_DECODE: dict[str, str] = _tcvn3_decoding()

# VNI: tone marks after the vowel (sắc, huyền, hỏi, ngã, nặng), lower and upper case.
_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VNI_TONE = ("ù", "ø", "û", "õ", "ï")
_VNI_TONE_UP = ("Ù", "Ø", "Û", "Õ", "Ï")
_VNI_HAT = ("â", "á", "à", "å", "ã", "ä")  # circumflex bare, then with each tone
_VNI_HAT_UP = ("Â", "Á", "À", "Å", "Ã", "Ä")
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # breve bare, then with each tone
_VNI_BREVE_UP = ("Ê", "É", "È", "Ú", "Ü", "Ë")
# Letters VNI stores in one byte.
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î",
               "Ơ": "Ô", "Ư": "Ö", "Đ": "Ñ", "Í": "Í", "Ì": "Ì", "Ỉ": "Æ", "Ĩ": "Ó", "Ị": "Ò", "Ỵ": "Î"}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_encoding() -> dict[str, str]:
    table: dict[str, str] = dict(_VNI_SINGLE)
    for upper in (False, True):
        tone_marks = _VNI_TONE_UP if upper else _VNI_TONE
        hats = _VNI_HAT_UP if upper else _VNI_HAT
        breves = _VNI_BREVE_UP if upper else _VNI_BREVE
        case = str.upper if upper else str.lower
        for base in "aeiouy":
            b = case(base)
            for tone, mark in zip(_TONES, tone_marks, strict=False):
                table.setdefault(_compose(b, tone), b + mark)
        for base in "aeo":  # â ê ô
            b = case(base)
            table[_compose(b, "\u0302")] = b + hats[0]
            for tone, mark in zip(_TONES, hats[1:], strict=False):
                table[_compose(b, "\u0302", tone)] = b + mark
        a = case("a")  # ă
        table[_compose(a, "\u0306")] = a + breves[0]
        for tone, mark in zip(_TONES, breves[1:], strict=False):
            table[_compose(a, "\u0306", tone)] = a + mark
        for letter, _single in (("ơ", "ô"), ("ư", "ö")):  # ơ ư with a tone: the one-byte letter plus the mark
            base_letter = case(letter)
            stored = _VNI_SINGLE[base_letter]
            for tone, mark in zip(_TONES, tone_marks, strict=False):
                table[_compose(base_letter, tone)] = stored + mark
    return table


VNI_ENCODE: dict[str, str] = _vni_encoding()
VNI_DECODE: dict[str, str] = {coded: letter for letter, coded in VNI_ENCODE.items()}
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_DECODE, key=len, reverse=True)))


def from_tcvn3(text: str, capitals: bool = False) -> str:
    """TCVN3 text as stored by Word → Unicode (NFC); ``capitals`` for a ``.Vn…H`` font."""
    decoded = "".join(TCVN3_DECODE.get(ch, ch) for ch in text)
    return decoded.upper() if capitals else decoded


def from_vni(text: str) -> str:
    """VNI text as stored by Word → Unicode (NFC)."""
    return _VNI_PATTERN.sub(lambda m: VNI_DECODE[m.group(0)], text)


def encoding_of_font(name: str) -> str | None:
    """``tcvn3`` for the ``.Vn…`` fonts, ``vni`` for ``VNI-…``, None for a font this module cannot read."""
    folded = name.casefold()
    if folded.startswith(".vn"):
        return "tcvn3"
    if folded.startswith(("vni-", "vni ")):
        return "vni"
    return None


def capitals_font(name: str) -> bool:
    """``.VnTimeH``, ``.VnArialH``: the TCVN3 fonts that draw every letter as a capital."""
    return name.casefold().startswith(".vn") and name.endswith("H")


def looks_tcvn3(text: str) -> bool:
    """Text that can only be TCVN3: nothing beyond Latin-1, and a byte TCVN3 uses for a letter
    that Unicode Vietnamese never writes (``§``, ``¶``, ``Ö``, soft hyphen …)."""
    if any(ord(ch) > 0xFF for ch in text):
        return False
    unicode_latin1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
    return any(ch in TCVN3_DECODE and ch not in unicode_latin1 for ch in text)
