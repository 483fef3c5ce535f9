"""The .docx as an editable package: parts parsed on demand, written back member by member.

Only the parts a fixer touched are re-serialised; every other member is written with the bytes it
had (decompressed content identical, same compression method, same name, date and attributes),
in the original order. Nothing is written when nothing changed.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import field

from lxml import etree

from thethuc.atomic import write_zip
from thethuc.errors import DocxInputError
from thethuc.load import safety
from thethuc.load.ooxml import NS, STRICT_TO_TRANSITIONAL
from thethuc.load.package import rels_name, resolve_target
from thethuc.model import Text
from thethuc.records import dataclass

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Same guards as the load stage (no DTD, no entities, no network), but comments and processing
# instructions are kept: they are part of the bytes a re-serialised part must still carry.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class UnsupportedPackage(Exception):
    """A package the fix stage will not edit (ISO Strict namespaces): reported, never half-fixed."""


@dataclass
class _Member:
    """One zip member of the package as read: its zip header (name, date, compression, attributes) and bytes."""

    info: zipfile.ZipInfo
    data: bytes


@dataclass
class EditablePackage:
    """A .docx opened for fixing: its members in their original order, parts parsed on demand, and the parts
    a fixer touched (only those are re-serialised on save)."""

    path: str
    members: list[_Member]
    _parsed: dict[str, etree._Element] = field(default_factory=dict)
    _dirty: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, path: str, limits: safety.Limits | None = None) -> EditablePackage:
        limits = limits or safety.Limits()
        zf = safety.open_zip(path, limits)
        try:
            members = [_Member(info, safety.read_member(path, zf, info.filename, limits))
                       for info in zf.infolist() if not info.is_dir()]
        finally:
            zf.close()
        return cls(path, members)

    # ------------------------------------------------------------------ reading

    def _member(self, name: str) -> _Member | None:
        lowered = name.lower()  # OPC part names compare case-insensitively
        return next((m for m in self.members if m.info.filename.lower() == lowered), None)

    def has(self, name: str) -> bool:
        return self._member(name) is not None

    def real_name(self, name: str) -> str:
        member = self._member(name)
        return member.info.filename if member else name

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part (one tree per part: edits made through it are what ``save`` writes)."""
        name = self.real_name(name)
        if name in self._parsed:
            return self._parsed[name]
        member = self._member(name)
        if member is None:
            return None
        data = member.data
        if any(strict in data for strict, _ in STRICT_TO_TRANSITIONAL):
            raise UnsupportedPackage(name)
        head = data[:4096].lstrip(b"\xef\xbb\xbf")
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise DocxInputError(self.path, "corrupt", Text(f"{name}: {safety.DTD_CAUSE.vi}",
                                                            f"{name}: {safety.DTD_CAUSE.en}"))
        root = etree.fromstring(data, _PARSER)
        self._parsed[name] = root
        return root

    def rels(self, source: str) -> dict[str, tuple[str, str | None]]:
        """Relationship id → (type URI, resolved target part) of ``source``."""
        root = self.xml(rels_name(source))
        folder = posixpath.dirname(source)
        found: dict[str, tuple[str, str | None]] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{NS['pr']}}}Relationship"):
            external = (rel.get("TargetMode") or "").lower() == "external"
            target = None if external else resolve_target(folder, rel.get("Target") or "")
            found[rel.get("Id") or ""] = (rel.get("Type") or "", target)
        return found

    def related(self, source: str, rel_type: str) -> str | None:
        for kind, target in self.rels(source).values():
            if kind.rstrip("/").rsplit("/", 1)[-1] == rel_type and target and self.has(target):
                return self.real_name(target)
        return None

    def main_part(self) -> str:
        return self.related("", "officeDocument") or "word/document.xml"

    # ------------------------------------------------------------------ editing

    def touch(self, name: str) -> None:
        """Mark a parsed part as changed: it is re-serialised on save."""
        self._dirty.add(self.real_name(name))

    @property
    def changed(self) -> bool:
        return bool(self._dirty)

    def add_part(self, name: str, root: etree._Element, content_type: str) -> None:
        """A new part (a header made for the page number), declared in [Content_Types].xml."""
        info = zipfile.ZipInfo(name, date_time=self.members[0].info.date_time if self.members else (1980, 1, 1, 0, 0,
                                                                                                    0))
        info.compress_type = zipfile.ZIP_DEFLATED
        self.members.append(_Member(info, b""))
        self._parsed[name] = root
        self._dirty.add(name)
        types = self.xml("[Content_Types].xml")
        if types is not None:
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", "/" + name)
            override.set("ContentType", content_type)
            self.touch("[Content_Types].xml")

    def add_relationship(self, source: str, rel_type: str, target_part: str) -> str:
        """A new relationship from ``source`` to ``target_part``; returns its id."""
        name = rels_name(source)
        root = self.xml(name)
        if root is None:
            root = etree.Element(f"{{{NS['pr']}}}Relationships", nsmap={None: NS["pr"]})  # type: ignore[dict-item]  # the default namespace
            info = zipfile.ZipInfo(name, date_time=self.members[0].info.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            self.members.append(_Member(info, b""))
            self._parsed[name] = root
        used = {rel.get("Id") for rel in root}
        number = 1
        while f"rId{number}" in used:
            number += 1
        rel = etree.SubElement(root, f"{{{NS['pr']}}}Relationship")
        rel.set("Id", f"rId{number}")
        rel.set("Type", REL_BASE + rel_type)
        rel.set("Target", posixpath.relpath(target_part, posixpath.dirname(source) or "."))
        self.touch(name)
        return f"rId{number}"

    # ------------------------------------------------------------------ writing

    def serialised(self, name: str) -> bytes:
        root = self._parsed[name]
        tree = root.getroottree()
        standalone = tree.docinfo.standalone
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                              standalone=True if standalone is None else standalone)

    def save(self, target: str) -> None:
        """Write the package to ``target`` atomically (a temporary file in the same folder, renamed)."""
        write_zip(target, ((_copy_info(m.info), self.serialised(m.info.filename) if m.info.filename in self._dirty
                            else m.data) for m in self.members))


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    copy.comment = info.comment
    return copy
