"""Memos: the identity memo (thethuc/memo.py), font slots in first-use order, the mojibake quick reject."""
from __future__ import annotations

from dataclasses import dataclass

from thethuc import memo
from thethuc.checks.fonts import mojibake_words, slots_used
from thethuc.textutil import fold, squash


@dataclass(frozen=True)
class Box:
    value: int


def test_per_object_answers_once_per_object_not_per_equal_value() -> None:
    calls: list[int] = []

    @memo.per_object
    def double(box: Box) -> int:
        calls.append(box.value)
        return box.value * 2

    one, twin = Box(3), Box(3)
    assert (double(one), double(one), double(twin)) == (6, 6, 6)
    assert calls == [3, 3]  # equal but distinct objects are asked separately


def test_per_object_empties_when_full_and_still_answers(monkeypatch) -> None:
    monkeypatch.setattr(memo, "MEMO_LIMIT", 2)
    calls: list[int] = []

    @memo.per_object
    def ident(box: Box) -> int:
        calls.append(box.value)
        return box.value

    boxes = [Box(i) for i in range(3)]
    assert [ident(b) for b in boxes] == [0, 1, 2]
    assert ident(boxes[0]) == 0 and calls == [0, 1, 2, 0]  # emptied at the limit, asked again


def test_per_object_keeps_a_large_documents_answers_until_the_next_document() -> None:
    """Issue 16: a 30,000-paragraph document is not recomputed every few thousand paragraphs;
    ``new_document`` (called by ``run_rules``) forgets the previous document's answers."""
    calls: list[int] = []

    @memo.per_object
    def ident(box: Box) -> int:
        calls.append(box.value)
        return box.value

    boxes = [Box(i) for i in range(30_000)]
    for box in boxes * 2:
        ident(box)
    assert len(calls) == 30_000  # each asked once: nothing emptied within the document
    memo.new_document()
    ident(boxes[0])
    assert len(calls) == 30_001


def test_slots_in_order_of_first_use() -> None:
    assert slots_used("Đảng A") == ("hAnsi", "ascii")
    assert slots_used("ab 中文 Đ") == ("ascii", "eastAsia", "hAnsi")
    assert slots_used("שלום x") == ("cs", "ascii")
    assert slots_used(" \t\u00a0") == ()


def test_mojibake_words_found_only_in_legacy_text() -> None:
    assert mojibake_words("Đảng Cộng sản Việt Nam") == []
    assert mojibake_words("§¶ng Céng s¶n ViÖt Nam") == ["§¶ng", "s¶n", "ViÖt"]


def test_remembered_text_keys_equal_fresh_ones() -> None:
    texts = ["  Nơi  nhận:\t", "Uỷ ban – hoà", "x" * 5000 + " \u00a0 y"]
    for text in texts * 2:
        assert squash(text) == squash.__wrapped__(text)
        assert fold(text) == fold.__wrapped__(text)


def test_a_checked_document_is_not_kept_alive_by_the_check_stage_memos(tmp_path) -> None:
    """An archive audit checks one document after another in a process: once the next one is
    checked, nothing of the stage may hold the previous Document (memory would grow with the
    archive)."""
    import gc
    import weakref

    from thethuc.checks import run_rules
    from thethuc.load import load_document
    from thethuc.recognise import recognise
    from thethuc.ruleset import load_ruleset
    from thethuc.testing.party import write_party
    from thethuc.testing.party_samples import SHORT_NGHI_QUYET

    rules = load_ruleset("hd36")
    first = write_party(tmp_path / "a.docx", SHORT_NGHI_QUYET)
    second = write_party(tmp_path / "b.docx", SHORT_NGHI_QUYET)

    doc = load_document(first)
    rec = recognise(doc)
    assert run_rules(rules, rec) is not None
    gone = weakref.ref(rec)
    del doc, rec
    run_rules(rules, recognise(load_document(second)))
    gc.collect()
    assert gone() is None


def test_per_paragraph_answers_once_per_paragraph_of_the_latest_document() -> None:
    calls: list[tuple[int, int]] = []

    @memo.per_paragraph
    def sum_of(doc: Box, para: Box) -> int:
        calls.append((doc.value, para.value))
        return doc.value + para.value

    doc, other, para = Box(10), Box(20), Box(1)
    assert (sum_of(doc, para), sum_of(doc, para)) == (11, 11)
    assert calls == [(10, 1)]
    assert sum_of(other, para) == 21  # another document: asked again, the first one's answers dropped
    assert sum_of(doc, para) == 11 and calls == [(10, 1), (20, 1), (10, 1)]
    memo.new_document()
    assert sum_of(doc, para) == 11 and len(calls) == 4  # new_document empties it too
