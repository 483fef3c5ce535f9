"""Guards run before any XML is parsed: magic bytes, encryption, zip sanity, size and ratio caps, DTDs.

Every refusal is an ``errors.DocxInputError`` with one of the input kinds; nothing here trusts the zip.
"""
from __future__ import annotations

import zipfile
import zlib
from typing import IO, BinaryIO

from lxml import etree

from thethuc.errors import DocxInputError
from thethuc.load.ooxml import STRICT_TO_TRANSITIONAL, qn
from thethuc.model import Text
from thethuc.records import dataclass

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MB = 1024 * 1024
# Stream names an encrypted OOXML package carries inside its OLE container (MS-OFFCRYPTO §2.3.4).
_ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
DOC_HINT = Text("tệp .doc cũ; chuyển đổi: soffice --headless --convert-to docx FILE",
                "an old .doc file; convert it: soffice --headless --convert-to docx FILE")


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource ceilings for one input file."""

    max_members: int = 10_000
    max_part_bytes: int = 64 * _MB
    max_total_bytes: int = 512 * _MB
    max_ratio: float = 200.0
    ratio_min_bytes: int = 1 * _MB  # small members compress well legitimately; judge ratio above this
    # ~4,000 pages of text. A part under the size cap can still hold a million empty paragraphs,
    # each of which becomes a model record: that is what runs a worker out of memory.
    max_paragraphs: int = 200_000


def _fail(path: str, kind: str, cause: Text, hint: Text | None = None) -> DocxInputError:
    return DocxInputError(path, kind, cause, hint)  # type: ignore[arg-type]  # kind: one of the error kinds, by the callers


def sniff(path: str) -> None:
    """Refuse files that are not zip archives, naming OLE (legacy .doc or encrypted) files precisely."""
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            _refuse_ole(path, _has_encryption_stream(fh))
    if len(head) == 0:
        raise _fail(path, "not-docx", Text("tệp rỗng (0 byte), không phải tệp .docx",
                                           "empty file (0 bytes), not a .docx"))
    if not head.startswith(b"PK"):
        raise _fail(path, "not-docx", Text("không phải tệp .docx (không phải tệp zip)", "not a .docx (not a zip file)"))


def _has_encryption_stream(fh: BinaryIO, chunk_size: int = _MB, max_bytes: int = 512 * _MB) -> bool:
    """Scan the OLE file for the stream names; the directory sector can sit anywhere in the file."""
    overlap = max(len(m) for m in _ENCRYPTION_MARKERS)
    tail, read = b"", 0
    while read < max_bytes and (chunk := fh.read(chunk_size)):
        window = tail + chunk
        if any(marker in window for marker in _ENCRYPTION_MARKERS):
            return True
        tail, read = window[-overlap:], read + len(chunk)
    return False


def _refuse_ole(path: str, encrypted: bool) -> None:
    if encrypted:
        raise _fail(path, "encrypted", Text("tệp được mã hóa/đặt mật khẩu",
                                            "the file is encrypted (password-protected)"),
                    Text("mở bằng Word, bỏ mật khẩu rồi lưu lại", "open it in Word, remove the password and save it"))
    raise _fail(path, "not-docx", Text("không phải tệp .docx (tệp Word 97-2003 dạng OLE)",
                                       "not a .docx (a Word 97-2003 OLE file)"), DOC_HINT)


def open_zip(path: str, limits: Limits) -> zipfile.ZipFile:
    """Open read-only and check the central directory against ``limits`` (declared sizes)."""
    try:
        zf = zipfile.ZipFile(path, "r")
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise _fail(path, "corrupt", Text(f"tệp zip hỏng hoặc bị cắt cụt{_short(exc)}",
                                          f"broken or truncated zip file{_short(exc)}")) from exc
    try:
        check_directory(path, zf.infolist(), limits)
    except DocxInputError:
        zf.close()
        raise
    return zf


def check_directory(path: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_members:
        raise _fail(path, "too-large", Text(f"quá nhiều thành phần trong tệp zip ({len(infos)} > {limits.max_members})",
                                            f"too many members in the zip file ({len(infos)} > {limits.max_members})"))
    total = sum(max(info.file_size, 0) for info in infos)
    if total > limits.max_total_bytes:
        raise _fail(path, "too-large", Text(f"tổng dung lượng giải nén quá lớn ({total // _MB} MB)",
                                            f"total uncompressed size too large ({total // _MB} MB)"))
    for info in infos:
        if info.file_size > limits.ratio_min_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise _fail(path, "too-large", Text(f"tỉ lệ nén bất thường ở {info.filename} (nghi zip bomb)",
                                                f"abnormal compression ratio in {info.filename} (suspected zip bomb)"))


def read_member(path: str, zf: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """Read one member with a hard cap, because a local header can lie about the size."""
    info = zf.getinfo(name)
    if info.file_size > limits.max_part_bytes:
        raise _fail(path, "too-large", Text(f"thành phần {name} quá lớn ({info.file_size // _MB} MB)",
                                            f"part {name} too large ({info.file_size // _MB} MB)"))
    try:
        with zf.open(info) as stream:
            data = _capped_read(stream, limits.max_part_bytes + 1)
    # zipfile raises NotImplementedError for a compression method it lacks (e.g. deflate64, LZMA variants).
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
        raise _fail(path, "corrupt", Text(f"không đọc được {name} trong tệp zip{_short(exc)}",
                                          f"cannot read {name} in the zip file{_short(exc)}")) from exc
    if len(data) > limits.max_part_bytes:
        raise _fail(path, "too-large", Text(f"thành phần {name} quá lớn khi giải nén (nghi zip bomb)",
                                            f"part {name} too large once uncompressed (suspected zip bomb)"))
    return data


_READ_CHUNK = 1 * _MB
_W_P = qn("w:p")


def _capped_read(stream: IO[bytes], cap: int) -> bytes:
    """Up to ``cap`` bytes, a chunk at a time. One ``read(cap)`` would let zipfile inflate ``cap``
    bytes before cutting them to the declared size, so a member whose size is forged small would
    still cost ``cap`` of memory; in chunks, the declared size stops it after the first one."""
    chunks: list[bytes] = []
    size = 0
    while size < cap:
        chunk = stream.read(min(_READ_CHUNK, cap - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def check_paragraph_count(path: str, name: str, root: etree._Element, limits: Limits) -> None:
    count = sum(1 for _ in root.iter(_W_P))  # before the walk builds a record for each
    if count > limits.max_paragraphs:
        raise _fail(path, "too-large", Text(f"{name}: quá nhiều đoạn văn ({count} > {limits.max_paragraphs})",
                                            f"{name}: too many paragraphs ({count} > {limits.max_paragraphs})"))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


_PARSER = _parser()
DTD_CAUSE = Text("XML có khai báo DTD/thực thể — bị từ chối", "XML with a DTD/entity declaration — refused")


def parse_xml(path: str, name: str, data: bytes) -> etree._Element:
    """Parse a part with entity expansion, DTD loading and network access off; refuse any DTD."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise _fail(path, "corrupt", _dtd(name))
    for strict, transitional in STRICT_TO_TRANSITIONAL:
        if strict in data:
            data = data.replace(strict, transitional)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "XML_PARSE_HUGE" in str(exc):
            raise _fail(path, "too-large", _beyond_limit(name, str(exc))) from exc
        raise _fail(path, "corrupt", Text(f"{name}: XML hỏng{_short(exc)}",
                                          f"{name}: broken XML{_short(exc)}")) from exc
    # A DOCTYPE pushed past the sniffed prefix (or written in UTF-16) is still refused here.
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]  # lxml-stubs' DocInfo lacks doctype
        raise _fail(path, "corrupt", _dtd(name))
    return root


def _beyond_limit(name: str, detail: str) -> Text:
    """libxml2's safety limits, worded for a person instead of its ``use XML_PARSE_HUGE option`` hint.

    Depth is the one real documents reach: each nested table costs three levels (tbl/tr/tc), so a
    few dozen tables inside one another pass libxml2's 256 (tests/load/test_damaged_xml.py)."""
    if "depth" in detail.lower():
        return Text(f"{name}: bảng lồng nhau quá sâu (cấu trúc XML quá 256 tầng), không đọc được",
                    f"{name}: tables nested too deep (XML structure over 256 levels), cannot be read")
    return Text(f"{name}: một đoạn văn bản trong XML quá lớn, không đọc được",
                f"{name}: a text node in the XML is too large, cannot be read")


def _dtd(name: str) -> Text:
    return Text(f"{name}: {DTD_CAUSE.vi}", f"{name}: {DTD_CAUSE.en}")


def _short(exc: BaseException) -> str:
    """`` (the library's own words)``, or nothing: a bare exception class name tells a person nothing."""
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f" ({text})" if text else ""
