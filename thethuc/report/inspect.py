"""Rich tables for ``thethuc inspect``: sections, then one row per paragraph (or per run) with the
effective formatting and where each value came from. Reads only ``model`` records.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from thethuc.model import Document, Paragraph, Run, Section, Sourced, twips_to_mm

EXCERPT = 50
EMU_PER_MM = 36000


def _mm(twips: int) -> str:
    return f"{twips_to_mm(twips):.1f}"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def section_table(sections: Sequence[Section]) -> Table:
    table = Table(title="Sections / Các phần (mm)", show_lines=False)
    for name in ("#", "giấy", "hướng", "trên", "dưới", "trái", "phải", "gáy", "titlePg", "header/footer"):
        table.add_column(name)
    for s in sections:
        refs = ", ".join(f"H:{k}={v.rsplit('/', 1)[-1]}" for k, v in s.headers)
        refs += (", " if refs and s.footers else "") + ", ".join(f"F:{k}={v.rsplit('/', 1)[-1]}" for k, v in s.footers)
        table.add_row(str(s.index), f"{_mm(s.page_width_twips)}×{_mm(s.page_height_twips)}", s.orientation,
                      _mm(s.margin_top_twips), _mm(s.margin_bottom_twips), _mm(s.margin_left_twips),
                      _mm(s.margin_right_twips), _mm(s.gutter_twips), "có" if s.title_page else "", refs or "-")
    return table


def where(p: Paragraph) -> str:
    loc = p.location
    text = f"{loc.part}:{loc.paragraph}"
    if loc.line is not None:
        text += f" dòng {loc.line}"
    if loc.table is not None:
        t, r, c = (n + 1 for n in loc.table)  # counted from 1, as the check report counts them
        text += f" bảng {t} hàng {r} cột {c}"
    if loc.textbox:
        text += " textbox"
    return text


def _sourced(value: Sourced[Any], shown: str | None = None) -> str:
    return f"{shown if shown is not None else value.value} ({value.source})"


def size_text(run: Run) -> str:
    pt = run.size_half_pt.value / 2
    return _sourced(run.size_half_pt, f"{pt:g}")


def font_text(run: Run) -> str:
    text = _sourced(run.font_hansi)
    if run.font_ascii.value != run.font_hansi.value:
        text += f"; ascii {run.font_ascii.value}"
    return text


def style_flags(run: Run) -> str:
    flags = []
    for name, value in (("B", run.bold), ("I", run.italic), ("CAPS", run.caps)):
        if value.value:
            flags.append(f"{name} ({value.source})")
    if run.underline.value not in ("none", ""):
        flags.append(f"U={run.underline.value} ({run.underline.source})")
    return ", ".join(flags)


def spacing_text(p: Paragraph) -> str:
    f = p.fmt
    line = f.line_value.value
    line_text = (f"{round(line / 240, 2):g} dòng" if f.line_rule.value == "auto"
                 else f"{line / 20:g}pt {f.line_rule.value}")
    return (f"trước {f.space_before_twips.value / 20:g}pt, sau {f.space_after_twips.value / 20:g}pt, {line_text}; "
            f"thụt dòng đầu {_mm(f.indent_first_line_twips.value)}mm, trái {_mm(f.indent_left_twips.value)}mm")


def extras(p: Paragraph) -> str:
    parts = [f"line {line.width_emu / EMU_PER_MM:.1f}mm" for line in p.lines]
    parts += [f"field {name}" for name in p.fields]
    if p.page_break_before:
        parts.append("page break")
    return ", ".join(parts)


def _main_run(p: Paragraph) -> Run | None:
    return next(iter(p.visible_runs), None) or (p.runs[0] if p.runs else p.mark)


def paragraph_table(doc: Document, roles: Sequence[str | None] | None, part: str, all_runs: bool) -> Table:
    table = Table(title="Đoạn văn / Paragraphs", show_lines=False)
    for name in ("#", "vị trí", "vai trò", "nội dung", "căn lề", "cỡ chữ pt", "phông", "kiểu", "giãn/thụt", "khác"):
        table.add_column(name, overflow="fold")
    for p in doc.paragraphs:
        if part != "all" and p.location.part != part:
            continue
        role = (roles[p.index] if roles is not None and p.index < len(roles) else None) or ""
        runs: Sequence[Run | None] = (p.runs or (p.mark,)) if all_runs else (_main_run(p),)
        for n, run in enumerate(runs):
            text = run.text if all_runs and run is not None else p.label_and_text
            first = n == 0
            table.add_row(str(p.index) if first else "", where(p) if first else "", role if first else "",
                          excerpt(text), _sourced(p.fmt.align) if first else "",
                          size_text(run) if run else "", font_text(run) if run else "",
                          style_flags(run) if run else "", spacing_text(p) if first else "",
                          extras(p) if first else "")
    return table


def render(doc: Document, console: Console, roles: Sequence[str | None] | None = None,
           part: str = "all", all_runs: bool = False) -> None:
    """Print the inspection of one document."""
    console.print(f"[bold]{doc.path}[/bold]  ứng dụng: {doc.application or '-'}, số trang: {doc.page_count or '-'}"
                  f"{', có theo dõi thay đổi' if doc.tracked_changes else ''}")
    console.print(section_table(doc.sections))
    console.print(paragraph_table(doc, roles, part, all_runs))
    for warning in doc.warnings:
        console.print(f"[yellow]cảnh báo:[/yellow] {warning}")
