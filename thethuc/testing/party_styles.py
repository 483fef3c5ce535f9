"""Element formatting of HD36 and Nghị định 30 documents, and the styles.xml that carries it.

Each role has a paragraph style and a wanted effective format; the writer emits only what
differs from the style, as Word does, so sizes mostly live in styles (Normal sz=28).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from thethuc.model import mm_to_twips
from thethuc.records import dataclass
from thethuc.testing.party import Layout
from thethuc.testing.wordml import ParaFmt, RunFmt, ppr_diff, rpr_diff

CELL = {"align": "center", "first_line": 0, "before": 0}
LEFT = {"align": "left", "first_line": 0, "before": 0}

# role → (paragraph style id or None for Normal, run changes, paragraph changes). A run size of
# None means "the Normal size", which is how body elements follow Layout.normal_size_pt.
_PARTY: dict[str, tuple[str | None, dict, dict]] = {
    "du_thao": (None, {"size": 28, "italic": True}, {"align": "right", "first_line": 0, "before": 0}),
    "tieu_de": ("TieuDe", {}, {}),
    "co_quan_cap_tren": (None, {"size": 28}, CELL),
    "co_quan_ban_hanh": (None, {"size": 28, "bold": True}, CELL),
    "dau_sao": (None, {"size": 28}, CELL),
    "so_ky_hieu": (None, {"size": 28}, CELL),
    "trich_yeu_cong_van": (None, {"size": 24, "italic": True}, CELL),
    "dau_mat": (None, {"size": 28, "bold": True}, CELL),
    "dau_khan": (None, {"size": 28, "bold": True}, CELL),
    "duong_ke": (None, {"size": 28}, CELL),
    "dia_danh_ngay": (None, {"size": 28, "italic": True}, CELL),
    "ten_loai": ("TenLoai", {}, {}),
    "ten_hoi_nghi": ("TrichYeu", {}, {}),
    "trich_yeu": ("TrichYeu", {}, {}),
    "gach_trich_yeu": ("TrichYeu", {"bold": False}, {}),
    "kinh_gui": (None, {"italic": True}, {"first_line": 0, "align": "left", "left": 1134}),
    "kinh_gui_muc": (None, {}, {"first_line": 0, "align": "left", "left": 2268}),
    "noi_dung": (None, {}, {}),
    "can_cu": (None, {}, {}),
    "ban_hanh": (None, {"bold": True}, {"align": "center", "first_line": 0}),
    "phan": (None, {"bold": True}, {"align": "center", "first_line": 0}),
    "phan_ten": (None, {"bold": True}, {"align": "center", "first_line": 0, "before": 0}),
    "chuong": (None, {"bold": True}, {"align": "center", "first_line": 0}),
    "chuong_ten": (None, {"bold": True}, {"align": "center", "first_line": 0, "before": 0}),
    "muc": (None, {"bold": True}, {"align": "center", "first_line": 0}),
    "muc_ten": (None, {"bold": True}, {"align": "center", "first_line": 0, "before": 0}),
    "dieu": (None, {"bold": True}, {}),
    "khoan": (None, {}, {}),
    "diem": (None, {}, {}),
    "de_muc_1": (None, {"bold": True}, {}),
    "de_muc_2": (None, {"bold": True}, {}),
    "de_muc_3": (None, {"bold": True, "italic": True}, {}),
    "de_muc_4": (None, {}, {}),
    "de_muc_5": (None, {}, {}),
    "tham_quyen_ky": (None, {"size": 28, "bold": True}, CELL),
    "chuc_vu_ky": (None, {"size": 28}, CELL),
    "ky_trong": (None, {"size": 28}, CELL),
    "ho_ten_ky": (None, {"size": 28, "bold": True}, CELL),
    "noi_nhan": (None, {"size": 28, "underline": True}, LEFT),
    "noi_nhan_muc": (None, {"size": 24}, {**LEFT, "line": 240, "line_rule": "auto"}),
    "so_trang": ("Header", {}, {"align": "center"}),
}

# Nghị định 30: quốc hiệu 13 bold, tiêu ngữ 14 bold, issuing body 13, số 13, signature all bold,
# Nơi nhận 12 bold italic with items 11.
_STATE: dict[str, tuple[str | None, dict, dict]] = {
    **_PARTY,
    "tieu_de": ("TieuDe", {"size": 26}, {}),
    "tieu_ngu": (None, {"size": 28, "bold": True}, CELL),
    "co_quan_cap_tren": (None, {"size": 26}, CELL),
    "co_quan_ban_hanh": (None, {"size": 26, "bold": True}, CELL),
    "so_ky_hieu": (None, {"size": 26}, CELL),
    "ten_loai": ("TenLoai", {"size": 28}, {}),
    "chuc_vu_ky": (None, {"size": 28, "bold": True}, CELL),
    "noi_nhan": (None, {"size": 24, "bold": True, "italic": True}, LEFT),
    "noi_nhan_muc": (None, {"size": 22}, {**LEFT, "line": 240, "line_rule": "auto"}),
}

# Paragraph styles a drafter's template carries besides Normal: (id, name, run, paragraph changes).
_STYLE_DEFS: tuple[tuple[str, str, dict, dict], ...] = (
    ("TieuDe", "Tieu de", {"size": 30, "bold": True}, {"align": "center", "first_line": 0, "before": 0}),
    ("TenLoai", "Ten loai", {"size": 32, "bold": True}, {"align": "center", "first_line": 0, "before": 240}),
    ("TrichYeu", "Trich yeu", {"size": 28, "bold": True}, {"align": "center", "first_line": 0, "before": 0}),
    ("Header", "header", {"size": 28}, {"first_line": 0, "before": 0, "after": 0, "line": 240, "line_rule": "auto"}),
)
_STATE_STYLE_SIZES = {"TieuDe": 26, "TenLoai": 28}


@dataclass(frozen=True)
class StyleDef:
    """A paragraph style the factory writes into styles.xml: its id and name, and the run and paragraph
    format it sets."""

    style_id: str
    name: str
    run: RunFmt
    para: ParaFmt


def normal_formats(layout: Layout) -> tuple[RunFmt, ParaFmt]:
    line = (round(layout.line_exact_pt * 20), "atLeast" if layout.line_at_least else "exact") \
        if layout.line_exact_pt is not None \
        else (round(layout.line_multiple * 240), "auto")
    para = ParaFmt(align=layout.normal_align, first_line=mm_to_twips(layout.normal_first_line_mm),
                   before=round(layout.space_before_pt * 20), after=round(layout.space_after_pt * 20),
                   line=line[0], line_rule=line[1])
    return RunFmt(size=round(layout.normal_size_pt * 2)), para


def style_defs(layout: Layout, family: str) -> dict[str, StyleDef]:
    run, para = normal_formats(layout)
    defs = {"Normal": StyleDef("Normal", "Normal", run, para)}
    for sid, name, run_changes, pchg in _STYLE_DEFS:
        rchg = {**run_changes, "size": _STATE_STYLE_SIZES[sid]} if family == "state" and sid in _STATE_STYLE_SIZES \
            else run_changes
        defs[sid] = StyleDef(sid, name, replace(run, **rchg), replace(para, **pchg))
    return defs


def element_format(role: str, layout: Layout, family: str) -> tuple[str | None, RunFmt, ParaFmt]:
    """Style id and wanted effective run/paragraph format of a role, overrides applied."""
    table = _STATE if family == "state" else _PARTY
    style_id, rchg, pchg = table[role]
    style = style_defs(layout, family)[style_id or "Normal"]
    run, para = replace(style.run, **rchg), replace(style.para, **pchg)
    over: dict[str, Any] = dict(layout.overrides.get(role, {}))
    run_keys = {"bold", "italic", "underline", "color", "font"}
    run = replace(run, **{k: v for k, v in over.items() if k in run_keys})
    if "size_pt" in over:
        run = replace(run, size=round(float(over["size_pt"]) * 2))
    if "align" in over:
        para = replace(para, align=str(over["align"]))
    if "first_line_mm" in over:
        para = replace(para, first_line=mm_to_twips(float(over["first_line_mm"])))
    if "left_mm" in over:
        para = replace(para, left=mm_to_twips(float(over["left_mm"])))
    return style_id, run, para


def _style_xml(sdef: StyleDef, base: StyleDef | None) -> str:
    if base is None:  # Normal: state everything against Word's docDefaults
        ppr = ppr_diff(sdef.para, ParaFmt(align="left", first_line=0, before=0, after=160, line=259,
                                          line_rule="auto"))
        rpr = rpr_diff(sdef.run, RunFmt(size=22))
        head = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    else:
        ppr, rpr = ppr_diff(sdef.para, base.para), rpr_diff(sdef.run, base.run)
        head = (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sdef.style_id}">'
                f'<w:name w:val="{sdef.name}"/><w:basedOn w:val="Normal"/><w:qFormat/>')
        if sdef.style_id == "Header":
            head = head.replace(' w:customStyle="1"', "")
            ppr = '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>' + ppr
    return f"{head}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"


def styles_xml(layout: Layout, family: str) -> str:
    """docDefaults with theme fonts and the drafter's styles (Word), or LibreOffice's own defaults."""
    if layout.producer == "libreoffice":
        return _lo_styles() + _table_styles()
    fonts = ('<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" '
             'w:cstheme="minorBidi"/>')
    defaults = (f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="22"/><w:szCs w:val="22"/>'
                '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
                '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr>'
                '</w:pPrDefault></w:docDefaults>')
    defs = style_defs(layout, family)
    styles = _style_xml(defs["Normal"], None)
    styles += "".join(_style_xml(d, defs["Normal"]) for k, d in defs.items() if k != "Normal")
    return defaults + styles + _table_styles()


def _lo_styles() -> str:
    # LibreOffice 7.4 (checked with soffice --convert-to docx): literal default fonts, no theme,
    # and a "Normal" style *without* w:default="1"; every paragraph names its style instead.
    return ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" '
            'w:eastAsia="Noto Serif CJK SC" w:cs="Lohit Devanagari"/><w:sz w:val="24"/><w:szCs w:val="24"/>'
            '<w:lang w:val="vi-VN" w:eastAsia="zh-CN" w:bidi="hi-IN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
            '<w:suppressAutoHyphens w:val="true"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>'
            '<w:widowControl/><w:bidi w:val="0"/><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>'
            '<w:rPr><w:color w:val="auto"/><w:kern w:val="2"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>')


def _table_styles() -> str:
    single = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return ('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            '</w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
            '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" '
            f'w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>{single}</w:tblBorders></w:tblPr></w:style>')
