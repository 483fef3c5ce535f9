"""Build (once, cached under benchmarks/out/) a corpus of realistic generated Party documents.

About thirty distinct documents — nghị quyết and công văn of several lengths, saved the Word or the
LibreOffice way, conforming or with the usual mistakes — copied into yearly/monthly folders.
"""
from __future__ import annotations

import itertools
import shutil
from dataclasses import replace
from pathlib import Path

from thethuc.testing.party import Layout, PartyDoc, body, libreoffice_layout, word_layout, write_party
from thethuc.testing.party_samples import SHORT_NGHI_QUYET

FORMAT = 2  # bump when the seeds change, so cached corpora are rebuilt

_SENTENCE = ("Các cấp ủy, tổ chức đảng tiếp tục quán triệt, thực hiện nghiêm các quy định của Đảng về "
             "công tác văn thư, lưu trữ; nâng cao chất lượng soạn thảo, ban hành văn bản.")

BASE = replace(SHORT_NGHI_QUYET, body=())


def _body(sections: int, paras: int) -> PartyDoc:
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    items: list[str | tuple[str, str]] = []
    for s in range(sections):
        items.append(("de_muc_1", f"{romans[s]}. NHIỆM VỤ TRỌNG TÂM {s + 1}"))
        for p in range(paras):
            items.append(("de_muc_2", f"{p + 1}. Về nội dung thứ {p + 1}") if p % 4 == 0 else _SENTENCE)
    return replace(BASE, body=body(*items))


def _cong_van(doc: PartyDoc) -> PartyDoc:
    return replace(doc, ten_loai=None, trich_yeu=(), so_ky_hieu="Số 214-CV/TU",
                   trich_yeu_cong_van=("về việc chuẩn bị hội nghị",), kinh_gui=("Các huyện ủy, thành ủy",))


LAYOUTS: tuple[Layout, ...] = (
    word_layout(), libreoffice_layout(), word_layout(normal_size_pt=13),
    word_layout(margins_mm=(25, 20, 30, 15)), word_layout(font="Arial"),
    word_layout(title_rule="underline"), word_layout(page_number="footer"),
    word_layout(overrides={"tieu_de": {"bold": False}, "noi_nhan": {"underline": False}}),
)


def seeds() -> list[tuple[str, PartyDoc, Layout]]:
    out = []
    for (sections, paras), kind, (i, layout) in itertools.product(
            [(2, 3), (4, 8), (6, 14)], ["nq", "cv"], enumerate(LAYOUTS)):
        if (sections + i) % 2 and kind == "cv":
            continue  # keep the corpus mostly nghị quyết, as archives are
        doc = _body(sections, paras)
        out.append((f"{kind}-{sections}x{paras}-l{i}", _cong_van(doc) if kind == "cv" else doc, layout))
    return out


def build(folder: Path, count: int) -> Path:
    """``count`` documents under ``folder`` (reused when already built with this count)."""
    marker = folder / ".built"
    expected = f"{FORMAT} {count}"
    if marker.exists() and marker.read_text() == expected:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    seed_dir = folder.parent / f"seeds-{FORMAT}"
    seed_dir.mkdir(parents=True, exist_ok=True)
    seed_files = [write_party(seed_dir / f"{name}.docx", doc, layout) for name, doc, layout in seeds()]
    for i in range(count):
        sub = folder / f"{2018 + i % 7}" / f"thang-{1 + (i // 7) % 12:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        src = seed_files[i % len(seed_files)]
        shutil.copyfile(src, sub / f"{i:06d}-{src.stem}.docx")
    marker.write_text(expected)
    return folder


def files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.docx"))
