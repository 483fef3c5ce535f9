"""The one golden-file check of the tests: an output compared, byte for byte, with a stored file.

After a deliberate change of an output, regenerate the stored files and review their diff:

    THETHUC_UPDATE_GOLDEN=1 python -m pytest -q tests/report tests/workflow/test_formats.py
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

UPDATE = "THETHUC_UPDATE_GOLDEN"


def updating() -> bool:
    """Whether this run rewrites the golden files instead of comparing with them."""
    return os.environ.get(UPDATE, "") not in ("", "0")


def assert_golden(path: Path, actual: str) -> None:
    """``actual`` must be the file's exact text (line endings included: a CSV keeps its CRLF)."""
    if updating():
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.is_file(), f"missing golden file {path}: run with {UPDATE}=1 and review it"
    stored = path.read_bytes().decode("utf-8")
    if actual != stored:
        diff = "\n".join(difflib.unified_diff(stored.splitlines(), actual.splitlines(), str(path), "actual",
                                              lineterm="", n=1))
        raise AssertionError(f"output differs from {path} ({UPDATE}=1 rewrites it):\n{diff[:4000]}"
                             + ("" if "\r" not in stored + actual else "\n(line endings count)"))
