"""Build `model.Document` objects line by line, so recognise is tested without the load stage.

``doc_from_lines([("ĐẢNG CỘNG SẢN VIỆT NAM", {"table": (0, 0, 1), "align": "center", "bold": True}), ""])``
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from thethuc import model

Line = str | tuple[str, dict[str, Any]]

_PART_NAMES = {"document": "word/document.xml", "header": "word/header1.xml", "footer": "word/footer1.xml"}


def _src(value: Any) -> model.Sourced[Any]:
    return model.Sourced(value, "direct")


def make_run(text: str, opts: dict[str, Any]) -> model.Run:
    return model.Run(
        text=text, font_ascii=_src("Times New Roman"), font_hansi=_src("Times New Roman"),
        font_east_asia=_src("Times New Roman"), font_cs=_src("Times New Roman"),
        size_half_pt=_src(opts.get("size", 28)), bold=_src(opts.get("bold", False)),
        italic=_src(opts.get("italic", False)), underline=_src(opts.get("underline", "none")),
        caps=_src(opts.get("caps", False)), small_caps=_src(False), strike=_src(False),
        hidden=_src(False), color=_src("auto"), is_field_result=opts.get("field_result", False))


def make_format(opts: dict[str, Any]) -> model.ParagraphFormat:
    border = model.Border("single", 6, "auto") if opts.get("border_bottom") else None
    return model.ParagraphFormat(
        style_id=None, style_name=None, align=_src(opts.get("align", "left")),
        indent_left_twips=_src(opts.get("indent_left", 0)), indent_right_twips=_src(opts.get("indent_right", 0)),
        indent_first_line_twips=_src(opts.get("first_line", 0)), space_before_twips=_src(0),
        space_after_twips=_src(120), line_rule=_src("auto"), line_value=_src(240),
        border_top=_src(None), border_bottom=_src(border),
        tabs=tuple(model.TabStop("left", pos) for pos in opts.get("tabs", ())),
        numbering_label=opts.get("numbering_label", ""))


def _lines(opts: dict[str, Any]) -> tuple[model.DrawnLine, ...]:
    count = int(opts.get("lines", 0))
    return tuple(model.DrawnLine("drawingml", 1_800_000, 0, 9525) for _ in range(count))


def _tables(paragraphs: Sequence[model.Paragraph]) -> tuple[model.Table, ...]:
    shapes: dict[int, list[int]] = {}
    for para in paragraphs:
        if para.location.table is not None and para.location.part == "document":
            index, row, column = para.location.table
            rows, columns, first = shapes.get(index, [0, 0, para.index])
            shapes[index] = [max(rows, row + 1), max(columns, column + 1), min(first, para.index)]
    return tuple(model.Table(index=i, part_name="word/document.xml", section=0, rows=r, columns=c,
                             width_twips=9355, has_visible_borders=False, nested=False, first_paragraph=f)
                 for i, (r, c, f) in sorted(shapes.items()))


def make_paragraph(index: int, number_in_part: int, text: str, opts: dict[str, Any]) -> model.Paragraph:
    part = opts.get("part", "document")
    location = model.Location(part=part, part_name=_PART_NAMES[part], paragraph=number_in_part,
                              table=opts.get("table"), textbox=opts.get("textbox", False))
    run_specs = opts.get("runs") or ([(text, {})] if text else [])
    runs = tuple(make_run(t, {**opts, **extra}) for t, extra in run_specs)
    return model.Paragraph(index=index, location=location, section=0, text=text, runs=runs,
                           fmt=make_format(opts), mark=make_run("", opts), lines=_lines(opts),
                           fields=tuple(opts.get("fields", ())))


def a4_section() -> model.Section:
    return model.Section(index=0, page_width_twips=11906, page_height_twips=16838, orientation="portrait",
                         margin_top_twips=1134, margin_bottom_twips=1134, margin_left_twips=1701,
                         margin_right_twips=850, gutter_twips=0, header_distance_twips=567,
                         footer_distance_twips=567, title_page=True)


def doc_from_lines(lines: Iterable[Line], path: str = "test.docx") -> model.Document:
    """A Document whose paragraphs are the given lines, in order (header/footer lines last)."""
    normalised = [(item, {}) if isinstance(item, str) else item for item in lines]
    order = {"document": 0, "header": 1, "footer": 2}
    normalised.sort(key=lambda item: order[item[1].get("part", "document")])
    counters: dict[str, int] = {}
    paragraphs = []
    for index, (text, opts) in enumerate(normalised):
        part = opts.get("part", "document")
        counters[part] = counters.get(part, 0) + 1
        paragraphs.append(make_paragraph(index, counters[part], text, opts))
    return model.Document(path=path, sections=(a4_section(),), paragraphs=tuple(paragraphs),
                          tables=_tables(paragraphs))


def roles_of(rec: model.Recognised) -> list[tuple[str, str | None]]:
    """(text, role) per paragraph: what tests compare whole."""
    return [(p.label_and_text, role) for p, role in zip(rec.doc.paragraphs, rec.roles, strict=True)]


def L(text: str = "", **opts: Any) -> tuple[str, dict[str, Any]]:  # reads like a line
    """One line with its options: ``L("TỈNH ỦY", table=(0, 0, 0), bold=True)``."""
    return text, opts


Expected = str | None | tuple[str | None, ...]


def check(lines: Sequence[tuple[tuple[str, dict[str, Any]], Expected]]) -> model.Recognised:
    """Recognise lines given as (line, expected role) and compare the whole role list.

    A line that holds several elements (tabs, line breaks) expects a tuple: one role per part,
    in reading order (recognise/lines.py reads the parts as paragraphs of their own)."""
    from thethuc.recognise import recognise

    rec = recognise(doc_from_lines([line for line, _ in lines]))
    got = roles_of(rec)
    flat = [r for _, role in _in_doc_order(lines) for r in (role if isinstance(role, tuple) else (role,))]
    assert len(got) == len(flat), f"{len(got)} paragraphs after cutting, {len(flat)} expected: {got}"
    want = [(p.label_and_text, role) for p, role in zip(rec.doc.paragraphs, flat, strict=True)]
    assert got == want, "\n".join(f"{'  ' if g == w else '!!'} {g[0][:50]!r}: got {g[1]}, want {w[1]}"
                                  for g, w in zip(got, want, strict=True))
    return rec


def _in_doc_order(lines: Sequence[tuple[tuple[str, dict[str, Any]], Expected]]) -> list[tuple[Any, Expected]]:
    order = {"document": 0, "header": 1, "footer": 2}
    return sorted(lines, key=lambda item: order[item[0][1].get("part", "document")])
