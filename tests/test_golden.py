"""tests/golden.py: the one golden-file check compares exactly and rewrites only when asked."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import UPDATE, assert_golden


def test_a_difference_fails_with_a_diff_and_leaves_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE, raising=False)
    stored = tmp_path / "r.txt"
    stored.write_bytes(b"a\nb\n")
    assert_golden(stored, "a\nb\n")
    with pytest.raises(AssertionError, match=r"(?s)-b.*\+c"):
        assert_golden(stored, "a\nc\n")
    with pytest.raises(AssertionError, match="line endings count"):
        assert_golden(stored, "a\r\nb\r\n")  # a CSV's CRLF is part of the format
    with pytest.raises(AssertionError, match="missing golden file"):
        assert_golden(tmp_path / "none.txt", "x")
    assert stored.read_bytes() == b"a\nb\n"


@pytest.mark.parametrize(("value", "rewrites"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_the_environment_variable_rewrites_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          value: str, rewrites: bool) -> None:
    monkeypatch.setenv(UPDATE, value)
    stored = tmp_path / "r.csv"
    stored.write_bytes(b"old\n")
    if rewrites:
        assert_golden(stored, "x;y\r\n")
        assert stored.read_bytes() == b"x;y\r\n"
    else:
        with pytest.raises(AssertionError):
            assert_golden(stored, "x;y\r\n")
        assert stored.read_bytes() == b"old\n"
