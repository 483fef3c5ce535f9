"""Annotated copies: the checked document with one Word comment per finding (``ten.checked.docx``).

Comes after ``check`` in the flow: it takes a file's findings and writes a copy where each finding is a
comment (author ``thethuc``) anchored on its paragraph, so the drafter reads them in the review pane of
Word or LibreOffice. Only ``word/document.xml``, the comments part, the main part's relationships and
``[Content_Types].xml`` are rewritten; every other zip member is copied byte for byte, the input is
only read, and the copy appears by atomic rename. The load stage ignores comments written by
``thethuc`` (``load/document.py``), so an annotated copy re-checks to the same findings.
"""
from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from thethuc.atomic import write_zip
from thethuc.load import safety
from thethuc.load.content import ParaContent
from thethuc.load.ooxml import NS, STRICT_TO_TRANSITIONAL, W_NS
from thethuc.load.package import Package, rels_name, resolve_target
from thethuc.load.styles import parse_styles
from thethuc.load.walk import PartWalker, Site
from thethuc.model import Finding, Location, Text
from thethuc.records import dataclass
from thethuc.report import labels

AUTHOR = "thethuc"  # the loader skips comments by this author (load/document.py: THETHUC_AUTHOR)
INITIALS = "TT"
SUFFIX = ".checked"

_W = f"{{{W_NS}}}"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = NS["pr"]
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_REL_COMMENTS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
_ID = re.compile(rb""":id=["'](\d{1,10})["']""")
# A parser that keeps XML comments and processing instructions: the copy must lose nothing but
# what it adds. Entities, DTDs and the network stay off as in load/safety.py.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=False, remove_pis=False)


class AnnotateError(Exception):
    """The copy could not be written (the input is untouched); ``text`` names the file and cause."""

    def __init__(self, text: Text) -> None:
        self.text = text
        super().__init__(text.en)


@dataclass(frozen=True, slots=True)
class Annotated:
    """The annotated copy written (``ten.checked.docx``): how many comments it added, and how many earlier
    thethuc comments it removed."""

    path: Path  # the copy written
    comments: int  # comments added (one per finding)
    replaced: int = 0  # earlier thethuc comments removed from the input's copy


RuleText = Callable[[str], Text | None]  # code → the rule's description, when known


def annotated_path(path: str | os.PathLike[str]) -> Path:
    """``ten.docx`` → ``ten.checked.docx`` next to it (the extension is kept: a .docm stays a .docm)."""
    p = Path(path)
    return p.with_name(p.stem + SUFFIX + p.suffix)


def is_annotated_name(path: str | os.PathLike[str]) -> bool:
    return Path(path).stem.endswith(SUFFIX)


# ---------------------------------------------------------------- comment text


def _depth(source: str | None, lang: str) -> str:
    """Where the value should be changed: the style (one change) or the paragraph's own formatting."""
    if not source:
        return ""
    en = lang == "en"
    layer, _, theme = source.partition("/theme:")
    if layer.startswith("style:"):
        name = layer.removeprefix("style:")
        said = (f"change it in style {name} (every paragraph with this style follows)" if en
                else f"sửa trong kiểu (style) {name} để mọi đoạn dùng kiểu này cùng đúng")
    elif layer.startswith("table-style:"):
        name = layer.removeprefix("table-style:")
        said = f"change it in table style {name}" if en else f"sửa trong kiểu bảng {name}"
    elif layer == "direct":
        said = "change the formatting of this text itself" if en else "sửa định dạng trực tiếp của đoạn này"
    elif layer == "docDefaults":
        said = ("change the document defaults (Normal style, Set as Default)" if en
                else "sửa mặc định của tài liệu (kiểu Normal, Đặt làm mặc định)")
    else:
        said = ""
    if theme:
        pick = ("choose Times New Roman by name instead of the theme font" if en
                else "chọn phông Times New Roman theo tên thay cho phông chủ đề")
        said = f"{said}; {pick}" if said else pick
    return said


def comment_paragraphs(finding: Finding, lang: str, rule_text: Text | None = None,
                       anchored_here: bool = True) -> list[str]:
    """The comment's lines: code and message, found → expected, where (when not on the anchor), how to fix."""
    en = lang == "en"
    lines = [f"{finding.code} ({labels.severity_label(finding.severity, lang)}): {finding.message.get(lang)}"]
    actual = finding.actual.get(lang) if finding.actual else ""
    expected = finding.expected.get(lang) if finding.expected else ""
    if actual or expected:
        found = ("Found: " if en else "Hiện có: ") + (actual or "—")
        want = ("Expected: " if en else "Cần: ") + (expected or "—")
        origin = labels.source_text(finding.source, lang) if actual else ""
        lines.append(f"{found}{f' ({origin})' if origin else ''} → {want}")
    where = []
    if finding.location is None:
        where.append("the whole document" if en else "toàn văn bản")
    elif not anchored_here:
        where.append(labels.location_text(finding.location, lang))
    if finding.also:
        where.append(labels.also_text(finding.also, lang))
    if where:
        lines.append(("Where: " if en else "Vị trí: ") + "; ".join(where))
    fix = [_depth(finding.source, lang).rstrip(".")]
    if rule_text is not None:
        fix.append(("Rule: " if en else "Quy định: ") + rule_text.get(lang).strip().rstrip("."))
    fix.append(f"Details: thethuc explain {finding.code}" if en else f"Chi tiết: thethuc explain {finding.code}")
    lines.append(("How to fix: " if en else "Cách sửa: ") + ". ".join(s for s in fix if s) + ".")
    return lines


# ---------------------------------------------------------------- XML helpers


def _parse(data: bytes) -> tuple[etree._Element, bool]:
    """The part parsed with Strict namespaces read as Transitional (as the loader does); the flag says
    to write them back. The rewrite is undone only when it is exact (no Transitional URI was there)."""
    strict = False
    pairs = [(s, t) for s, t in STRICT_TO_TRANSITIONAL if s in data]
    if pairs and not any(t in data for _, t in STRICT_TO_TRANSITIONAL):
        for s, t in pairs:
            data = data.replace(s, t)
        strict = True
    return etree.fromstring(data, _PARSER), strict


def _serialise(root: etree._Element, strict: bool) -> bytes:
    standalone = root.getroottree().docinfo.standalone
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          standalone=standalone if standalone is not None else True)
    if strict:
        for s, t in STRICT_TO_TRANSITIONAL:
            data = data.replace(t, s)
    return data


def _w(name: str, **attrs: str) -> etree._Element:
    el = etree.Element(_W + name)
    for key, value in attrs.items():
        el.set(_W + key, value)
    return el


class _Recorder:
    """A ``walk.Sink`` that keeps each paragraph element in the loader's reading order."""

    def __init__(self) -> None:
        self.paragraphs: list[etree._Element] = []

    def paragraph(self, p: etree._Element, content: ParaContent, site: Site) -> None:
        self.paragraphs.append(p)

    def table(self, tbl: etree._Element, site: Site, nested: bool, style_id: str | None,
              rows: int, columns: int) -> int:
        return 0

    def section_end(self, sect_pr: etree._Element | None) -> None:
        return None


def body_paragraphs(root: etree._Element, part_name: str) -> list[etree._Element]:
    """``w:p`` elements of the main part numbered as ``Location.paragraph`` numbers them (1-based)."""
    recorder = _Recorder()
    walker = PartWalker(recorder, parse_styles(None), Site("document", part_name))
    for body in root.findall(_W + "body"):
        walker.walk(body)
    return recorder.paragraphs


def _host(p: etree._Element) -> etree._Element:
    """The body paragraph holding a text box paragraph (comments are anchored outside text boxes)."""
    outer = p
    for ancestor in p.iterancestors(_W + "p"):
        outer = ancestor
    return outer


def _anchor(p: etree._Element, cid: str) -> None:
    """commentRangeStart after the pPr, commentRangeEnd and the reference run at the end (as Word writes)."""
    ppr = p.find(_W + "pPr")
    p.insert(0 if ppr is None else p.index(ppr) + 1, _w("commentRangeStart", id=cid))
    p.append(_w("commentRangeEnd", id=cid))
    run = _w("r")
    run.append(_w("commentReference", id=cid))
    p.append(run)


def _comment(cid: str, lines: Sequence[str], date: str) -> etree._Element:
    comment = _w("comment", id=cid, author=AUTHOR, date=date, initials=INITIALS)
    for i, line in enumerate(lines):
        p = _w("p")
        if i == 0:  # Word's own layout: the first paragraph opens with the annotation mark
            mark = _w("r")
            mark.append(_w("annotationRef"))
            p.append(mark)
        run = _w("r")
        text = _w("t")
        text.text = line
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(text)
        p.append(run)
        comment.append(p)
    return comment


def _drop_own_comments(comments: etree._Element, document: etree._Element) -> int:
    """Remove earlier thethuc comments and their anchors, so annotating a copy again does not pile up."""
    own = {c.get(_W + "id") for c in comments.findall(_W + "comment") if c.get(_W + "author") == AUTHOR}
    own.discard(None)
    if not own:
        return 0
    for c in list(comments.findall(_W + "comment")):
        if c.get(_W + "id") in own:
            comments.remove(c)
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for el in list(document.iter(_W + tag)):
            if el.get(_W + "id") not in own:
                continue
            parent = el.getparent()
            if parent is None:  # a mark is never the root; the check narrows the type
                continue
            parent.remove(el)
            # The reference run held nothing else (rPr aside): it goes too.
            grandparent = parent.getparent()
            if tag == "commentReference" and parent.tag == _W + "r" and grandparent is not None and all(
                    child.tag == _W + "rPr" for child in parent if isinstance(child.tag, str)):
                grandparent.remove(parent)
    return len(own)


# ---------------------------------------------------------------- package plumbing


def _comments_target(rels: etree._Element | None, main: str, has: Callable[[str], bool]) -> tuple[str, bool]:
    """(comments part name, relationship to add?). An existing relationship wins, even when dangling."""
    folder = posixpath.dirname(main)
    if rels is not None:
        for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
            kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
            if kind == "comments" and (rel.get("TargetMode") or "").lower() != "external":
                target = resolve_target(folder, rel.get("Target") or "")
                if target:
                    return target, False
    name, n = posixpath.join(folder, "comments.xml"), 1
    while has(name):  # an orphan comments part with no relationship is left alone
        name, n = posixpath.join(folder, f"comments{n}.xml"), n + 1
    return name, True


def _add_relationship(rels: etree._Element, target: str, strict: bool) -> None:
    ids = {rel.get("Id") for rel in rels.iter(f"{{{_REL_NS}}}Relationship")}
    rid, n = "rIdThethucComments", 1
    while rid in ids:
        rid, n = f"rIdThethucComments{n}", n + 1
    rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", _REL_COMMENTS_STRICT if strict else _REL_COMMENTS)
    rel.set("Target", posixpath.basename(target))


def _ensure_content_type(types: etree._Element, part: str) -> bool:
    """Add the comments Override unless the part already has one; True when it was added."""
    wanted = "/" + part.lstrip("/")
    for override in types.iter(f"{{{_CT_NS}}}Override"):
        if (override.get("PartName") or "").lower() == wanted.lower():
            return False
    el = etree.SubElement(types, f"{{{_CT_NS}}}Override")
    el.set("PartName", wanted)
    el.set("ContentType", COMMENTS_TYPE)
    return True


def _next_id(parts: Sequence[bytes]) -> int:
    """One above every numeric w:id of the word parts: new comment ids collide with nothing."""
    top = -1
    for data in parts:
        for match in _ID.finditer(data):
            top = max(top, int(match.group(1)))
    return top + 1


def _real_name(names: Sequence[str], wanted: str) -> str | None:
    return next((n for n in names if n.lower() == wanted.lower()), None)


def annotate(src: str | os.PathLike[str], findings: Sequence[Finding], lang: str = "vi",
             rule_text: RuleText | None = None, dst: str | os.PathLike[str] | None = None,
             now: datetime | None = None) -> Annotated:
    """Write ``dst`` (default ``ten.checked.docx``): ``src`` with one comment per finding. Raises AnnotateError."""
    src_path = Path(src)
    out = Path(dst) if dst is not None else annotated_path(src_path)
    if out.resolve() == src_path.resolve():
        raise AnnotateError(Text(f"{out}: bản có nhận xét không được ghi đè tệp gốc",
                                 f"{out}: the annotated copy may not overwrite its input"))
    try:
        members = _rewrite(str(src_path), findings, lang, rule_text, now)
    except AnnotateError:
        raise
    except Exception as exc:  # a file that loaded but cannot be rewritten: one clear line
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:180]
        raise AnnotateError(Text(f"{src_path}: không ghi được bản có nhận xét ({detail})",
                                 f"{src_path}: cannot write the annotated copy ({detail})")) from exc
    _write_zip(src_path, out, members.parts)
    return Annotated(out, members.added, members.replaced)


@dataclass
class _Rewritten:
    """What rewriting the package for the annotated copy gave: the new bytes of the members it changed or
    added, the comments added, and the earlier thethuc comments removed."""

    parts: dict[str, bytes]  # member name → new bytes (new members included)
    added: int
    replaced: int


def _rewrite(path: str, findings: Sequence[Finding], lang: str, rule_text: RuleText | None,
             now: datetime | None) -> _Rewritten:
    limits = safety.Limits()
    safety.sniff(path)
    with safety.open_zip(path, limits) as zf:
        pkg = Package(path, zf, limits)
        names = [info.filename for info in zf.infolist()]
        main = pkg.main_part()
        if main is None:
            raise AnnotateError(Text(f"{path}: không có phần văn bản chính", f"{path}: no main document part"))

        def read(name: str) -> bytes | None:
            real = _real_name(names, name)
            return None if real is None else safety.read_member(path, zf, real, limits)

        document, strict = _parse(read(main) or b"")
        rels_part = rels_name(main)
        rels_data = read(rels_part)
        rels = _parse(rels_data)[0] if rels_data is not None else None
        target, add_rel = _comments_target(rels, main, pkg.has)
        comments_data = read(target)
        comments = _parse(comments_data)[0] if comments_data else etree.Element(_W + "comments",
                                                                              nsmap={"w": W_NS})
        word_parts = [read(n) or b"" for n in names
                      if n.lower().startswith(posixpath.dirname(main).lower() + "/") and n.lower().endswith(".xml")]
        types_name = _real_name(names, "[Content_Types].xml") or "[Content_Types].xml"
        types = _parse(read(types_name) or b"")[0]

    replaced = _drop_own_comments(comments, document)
    paragraphs = body_paragraphs(document, main)
    if findings and not paragraphs:
        raise AnnotateError(Text(f"{path}: văn bản không có đoạn nào để gắn nhận xét",
                                 f"{path}: the document has no paragraph to anchor a comment on"))
    next_id = _next_id(word_parts)
    date = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for finding in findings:
        p, here = _anchor_for(finding.location, paragraphs)
        cid = str(next_id)
        next_id += 1
        _anchor(p, cid)
        text = rule_text(finding.code) if rule_text else None
        comments.append(_comment(cid, comment_paragraphs(finding, lang, text, here), date))

    parts = {main: _serialise(document, strict), target: _serialise(comments, strict)}
    if add_rel:
        if rels is None:
            rels = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})  # type: ignore[dict-item]  # lxml-stubs omit the None key of a default namespace
        _add_relationship(rels, target, strict)
        parts[rels_part] = _serialise(rels, False)
    if _ensure_content_type(types, target):
        parts[types_name] = _serialise(types, False)
    return _Rewritten({(_real_name(names, k) or k): v for k, v in parts.items()}, len(findings), replaced)


def _anchor_for(location: Location | None, paragraphs: list[etree._Element]) -> tuple[etree._Element, bool]:
    """The paragraph a finding's comment goes on, and whether that is the finding's own paragraph.

    Document-level findings, and findings in headers, footers or notes (a comment there is not shown
    by every editor), go on the first body paragraph; their text then says where they are.
    """
    if location is None or location.part != "document" or not 1 <= location.paragraph <= len(paragraphs):
        return paragraphs[0], False
    p = paragraphs[location.paragraph - 1]
    if location.textbox:
        return _host(p), False
    return p, True


def _write_zip(src: Path, out: Path, parts: dict[str, bytes]) -> None:
    """Members in their order with their metadata; changed ones replaced, new ones at the end. Atomic."""
    def members(zin: zipfile.ZipFile) -> Iterator[tuple[zipfile.ZipInfo, bytes]]:
        pending = dict(parts)
        for info in zin.infolist():
            data = pending.pop(info.filename, None)
            yield info, zin.read(info) if data is None else data
        for name, data in pending.items():
            info = zipfile.ZipInfo(name, date_time=_now_tuple())
            info.compress_type = zipfile.ZIP_DEFLATED
            yield info, data

    try:
        out.resolve().parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(src) as zin:
            write_zip(out, members(zin))
    except OSError as err:
        raise AnnotateError(Text(f"{out}: không ghi được ({err.strerror or err})",
                                 f"{out}: cannot write ({err.strerror or err})")) from err


def _now_tuple() -> tuple[int, int, int, int, int, int]:
    t = datetime.now()
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)
