"""Issue 16's fast paths answer exactly as the plain computations they replace."""
from __future__ import annotations

import dataclasses
import pickle
import sys

import pytest

from thethuc.checks.common import Deviation, group
from thethuc.checks.fonts import _MOJIBAKE_WORD, mojibake_words
from thethuc.checks.text import has_word_chars
from thethuc.model import Location, Run, Sourced, Text


def test_has_word_chars_is_isalnum_over_every_character() -> None:
    # The regex class must agree with str.isalnum on every code point, letters of every script,
    # digits of every kind, the underscore (not alphanumeric) and combining marks included.
    wrong = [c for c in map(chr, range(sys.maxunicode + 1)) if has_word_chars(c) != c.isalnum()]
    assert wrong == []


@pytest.mark.parametrize("text", ["ViÖt Nam", "§¶ng bé", "Ñaûng", "Đảng bộ tỉnh", "x ± y", "Ö", "ÖA"])
def test_mojibake_quick_reject_changes_nothing(text: str) -> None:
    plain = [word for word in text.split() if _MOJIBAKE_WORD.search(word)]
    assert mojibake_words(text) == plain


def _loc(paragraph: int) -> Location:
    return Location("document", "word/document.xml", paragraph)


def test_model_records_keep_frozen_equality_hash_replace_and_pickle() -> None:
    # Built as plain slotted classes for speed, they must still behave as the frozen records.
    one, twin, other = _loc(1), _loc(1), _loc(2)
    assert one == twin and hash(one) == hash(twin) and one != other
    assert hash(one) == hash(dataclasses.astuple(one))  # the frozen dataclass's field hash
    assert {one, twin, other} == {one, other}
    assert dataclasses.replace(one, paragraph=2) == other
    assert pickle.loads(pickle.dumps(one)) == one
    assert not hasattr(one, "__dict__")  # still slotted
    run = Run("a", *(Sourced(None, "default"),) * 4, Sourced(28, "direct"), *(Sourced(False, "default"),) * 2,
              Sourced("none", "default"), *(Sourced(False, "default"),) * 4, Sourced("auto", "default"))
    assert dataclasses.replace(run, text="b").size_half_pt == Sourced(28, "direct")


def test_group_lists_each_other_place_once_in_order() -> None:
    from types import SimpleNamespace

    from thethuc.model import Paragraph

    rule = SimpleNamespace(code="B001", name="x", severity="error", message=Text("m", "m"), target=("noi_dung",))
    rec = SimpleNamespace(role_of=lambda p: "noi_dung")

    def para(i: int) -> Paragraph:
        return SimpleNamespace(location=_loc(i), label_and_text=f"p{i}")  # type: ignore[return-value]

    a, b, c = para(1), para(2), para(3)
    devs = [Deviation(("k",), p, None, None) for p in (a, c, b, c, a, b)]
    [finding] = list(group(rule, rec, devs))  # type: ignore[arg-type]
    assert finding.location == _loc(1)
    assert finding.also == (_loc(3), _loc(2))
