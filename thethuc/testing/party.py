"""Declarative spec of an HD36 Party document (and its Nghị định 30 state cousin) and its layout knobs.

``PartyDoc`` says *what* the document contains; ``Layout`` says how the drafter formatted it,
including the mistakes clerks make. ``party_docx_bytes``/``write_party`` lay it out the way
Microsoft Word (or LibreOffice) saves such a file; see ``party_writer`` for the layout itself.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any, Literal, get_args

from thethuc.records import dataclass
from thethuc.testing.docx import docx_bytes

BlockKind = Literal[
    "noi_dung", "de_muc_1", "de_muc_2", "de_muc_3", "de_muc_4", "de_muc_5",
    "phan", "phan_ten", "chuong", "chuong_ten", "muc", "muc_ten", "dieu", "khoan", "diem",
    "can_cu", "ban_hanh",
]
BLOCK_KINDS: frozenset[str] = frozenset(get_args(BlockKind))


@dataclass(frozen=True)
class Block:
    """One body paragraph; labels ("I.", "Điều 2.", "a)") are typed in the text, as drafters do.

    ``ban_hanh`` is the enacting line after the căn cứ (``BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH``).
    """

    kind: str
    text: str

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


def body(*items: str | tuple[str, str]) -> tuple[Block, ...]:
    """``body("Plain paragraph", ("de_muc_1", "I. TÌNH HÌNH"))``: a str is a noi_dung paragraph."""
    return tuple(Block("noi_dung", it) if isinstance(it, str) else Block(*it) for it in items)


@dataclass(frozen=True)
class Signer:
    """One signer in a ``PartyDoc``'s signature block: thẩm quyền ký, chức vụ and họ tên."""

    tham_quyen: str | None  # "T/M BAN THƯỜNG VỤ"; None when the head signs in his own name
    chuc_vu: str  # "BÍ THƯ"
    ho_ten: str  # "Nguyễn Văn A"


@dataclass(frozen=True)
class PartyDoc:
    """The content of one document. Text is NFC; mistakes in wording are simply written here."""

    co_quan_ban_hanh: tuple[str, ...]  # one or two lines: ("TỈNH ỦY",) or ("BAN TỔ CHỨC", "TỈNH ỦY")
    so_ky_hieu: str  # "Số 15-NQ/TU"
    dia_danh_ngay: str  # "Lạng Sơn, ngày 27 tháng 8 năm 2018"
    body: tuple[Block, ...]
    signers: tuple[Signer, ...]
    noi_nhan_muc: tuple[str, ...]
    co_quan_cap_tren: tuple[str, ...] = ()  # ("ĐẢNG BỘ TỈNH LẠNG SƠN",)
    ten_loai: str | None = None  # None: công văn
    ten_hoi_nghi: tuple[str, ...] = ()  # plenum lines between ten_loai and trich_yeu
    trich_yeu: tuple[str, ...] = ()
    gach_trich_yeu: str | None = "-----"
    trich_yeu_cong_van: tuple[str, ...] = ()  # under số, for a công văn
    kinh_gui: tuple[str, ...] = ()  # recipients; one → same line as the label
    kinh_gui_label: str = "Kính gửi:"  # or "Kính trình:"
    noi_nhan: str = "Nơi nhận:"
    tieu_de: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    dau_sao: str | None = "*"  # None: the drafter left it out
    dau_mat: str | None = None
    dau_khan: str | None = None
    du_thao: str | None = None
    family: Literal["party", "state"] = "party"
    tieu_ngu: str | None = None  # state documents: "Độc lập - Tự do - Hạnh phúc"
    pages: int | None = None  # docProps/app.xml <Pages>; None: estimated from the text


PageNumber = Literal["header", "footer", "first-page", "none"]
TitleRule = Literal["drawn", "vml", "underline", "border", "none"]


@dataclass(frozen=True)
class Layout:
    """How the drafter formatted the document. The defaults are a conforming HD36 file.

    ``overrides`` maps a role (``tieu_de``, ``noi_dung``, ``de_muc_1``, ``noi_nhan_muc`` …) to
    changes of its formatting: ``size_pt``, ``bold``, ``italic``, ``underline``, ``color``
    (RRGGBB), ``font``, ``align`` (left/center/right/both), ``first_line_mm``, ``left_mm``.
    """

    producer: Literal["word", "libreoffice"] = "word"
    overrides: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    normal_size_pt: float = 14  # the Normal style; body paragraphs inherit it
    normal_first_line_mm: float = 10
    normal_align: str = "both"
    space_before_pt: float = 6
    space_after_pt: float = 0
    line_exact_pt: float | None = 17  # None: use line_multiple
    line_at_least: bool = False  # line_exact_pt written as Word's "At least" (lineRule="atLeast")
    line_multiple: float = 1.15
    font: str | None = None  # document font instead of Times New Roman (theme minor font / LO default)
    legacy_body: bool = False  # body typed in .VnTime with TCVN3 bytes (pasted from an old file)
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right
    paper_mm: tuple[float, float] = (210, 297)  # portrait width, height
    landscape: bool = False
    title_rule: TitleRule = "drawn"  # LibreOffice flavour: "vml"
    title_rule_mm: float = 68  # ≈ the width of ĐẢNG CỘNG SẢN VIỆT NAM at 15 pt bold
    page_number: PageNumber = "header"  # "first-page": in the header without titlePg


def word_layout(**changes: Any) -> Layout:
    return Layout(**changes)


def libreoffice_layout(**changes: object) -> Layout:
    """A conforming layout as LibreOffice Writer saves it (VML line, direct fonts on runs)."""
    base: dict[str, Any] = {"producer": "libreoffice", "title_rule": "vml"}
    base.update(changes)
    return Layout(**base)


def party_docx_bytes(doc: PartyDoc, layout: Layout | None = None) -> bytes:
    """The .docx bytes, identical from run to run for the same spec."""
    from thethuc.testing.party_writer import build_parts  # it imports the spec types from here

    return docx_bytes(build_parts(doc, layout or Layout()))


def write_party(path: str | Path, doc: PartyDoc, layout: Layout | None = None) -> Path:
    path = Path(path)
    path.write_bytes(party_docx_bytes(doc, layout))
    return path


def write_sample_set(out_dir: Path, folders: dict[str, dict[str, Any]], texts: dict[str, str]) -> list[Path]:
    """Write ``folders`` ({"good": {name: sample}, "bad": …}; a sample has ``.doc`` and ``.layout``)
    as .docx files, and ``texts`` ({"README.md": …}) as UTF-8 files, under ``out_dir``."""
    written: list[Path] = []
    for folder, samples in folders.items():
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
        for name, sample in samples.items():
            path = out_dir / folder / f"{name}.docx"
            path.write_bytes(party_docx_bytes(sample.doc, sample.layout))
            written.append(path)
    for rel, text in texts.items():
        path = out_dir / rel
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
