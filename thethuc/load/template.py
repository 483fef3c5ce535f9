"""Documents of one template share their styles, theme and numbering parse and their cascade memo.

Archives and drafting repositories hold hundreds of documents made from the same few templates;
when those three parts are byte-identical to a recent document's, nothing in them is parsed or
resolved again. The key is the parts' bytes themselves, so a hit is exact, never a hash guess.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from lxml import etree

from thethuc.errors import DocxInputError
from thethuc.load.cascade import Memo
from thethuc.load.numbering import Numbering, parse_numbering
from thethuc.load.ooxml import qn, wattr
from thethuc.load.package import Package
from thethuc.load.safety import parse_xml
from thethuc.load.styles import StyleIndex, parse_styles
from thethuc.load.theme import FontScheme, parse_theme
from thethuc.records import dataclass

MAX_TEMPLATES = 16  # a folder rarely mixes more templates; each one holds a parsed styles part
MAX_MEMO_ENTRIES = 20_000  # distinct direct formattings remembered per template (peak RSS of big audits)

TemplateKey = tuple[bytes | None, bytes | None, bytes | None]


@dataclass(frozen=True, slots=True)
class Template:
    """What documents of one template share: the parsed styles, theme fonts and numbering, and the cascade memo."""

    styles: StyleIndex
    theme: FontScheme
    numbering: Numbering
    memo: Memo


_TEMPLATES: OrderedDict[TemplateKey, Template] = OrderedDict()


def template_for(pkg: Package, main: str) -> Template:
    """The parsed styles, theme and numbering of the document's main part, shared when seen before."""
    names = (pkg.related(main, "styles"), pkg.related(main, "theme"), pkg.related(main, "numbering"))
    key = _read(pkg, names)
    found = _TEMPLATES.get(key)
    if found is not None:
        _TEMPLATES.move_to_end(key)
        if _size(found.memo) > MAX_MEMO_ENTRIES:  # a template used for years: start its memo afresh
            found = _TEMPLATES[key] = Template(found.styles, found.theme, found.numbering, Memo())
        return found
    styles_name, theme_name, numbering_name = names
    styles = parse_styles(_parse(pkg, styles_name, key[0]))
    found = Template(styles, parse_theme(_parse(pkg, theme_name, key[1])),
                     parse_numbering(_parse(pkg, numbering_name, key[2]), _style_num_id(styles)), Memo())
    _TEMPLATES[key] = found
    if len(_TEMPLATES) > MAX_TEMPLATES:
        _TEMPLATES.popitem(last=False)
    return found


def _read(pkg: Package, names: tuple[str | None, ...]) -> TemplateKey:
    """The parts' bytes. Unshared loading read and parsed them one by one, so when a later part
    cannot be read, an earlier part's broken XML is still the error reported."""
    found: list[bytes | None] = []
    for name in names:
        try:
            found.append(pkg.read(name) if name else None)
        except DocxInputError:
            for earlier, data in zip(names, found, strict=False):
                _parse(pkg, earlier, data)
            raise
    return found[0], found[1], found[2]


def _size(memo: Memo) -> int:
    return len(memo.levels) + len(memo.runs) + len(memo.paras)


def cache_clear() -> None:
    """Forget every template (benchmarks measure with and without the sharing)."""
    _TEMPLATES.clear()


def _parse(pkg: Package, name: str | None, data: bytes | None) -> etree._Element | None:
    return None if name is None or data is None else parse_xml(pkg.path, name, data)


def _style_num_id(styles: StyleIndex) -> Callable[[str], str | None]:
    """numStyleLink support: a numbering style's numId."""
    def lookup(style_id: str) -> str | None:
        style = styles.get(style_id, "numbering")
        num = style.ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}") if style and style.ppr is not None else None
        return wattr(num, "val")
    return lookup
