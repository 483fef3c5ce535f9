"""What every fixer works with: the package being edited, the recognised document, the changes so far."""
from __future__ import annotations

from dataclasses import field

from thethuc.checks.text import excerpt
from thethuc.fix.layers import Layers
from thethuc.fix.locate import Locator
from thethuc.fix.package import EditablePackage
from thethuc.fix.types import Change, Declined
from thethuc.model import Finding, Location, Paragraph, Recognised, Text
from thethuc.records import dataclass


@dataclass
class Context:
    """What the fixers of one file share: the package being edited, the recognised document, the way from
    its paragraphs back to the XML and to the layer each value came from, and the changes made and findings
    declined so far."""

    pkg: EditablePackage
    rec: Recognised
    locator: Locator
    layers: Layers
    changes: list[Change] = field(default_factory=list)
    declined: list[Declined] = field(default_factory=list)

    @classmethod
    def of(cls, pkg: EditablePackage, rec: Recognised) -> Context:
        return cls(pkg, rec, Locator(pkg, rec.doc), Layers(pkg))

    def paragraph_at(self, location: Location | None) -> Paragraph | None:
        if location is None:
            return None
        return self._by_location.get((location.part_name, location.paragraph))

    @property
    def _by_location(self) -> dict[tuple[str, int], Paragraph]:
        cached = self.__dict__.get("_by_location_cache")
        if cached is None:
            cached = {(p.location.part_name, p.location.paragraph): p for p in self.rec.doc.paragraphs}
            self.__dict__["_by_location_cache"] = cached
        return cached

    def reported(self, findings: list[Finding]) -> list[Paragraph]:
        """The paragraphs the findings name (their location and ``also``), once each, in document order."""
        found: dict[int, Paragraph] = {}
        for finding in findings:
            for location in (finding.location, *finding.also):
                paragraph = self.paragraph_at(location)
                if paragraph is not None:
                    found[paragraph.index] = paragraph
        return [found[i] for i in sorted(found)]

    def role(self, paragraph: Paragraph) -> str | None:
        return self.rec.roles[paragraph.index]

    def add(self, change: Change) -> None:
        self.changes.append(change)

    def decline(self, code: str, paragraph: Paragraph, reason: Text) -> None:
        """Leave a finding on ``paragraph`` to a person, saying why."""
        self.declined.append(Declined(code, excerpt(paragraph.label_and_text), reason))

    def touch(self, location: Location) -> None:
        self.pkg.touch(location.part_name)
