"""Synthetic ``Recognised`` documents built straight from the model dataclasses.

The check kinds are tested on these, independently of the load and recognise stages:
``recognised(para("ĐẢNG CỘNG SẢN VIỆT NAM", role="tieu_de", size=30, bold=True), …)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from thethuc.model import (
    Border,
    Document,
    DrawnLine,
    Heading,
    Location,
    Paragraph,
    ParagraphFormat,
    Recognised,
    Run,
    Section,
    Sourced,
    Table,
)
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.nodes import load_yaml_text
from thethuc.ruleset.schema import build_rule
from thethuc.ruleset.types import Rule, RuleSet

TNR = "Times New Roman"


def run(text: str, *, size: float = 14, bold: bool = False, italic: bool = False, underline: str = "none",
        caps: bool = False, color: str = "auto", font: str = TNR, source: str = "direct",
        hidden: bool = False, field_result: bool = False, fonts: dict[str, str] | None = None,
        vert_align: str = "baseline") -> Run:
    slots = {"ascii": font, "hAnsi": font, "eastAsia": font, "cs": font, **(fonts or {})}

    def s(value: Any) -> Sourced[Any]:
        return Sourced(value, source)

    return Run(text=text, font_ascii=s(slots["ascii"]), font_hansi=s(slots["hAnsi"]),
               font_east_asia=s(slots["eastAsia"]), font_cs=s(slots["cs"]), size_half_pt=s(round(size * 2)),
               bold=s(bold), italic=s(italic), underline=s(underline), caps=s(caps), small_caps=s(False),
               strike=s(False), hidden=s(hidden), color=s(color), vert_align=s(vert_align),
               is_field_result=field_result)


@dataclass
class P:
    """A paragraph spec; ``recognised`` gives it its index and location."""

    text: str = ""
    role: str | None = None
    runs: tuple[Run, ...] | None = None
    run_args: dict[str, Any] = field(default_factory=dict)
    align: str = "both"
    first_line_twips: int = 567
    indent_left_twips: int = 0
    before_twips: int = 120
    after_twips: int = 0
    line_rule: str = "exact"
    line_value: int = 340
    table: tuple[int, int, int] | None = None
    part: str = "document"
    part_name: str = "word/document.xml"
    lines: tuple[DrawnLine, ...] = ()
    fields: tuple[str, ...] = ()
    border_bottom: Border | None = None
    page_break: bool = False
    label: str = ""
    section: int = 0


def para(text: str = "", role: str | None = None, **kwargs: Any) -> P:
    """``para("text", role="noi_dung", size=13, align="left")``: run options go to the run."""
    spec_keys = set(P.__dataclass_fields__)
    spec = {k: v for k, v in kwargs.items() if k in spec_keys}
    run_args = {k: v for k, v in kwargs.items() if k not in spec_keys}
    return P(text=text, role=role, run_args=run_args, **spec)


def _paragraph(index: int, number_in_part: int, spec: P) -> Paragraph:
    runs = spec.runs if spec.runs is not None else ((run(spec.text, **spec.run_args),) if spec.text else ())
    text = spec.text if spec.runs is None else "".join(r.text for r in spec.runs)
    d = "direct"
    fmt = ParagraphFormat(
        style_id="Normal", style_name="Normal", align=Sourced(spec.align, d),
        indent_left_twips=Sourced(spec.indent_left_twips, d), indent_right_twips=Sourced(0, d),
        indent_first_line_twips=Sourced(spec.first_line_twips, d), space_before_twips=Sourced(spec.before_twips, d),
        space_after_twips=Sourced(spec.after_twips, d), line_rule=Sourced(spec.line_rule, d),
        line_value=Sourced(spec.line_value, d), border_top=Sourced(None, d),
        border_bottom=Sourced(spec.border_bottom, d), numbering_label=spec.label)
    location = Location(part=spec.part, part_name=spec.part_name, paragraph=number_in_part,
                        table=spec.table)
    return Paragraph(index=index, location=location, section=spec.section, text=text, runs=runs, fmt=fmt,
                     lines=spec.lines, fields=spec.fields, page_break_before=spec.page_break)


def a4_section(index: int = 0, **changes: Any) -> Section:
    base = Section(index=index, page_width_twips=11906, page_height_twips=16838, orientation="portrait",
                   margin_top_twips=1134, margin_bottom_twips=1134, margin_left_twips=1701,
                   margin_right_twips=850, gutter_twips=0, header_distance_twips=567, footer_distance_twips=567,
                   title_page=True, headers=(("default", "word/header1.xml"), ("first", "word/header2.xml")))
    return replace(base, **changes)


def recognised(*specs: P, sections: tuple[Section, ...] | None = None, family: str = "party",
               document_type: str | None = None, headings: tuple[Heading, ...] = (),
               tables: tuple[Table, ...] = (), **doc: Any) -> Recognised:
    counters: dict[str, int] = {}
    paragraphs = []
    for index, spec in enumerate(specs):
        counters[spec.part_name] = counters.get(spec.part_name, 0) + 1
        paragraphs.append(_paragraph(index, counters[spec.part_name], spec))
    document = Document(path="test.docx", sections=sections or (a4_section(),), paragraphs=tuple(paragraphs),
                        tables=tables, **doc)
    return Recognised(doc=document, roles=tuple(s.role for s in specs), family=family,
                      document_type=document_type, headings=headings)


def rule_from_yaml(code: str, text: str) -> Rule:
    """One rule from the YAML of its mapping (the keys under ``rules: {CODE: …}``)."""
    node = load_yaml_text(text, "test.yaml")
    return build_rule(code, node, node.where)


COMMON = """
name: test-rule
grade: A
source: test
description: {vi: "mô tả", en: "description"}
message: {vi: "Lỗi", en: "Problem"}
"""


def make_rule(code: str, body: str) -> Rule:
    """A rule with the common keys filled in; ``body`` holds kind, target and the kind's keys."""
    return rule_from_yaml(code, COMMON + body)


def hd36_for_fragments() -> RuleSet:
    """hd36 without X008: unit documents are fragments with no header block, and X008 (no document
    layout at all) would silence every other rule on them. X008 has its own test in test_engine.py."""
    # Turned off as a rule file's `X008: off` does: --ignore would only hide X008's finding, and its
    # verdict would still silence the rest (selection only removes findings).
    hd36 = load_ruleset("hd36")
    return replace(hd36, rules=tuple(replace(r, enabled=False) if r.code == "X008" else r for r in hd36.rules))
