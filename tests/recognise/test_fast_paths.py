"""Issue 16's fast paths in recognise answer exactly as the plain computations they replace."""
from __future__ import annotations

import dataclasses

import pytest

from thethuc.model import Location, Paragraph, ParagraphFormat, Sourced
from thethuc.recognise import header_block
from thethuc.recognise.header_block import fixed_kind, title_kind

_TITLE_KINDS = {"tieu_de", "quoc_hieu", "tieu_ngu"}
_LINES = ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "- Độc lập – Tự do – Hạnh phúc -", "Đảng Cộng sản Việt Nam lãnh đạo toàn diện.", "Số 15-NQ/TU",
          "Hà Nội, ngày 05 tháng 3 năm 2020", "MẬT", "*", "-----", "Các cấp ủy, tổ chức đảng", ""]


def test_title_checks_open_the_fixed_checks() -> None:
    # title_kind stands for "fixed_kind is a title" only while the title tests come first.
    titles = header_block._TITLE_CHECKS
    assert header_block._FIXED_CHECKS[:len(titles)] == titles
    assert {kind for kind, _ in titles} == _TITLE_KINDS


@pytest.mark.parametrize("text", _LINES)
def test_title_kind_is_fixed_kind_of_a_title(text: str) -> None:
    kind = fixed_kind(text)
    assert title_kind(text) == (kind if kind in _TITLE_KINDS else None)


def test_closing_heads_are_every_first_letter_an_opener_can_have() -> None:
    # tham_quyen's forms start with T, K or Q; Nơi nhận and the signers' parts fold to a key starting
    # with n, t or c, and these are the only characters whose lower case starts with one of them.
    import sys

    from thethuc.recognise.closing import _CLOSING_HEADS

    lowered = {c for c in map(chr, range(sys.maxunicode + 1)) if c.lower()[:1] in ("t", "c", "n")}
    assert lowered | set("TKQ") == _CLOSING_HEADS
    assert {form[0] for form in ("T/M", "K/T", "T/L", "TM.", "KT.", "TL.", "TUQ.", "Q.")} <= _CLOSING_HEADS


_OPENERS = ["T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "Nơi nhận:", "nơi nhận", "THƯ KÝ",
            "Chủ tọa", "NGƯỜI GHI BIÊN BẢN", "chủ trì hội nghị:", "KT. GIÁM ĐỐC"]


@pytest.mark.parametrize("text", [*_OPENERS, *_LINES])
def test_closing_start_pre_test_keeps_every_opener(text: str) -> None:
    from thethuc.recognise import patterns as pt
    from thethuc.recognise.closing import _CLOSING_HEADS
    from thethuc.textutil import squash

    line = squash(text)
    if pt.tham_quyen(line) or pt.is_noi_nhan(line) or pt.is_signer_title(line):
        assert line[0] in _CLOSING_HEADS


def _title_references() -> dict[str, object]:
    # The title tests as they were before the first-letter pre-test.
    from thethuc.recognise.patterns import TIEU_DE
    from thethuc.textutil import plain

    def tieu_de(text: str) -> bool:
        key = plain(text).replace(" ", "")
        return key == plain(TIEU_DE).replace(" ", "") or key.startswith("dangcongsan")

    return {"is_tieu_de": tieu_de,
            "is_quoc_hieu": lambda t: plain(t).replace(" ", "").startswith("conghoaxahoichunghia"),
            "is_tieu_ngu": lambda t: plain(t).replace(" ", "").replace("-", "").startswith("doclaptudohanhphuc")}


def _random_lines(count: int) -> list[str]:
    import random

    rng = random.Random(16)
    pool = ["Đ", "đ", "D", "d", "C", "c", "Ç", "ĐẢNG", "Dang", "CỘNG", "Cong", "cộng", "HÒA", "hoà", "XÃ", "HỘI",
            "CHỦ", "NGHĨA", "VIỆT", "NAM", "SẢN", "Độc", "lập", "Tự", "do", "Hạnh", "phúc", "Doc", "lap", "Tu",
            "Hanh", "phuc", " ", "  ", "\t", "\u00a0", "-", "–", "—", "‐", "\u0301", "\u0323", "1.", "*", "x",
            "Các", "cấp", "ủy", "Nghị", "quyết", "\n", "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"]
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 9))) for _ in range(count)]


def test_title_tests_answer_as_without_their_pre_test() -> None:
    from thethuc.recognise import patterns as pt

    lines = [*_LINES, *_random_lines(20000)]
    for name, reference in _title_references().items():
        fast = getattr(pt, name)
        wrong = [line for line in lines if fast(line) != reference(line)]  # type: ignore[operator]
        assert wrong == [], name
    assert sum(pt.is_tieu_de(line) or pt.is_quoc_hieu(line) or pt.is_tieu_ngu(line) for line in lines) > 100


def test_is_upper_and_starts_lower_answer_as_over_the_letters() -> None:
    # is_upper pairs each character with its capital instead of collecting the letters; it must agree
    # where a capital is longer (ß), where a non-letter has a capital (ⓐ, U+0345) and where a letter
    # has none (ʰ).
    import random

    from thethuc.recognise.text import is_upper, starts_lower
    from thethuc.textutil import letters

    def reference_upper(text: str) -> bool:
        found = letters(text)
        return len(found) >= 2 and found == found.upper()

    def reference_lower(text: str) -> bool:
        found = letters(text)
        return bool(found) and found[0].islower()

    rng = random.Random(16)
    pool = [*"AaĐđẢảBb1 .,-ßẞⓐⒶʰ\u0345\u0301ǅǆŉİıΣσς½Ⅻⅻ_", "ĐẢNG", "Chi bộ", "NQ/TU"]
    lines = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 6))) for _ in range(50000)]
    assert [t for t in lines if is_upper(t) != reference_upper(t)] == []
    assert [t for t in lines if starts_lower(t) != reference_lower(t)] == []
    assert sum(map(is_upper, lines)) > 1000


def test_piece_texts_of_a_one_line_paragraph_are_its_pieces() -> None:
    # The memo is skipped for a paragraph without a break or a gap: its one piece is its squashed text.
    from thethuc.recognise.layout import _piece_texts, piece_texts

    fmt = ParagraphFormat(None, None, *(Sourced(v, "default") for v in ("left", 0, 0, 0, 0, 0, "auto", 240)),
                          Sourced(None, "default"), Sourced(None, "default"))
    for text in ["Các cấp ủy", "  T/M BAN THƯỜNG VỤ ", "Số 15-NQ/TU\tHà Nội", "a\nb", "x    y", "\u00a0" * 4 + "z",
                 "x\u00a0\u00a0y", "", "   ", "ĐẢNG CỘNG SẢN VIỆT NAM"]:
        for label in ("", "1."):
            para = Paragraph(0, Location("document", "word/document.xml", 1), 0, text, (),
                             dataclasses.replace(fmt, numbering_label=label))
            assert piece_texts(para) == tuple(_piece_texts(para)), (text, label)


def test_is_blank_by_its_first_character_is_squash() -> None:
    # Every character but a space of some kind (or the zero-width space, which squash takes as one)
    # survives squash: a text starting with one is not blank.
    import sys

    from thethuc.recognise.text import is_blank
    from thethuc.textutil import squash

    chars = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000]
    assert [c for c in chars if is_blank(c) != (not squash.__wrapped__(c))] == []  # type: ignore[attr-defined]
    assert [t for t in ("", " ", "\u200b x", "\u3000", "\u00a0\t\n", " a") if is_blank(t) != (not squash(t))] == []


def _paragraph(text: str, table: tuple[int, int, int] | None = None) -> Paragraph:
    fmt = ParagraphFormat(None, None, *(Sourced(v, "default") for v in ("left", 0, 0, 0, 0, 0, "auto", 240)),
                          Sourced(None, "default"), Sourced(None, "default"))
    return Paragraph(0, Location("document", "word/document.xml", 1, table), 0, text, (), fmt)


@pytest.mark.parametrize("table", [None, (0, 0, 1)])
def test_closing_start_pre_test_answers_as_the_full_test(table: tuple[int, int, int] | None) -> None:
    # A lone line outside a table opens the closing only as an authority or Nơi nhận; a signer's
    # part (THƯ KÝ) counts beside another part or in a table.
    from thethuc.model import Document
    from thethuc.recognise.closing import _is_closing_start, is_closing_start

    full = _is_closing_start.__wrapped__  # type: ignore[attr-defined]
    texts = [*_OPENERS, *_LINES, "THƯ KÝ\tCHỦ TỌA", "THƯ KÝ\tTHƯ KÝ", "Các cấp ủy\tT/M BAN", "chủ tọa\nthư ký",
             "Thư ký cuộc họp:", "KT. GIÁM ĐỐC\tNơi nhận:", "Ngày 5", "công văn"]
    for text in texts:
        para = _paragraph(text, table)
        doc = Document("x.docx", (), (para,))
        assert is_closing_start(doc, para) == full(doc, para), text
