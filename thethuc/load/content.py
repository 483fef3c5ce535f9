"""The inline content of one ``w:p``: runs and their text, fields, comment anchors, drawn lines, text boxes.

Wrappers are transparent, deleted text is skipped, and one ``mc:AlternateContent`` branch is read.
"""
from __future__ import annotations

from dataclasses import field

from lxml import etree

from thethuc.load import drawings
from thethuc.load.fields import FieldTracker, field_name
from thethuc.load.ooxml import NS, local_name, qn, wattr
from thethuc.model import DrawnLine
from thethuc.records import dataclass

_W, _MC = NS["w"], NS["mc"]
TRANSPARENT = frozenset({"hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo", "sdtContent"})
SKIPPED = frozenset({"del", "moveFrom"})
_SIMPLE_TEXT = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}
# Tags compared whole: every run and text element of the document passes through here.
_W_PREFIX = f"{{{_W}}}"
_W_LEN = len(_W_PREFIX)
_R, _T, _RPR, _SDT_CONTENT = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:sdtContent")
_ALTERNATE = f"{{{_MC}}}AlternateContent"


class RawRun:
    """A run's rPr and text, before formatting is resolved. One per run of the document, so a
    plain slotted class: a dataclass ``__init__`` cost more than the rest of the scan."""

    __slots__ = ("element", "field_result", "rpr", "text")

    def __init__(self, rpr: etree._Element | None, text: str, field_result: bool,
                 element: etree._Element | None = None) -> None:
        self.rpr, self.text, self.field_result = rpr, text, field_result
        self.element = element  # the w:r itself: the fix stage edits the run it came from


@dataclass
class PartState:
    """State that crosses paragraph boundaries inside one part."""

    fields: FieldTracker = field(default_factory=FieldTracker)
    open_comments: list[str] = field(default_factory=list)
    tracked_changes: bool = False


class ParaContent:
    """What one paragraph holds (one per paragraph: a slotted class for the same reason as RawRun)."""

    __slots__ = (
        "_break_pending",
        "break_after",
        "break_before",
        "comment_ids",
        "fields",
        "lines",
        "runs",
        "text_boxes",
    )

    def __init__(self, comment_ids: list[str]) -> None:
        self.runs: list[RawRun] = []
        self.fields: list[str] = []
        self.comment_ids = comment_ids
        self.lines: list[DrawnLine] = []
        self.text_boxes: list[etree._Element] = []
        self.break_before = False  # a page break with text after it inside this paragraph
        self.break_after = False  # a trailing page break: the next paragraph starts the page
        self._break_pending = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def choose_branch(alternate: etree._Element) -> etree._Element | None:
    """``mc:Choice`` if there is one, else ``mc:Fallback`` — never both (ECMA-376 Part 3 §10.2)."""
    choice = alternate.find(f"{{{_MC}}}Choice")
    return choice if choice is not None else alternate.find(f"{{{_MC}}}Fallback")


def scan_paragraph(p: etree._Element, state: PartState) -> ParaContent:
    content = ParaContent(list(state.open_comments))
    _scan_children(p, state, content, simple_field=False)
    if content._break_pending:
        content.break_after = True
    return content


def _scan_children(el: etree._Element, state: PartState, content: ParaContent, simple_field: bool) -> None:
    for child in el:
        tag = child.tag
        if tag == _R:
            _scan_run(child, state, content, simple_field)
        elif tag == _ALTERNATE:
            branch = choose_branch(child)
            if branch is not None:
                _scan_children(branch, state, content, simple_field)
        elif not isinstance(tag, str) or not tag.startswith(_W_PREFIX):
            continue
        elif (name := tag[_W_LEN:]) in TRANSPARENT:
            state.tracked_changes |= name in ("ins", "moveTo")
            _scan_children(child, state, content, simple_field)
        elif name == "sdt":
            inner = child.find(_SDT_CONTENT)
            if inner is not None:
                _scan_children(inner, state, content, simple_field)
        elif name == "fldSimple":
            _add_field(content, field_name(wattr(child, "instr") or ""))
            _scan_children(child, state, content, simple_field=True)
        elif name in SKIPPED:
            state.tracked_changes = True
        elif name in ("commentRangeStart", "commentRangeEnd"):
            _comment_mark(child, name, state, content)


def _comment_mark(el: etree._Element, name: str, state: PartState, content: ParaContent) -> None:
    cid = wattr(el, "id")
    if cid is None:
        return
    if cid not in content.comment_ids:
        content.comment_ids.append(cid)
    if name == "commentRangeStart" and cid not in state.open_comments:
        state.open_comments.append(cid)
    elif name == "commentRangeEnd" and cid in state.open_comments:
        state.open_comments.remove(cid)


def _add_field(content: ParaContent, name: str | None) -> None:
    if name:
        content.fields.append(name)


def _scan_run(r: etree._Element, state: PartState, content: ParaContent, simple_field: bool) -> None:
    pieces: list[str] = []
    fields = state.fields
    rpr: etree._Element | None = None  # the run's own first rPr, never one inside a branch
    # Most runs are an rPr and a w:t: they are read in this loop without the general dispatch.
    for child in r:
        tag = child.tag
        if tag == _T:  # the common case first: plain text outside a field instruction
            if not fields.in_instruction:
                pieces.append(child.text or "")
        elif tag == _RPR:
            if rpr is None:
                rpr = child
        elif tag == _ALTERNATE:
            # Read in place of the AlternateContent: the chosen branch's children, one level (an
            # AlternateContent inside it is ignored). Met here rather than looked for before the loop:
            # a ``find`` per run cost ~3 % of loading the real documents for the few runs that hold one.
            branch = choose_branch(child)
            if branch is not None:
                for inner in branch:
                    if inner.tag != _RPR:
                        _run_child(inner, pieces, state, content)
        else:
            _run_child(child, pieces, state, content)
    text = "".join(pieces)
    if text:
        if content._break_pending and text.strip():
            content.break_before, content._break_pending = True, False
        content.runs.append(RawRun(rpr, text, simple_field or fields.in_result, r))


def _run_child(child: etree._Element, pieces: list[str], state: PartState, content: ParaContent) -> None:
    """One child of a run other than its rPr: text, breaks, symbols, fields, drawings, comment marks."""
    tag = child.tag
    if not isinstance(tag, str):
        return  # a comment or processing instruction inside the run
    fields = state.fields
    name = tag[_W_LEN:] if tag.startswith(_W_PREFIX) else local_name(child)
    if name == "t":  # a w:t, or a "t" of another namespace: both read as text
        if not fields.in_instruction:
            pieces.append(child.text or "")
    elif name in _SIMPLE_TEXT and not fields.in_instruction:
        pieces.append(_SIMPLE_TEXT[name])
    elif name == "br":
        _line_break(child, pieces, content)
    elif name == "sym":
        pieces.append(_symbol(child))
    elif name == "fldChar":
        _add_field(content, fields.char(wattr(child, "fldCharType")))
    elif name == "instrText":
        fields.instruction(child.text or "")
    elif name == "drawing":
        content.lines.extend(drawings.drawingml_lines(child))
        content.text_boxes.extend(drawings.text_boxes(child))
    elif name == "pict":
        content.lines.extend(drawings.vml_lines(child))
        content.text_boxes.extend(drawings.text_boxes(child))
    elif name == "commentReference" and (cid := wattr(child, "id")) and cid not in content.comment_ids:
        content.comment_ids.append(cid)


def _line_break(br: etree._Element, pieces: list[str], content: ParaContent) -> None:
    kind = wattr(br, "type") or "textWrapping"
    if kind == "page":
        has_text_before = bool(content.text.strip() or "".join(pieces).strip())
        if has_text_before:
            content._break_pending = True
        else:
            content.break_before = True
    elif kind == "textWrapping":
        pieces.append("\n")


def _symbol(sym: etree._Element) -> str:
    """``w:sym``: the character code, mapped out of the symbol-font private-use area when possible."""
    try:
        code = int(wattr(sym, "char") or "", 16)
    except ValueError:
        return ""
    if 0xF020 <= code <= 0xF0FF:
        code -= 0xF000  # Word stores Symbol/Wingdings glyphs at U+F0xx; the low byte is the font's code
    return chr(code) if 0 < code < 0x110000 else ""
