"""Assembles a ``model.Document`` from a package: parts, styles, theme, numbering, walk, sections.

``load_document`` is the load stage's only entry point; every failure leaves as ``DocxInputError``.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable

from lxml import etree

from thethuc.errors import DocxInputError
from thethuc.load.build import Builder
from thethuc.load.cascade import Resolver
from thethuc.load.ooxml import NS, on_off, qn, to_int, wattr
from thethuc.load.package import Package, Rel, open_package
from thethuc.load.safety import Limits, check_paragraph_count
from thethuc.load.sections import build_section
from thethuc.load.styles import StyleIndex
from thethuc.load.template import template_for
from thethuc.load.walk import PartWalker, Site
from thethuc.model import Document, Section, Text


def load_document(path: str | os.PathLike[str], limits: Limits | None = None) -> Document:
    """Load a .docx read-only into a Document with effective formatting; raises ``DocxInputError``."""
    shown = os.fspath(path)
    try:
        pkg = open_package(shown, limits or Limits())
        try:
            return _load(pkg)
        finally:
            pkg.close()
    except DocxInputError:
        raise
    except FileNotFoundError as exc:
        # Gone since it was listed, or a link to a file that does not exist (check and audit list
        # such links rather than skip them silently).
        if os.path.islink(shown):
            raise DocxInputError(shown, "unreadable", Text(
                f"liên kết hỏng: trỏ tới {os.readlink(shown)}, tệp này không tồn tại",
                f"broken link: it points to {os.readlink(shown)}, which does not exist")) from exc
        raise DocxInputError(shown, "unreadable", Text("tệp không còn tồn tại", "the file no longer exists")) from exc
    except Exception as exc:  # any other failure on an input is "unreadable", never a traceback
        # A person gets words, not a Python exception name; the cause stays chained for a debugger.
        raise DocxInputError(shown, "unreadable", Text(
            "không đọc được tệp: cấu trúc bên trong tệp bất thường mà thethuc chưa đọc được (mở bằng Word rồi lưu lại)",
            "cannot read the file: its inner structure is unusual in a way thethuc cannot read yet "
            "(open it in Word and save it again)")) from exc


def _load(pkg: Package) -> Document:
    main = pkg.main_part()
    root = pkg.xml(main)
    if main is None or root is None or root.find(qn("w:body")) is None:
        raise DocxInputError(pkg.path, "not-docx", Text("không phải tệp .docx (thiếu w:body trong phần văn bản chính)",
                                                        "not a .docx (no w:body in the main document part)"))
    check_paragraph_count(pkg.path, main, root, pkg.limits)
    template = template_for(pkg, main)
    styles = template.styles
    resolver = Resolver(styles, template.theme, template.numbering, template.memo)
    builder = Builder(resolver, _comments(pkg.xml(pkg.related(main, "comments"))))
    walker = PartWalker(builder, styles, Site("document", main))
    for body in root.findall(qn("w:body")):  # several bodies are invalid but Word reads them all
        walker.walk(body)
    builder.finish_body()
    rels = pkg.rels(main)
    sections = _sections(builder, rels, resolver.warn)
    tracked = walker.state.tracked_changes | _walk_headers_footers(pkg, builder, styles, sections)
    settings = pkg.xml(pkg.related(main, "settings"))
    pages, application = _app_properties(pkg, resolver.warn)
    if not styles.styles and styles.default_rpr is None:
        resolver.warn("no styles part: Word's built-in defaults assumed")
    return Document(
        path=pkg.path, sections=sections, paragraphs=tuple(builder.paragraphs), tables=tuple(builder.tables),
        mirror_margins=_setting(settings, "mirrorMargins"),
        even_and_odd_headers=_setting(settings, "evenAndOddHeaders"),
        page_count=pages, application=application, tracked_changes=tracked, warnings=tuple(resolver.warnings),
    )


def _sections(builder: Builder, rels: dict[str, Rel], warn: Callable[[str], None]) -> tuple[Section, ...]:
    sections: list[Section] = []
    for index, (sect_pr, first) in enumerate(builder.section_ends):
        sections.append(build_section(index, sect_pr, first, rels, sections[-1] if sections else None, warn))
    return tuple(sections)


def _walk_headers_footers(pkg: Package, builder: Builder, styles: StyleIndex,
                          sections: tuple[Section, ...]) -> bool:
    """Walk each referenced header part, then each footer part, once; returns tracked-change presence."""
    tracked = False
    for kind, attr in (("header", "headers"), ("footer", "footers")):
        seen: set[str] = set()
        for section in sections:
            for _, part_name in getattr(section, attr):
                if part_name in seen:
                    continue
                seen.add(part_name)
                root = pkg.xml(part_name)
                if root is None:
                    continue
                builder.start_part(section.index)
                walker = PartWalker(builder, styles, Site(kind, part_name))
                walker.walk(root)
                tracked |= walker.state.tracked_changes
    return tracked


# Comments ``thethuc annotate`` wrote: they report findings, they are not the drafter's. Reading them
# would let a finding's text act as a suppression and make a re-check differ (tests/test_annotate.py).
THETHUC_AUTHOR = "thethuc"


def _comments(root: etree._Element | None) -> dict[str, str]:
    """Comment id → its text, paragraphs joined by newlines (``word/comments.xml``); thethuc's own skipped."""
    if root is None:
        return {}
    found: dict[str, str] = {}
    for comment in root.findall(qn("w:comment")):
        if wattr(comment, "author") == THETHUC_AUTHOR:
            continue
        paragraphs = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in comment.iter(qn("w:p")))
        found[wattr(comment, "id") or ""] = unicodedata.normalize("NFC", "\n".join(paragraphs))
    return found


def _setting(settings: etree._Element | None, name: str) -> bool:
    return bool(on_off(settings.find(qn(f"w:{name}")))) if settings is not None else False


def _app_properties(pkg: Package, warn: Callable[[str], None]) -> tuple[int | None, str | None]:
    """``<Pages>`` and ``<Application>`` of docProps/app.xml; a broken part is only a warning."""
    name = pkg.related("", "extended-properties") or ("docProps/app.xml" if pkg.has("docProps/app.xml") else None)
    try:
        root = pkg.xml(name)
    except DocxInputError as err:
        if err.kind != "corrupt":
            raise
        warn("docProps/app.xml unreadable; page count unknown")
        return None, None
    if root is None:
        return None, None
    pages = root.find(f"{{{NS['ep']}}}Pages")
    app = root.find(f"{{{NS['ep']}}}Application")
    application = (app.text or "").strip() if app is not None else ""
    return (to_int(pages.text) if pages is not None else None), (application or None)
