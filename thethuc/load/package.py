"""The OPC package: part lookup, relationships, and the main document part, read through ``safety``.

Relationship targets are never trusted: they are resolved against the source part, normalised,
and refused when they climb out of the package or are external.
"""
from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

from thethuc.errors import DocxInputError
from thethuc.load import safety
from thethuc.load.ooxml import NS
from thethuc.model import Text
from thethuc.records import dataclass

MAIN_PART_FALLBACK = "word/document.xml"


def rels_name(source: str) -> str:
    """The relationships part of ``source`` ("" for the package root): ``word/_rels/document.xml.rels``."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{base}.rels")


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship of a part: the kind of part it points to, and that part (None: external or unsafe)."""

    rel_type: str  # the last path segment of the relationship type: "styles", "header", "theme" …
    target: str | None  # normalised part name, None when external or unsafe


class Package:
    """Read-only access to the parts of one opened .docx zip."""

    def __init__(self, path: str, zf: zipfile.ZipFile, limits: safety.Limits) -> None:
        self.path = path
        self._zf = zf
        self.limits = limits
        # OPC part names compare case-insensitively (ECMA-376 Part 2 §9.1.1.1).
        self._names = {info.filename.lower(): info.filename for info in zf.infolist()}
        self._rels: dict[str, dict[str, Rel]] = {}

    def close(self) -> None:
        self._zf.close()

    def has(self, name: str) -> bool:
        return name.lower() in self._names

    def read(self, name: str) -> bytes | None:
        real = self._names.get(name.lower())
        return None if real is None else safety.read_member(self.path, self._zf, real, self.limits)

    def xml(self, name: str | None) -> etree._Element | None:
        """The parsed part, or None when absent; broken XML raises ``corrupt``."""
        if name is None:
            return None
        data = self.read(name)
        return None if data is None else safety.parse_xml(self.path, name, data)

    def rels(self, source: str) -> dict[str, Rel]:
        """Relationships of ``source`` ("" for the package root) by id."""
        if source not in self._rels:
            self._rels[source] = self._read_rels(source)
        return self._rels[source]

    def _read_rels(self, source: str) -> dict[str, Rel]:
        folder = posixpath.dirname(source)
        root = self.xml(rels_name(source))
        if root is None:
            return {}
        found: dict[str, Rel] = {}
        for rel in root.iter(f"{{{NS['pr']}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target")
            if not rid or target is None:
                continue
            external = (rel.get("TargetMode") or "").lower() == "external"
            rel_type = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
            found[rid] = Rel(rel_type, None if external else resolve_target(folder, target))
        return found

    def related(self, source: str, rel_type: str) -> str | None:
        """The first existing target of a relationship type from ``source``."""
        for rel in self.rels(source).values():
            if rel.rel_type == rel_type and rel.target and self.has(rel.target):
                return rel.target
        return None

    def main_part(self) -> str | None:
        """The officeDocument target from ``_rels/.rels`` (corpus: pandoc__alternate_document_path.docx)."""
        return self.related("", "officeDocument") or (
            MAIN_PART_FALLBACK if self.has(MAIN_PART_FALLBACK) else None)


def resolve_target(folder: str, target: str) -> str | None:
    """A relationship target as a part name, or None if it escapes the package."""
    target = target.replace("\\", "/").split("#", 1)[0]
    if not target or "://" in target or target.startswith("//"):
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    if ".." in joined.split("/"):
        normal = posixpath.normpath(joined)
        if normal.startswith("..") or normal.startswith("/"):
            return None
        joined = normal
    return posixpath.normpath(joined) if joined else None


def open_package(path: str, limits: safety.Limits) -> Package:
    """Sniff, open and check the archive, and make sure it has a main document part."""
    safety.sniff(path)
    zf = safety.open_zip(path, limits)
    pkg = Package(path, zf, limits)
    if pkg.main_part() is None:
        zf.close()
        raise DocxInputError(path, "not-docx", Text("không phải tệp .docx (không có word/document.xml)",
                                                    "not a .docx (no word/document.xml)"), _hint_for(zf))
    return pkg


def _hint_for(zf: zipfile.ZipFile) -> Text | None:
    names = {info.filename for info in zf.infolist()}
    if "mimetype" in names or "content.xml" in names:
        return Text("tệp OpenDocument (.odt); lưu lại dưới dạng .docx",
                    "an OpenDocument (.odt) file; save it as .docx")
    return None
