"""Documents for the CLI tests, built the way Word saves them (thethuc.testing.party)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from thethuc.testing.party import word_layout, write_party
from thethuc.testing.party_samples import SHORT_NGHI_QUYET as NGHI_QUYET


def good(path: Path) -> Path:
    """A conforming nghị quyết: no finding."""
    return write_party(path, NGHI_QUYET)


def body_13pt(path: Path) -> Path:
    """Body in 13 pt through the Normal style: B001 (grade A, error)."""
    return write_party(path, NGHI_QUYET, word_layout(normal_size_pt=13))


def top_margin_25(path: Path) -> Path:
    """Top margin 25 mm: P003 (grade C, warning) and nothing at error level."""
    return write_party(path, NGHI_QUYET, word_layout(margins_mm=(25, 20, 30, 15)))


def broken(path: Path) -> Path:
    path.write_bytes(b"this is not a zip file at all")
    return path


def other_date(path: Path) -> Path:
    return write_party(path, replace(NGHI_QUYET, dia_danh_ngay="Lạng Sơn, ngày 05 tháng 9 năm 2019"))
