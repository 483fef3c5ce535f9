"""Hostile and broken inputs: each is refused before parsing with one DocxInputError kind."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from thethuc.errors import DocxInputError
from thethuc.load import Limits, load_document
from thethuc.load.safety import OLE_MAGIC
from thethuc.testing.docx import DocxParts, docx_bytes, para, write_docx


def refused(path: Path, limits: Limits | None = None) -> DocxInputError:
    with pytest.raises(DocxInputError) as info:
        load_document(path, limits)
    assert "\n" not in str(info.value) and str(path) in str(info.value)
    return info.value


def test_non_zip_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b'{"detail": "Not authenticated"}')
    err = refused(path)
    assert err.kind == "not-docx" and "không phải tệp zip" in err.cause


def test_legacy_doc_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(OLE_MAGIC + bytes(4088))
    err = refused(path)
    assert err.kind == "not-docx" and err.hint is not None and "soffice" in err.hint


def test_encrypted_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes(OLE_MAGIC + bytes(1000) + "EncryptionInfo".encode("utf-16-le") + bytes(1000))
    assert refused(path).kind == "encrypted"


def test_odt_like_zip(tmp_path: Path) -> None:
    path = tmp_path / "a.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    err = refused(path)
    assert err.kind == "not-docx" and "OpenDocument" in (err.hint or "")


def _with_document(tmp_path: Path, document: bytes) -> Path:
    path = write_docx(tmp_path / "base.docx", DocxParts(body=para("x")))
    out = tmp_path / "evil.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = document if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    b'<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def test_billion_laughs_refused_without_expansion(tmp_path: Path) -> None:
    err = refused(_with_document(tmp_path, BILLION_LAUGHS))
    assert err.kind == "corrupt" and "DTD" in err.cause


def test_doctype_after_long_prefix_still_refused(tmp_path: Path) -> None:
    padded = b'<?xml version="1.0"?>' + b" " * 5000 + BILLION_LAUGHS.split(b"?>", 1)[1]
    assert refused(_with_document(tmp_path, padded)).kind == "corrupt"


def test_xml_syntax_error_is_corrupt(tmp_path: Path) -> None:
    err = refused(_with_document(tmp_path, b"<w:document><w:body>"))
    assert err.kind == "corrupt" and "word/document.xml" in err.cause


def test_zip_bomb_member(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<x/>")
        with zf.open("word/media/zeros.bin", "w") as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(100):  # 100 MB of zeros, written streaming
                stream.write(chunk)
    err = refused(path)
    assert err.kind == "too-large"


def test_part_over_limit_by_actual_read(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", DocxParts(body=para("x" * 5000)))
    err = refused(path, Limits(max_part_bytes=2000))
    assert err.kind == "too-large"


def test_too_many_members(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", DocxParts(body=para("x")))
    assert refused(path, Limits(max_members=3)).kind == "too-large"


def test_truncated_zip(tmp_path: Path) -> None:
    data = docx_bytes(DocxParts(body=para("x")))
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert refused(path).kind == "corrupt"


def test_crc_error_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "crc.docx"
    source = write_docx(tmp_path / "ok.docx", DocxParts(body=para("xyz")))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    raw = bytearray(path.read_bytes())
    marker = raw.find(b"<w:body>")
    raw[marker + 1] ^= 0x01  # flip a bit inside the stored document.xml
    path.write_bytes(bytes(raw))
    assert refused(path).kind == "corrupt"


def test_missing_styles_part_still_loads_with_defaults(tmp_path: Path) -> None:
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x"), styles=None)))
    run = doc.paragraphs[0].runs[0]
    assert (run.size_half_pt.value, run.size_half_pt.source) == (20, "default")
    assert doc.paragraphs[0].fmt.style_id is None


def test_file_is_not_modified(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", DocxParts(body=para("x")))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_document(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_unsafe_relationship_target_is_ignored(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", DocxParts(body=para("x")))
    out = tmp_path / "b.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b'Target="styles.xml"', b'Target="../../../etc/passwd"')
            dst.writestr(info.filename, data)
    doc = load_document(out)
    assert doc.paragraphs[0].runs[0].size_half_pt.source == "default"


def test_forged_small_size_does_not_unpack_the_bomb(tmp_path: Path) -> None:
    """A zip whose directory and local header both under-state a member's size: the size checks
    see a tiny part, so only the capped read stands between the file and 64 MB of zeros."""
    import struct
    import tracemalloc

    real = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/' \
           b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'
    path = tmp_path / "forged.docx"
    source = write_docx(tmp_path / "ok.docx", DocxParts(body=para("x")))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("word/document.xml", "w") as stream:
            stream.write(real)
            chunk = bytes(1024 * 1024)
            for _ in range(64):
                stream.write(chunk)
    raw = bytearray(path.read_bytes())
    declared = len(real)
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo("word/document.xml").header_offset
    struct.pack_into("<I", raw, offset + 22, declared)  # local header: uncompressed size
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"word/document.xml"))
    struct.pack_into("<I", raw, central + 24, declared)  # central directory: uncompressed size
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("word/document.xml").file_size == declared  # the forgery took

    tracemalloc.start()
    try:
        err = refused(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.kind == "corrupt"  # the data does not match its CRC once cut at the declared size
    assert peak < 8 * 1024 * 1024  # the 64 MB were never unpacked (one 1 MB chunk at most)


def test_too_many_paragraphs_is_too_large_before_any_record_is_built(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", DocxParts(body=para("x") * 30))
    assert len(load_document(path, Limits(max_paragraphs=30)).paragraphs) == 30
    err = refused(path, Limits(max_paragraphs=29))
    assert err.kind == "too-large" and "30 > 29" in err.cause and "paragraphs" in err.render("en")
