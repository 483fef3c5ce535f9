"""Lay out a ``PartyDoc`` as Word (or LibreOffice) writes it: header and signature blocks in
borderless two-column tables, sizes in styles, a drawn line under the title, PAGE in the header.
"""
from __future__ import annotations

import math
from dataclasses import replace

from thethuc.model import EMU_PER_TWIP, mm_to_twips
from thethuc.testing.docx import DocxParts, theme_xml
from thethuc.testing.party import Layout, PartyDoc, Signer
from thethuc.testing.party_styles import element_format, normal_formats, style_defs, styles_xml
from thethuc.testing.tcvn3 import to_tcvn3
from thethuc.testing.wordml import (
    ParaFmt,
    RunFmt,
    borderless_table,
    drawn_line,
    page_field,
    paragraph,
    ppr_diff,
    rpr_diff,
    run,
    vml_line_run,
)

CELL_MARGINS = 216  # TableNormal's left + right cell margins (108 each)
# LibreOffice leaves its own defaults in the Normal style and formats every paragraph directly.
LO_NORMAL_RUN = RunFmt(size=24, font="Liberation Serif")
LO_ALL_PARA = ParaFmt(align="?", first_line=-1, left=-1, before=-1, after=-1, line=-1, line_rule="?")


class _Writer:
    """Holds the spec while the parts are written; methods return XML strings."""

    def __init__(self, doc: PartyDoc, layout: Layout) -> None:
        self.doc, self.layout = doc, layout
        self.lo = layout.producer == "libreoffice"
        self.shapes = 0
        text_width = mm_to_twips(self._page_mm()[0] - layout.margins_mm[2] - layout.margins_mm[3])
        self.text_width = text_width
        left = 3600 if doc.family == "state" else 4200
        self.header_widths = (left, text_width - left)

    # ------------------------------------------------------------ paragraphs
    def _page_mm(self) -> tuple[float, float]:
        w, h = self.layout.paper_mm
        return (h, w) if self.layout.landscape else (w, h)

    def fmt(self, role: str) -> tuple[str | None, RunFmt, ParaFmt]:
        return element_format(role, self.layout, self.doc.family)

    def para(self, role: str, text: str, extra_runs: str = "", tail: tuple[str, str] | None = None) -> str:
        """One paragraph of ``role``; ``tail`` appends a run formatted as another role on the same line."""
        style_id, want_run, want_para = self.fmt(role)
        legacy = self.layout.legacy_body and role in _BODY_ROLES
        if legacy:
            want_run = replace(want_run, font=".VnTime")
            text = to_tcvn3(text)
        rpr = self._rpr(want_run, style_id)
        if tail:
            tail_role, tail_text = tail
            extra_runs = run(tail_text, self._rpr(self.fmt(tail_role)[1], style_id)) + extra_runs
        if self.lo:
            content = (run(text, rpr) if text else "") + extra_runs
            return paragraph(content, "Normal", ppr_diff(want_para, LO_ALL_PARA), "" if text else rpr)
        base = style_defs(self.layout, self.doc.family)[style_id or "Normal"]
        content = (run(text, rpr) if text else "") + extra_runs
        return paragraph(content, style_id, ppr_diff(want_para, base.para), "" if text else rpr)

    def _rpr(self, want_run: RunFmt, style_id: str | None) -> str:
        """Run properties as the producer writes them: LibreOffice repeats font and size on every run."""
        if self.lo:
            if want_run.font is None:
                want_run = replace(want_run, font=self.layout.font or "Times New Roman")
            return rpr_diff(want_run, LO_NORMAL_RUN, force_font=True, force_size=True)
        return rpr_diff(want_run, style_defs(self.layout, self.doc.family)[style_id or "Normal"].run)

    def line_para(self, role: str, width_mm: float, column_twips: int) -> str:
        """An empty paragraph anchoring a horizontal line centred in its column."""
        self.shapes += 1
        width = round(width_mm * 36000)
        offset = max(0, ((column_twips - CELL_MARGINS) * EMU_PER_TWIP - width) // 2)
        shape = vml_line_run if self.lo or self.layout.title_rule == "vml" else drawn_line
        return self.para(role, "", shape(self.shapes, width, offset, 25400))

    # ------------------------------------------------------------ blocks
    def header_table(self) -> str:
        d, left = self.doc, []
        left += [self.para("co_quan_cap_tren", t) for t in d.co_quan_cap_tren]
        left += [self.para("co_quan_ban_hanh", t) for t in d.co_quan_ban_hanh]
        if d.family == "state":
            left.append(self.line_para("duong_ke", 25, self.header_widths[0]))
        elif d.dau_sao is not None:
            left.append(self.para("dau_sao", d.dau_sao))
        left.append(self.para("so_ky_hieu", d.so_ky_hieu))
        left += [self.para("trich_yeu_cong_van", t) for t in d.trich_yeu_cong_van]
        left += [self.para(role, t) for role, t in (("dau_mat", d.dau_mat), ("dau_khan", d.dau_khan)) if t]
        return borderless_table(self.header_widths, [["".join(left), "".join(self.right_cell())]])

    def right_cell(self) -> list[str]:
        d, rule = self.doc, self.layout.title_rule
        if d.family == "state":
            return [self.para("tieu_de", d.tieu_de), self.para("tieu_ngu", d.tieu_ngu or ""),
                    self.line_para("duong_ke", 60, self.header_widths[1]), self.para("dia_danh_ngay", d.dia_danh_ngay)]
        out = [self.para("tieu_de", d.tieu_de)]
        if rule == "underline":
            out = [self._with_override("tieu_de", {"underline": True}, d.tieu_de), self.para("duong_ke", "")]
        elif rule == "border":
            out = [out[0].replace("</w:pPr>", '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" '
                                  'w:color="auto"/></w:pBdr></w:pPr>', 1), self.para("duong_ke", "")]
        elif rule == "none":
            out.append(self.para("duong_ke", ""))
        else:
            out.append(self.line_para("duong_ke", self.layout.title_rule_mm, self.header_widths[1]))
        return [*out, self.para("dia_danh_ngay", d.dia_danh_ngay)]

    def _with_override(self, role: str, change: dict[str, object], text: str) -> str:
        saved = self.layout
        over = {k: dict(v) for k, v in saved.overrides.items()}
        over[role] = {**over.get(role, {}), **change}
        self.layout = replace(saved, overrides=over)  # one element, one paragraph: restored below
        try:
            return self.para(role, text)
        finally:
            self.layout = saved

    def title_block(self) -> str:
        d, out = self.doc, []
        if d.ten_loai:
            out.append(self.para("ten_loai", d.ten_loai))
        out += [self.para("ten_hoi_nghi", t) for t in d.ten_hoi_nghi]
        out += [self.para("trich_yeu", t) for t in d.trich_yeu]
        if d.family == "state" and d.trich_yeu:
            out.append(self.line_para("duong_ke", 30, self.text_width + CELL_MARGINS))
        elif d.trich_yeu and d.gach_trich_yeu:
            out.append(self.para("gach_trich_yeu", d.gach_trich_yeu))
        if len(d.kinh_gui) == 1:
            out.append(self.para("kinh_gui", d.kinh_gui_label, tail=("kinh_gui_muc", f" {d.kinh_gui[0]}")))
        elif d.kinh_gui:
            out.append(self.para("kinh_gui", d.kinh_gui_label))
            out += [self.para("kinh_gui_muc", t) for t in d.kinh_gui]
        return "".join(out)

    def body(self) -> str:
        return "".join(self.para(b.kind, b.text) for b in self.doc.body)

    def signer_cell(self, s: Signer) -> str:
        out = [self.para("tham_quyen_ky", s.tham_quyen)] if s.tham_quyen else []
        out.append(self.para("chuc_vu_ky", s.chuc_vu))
        out += [self.para("ky_trong", "") for _ in range(4)]
        return "".join([*out, self.para("ho_ten_ky", s.ho_ten)])

    def signature_table(self) -> str:
        d = self.doc
        recipients = self.para("noi_nhan", d.noi_nhan) + "".join(self.para("noi_nhan_muc", t) for t in d.noi_nhan_muc)
        if len(d.signers) == 1:
            return borderless_table(self.header_widths, [[recipients, self.signer_cell(d.signers[0])]])
        n = len(d.signers)
        widths = tuple(self.text_width // n for _ in range(n))
        rows = [[self.signer_cell(s) for s in d.signers], [recipients] + [""] * (n - 1)]
        return borderless_table(widths, rows)

    # ------------------------------------------------------------ section and parts
    def page_number_parts(self) -> tuple[dict[str, str], dict[str, str], str, bool]:
        """(headers, footers, sectPr references, titlePg) for the layout's page-number placement."""
        where = self.layout.page_number
        if where == "none":
            return {}, {}, "", False
        number = self.para("so_trang", "", page_field(self._page_rpr()))
        empty = self.para("so_trang", "")
        if where == "first-page":
            return {"header1": number}, {}, '<w:headerReference w:type="default" r:id="rIdheader1"/>', False
        kind = "footer" if where == "footer" else "header"
        refs = (f'<w:{kind}Reference w:type="default" r:id="rId{kind}1"/>'
                f'<w:{kind}Reference w:type="first" r:id="rId{kind}2"/>')
        parts = {f"{kind}1": number, f"{kind}2": empty}
        return (parts, {}, refs, True) if kind == "header" else ({}, parts, refs, True)

    def _page_rpr(self) -> str:
        if not self.lo:
            return ""
        _, want, _ = self.fmt("so_trang")
        return rpr_diff(replace(want, font=self.layout.font or "Times New Roman"),
                        LO_NORMAL_RUN, force_font=True, force_size=True)

    def sect_pr(self, refs: str, title_pg: bool) -> str:
        w, h = (mm_to_twips(v) for v in self._page_mm())
        if self.layout.paper_mm == (210, 297):
            w, h = (16838, 11906) if self.layout.landscape else (11906, 16838)
        top, bottom, left, right = (mm_to_twips(v) for v in self.layout.margins_mm)
        orient = ' w:orient="landscape"' if self.layout.landscape else ""
        return (f'<w:sectPr>{refs}<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
                f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="567" '
                f'w:footer="567" w:gutter="0"/><w:cols w:space="720"/>{"<w:titlePg/>" if title_pg else ""}'
                '<w:docGrid w:linePitch="381"/></w:sectPr>')

    def du_thao(self) -> str:
        return self.para("du_thao", self.doc.du_thao) if self.doc.du_thao else ""


_BODY_ROLES = frozenset({"noi_dung", "can_cu", "khoan", "diem", "de_muc_4", "de_muc_5"})


def estimate_pages(doc: PartyDoc, layout: Layout) -> int:
    """Pages Word would report, from line counts (≈ 74 characters of 14 pt text per line)."""
    size, para = normal_formats(layout)
    single = size.size / 2 * 1.15
    line_pt = para.line / 20 if para.line_rule == "exact" else max(para.line / 20, single) \
        if para.line_rule == "atLeast" else single * para.line / 240
    width_mm = (layout.paper_mm[1] if layout.landscape else layout.paper_mm[0]) - sum(layout.margins_mm[2:])
    chars_per_line = width_mm / 165 * 74 * 28 / size.size
    height = sum(math.ceil(len(b.text) / chars_per_line) * line_pt + para.before / 20 for b in doc.body)
    fixed_lines = 7 + len(doc.trich_yeu) + len(doc.ten_hoi_nghi) + len(doc.kinh_gui) + 9
    height += fixed_lines * line_pt + len(doc.noi_nhan_muc) * 14
    paper_height_mm = layout.paper_mm[0] if layout.landscape else layout.paper_mm[1]
    page_height = (paper_height_mm - sum(layout.margins_mm[:2])) / 25.4 * 72
    return max(1, math.ceil(height / page_height))


def role_paragraph(doc: PartyDoc, layout: Layout, role: str, text: str, extra_runs: str = "") -> str:
    """One paragraph formatted the way the factory formats ``role`` (``extra_runs``: raw ``w:r``
    appended), for tests that lay out their own closing block."""
    return _Writer(doc, layout).para(role, text, extra_runs)


def build_parts(doc: PartyDoc, layout: Layout, closing: str | None = None, after: str = "") -> DocxParts:
    """``closing``: raw XML in place of the signature table (a receipt block, minutes signers, a
    typed layout); ``after``: raw XML after it (a `Ghi chú:` note)."""
    w = _Writer(doc, layout)
    headers, footers, refs, title_pg = w.page_number_parts()
    body = (w.du_thao() + w.header_table() + w.title_block() + w.body()
            + (w.signature_table() if closing is None else closing) + after)
    settings = ('<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
                '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
                'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>')
    lo = layout.producer == "libreoffice"
    return DocxParts(
        body=body + w.sect_pr(refs, title_pg),
        styles=styles_xml(layout, doc.family),
        theme=None if lo else theme_xml(minor_latin=layout.font or "Times New Roman"),
        settings=settings,
        headers=headers,
        footers=footers,
        application=("LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2" if lo
                     else "Microsoft Office Word"),
        pages=doc.pages if doc.pages is not None else estimate_pages(doc, layout),
    )
