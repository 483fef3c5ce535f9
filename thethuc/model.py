"""Frozen dataclasses passed between the stages: load → recognise → check → report.

Lengths are integers in OOXML base units (twips, half-points, EMU) so comparisons carry no
float noise; conversion to mm/pt happens only where a value is displayed or matched.
This module imports nothing from the stages.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from datetime import date
from typing import Generic, Literal, TypeVar

from thethuc.records import dataclass

T = TypeVar("T")

TWIPS_PER_MM = 1440 / 25.4
EMU_PER_TWIP = 635
EMU_PER_MM = 36000


def twips_to_mm(twips: int) -> float:
    return twips / TWIPS_PER_MM


def mm_to_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    """A resolved value and the layer it came from.

    ``source`` is one of: ``"direct"``, ``"style:<name>"``, ``"table-style:<name>"``,
    ``"numbering"``, ``"docDefaults"``, ``"theme:<token>"`` (appended to the layer, e.g.
    ``"style:Normal/theme:minorHAnsi"``) or ``"default"`` (the application's fallback).
    """

    value: T
    source: str


# ---------------------------------------------------------------- load stage output


FontSlot = Literal["ascii", "hAnsi", "eastAsia", "cs"]


@dataclass(frozen=True, slots=True)
class Run:
    """One visible run of text with its effective character formatting."""

    text: str
    font_ascii: Sourced[str | None]
    font_hansi: Sourced[str | None]
    font_east_asia: Sourced[str | None]
    font_cs: Sourced[str | None]
    size_half_pt: Sourced[int]
    bold: Sourced[bool]
    italic: Sourced[bool]
    underline: Sourced[str]  # "none", "single", "double", … (ST_Underline)
    caps: Sourced[bool]
    small_caps: Sourced[bool]
    strike: Sourced[bool]
    hidden: Sourced[bool]
    color: Sourced[str]  # "auto" or RRGGBB upper-case
    # "baseline", "superscript" or "subscript" (w:vertAlign): a drafter's initials typed small and
    # lowered after the last recipient are not the size of the line (checks/properties.py).
    vert_align: Sourced[str] = Sourced("baseline", "default")
    is_field_result: bool = False  # text produced by a field (PAGE, MERGEFIELD …)

    def font(self, slot: FontSlot) -> Sourced[str | None]:
        return {"ascii": self.font_ascii, "hAnsi": self.font_hansi,
                "eastAsia": self.font_east_asia, "cs": self.font_cs}[slot]


@dataclass(frozen=True, slots=True)
class Border:
    """A paragraph's top or bottom border (``w:pBdr``): the line under a tiêu đề may be drawn as one."""

    style: str  # ST_Border: "single", "double", "nil", …
    size_eighth_pt: int
    color: str


@dataclass(frozen=True, slots=True)
class TabStop:
    """A tab stop in effect for a paragraph (``w:tab``): stops accumulate down the formatting layers, and a
    ``clear`` stop removes the one at its position."""

    kind: str  # left, center, right, decimal, clear …
    pos_twips: int


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    """A paragraph's effective formatting through the style cascade, most values with the layer they came from."""

    style_id: str | None
    style_name: str | None
    align: Sourced[str]  # left, center, right, justify, distribute
    indent_left_twips: Sourced[int]
    indent_right_twips: Sourced[int]
    indent_first_line_twips: Sourced[int]  # negative = hanging
    space_before_twips: Sourced[int]
    space_after_twips: Sourced[int]
    line_rule: Sourced[str]  # "auto" (value in 240ths of a line), "exact", "atLeast" (twips)
    line_value: Sourced[int]
    border_top: Sourced[Border | None]
    border_bottom: Sourced[Border | None]
    tabs: tuple[TabStop, ...] = ()
    numbering_label: str = ""  # computed list label ("I.", "1.", "a)") when numPr applies
    keep_with_next: bool = False
    page_break_before: bool = False


@dataclass(frozen=True, slots=True)
class DrawnLine:
    """A line shape anchored in a paragraph (DrawingML prstGeom line/connector, VML v:line)."""

    kind: Literal["drawingml", "vml"]
    width_emu: int  # horizontal extent
    height_emu: int  # vertical extent (≈0 for a horizontal line)
    stroke_emu: int | None  # line thickness when stated
    dashed: bool = False
    offset_x_emu: int | None = None  # horizontal position when anchored, relative to its base
    relative_from: str | None = None  # column, margin, page, character …


@dataclass(frozen=True, slots=True)
class Location:
    """Where a paragraph lives, in the terms of the JSON report (spec §4)."""

    part: Literal["document", "header", "footer", "footnotes", "endnotes", "comments"]
    part_name: str  # zip member, e.g. "word/header2.xml"
    paragraph: int  # 1-based index of the paragraph within its part, in reading order
    table: tuple[int, int, int] | None = None  # (table index in part, row, column), 0-based, outermost table
    textbox: bool = False
    # 1-based line of the paragraph (lines are cut by w:br/w:cr) when the element is one line, or one
    # tab-separated part of a line, of a paragraph that holds several elements; None for a whole paragraph.
    line: int | None = None
    # The innermost table cell (table index in part, row, column) when it is not ``table``: a header
    # table nested in a one-cell table is laid out by its own columns.
    cell: tuple[int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as the checker reads it (body, table cell, text box, header or footer): its text, runs,
    effective formatting and location; the recogniser may read it as several parts (``part``)."""

    index: int  # 0-based position in Document.paragraphs
    location: Location
    section: int  # index into Document.sections (for header/footer parts: first section using it)
    text: str  # NFC, numbering label not included; tabs as "\t", breaks as "\n"
    runs: tuple[Run, ...]
    fmt: ParagraphFormat
    mark: Run | None = None  # paragraph-mark formatting (pPr/rPr), for empty paragraphs
    lines: tuple[DrawnLine, ...] = ()
    fields: tuple[str, ...] = ()  # field instructions, upper-cased first word: "PAGE", "NUMPAGES"
    comments: tuple[str, ...] = ()  # texts of Word comments anchored on (part of) this paragraph
    cell_align: str | None = None  # vertical alignment of the table cell, when in a table
    page_break_before: bool = False  # an explicit page break precedes or starts this paragraph
    cell_width_twips: int | None = None  # width of the (innermost) table cell, when in a table

    @property
    def label_and_text(self) -> str:
        label = self.fmt.numbering_label
        return f"{label} {self.text}".strip() if label else self.text

    @property
    def visible_runs(self) -> tuple[Run, ...]:
        return tuple(r for r in self.runs if r.text.strip() and not r.hidden.value)

    def line_spans(self) -> tuple[tuple[int, int], ...]:
        """(start, end) offsets into ``"".join(run.text)`` of each line: Word's line breaks
        (``w:br``, ``w:cr``) are "\n" in the runs' text, so a header cell typed
        ``ĐẢNG BỘ TỈNH<w:br/>TỈNH ỦY`` has two lines."""
        text = "".join(r.text for r in self.runs)
        spans, start = [], 0
        for found in range(len(text)):
            if text[found] == "\n":
                spans.append((start, found))
                start = found + 1
        spans.append((start, len(text)))
        return tuple(spans)

    def part(self, start: int, end: int, line: int) -> Paragraph:
        """The text between two offsets of the runs' text as a paragraph of its own: the runs cut to
        it (each keeps its formatting), the location naming the paragraph and the ``line``. Used where
        one paragraph holds several elements (a line break or tabs between them), so each element is
        read with its own runs. Paragraph-level formatting is the paragraph's; the numbering label
        belongs to its first part and drawn lines to its last (a line is drawn under the text)."""
        runs: list[Run] = []
        offset = 0
        for run in self.runs:
            low, high = max(start, offset), min(end, offset + len(run.text))
            if low < high:
                runs.append(dataclasses.replace(run, text=run.text[low - offset:high - offset]))
            offset += len(run.text)
        fmt = self.fmt if start == 0 or not self.fmt.numbering_label else \
            dataclasses.replace(self.fmt, numbering_label="")
        return dataclasses.replace(
            self, text="".join(r.text for r in runs), runs=tuple(runs), fmt=fmt,
            location=dataclasses.replace(self.location, line=line),
            lines=self.lines if end >= offset else (), page_break_before=self.page_break_before and start == 0)


@dataclass(frozen=True, slots=True)
class Section:
    """One section's page setup (``w:sectPr``) in twips: paper, orientation, margins, its header and footer parts."""

    index: int
    page_width_twips: int
    page_height_twips: int
    orientation: Literal["portrait", "landscape"]
    margin_top_twips: int
    margin_bottom_twips: int
    margin_left_twips: int
    margin_right_twips: int
    gutter_twips: int
    header_distance_twips: int
    footer_distance_twips: int
    title_page: bool  # w:titlePg: first page has its own header/footer
    headers: tuple[tuple[str, str], ...] = ()  # (type "default"|"first"|"even", part name), inherited refs resolved
    footers: tuple[tuple[str, str], ...] = ()
    first_paragraph: int = 0  # index of the first body paragraph in this section
    new_page: bool = True  # w:type is not "continuous": the section starts on a new page


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a part (outermost or nested): its place, size and whether its borders show; header
    blocks are laid out in borderless tables."""

    index: int  # 0-based, in its part, outermost tables and nested ones in reading order
    part_name: str
    section: int
    rows: int
    columns: int
    width_twips: int | None
    has_visible_borders: bool
    nested: bool
    first_paragraph: int  # Document.paragraphs index of its first paragraph


@dataclass(frozen=True)
class Document:
    """The load stage's output: a .docx's sections, its paragraphs in reading order with effective
    formatting, its tables, and document-wide facts (page count, producing application, tracked changes)."""

    path: str
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]  # body (with cells, text boxes) in reading order, then headers, footers
    tables: tuple[Table, ...] = ()
    mirror_margins: bool = False
    even_and_odd_headers: bool = False
    page_count: int | None = None  # docProps/app.xml <Pages>, when the producer wrote it
    application: str | None = None  # docProps/app.xml <Application>
    tracked_changes: bool = False
    warnings: tuple[str, ...] = ()  # partial results: unresolved theme font, dangling style …

    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.location.part == "document")


# ---------------------------------------------------------------- recognise stage output


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered structure label in the body, parsed for the sequence checks."""

    paragraph: int  # Document.paragraphs index
    role: str  # phan, chuong, muc, dieu, khoan, diem, de_muc_1 … de_muc_5
    label: str  # as written: "II.", "Điều 3.", "b)"
    style: str  # numbering system: "roman", "decimal", "decimal-dotted" (1.1.), "alpha", "bullet", "word"
    number: int | None  # ordinal (II → 2, b → 2 in the Vietnamese alphabet); None for bullets
    punct: str  # ".", "-", ")", "" — the separator after the number


@dataclass(frozen=True)
class Recognised:
    """The recognise stage's output: the document with a role per paragraph, its family (party, state or
    unknown), type, numbered headings and issue date, and notes on why it decided so."""

    doc: Document
    roles: tuple[str | None, ...]  # role per Document.paragraphs index; None = unlabelled
    family: Literal["party", "state", "unknown"]
    document_type: str | None  # "nghị quyết", "công văn", …
    headings: tuple[Heading, ...] = ()
    issue_date: date | None = None  # parsed from dia_danh_ngay, when it is a real date
    # First and last day the date line allows when a draft leaves the day (or day and month) blank:
    # "ngày … tháng 9 năm 2026" → (2026-09-01, 2026-09-30); None when there is no year to read.
    issue_period: tuple[date, date] | None = None
    notes: tuple[str, ...] = ()  # why the recogniser decided as it did (shown by inspect)

    @functools.cached_property
    def _positions(self) -> dict[str | None, tuple[int, ...]]:
        # Fifty rules each ask for a few roles' paragraphs: index the roles once per document.
        found: dict[str | None, list[int]] = {}
        for index, role in enumerate(self.roles):
            found.setdefault(role, []).append(index)
        return {role: tuple(indices) for role, indices in found.items()}

    def indices_with(self, roles: Iterable[str | None]) -> tuple[int, ...]:
        """``Document.paragraphs`` indices labelled with any of ``roles``, in document order."""
        positions = self._positions
        found = [positions[role] for role in set(roles) if role in positions]
        if len(found) == 1:
            return found[0]
        return tuple(sorted(i for indices in found for i in indices))

    def paragraphs_with(self, role: str) -> tuple[Paragraph, ...]:
        paragraphs = self.doc.paragraphs
        return tuple(paragraphs[i] for i in self._positions.get(role, ()))

    def role_of(self, paragraph: Paragraph) -> str | None:
        return self.roles[paragraph.index]


# ---------------------------------------------------------------- check stage output


Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
# The life stage a document is checked at: a draft leaves its number and date for the văn thư to
# fill in at issue; an issued document must carry them. Rules say per stage how they judge.
Stage = Literal["draft", "issued"]
STAGES: tuple[str, ...] = ("draft", "issued")


@dataclass(frozen=True, slots=True)
class Text:
    """A short text in both report languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True, slots=True)
class Finding:
    """One deviation a rule found, in both languages: what was expected and found, where, and the layer the
    value came from; the same cause on further paragraphs stays one finding (``also``)."""

    code: str
    name: str
    severity: Severity
    element: str | None  # role, or None for document-level findings
    message: Text
    expected: Text | None = None
    actual: Text | None = None
    source: str | None = None  # provenance of the actual value ("style:Normal", "direct" …)
    location: Location | None = None
    excerpt: str = ""  # the element's text, shortened
    also: tuple[Location, ...] = ()  # further paragraphs with the same deviation (one cause, one finding)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """Why a file could not be read (not a .docx, encrypted, corrupt, too large …): one line naming file and cause."""

    kind: Literal["not-docx", "encrypted", "corrupt", "too-large", "unreadable"]
    message: str  # one line, names the file and the cause (Vietnamese)
    message_en: str = ""  # the same in English, when known

    def text(self, lang: str) -> str:
        """The message in the report's language (Vietnamese when no English wording exists)."""
        return self.message_en if lang == "en" and self.message_en else self.message


@dataclass(frozen=True)
class FileResult:
    """What checking one file gave: its findings (and those suppressed), or the problem that kept it from
    being read, with the rule set and stage it was checked under."""

    path: str  # as given on the command line, joined with the path below a folder
    status: Literal["checked", "error"]
    ruleset: str
    ruleset_reason: Text | None = None
    error: InputProblem | None = None
    document_type: str | None = None
    findings: tuple[Finding, ...] = ()
    suppressed: tuple[Finding, ...] = ()
    stage: str | None = None  # the stage the file was checked at (a "Dự thảo" mark makes it draft)


# ---------------------------------------------------------------- role vocabulary (spec §1)

PARTY_ROLES: tuple[str, ...] = (
    "tieu_de", "duong_ke_tieu_de", "co_quan_cap_tren", "co_quan_ban_hanh", "dau_sao", "so_ky_hieu",
    "trich_yeu_cong_van", "dia_danh_ngay", "dau_mat", "dau_khan", "du_thao", "chi_dan_luu_hanh",
    "ten_loai", "ten_hoi_nghi", "trich_yeu", "gach_trich_yeu", "kinh_gui", "kinh_gui_muc", "noi_dung", "can_cu",
    "phan", "phan_ten", "chuong", "chuong_ten", "muc", "muc_ten", "dieu", "khoan", "diem",
    "de_muc_1", "de_muc_2", "de_muc_3", "de_muc_4", "de_muc_5",
    "tham_quyen_ky", "chuc_vu_ky", "ho_ten_ky", "noi_nhan", "noi_nhan_muc", "ky_hieu_nguoi_danh_may",
    "thong_tin_lien_he", "so_trang", "phu_luc",
)
# State documents (Nghị định 30) add the national title and motto and the rules under them.
STATE_ROLES: tuple[str, ...] = ("quoc_hieu", "tieu_ngu", "duong_ke_tieu_ngu", "duong_ke_co_quan")
ROLES: frozenset[str] = frozenset(PARTY_ROLES + STATE_ROLES)
