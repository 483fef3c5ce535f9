"""TCVN3 and VNI → Unicode, both ways, on every Vietnamese letter."""
from __future__ import annotations

import unicodedata

import pytest

from thethuc.fix.encodings import (
    TCVN3_DECODE,
    VNI_ENCODE,
    capitals_font,
    encoding_of_font,
    from_tcvn3,
    from_vni,
    looks_tcvn3,
)
from thethuc.testing.tcvn3 import to_tcvn3

BASES = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LOWER = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES] + ["đ"]
UPPER = [letter.upper() for letter in LOWER]
BARE_CAPITALS = set("ĂÂÊÔƠƯĐ")


def test_there_are_67_letters_with_marks_in_each_case() -> None:
    marked = [c for c in LOWER if not c.isascii()]
    assert len(marked) == 67 and len(set(marked)) == 67


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_vni_round_trip(letter: str) -> None:
    coded = VNI_ENCODE.get(letter, letter)
    assert from_vni(coded) == letter
    assert from_vni(f"x{coded}y") == f"x{letter}y"


def test_vni_encoding_is_one_to_one() -> None:
    assert len(set(VNI_ENCODE.values())) == len(VNI_ENCODE) == 134


@pytest.mark.parametrize("letter", LOWER)
def test_tcvn3_round_trip_lower(letter: str) -> None:
    assert from_tcvn3(to_tcvn3(letter)) == letter


@pytest.mark.parametrize("letter", UPPER)
def test_tcvn3_capitals(letter: str) -> None:
    coded = to_tcvn3(letter)
    if letter in BARE_CAPITALS or letter.isascii():
        assert from_tcvn3(coded) == letter
    else:  # typed with the lower-case byte; a capitals font (.VnTimeH) draws it as the capital
        assert from_tcvn3(coded) == letter.lower()
    assert from_tcvn3(coded, capitals=True) == letter


@pytest.mark.parametrize("code", sorted(TCVN3_DECODE))
def test_every_tcvn3_byte_encodes_back(code: str) -> None:
    assert to_tcvn3(from_tcvn3(code)) == code


def test_sentences() -> None:
    text = "Đảng Cộng sản Việt Nam lãnh đạo; Tăng cường sự lãnh đạo của cấp ủy, tổ chức đảng."
    assert from_tcvn3(to_tcvn3(text)) == text
    assert from_vni("Ñaûng Coäng saûn Vieät Nam nöôùc thaùng naêm Chuû tòch") == \
        "Đảng Cộng sản Việt Nam nước tháng năm Chủ tịch"
    assert from_vni("ÑAÛNG COÄNG SAÛN VIEÄT NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert from_tcvn3("BAN CH\xcaP H\xb5NH", capitals=True) == "BAN CHẤP HÀNH"  # .VnTimeH


def test_unicode_text_is_never_taken_for_tcvn3() -> None:
    assert not looks_tcvn3("Hà Nội, ngày 05 tháng 3 năm 2019")
    assert not looks_tcvn3("cán bộ")
    assert looks_tcvn3(to_tcvn3("Tăng cường sự lãnh đạo"))


def test_fonts() -> None:
    assert encoding_of_font(".VnTime") == "tcvn3" and encoding_of_font(".VnTimeH") == "tcvn3"
    assert encoding_of_font("VNI-Times") == "vni" and encoding_of_font("Times New Roman") is None
    assert capitals_font(".VnTimeH") and not capitals_font(".VnTime")
