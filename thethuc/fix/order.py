"""Schema order of the property elements the fix stage edits (ECMA-376 Part 1, transitional).

Word refuses a document whose ``w:pPr``, ``w:rPr`` or ``w:sectPr`` children are out of sequence
or repeated, so every element the fixers add goes through ``ensure``, which inserts it at its
place. ``problems`` is what the tests use to hold every fixed part to that order.
"""
from __future__ import annotations

from lxml import etree

from thethuc.load.ooxml import W_NS

_W = f"{{{W_NS}}}"

ORDER: dict[str, tuple[str, ...]] = {
    # CT_RPr (§17.3.2.28), EG_RPrBase then rPrChange
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"),
    # CT_PPr (§17.3.1.26)
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    # CT_SectPr (§17.6.17): header/footer references first, in any mix
    "sectPr": ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
    # CT_R (§17.3.2.25): the rPr comes first
    "r": ("rPr",),
    # CT_P: the pPr comes first
    "p": ("pPr",),
    # CT_Style (§17.7.4.17)
    "style": ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
              "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
              "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
    "rPrDefault": ("rPr",),
    "pPrDefault": ("pPr",),
}
_RANK = {parent: {name: i for i, name in enumerate(names)} for parent, names in ORDER.items()}
_RANK["sectPr"]["footerReference"] = 0  # one choice group with headerReference: they may interleave
# Parents whose only ordered child here comes first (the properties of a run, a paragraph, a default).
_FIRST_CHILD = frozenset({"r", "p", "rPrDefault", "pPrDefault"})
# Header and footer references may repeat (one per type); nothing else may.
_REPEATABLE = {"sectPr": frozenset({"headerReference", "footerReference"})}


def _local(el: etree._Element) -> str | None:
    tag = el.tag
    return tag[len(_W):] if isinstance(tag, str) and tag.startswith(_W) else None


def ensure(parent: etree._Element, name: str) -> etree._Element:
    """The ``w:<name>`` child of ``parent``, created at its schema position when missing."""
    found = parent.find(f"{_W}{name}")
    if found is not None:
        return found
    child = etree.Element(f"{_W}{name}")
    if _local(parent) in _FIRST_CHILD:
        parent.insert(0, child)
        return child
    ranks = _RANK[_local(parent) or ""]
    rank = ranks[name]
    for index, sibling in enumerate(parent):
        local = _local(sibling)
        sibling_rank = ranks.get(local) if local is not None else None
        # Before the first later sibling; extension elements (w14:…, mc:…) come after the w: ones.
        if (sibling_rank is not None and sibling_rank > rank) or (
                local is None and isinstance(sibling.tag, str) and parent.tag != f"{_W}sectPr"):
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def remove(parent: etree._Element | None, name: str) -> bool:
    if parent is None:
        return False
    found = parent.findall(f"{_W}{name}")
    for el in found:
        parent.remove(el)
    return bool(found)


def problems(root: etree._Element) -> list[str]:
    """Misplaced or repeated children of every pPr, rPr and sectPr under ``root``."""
    found: list[str] = []
    for parent_name in ("pPr", "rPr", "sectPr"):
        ranks, repeatable = _RANK[parent_name], _REPEATABLE.get(parent_name, frozenset())
        for parent in root.iter(f"{_W}{parent_name}"):
            last, seen = -1, set()
            for child in parent:
                local = _local(child)
                if local is None or local not in ranks:
                    continue
                if local in seen and local not in repeatable:
                    found.append(f"{parent_name}: {local} repeated")
                if ranks[local] < last:
                    found.append(f"{parent_name}: {local} out of order")
                seen.add(local)
                last = max(last, ranks[local])
    return found
