"""Issue 16's fast paths in recognise answer exactly as the plain computations they replace."""
from __future__ import annotations

import pytest

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
