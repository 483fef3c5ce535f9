"""From the model's locations back to the XML: the ``w:p`` (and its runs) a Paragraph was read from.

The load stage's own walker is replayed over the same parts, so the n-th paragraph of a part here
is the n-th paragraph of that part in ``Document.paragraphs`` (same order, same wrappers, same
text boxes), and the n-th text run is ``Paragraph.runs[n]``.
"""
from __future__ import annotations

from lxml import etree

from thethuc.fix.package import EditablePackage
from thethuc.load.content import ParaContent
from thethuc.load.ooxml import qn
from thethuc.load.styles import parse_styles
from thethuc.load.walk import PartWalker, Site
from thethuc.model import Document, Location, Paragraph


class _Recorder:
    """A walk Sink that keeps each paragraph element, its text runs and the section ends."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[etree._Element, list[etree._Element | None]]] = []
        self.section_ends: list[etree._Element | None] = []
        self._tables = 0

    def paragraph(self, p: etree._Element, content: ParaContent, site: Site) -> None:
        self.paragraphs.append((p, [raw.element for raw in content.runs]))

    def table(self, tbl: etree._Element, site: Site, nested: bool, style_id: str | None,
              rows: int, columns: int) -> int:
        self._tables += 1
        return self._tables - 1

    def section_end(self, sect_pr: etree._Element | None) -> None:
        self.section_ends.append(sect_pr)


class Locator:
    """Paragraph and section elements of one editable package, walked lazily per part."""

    def __init__(self, pkg: EditablePackage, doc: Document) -> None:
        self.pkg = pkg
        self.doc = doc
        self.main = pkg.main_part()
        self.styles = parse_styles(pkg.xml(pkg.related(self.main, "styles") or "word/styles.xml"))
        self._parts: dict[str, _Recorder] = {}

    def _walk(self, part_name: str) -> _Recorder:
        if part_name not in self._parts:
            recorder = _Recorder()
            root = self.pkg.xml(part_name)
            kind = next((p.location.part for p in self.doc.paragraphs if p.location.part_name == part_name),
                        "document")
            walker = PartWalker(recorder, self.styles, Site(kind, part_name))
            if root is not None:
                bodies = root.findall(qn("w:body")) if part_name == self.main else [root]
                for body in bodies:
                    walker.walk(body)
            self._parts[part_name] = recorder
        return self._parts[part_name]

    def element(self, location: Location) -> etree._Element | None:
        found = self._walk(location.part_name).paragraphs
        index = location.paragraph - 1
        return found[index][0] if 0 <= index < len(found) else None

    def runs(self, paragraph: Paragraph) -> list[etree._Element | None]:
        """The ``w:r`` of each of ``paragraph.runs``, in order (None where the walk disagrees)."""
        found = self._walk(paragraph.location.part_name).paragraphs
        index = paragraph.location.paragraph - 1
        if not 0 <= index < len(found):
            return [None] * len(paragraph.runs)
        elements = found[index][1]
        return elements if len(elements) == len(paragraph.runs) else [None] * len(paragraph.runs)

    def section_properties(self) -> list[etree._Element]:
        """One ``w:sectPr`` per section of ``doc.sections``; the body's last one is created if missing."""
        ends = list(self._walk(self.main).section_ends)
        root = self.pkg.xml(self.main)
        body = root.find(qn("w:body")) if root is not None else None
        if body is not None and (not ends or ends[-1] is None or len(ends) < len(self.doc.sections)):
            last = body.find(qn("w:sectPr"))
            if last is None:
                last = etree.SubElement(body, qn("w:sectPr"))
                self.pkg.touch(self.main)
            ends = [e for e in ends if e is not None]
            if not ends or ends[-1] is not last:
                ends.append(last)
        return [e for e in ends if e is not None]
