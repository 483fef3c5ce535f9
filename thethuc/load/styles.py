"""Style index of ``word/styles.xml``: docDefaults, styles by id, typed cycle-safe ``basedOn`` chains.

Holds the raw property elements; merging them is ``cascade``'s job.
"""
from __future__ import annotations

from dataclasses import field

from lxml import etree

from thethuc.load.ooxml import is_on, qn, wattr
from thethuc.records import dataclass

MAX_CHAIN = 32  # deeper basedOn chains do not occur in real documents; the cap ends hostile ones


@dataclass(frozen=True, slots=True)
class StyleDef:
    """One ``w:style`` (ECMA-376 §17.7.4.17)."""

    style_id: str
    name: str
    kind: str  # paragraph, character, table, numbering
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None
    tblpr: etree._Element | None = None
    # w:tblStylePr by w:type ("firstRow", "band1Horz" …) → (pPr, rPr, tcPr)
    conditional: dict[str, tuple[etree._Element | None, ...]] = field(default_factory=dict)
    is_default: bool = False


@dataclass(frozen=True)
class StyleIndex:
    """The parsed ``word/styles.xml``: styles by id, the document defaults (docDefaults rPr and pPr), and
    the default paragraph and table styles."""

    styles: dict[str, StyleDef]
    default_rpr: etree._Element | None
    default_ppr: etree._Element | None
    default_paragraph: str | None  # id of the last paragraph style with w:default="1"
    default_table: str | None

    def get(self, style_id: str | None, kind: str) -> StyleDef | None:
        """The style of that id and type, or None when absent, dangling or of another type."""
        style = self.styles.get(style_id) if style_id else None
        return style if style is not None and style.kind == kind else None

    def chain(self, style_id: str | None, kind: str) -> tuple[StyleDef, ...]:
        """The style and its ``basedOn`` ancestors, root first; a type change or a cycle ends it."""
        found: list[StyleDef] = []
        seen: set[str] = set()
        current = self.get(style_id, kind)
        while current is not None and current.style_id not in seen and len(found) < MAX_CHAIN:
            found.append(current)
            seen.add(current.style_id)
            current = self.get(current.based_on, kind)
        return tuple(reversed(found))

    def name_of(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id) if style_id else None
        return style.name if style else None


def _child(el: etree._Element | None, name: str) -> etree._Element | None:
    return None if el is None else el.find(qn(name))


_TBL_STYLE_PR, _NAME, _BASED_ON, _PPR, _RPR, _TBL_PR = (
    qn(f"w:{name}") for name in ("tblStylePr", "name", "basedOn", "pPr", "rPr", "tblPr"))


def _style_def(el: etree._Element) -> StyleDef | None:
    style_id = wattr(el, "styleId")
    if not style_id:
        return None
    conditional: dict[str, tuple[etree._Element | None, ...]] = {}
    # One pass over the style's children, keeping the first of each as ``find`` would: a styles part
    # holds hundreds of styles, and a ``find`` per property cost ~1 % of loading a real document.
    first: dict[object, etree._Element] = {}
    for child in el:
        tag = child.tag
        if tag == _TBL_STYLE_PR:
            kind = wattr(child, "type")
            if kind:
                conditional[kind] = (_child(child, "w:pPr"), _child(child, "w:rPr"), _child(child, "w:tcPr"))
        elif tag not in first:
            first[tag] = child
    name = wattr(first.get(_NAME), "val") or style_id
    return StyleDef(
        style_id=style_id, name=name, kind=wattr(el, "type") or "paragraph",
        based_on=wattr(first.get(_BASED_ON), "val"),
        ppr=first.get(_PPR), rpr=first.get(_RPR), tblpr=first.get(_TBL_PR),
        conditional=conditional, is_default=is_on(wattr(el, "default")),
    )


def parse_styles(root: etree._Element | None) -> StyleIndex:
    """Index ``w:styles``; a missing part gives an empty index (Word then uses its built-in defaults)."""
    if root is None:
        return StyleIndex({}, None, None, None, None)
    styles: dict[str, StyleDef] = {}
    defaults: dict[str, str] = {}
    for el in root.findall(qn("w:style")):
        style = _style_def(el)
        if style is None:
            continue
        styles.setdefault(style.style_id, style)  # Word keeps the first of duplicate ids
        if style.is_default:
            defaults[style.kind] = style.style_id  # the last default of a type wins
    doc_defaults = root.find(qn("w:docDefaults"))
    return StyleIndex(
        styles=styles,
        default_rpr=_child(_child(doc_defaults, "w:rPrDefault"), "w:rPr"),
        default_ppr=_child(_child(doc_defaults, "w:pPrDefault"), "w:pPr"),
        default_paragraph=defaults.get("paragraph"),
        default_table=defaults.get("table"),
    )
