"""A small archive for the audit tests: realistic HD36 documents (thethuc.testing.party) in
top-level folders, broken files, old formats, and a Word owner file that must be ignored."""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.cli.cli_docs import body_13pt, broken, good, other_date
from tests.cli.cli_docs import top_margin_25 as margins_25

# An OLE2 compound file header: what an encrypted .docx or an old .doc starts with.
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)


@dataclass(frozen=True)
class Archive:
    root: Path
    checkable: int  # .docx files the audit must check (or report unreadable)
    broken: int  # of which cannot be read
    old: int  # .doc/.odt listed as not checked
    deviating: Path  # a file with findings, to modify in resume tests
    folders: tuple[str, ...]  # the top-level folders the summary must show


def build_archive(root: Path) -> Archive:
    y19, y20 = root / "2019", root / "2020"
    (y19 / "quy-1").mkdir(parents=True)
    y20.mkdir()
    good(y19 / "Nghị quyết số 15.docx")
    deviating = body_13pt(y19 / "nq-co-chu-13.docx")
    margins_25(y19 / "quy-1" / "le-tren-25.docx")
    other_date(y20 / "nq-2019.docx")
    broken(y20 / "khong-phai-zip.docx")
    (y20 / "ole.docx").write_bytes(OLE_MAGIC)
    whole = (y19 / "nq-co-chu-13.docx").read_bytes()
    (y20 / "cat-ngan.docx").write_bytes(whole[: len(whole) // 2])
    (y20 / "cu.doc").write_bytes(OLE_MAGIC)
    (y20 / "cu.odt").write_bytes(b"PK\x03\x04 not really an odt")
    (y20 / "~$nq-2019.docx").write_bytes(b"\x05owner")  # Word's owner file: not a document
    margins_25(root / "goc.docx")
    return Archive(root, checkable=8, broken=3, old=2, deviating=deviating,
                   folders=(str(root / "2019"), str(root / "2020"), str(root)))


def many_copies(folder: Path, count: int) -> Path:
    """``count`` copies of two documents in ten sub-folders (cheap: written once, then copied)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [good(folder / "seed-a.docx"), body_13pt(folder / "seed-b.docx")]
    for i in range(count):
        sub = folder / f"d{i % 10}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(seeds[i % 2], sub / f"van-ban-{i:04d}.docx")
    for seed in seeds:
        seed.unlink()
    return folder


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def by_path(rows: list[dict]) -> dict[str, dict]:
    return {row["path"]: row for row in rows}


def touch_later(path: Path) -> None:
    """Make sure a rewritten file's mtime differs even on coarse-grained file systems."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
