"""Kind ``rule_line``: the solid horizontal line directly under the tiêu đề, as long as the title.

Keys: ``tolerance`` (relative, default 0.15), ``em_factor`` (average advance of a character in
em, default 0.68 for Times New Roman bold capitals), ``accept_border`` (a bottom border counts),
``ratio`` (``{min, max}``: the line's length as a share of the text's, e.g. 1/3–1/2 under a state
issuing body, instead of ``tolerance``), ``which`` (``first``/``last`` target paragraph: the line
sits under the last line of a two-line body name), ``accept_text_line`` (a paragraph typed as
underscores ``______`` counts as the line; its length is not measured), ``line_role`` (the role the
recogniser gives this element's line, e.g. ``duong_ke_tieu_de``).
The line is looked for in the target paragraph and the following paragraphs of the same cell up
to the first one with text, then on the text line just above it in its cell (the shape anchored
where the cursor stood), in the cell of the next row below (Word users draw the line in a
row of its own), and in the paragraph the recogniser labelled ``line_role`` just after the element
(a shape anchored on the empty paragraph under a header table). Underlining the title instead is a
finding of its own.
Text wider than its cell or text block wraps: the line under it is measured against a printed line
whose length is not known, so only "no longer than the widest line allows" is judged then.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from thethuc.checks import wording
from thethuc.checks.common import DOCUMENT, Deviation, group, has_text, targets
from thethuc.model import EMU_PER_MM, EMU_PER_TWIP, DrawnLine, Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.roles import role_name
from thethuc.ruleset.nodes import Where, as_bool, as_mapping, as_number, as_roles, check_keys, require
from thethuc.ruleset.params import choice, param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import squash

_NEAR = 6  # paragraphs after the element searched for the one labelled as its line
EMU_PER_PT = 12700
_NO_BORDER = ("nil", "none", "")
_LINE_CHARS = frozenset("_─━═")


def _ratio(value: object, where: Where, what: str) -> tuple[float, float]:
    span = as_mapping(value, where, what)
    check_keys(span, ("min", "max"), what)
    return (as_number(require(span, "min", what), span.at("min"), f"{what}.min"),
            as_number(require(span, "max", what), span.at("max"), f"{what}.max"))


def _role(value: object, where: Where, what: str) -> str:
    return as_roles([value], where, what)[0]


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``rule_line`` rule: what counts as the line under its element (a drawn shape, a bottom
    border, typed underscores) and how its length is measured against the text's."""

    tolerance: float = param(as_number, 0.15)
    em_factor: float = param(as_number, 0.68)
    accept_border: bool = param(as_bool, True)
    ratio: tuple[float, float] | None = param(_ratio, None)
    which: str = param(choice("first", "last"), "first")
    accept_text_line: bool = param(as_bool, False)
    line_role: str | None = param(_role, None)


parse = params_parser(Params, "rule_line")


# Word's default left + right cell margins (0.19 cm each), where a table states none.
_CELL_MARGINS_TWIPS = 216
# Average advance of a lower-case Times New Roman letter in em: a narrow estimate, so that text is
# taken to wrap only when it surely does (drafters break a trích yếu into lines by hand).
_LOWER_EM = 0.45


def title_width_emu(paragraph: Paragraph, em_factor: float, lower_em: float | None = None) -> float:
    """Estimated printed width: characters × size × average advance (no font metrics at hand);
    with ``lower_em``, lower-case letters (not shown as capitals) advance by that instead."""
    total = 0.0
    for run in paragraph.visible_runs:
        text = squash(run.text)
        lower = 0 if lower_em is None or run.caps.value else sum(1 for ch in text if not ch.isupper())
        total += ((len(text) - lower) * em_factor + lower * (lower_em or 0.0)) * run.size_half_pt.value / 2
    return total * EMU_PER_PT


def available_width_emu(paragraph: Paragraph, rec: Recognised) -> float | None:
    """How wide a printed line of the paragraph can be: its cell, or the section's text block."""
    fmt = paragraph.fmt
    indents = max(0, fmt.indent_left_twips.value) + max(0, fmt.indent_right_twips.value)
    if paragraph.location.table is not None:
        if paragraph.cell_width_twips is None:
            return None
        return max(0, paragraph.cell_width_twips - _CELL_MARGINS_TWIPS - indents) * EMU_PER_TWIP
    if not 0 <= paragraph.section < len(rec.doc.sections):
        return None
    section = rec.doc.sections[paragraph.section]
    block = (section.page_width_twips - section.margin_left_twips - section.margin_right_twips
             - section.gutter_twips - indents)
    return max(0, block) * EMU_PER_TWIP


def wanted_width(params: Params, titles: list[Paragraph], rec: Recognised) -> tuple[Paragraph, float, bool]:
    """The element the line belongs under, the length of its longest printed line, and whether
    that text wraps (then the printed line is at most the cell or text block, its length unknown).
    A two-line body name is measured by its longest line, the "dòng chữ" the rule is centred on."""
    title = titles[-1] if params.which == "last" else titles[0]
    basis = [p for p in titles if _same_cell(p, title)] if params.which == "last" else [title]
    want, wraps = 0.0, False
    for p in basis:
        width, room = title_width_emu(p, params.em_factor), available_width_emu(p, rec)
        if room and title_width_emu(p, params.em_factor, _LOWER_EM) > room:
            width, wraps = room, True
        want = max(want, width)
    return title, want, wraps


def _cell(p: Paragraph) -> tuple[int, int, int] | None:
    return p.location.cell or p.location.table  # the innermost cell of a nested header table


def _same_cell(a: Paragraph, b: Paragraph) -> bool:
    return a.location.part_name == b.location.part_name and _cell(a) == _cell(b)


def _below(title: Paragraph, p: Paragraph) -> bool:
    """``p`` is in the cell under the title's: same table, next row, same column."""
    a, b = _cell(title), _cell(p)
    return (a is not None and b is not None and a[0] == b[0] and b[1] == a[1] + 1 and b[2] == a[2]
            and title.location.part_name == p.location.part_name)


def _up_to_text(paragraphs: tuple[Paragraph, ...], start: int, keep: Callable[[Paragraph], bool]) -> list[Paragraph]:
    found: list[Paragraph] = []
    for p in paragraphs[start:]:
        if not keep(p):
            if found:
                break
            continue
        found.append(p)
        if has_text(p):
            break
    return found


def candidates(title: Paragraph, rec: Recognised, line_role: str | None = None) -> tuple[Paragraph, ...]:
    """The title paragraph and the following ones of its cell, up to the first with text; a line
    anchored on the text line just above it in its cell; the cell below it up to its first text;
    and the paragraph labelled as its line just after it."""
    paragraphs = rec.doc.paragraphs
    found = [title]
    for p in paragraphs[title.index + 1:]:
        if not _same_cell(title, p):
            break
        found.append(p)
        if has_text(p):
            break
    above = paragraphs[title.index - 1] if title.index > 0 else None
    if above is not None and above.lines and _same_cell(title, above) and has_text(above) \
            and not any(p.lines for p in found):
        # Drawn while the cursor stood on the line above (the quốc hiệu over the tiêu ngữ): a shape
        # is anchored on a paragraph but drawn wherever it was dragged to.
        found.append(above)
    if not any(p.lines or _bordered(p) or _typed_line(p) for p in found):
        below = title.index + 1
        found += _up_to_text(paragraphs[below:below + 4 * _NEAR], 0, lambda p: _below(title, p))
    if line_role is not None:
        near = range(title.index + 1, min(len(paragraphs), title.index + 1 + _NEAR))
        seen = {p.index for p in found}
        found += [paragraphs[i] for i in near if rec.roles[i] == line_role and i not in seen][:1]
    return tuple(found)


def _horizontal(line: DrawnLine) -> bool:
    return line.width_emu > 0 and abs(line.height_emu) <= max(EMU_PER_MM, line.width_emu * 0.05)


def _typed_line(p: Paragraph) -> bool:
    text = squash(p.text)
    return len(text) >= 3 and set(text) <= _LINE_CHARS


def _bordered(p: Paragraph) -> bool:
    border = p.fmt.border_bottom.value
    return border is not None and border.style not in _NO_BORDER


def _line_deviations(params: Params, title: Paragraph, lines: list[DrawnLine],
                     want: float, wraps: bool, under: Text) -> Iterator[Deviation]:
    flat = [line for line in lines if _horizontal(line)]
    if not flat:
        yield Deviation(("slanted",), title, Text("đường kẻ nằm ngang", "a horizontal line"),
                        Text("đường kẻ không nằm ngang", "a line that is not horizontal"), None)
        return
    line = flat[0]
    if line.dashed:
        yield Deviation(("dashed",), title, Text("nét liền", "solid"), Text("nét đứt", "dashed"), None)
    if wraps:
        # The printed line above the rule is somewhere up to ``want`` long: only too long is known.
        high = params.ratio[1] if params.ratio is not None else 1.0
        if want and line.width_emu > high * want * (1 + params.tolerance):
            yield Deviation(("width",), title,
                            Text(f"dài tối đa {high * want / EMU_PER_MM:.0f} mm",
                                 f"at most {high * want / EMU_PER_MM:.0f} mm long"),
                            wording.numeric("width_mm", line.width_emu / EMU_PER_MM, 0), None,
                            Text("đường kẻ dài hơn dòng chữ", "line longer than the text's line"))
    elif want and params.ratio is not None:
        low, high = params.ratio
        if not low * want * (1 - params.tolerance) <= line.width_emu <= high * want * (1 + params.tolerance):
            yield Deviation(("width",), title,
                            Text(f"dài {low * want / EMU_PER_MM:.0f}–{high * want / EMU_PER_MM:.0f} mm "
                                 f"({low:.2g}–{high:.2g} độ dài dòng chữ)",
                                 f"{low * want / EMU_PER_MM:.0f}–{high * want / EMU_PER_MM:.0f} mm long "
                                 f"({low:.2g}–{high:.2g} of the text's length)"),
                            wording.numeric("width_mm", line.width_emu / EMU_PER_MM, 0), None,
                            Text("độ dài đường kẻ không đúng tỷ lệ", "line length out of proportion"))
    elif want and abs(line.width_emu - want) > params.tolerance * want:
        yield Deviation(("width",), title, wording.numeric("width_mm", want / EMU_PER_MM, 0),
                        wording.numeric("width_mm", line.width_emu / EMU_PER_MM, 0), None,
                        Text(f"độ dài khác độ dài dòng {under.vi}", f"length differs from the {under.en}'s"))


def _deviations(params: Params, title: Paragraph, rec: Recognised, want: float,
                wraps: bool) -> Iterator[Deviation]:
    near = candidates(title, rec, params.line_role)
    # The element the line belongs under, by name: the motto, the issuing body, the summary — not
    # always "the title".
    title_role = rec.role_of(title)
    under = role_name(title_role) if title_role else DOCUMENT
    underlined = any(r.underline.value not in ("none", "") for r in title.visible_runs)
    if underlined:
        yield Deviation(("underline",), title, Text(f"đường kẻ ngang dưới {under.vi}",
                                                    f"a drawn line under the {under.en}"),
                        Text(f"gạch chân chữ {under.vi}", f"the {under.en} text underlined"),
                        next((r.underline.source for r in title.visible_runs), None))
    lines = [line for p in near for line in p.lines]
    if lines:
        yield from _line_deviations(params, title, lines, want, wraps, under)
    elif params.accept_text_line and any(_typed_line(p) for p in near[1:]):
        return  # underscores typed as the line (many state files); their printed length is not known here
    elif not (params.accept_border and any(_bordered(p) for p in near)) and not underlined:
        yield Deviation(("missing",), title, Text(f"đường kẻ ngang nét liền dưới {under.vi}",
                                                   f"a solid horizontal line under the {under.en}"),
                        Text("không có đường kẻ", "no line"), None)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    titles = [p for p in targets(rule, rec) if has_text(p)]
    if titles:
        title, want, wraps = wanted_width(params, titles, rec)
        yield from group(rule, rec, _deviations(params, title, rec, want, wraps))
