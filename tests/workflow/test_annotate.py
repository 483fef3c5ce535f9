"""Annotated copies: one Word comment per finding, nothing else changed, same findings on re-check."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from workflow_samples import short_doc

from thethuc.annotate import AUTHOR, INITIALS, annotate, annotated_path, body_paragraphs
from thethuc.cli import main
from thethuc.model import FileResult
from thethuc.pipeline import check_file
from thethuc.testing.docx import docx_bytes
from thethuc.testing.party import Layout
from thethuc.testing.party_writer import build_parts

ROOT = Path(__file__).resolve().parents[2]
BAD = sorted((ROOT / "samples" / "bad").glob("*.docx"))
CORPUS_VN = ROOT / ".." / "shared" / "corpus" / "vn"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
MAIN = "word/document.xml"


# ---------------------------------------------------------------- helpers


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _xml(path: Path, name: str) -> etree._Element:
    return etree.fromstring(_members(path)[name])


def _comments(path: Path) -> list[etree._Element]:
    members = _members(path)
    name = next((n for n in members if n.lower().endswith("comments.xml") and "/_rels/" not in n), None)
    return [] if name is None else etree.fromstring(members[name]).findall(f"{W}comment")


def _own(path: Path) -> list[etree._Element]:
    return [c for c in _comments(path) if c.get(f"{W}author") == AUTHOR]


def _text(comment: etree._Element) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in comment.iter(f"{W}p"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same(a: FileResult, b: FileResult) -> None:
    assert b.status == "checked"
    assert (b.ruleset, b.document_type) == (a.ruleset, a.document_type)
    assert b.findings == a.findings
    assert b.suppressed == a.suppressed


def _assert_order_valid(path: Path) -> None:
    """Word refuses a w:p whose pPr is not first, a w:r whose rPr is not first, stray children in comments."""
    members = _members(path)
    for name in (MAIN, *(n for n in members if n.endswith("comments.xml"))):
        root = etree.fromstring(members[name])
        for tag, first in (("p", "pPr"), ("r", "rPr")):
            for el in root.iter(f"{W}{tag}"):
                kids = [k for k in el if isinstance(k.tag, str)]
                assert all(k.tag != f"{W}{first}" for k in kids[1:]), f"{name}: {first} not first in a w:{tag}"
        if name.endswith("comments.xml"):
            assert all(c.tag == f"{W}comment" for c in root if isinstance(c.tag, str))
            for comment in root.findall(f"{W}comment"):
                assert [k.tag for k in comment if isinstance(k.tag, str)] == [f"{W}p"] * len(comment)
    ranges = etree.fromstring(members[MAIN])
    starts = [e.get(f"{W}id") for e in ranges.iter(f"{W}commentRangeStart")]
    ends = [e.get(f"{W}id") for e in ranges.iter(f"{W}commentRangeEnd")]
    refs = [e.get(f"{W}id") for e in ranges.iter(f"{W}commentReference")]
    assert sorted(starts) == sorted(ends) == sorted(refs) and len(set(starts)) == len(starts)
    for ref in ranges.iter(f"{W}commentReference"):
        assert ref.getparent().tag == f"{W}r"


def _annotate_and_recheck(src: Path, out: Path, ruleset: str = "hd36", lang: str = "vi") -> tuple[FileResult,
                                                                                                  FileResult]:
    before = check_file(str(src), ruleset)
    assert before.status == "checked"
    sha = _sha(src)
    done = annotate(src, before.findings, lang, dst=out, now=NOW)
    assert done.path == out and done.comments == len(before.findings)
    assert _sha(src) == sha, "the input must never change"
    return before, check_file(str(out), ruleset)


# ---------------------------------------------------------------- the bad samples


@pytest.mark.parametrize("src", BAD, ids=lambda p: p.name)
def test_bad_sample_annotated_copy(src: Path, tmp_path: Path) -> None:
    out = tmp_path / annotated_path(src).name
    before, after = _annotate_and_recheck(src, out)
    assert before.findings, "a bad sample has findings"
    _same(before, after)
    own = _own(out)
    assert len(own) == len(before.findings)
    assert all(c.get(f"{W}initials") == INITIALS for c in own)
    for comment, finding in zip(own, before.findings, strict=True):
        assert _text(comment).startswith(f"{finding.code} (")
        assert finding.message.vi in _text(comment)
        if finding.expected is not None:
            assert f"Cần: {finding.expected.vi}" in _text(comment)
        assert "Cách sửa:" in _text(comment) and f"thethuc explain {finding.code}" in _text(comment)
    _assert_order_valid(out)
    # Every member but the four the comments need is copied byte for byte.
    old, new = _members(src), _members(out)
    assert list(new)[: len(old)] == list(old)
    changed = {n for n in old if old[n] != new[n]}
    assert changed <= {MAIN, "[Content_Types].xml", "word/_rels/document.xml.rels", "word/comments.xml"}
    assert MAIN in changed


def test_comment_sits_on_the_finding_paragraph(tmp_path: Path) -> None:
    src = ROOT / "samples" / "bad" / "sai-co-chu.docx"
    out = tmp_path / "x.docx"
    before, _ = _annotate_and_recheck(src, out)
    paragraphs = body_paragraphs(_xml(out, MAIN), MAIN)
    for comment, finding in zip(_own(out), before.findings, strict=True):
        cid = comment.get(f"{W}id")
        p = paragraphs[finding.location.paragraph - 1]
        assert cid in {e.get(f"{W}id") for e in p.iter(f"{W}commentRangeStart")}
        assert cid in {e.get(f"{W}id") for e in p.iter(f"{W}commentReference")}
        assert "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(finding.excerpt.rstrip("…")[:10])


@pytest.mark.parametrize(("name", "code", "words"), [
    ("kho-letter-le-cu.docx", "P001", "toàn văn bản"),
    ("gach-chan-tieu-de-so-trang-dau.docx", "P011", "đầu trang"),
    ("so-trang-chan-trang-so-dam.docx", "P010", "chân trang"),
])
def test_page_and_header_footer_findings_go_on_the_first_paragraph(name: str, code: str, words: str,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    _annotate_and_recheck(ROOT / "samples" / "bad" / name, out)
    comment = next(c for c in _own(out) if _text(c).startswith(code))
    assert f"Vị trí: {words}" in _text(comment)
    first = body_paragraphs(_xml(out, MAIN), MAIN)[0]
    assert comment.get(f"{W}id") in {e.get(f"{W}id") for e in first.iter(f"{W}commentReference")}


def test_english_comments_with_lang_en(tmp_path: Path) -> None:
    src = ROOT / "samples" / "bad" / "sai-co-chu.docx"
    before = check_file(str(src), "hd36")
    annotate(src, before.findings, "en", dst=tmp_path / "x.docx", now=NOW)
    text = _text(_own(tmp_path / "x.docx")[0])
    assert before.findings[0].message.en in text and "How to fix:" in text and "Cách sửa" not in text


def test_clean_document_gets_a_copy_without_comments(tmp_path: Path) -> None:
    src = ROOT / "samples" / "good" / "cong-van.docx"
    before, after = _annotate_and_recheck(src, tmp_path / "x.docx")
    assert before.findings == () and after.findings == ()
    assert _own(tmp_path / "x.docx") == []


def test_annotating_a_copy_again_replaces_thethucs_comments(tmp_path: Path) -> None:
    src = ROOT / "samples" / "bad" / "sai-co-chu.docx"
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    before, _ = _annotate_and_recheck(src, first)
    again = annotate(first, check_file(str(first)).findings, dst=second, now=NOW)
    assert again.replaced == len(before.findings)
    assert len(_own(second)) == len(before.findings)
    _same(before, check_file(str(second)))
    _assert_order_valid(second)


# ---------------------------------------------------------------- existing comments


TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
BAD_TITLE = Layout(overrides={"tieu_de": {"size_pt": 13}})


def _word_comment(cid: int, author: str, text: str) -> str:
    return (f'<w:comment w:id="{cid}" w:author="{author}" w:date="2024-05-06T09:12:00Z" w:initials="VT">'
            f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
            f'</w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:comment>')


def _anchored(body: str, on_text: str, cid: int) -> str:
    """Word's anchoring: a range around the paragraph's runs and a CommentReference run after it."""
    at = body.index(on_text)
    start = max(body.rfind("<w:p>", 0, at), body.rfind("<w:p ", 0, at))
    end = body.index("</w:p>", at)
    para = body[start:end]
    run = para.index("<w:r>") if "<w:r>" in para else para.index("<w:r ")
    para = (para[:run] + f'<w:commentRangeStart w:id="{cid}"/>' + para[run:] + f'<w:commentRangeEnd w:id="{cid}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{cid}"/></w:r>')
    return body[:start] + para + body[end:]


def _with_comments(path: Path, comments: list[tuple[int, str, str, str]]) -> Path:
    """A nghị quyết with a 13 pt title (H002) and the given (id, author, text, anchored-on) comments."""
    parts = build_parts(short_doc(), BAD_TITLE)
    body = parts.body
    for cid, _, _, on in comments:
        body = _anchored(body, on, cid)
    xml = "".join(_word_comment(cid, author, text) for cid, author, text, _ in comments)
    path.write_bytes(docx_bytes(replace(parts, body=body, comments=xml or None)))
    return path


def test_existing_and_suppression_comments_are_kept_with_their_ids(tmp_path: Path) -> None:
    src = _with_comments(tmp_path / "src.docx", [
        (7, "Văn thư", "thethuc: bỏ qua H002 -- mẫu cũ", TITLE),
        (41, "Chánh Văn phòng", "Xem lại câu này", "Công tác văn thư"),
    ])
    before, after = _annotate_and_recheck(src, tmp_path / "out.docx")
    assert [f.code for f in before.suppressed] == ["H002"], "the suppression works in the original"
    _same(before, after)
    kept = {c.get(f"{W}id"): (c.get(f"{W}author"), _text(c)) for c in _comments(tmp_path / "out.docx")
            if c.get(f"{W}author") != AUTHOR}
    assert kept == {"7": ("Văn thư", "thethuc: bỏ qua H002 -- mẫu cũ"), "41": ("Chánh Văn phòng", "Xem lại câu này")}
    old_comments = etree.fromstring(_members(src)["word/comments.xml"])
    new_comments = etree.fromstring(_members(tmp_path / "out.docx")["word/comments.xml"])
    for old in old_comments:  # the drafter's comments are unchanged, element for element
        twin = new_comments.find(f'{W}comment[@{W}id="{old.get(f"{W}id")}"]')
        assert etree.tostring(twin) == etree.tostring(old)
    own_ids = [int(c.get(f"{W}id")) for c in _own(tmp_path / "out.docx")]
    assert len(own_ids) == len(before.findings) and min(own_ids, default=42) > 41
    _assert_order_valid(tmp_path / "out.docx")


def test_a_thethuc_comment_is_not_a_suppression(tmp_path: Path) -> None:
    """A finding's comment that reads like a directive must not silence anything on re-check."""
    plain = check_file(str(_with_comments(tmp_path / "plain.docx", [])))
    assert "H002" in {f.code for f in plain.findings}
    tricky = check_file(str(_with_comments(tmp_path / "t.docx", [(3, AUTHOR, "thethuc: bỏ qua H002", TITLE)])))
    _same(plain, tricky)
    # The same words from a person do suppress: the author is what tells them apart.
    human = check_file(str(_with_comments(tmp_path / "h.docx", [(3, "Văn thư", "thethuc: bỏ qua H002", TITLE)])))
    assert [f.code for f in human.suppressed] == ["H002"]


def test_comments_part_content_type_and_relationship_are_added_once(tmp_path: Path) -> None:
    src = _with_comments(tmp_path / "src.docx", [])
    assert "word/comments.xml" not in _members(src)
    out = tmp_path / "out.docx"
    _annotate_and_recheck(src, out)
    members = _members(out)
    types = members["[Content_Types].xml"].decode()
    assert types.count('PartName="/word/comments.xml"') == 1 and "comments+xml" in types
    rels = members["word/_rels/document.xml.rels"].decode()
    assert rels.count("relationships/comments") == 1
    # A source that already has the part keeps one Override and one relationship.
    src2 = _with_comments(tmp_path / "src2.docx", [(1, "A", "x", TITLE)])
    _annotate_and_recheck(src2, tmp_path / "out2.docx")
    members2, old2 = _members(tmp_path / "out2.docx"), _members(src2)
    assert members2["[Content_Types].xml"] == old2["[Content_Types].xml"]
    assert members2["word/_rels/document.xml.rels"] == old2["word/_rels/document.xml.rels"]


def test_python_docx_opens_the_copy(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    src = ROOT / "samples" / "bad" / "sai-co-chu.docx"
    out = tmp_path / "x.docx"
    _annotate_and_recheck(src, out)
    original = [p.text for p in docx.Document(str(src)).paragraphs]
    assert [p.text for p in docx.Document(str(out)).paragraphs] == original


# ---------------------------------------------------------------- command line


def test_check_annotate_writes_the_copy_next_to_the_file(tmp_path: Path) -> None:
    src = tmp_path / "nghi-quyet.docx"
    shutil.copy(ROOT / "samples" / "bad" / "sai-co-chu.docx", src)
    sha = _sha(src)
    plain = CliRunner().invoke(main, ["check", str(src), "--format", "json"])
    result = CliRunner().invoke(main, ["check", str(src), "--annotate", "--format", "json"])
    assert result.exit_code == plain.exit_code == 1
    assert result.stdout == plain.stdout, "the report is the same with --annotate"
    out = tmp_path / "nghi-quyet.checked.docx"
    assert out.exists() and _sha(src) == sha
    assert f"đã ghi {out} (4 nhận xét)" in result.stderr
    assert len(_own(out)) == 4
    assert set(tmp_path.iterdir()) == {src, out}, "no temporary file is left behind"


def test_annotate_command_is_check_annotate(tmp_path: Path) -> None:
    src = tmp_path / "a.docm"
    shutil.copy(ROOT / "samples" / "bad" / "kho-letter-le-cu.docx", src)
    result = CliRunner().invoke(main, ["annotate", str(src), "--lang", "en", "-q"])
    assert result.exit_code == 1
    out = tmp_path / "a.checked.docm"
    assert f"wrote {out} (4 comments)" in result.stderr
    assert all("How to fix:" in _text(c) for c in _own(out))


def test_a_folder_does_not_annotate_its_annotated_copies(tmp_path: Path) -> None:
    shutil.copy(ROOT / "samples" / "bad" / "sai-co-chu.docx", tmp_path / "a.docx")
    CliRunner().invoke(main, ["annotate", str(tmp_path), "-q"])
    second = CliRunner().invoke(main, ["annotate", str(tmp_path), "-q"])
    assert second.exit_code == 1
    assert "đã là bản có nhận xét" in second.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.checked.docx", "a.docx"]


def test_a_copy_that_cannot_be_written_is_exit_2_and_the_batch_goes_on(tmp_path: Path) -> None:
    # A folder squats the copy's name (works as root too, unlike a read-only folder).
    shutil.copy(ROOT / "samples" / "bad" / "sai-co-chu.docx", tmp_path / "a.docx")
    shutil.copy(ROOT / "samples" / "bad" / "kho-letter-le-cu.docx", tmp_path / "b.docx")
    (tmp_path / "a.checked.docx").mkdir()
    result = CliRunner().invoke(main, ["annotate", str(tmp_path / "a.docx"), str(tmp_path / "b.docx"), "-q"])
    assert result.exit_code == 2
    assert f"{tmp_path / 'a.checked.docx'}: không ghi được" in result.stderr
    assert (tmp_path / "b.checked.docx").is_file(), "the next file is still annotated"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.checked.docx", "a.docx", "b.checked.docx", "b.docx"]


def test_unreadable_input_keeps_exit_3_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["check", "--annotate", str(bad), "-q"])
    assert result.exit_code == 3
    assert not (tmp_path / "hong.checked.docx").exists()


# ---------------------------------------------------------------- real documents


def _corpus() -> list[Path]:
    if not CORPUS_VN.is_dir():
        pytest.skip("shared corpus absent")
    return sorted(p for p in CORPUS_VN.iterdir() if p.suffix.lower() in (".docx", ".docm"))


def test_corpus_documents_recheck_the_same(tmp_path: Path) -> None:
    checked = 0
    for src in _corpus():
        before = check_file(str(src), "auto")
        if before.status != "checked":
            continue
        out = tmp_path / f"{checked}.docx"
        done = annotate(src, before.findings, dst=out, now=NOW)
        assert done.comments == len(before.findings) == len(_own(out)), src.name
        _same(before, check_file(str(out), "auto"))
        _assert_order_valid(out)
        checked += 1
    assert checked >= 10


@pytest.mark.slow
def test_libreoffice_opens_annotated_copies(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice absent (apt-get install -y libreoffice-writer-nogui)")
    copies, counts = [], {}
    sources = [ROOT / "samples" / "bad" / n for n in ("sai-co-chu.docx", "so-trang-chan-trang-so-dam.docx")]
    if CORPUS_VN.is_dir():
        sources += [p for p in sorted(CORPUS_VN.glob("*.docx"))[:2]]
    for i, src in enumerate(sources):
        result = check_file(str(src), "auto")
        if result.status != "checked":
            continue
        copies.append(annotate(src, result.findings, dst=tmp_path / f"c{i}.docx", now=NOW).path)
        counts[copies[-1].stem] = len(result.findings)
    profile = tmp_path / "profile"
    for fmt in ("pdf", "fodt"):
        run = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                              "--outdir", str(tmp_path / fmt), *map(str, copies)],
                             capture_output=True, text=True, timeout=600, check=False)
        assert run.returncode == 0, run.stderr
    for copy in copies:
        pdf = tmp_path / "pdf" / (copy.stem + ".pdf")
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), (copy.name, run.stdout, run.stderr)
        # LibreOffice's own reading of the copy: one annotation by thethuc per finding, in its review pane.
        flat = (tmp_path / "fodt" / (copy.stem + ".fodt")).read_text("utf-8")
        assert flat.count(f"<dc:creator>{AUTHOR}</dc:creator>") == counts[copy.stem], copy.name


# Two checks of poi__bug65649.docx (thousands of plain paragraphs) cost more than the rest of the set together;
# a long plain document is already covered by the vn corpus above.
SLOW_TO_CHECK = frozenset({"poi__bug65649.docx"})


def test_robustness_corpus_annotates_or_says_why(tmp_path: Path) -> None:
    """Odd producers (Strict namespaces, alternate part names, nested bodies): the copy re-checks the same, or a
    document with no body paragraph at all gets one clear AnnotateError and no file."""
    from thethuc.annotate import AnnotateError

    folder = ROOT / ".." / "shared" / "corpus" / "robustness"
    if not folder.is_dir():
        pytest.skip("shared corpus absent")
    written = 0
    for i, src in enumerate(sorted(folder.iterdir())):
        if src.name in SLOW_TO_CHECK:
            continue
        before = check_file(str(src), "auto")
        if before.status != "checked":
            continue
        out = tmp_path / f"{i}.docx"
        try:
            annotate(src, before.findings, dst=out, now=NOW)
        except AnnotateError as err:
            assert "no paragraph to anchor" in err.text.en and src.name in err.text.en
            assert not out.exists()
            continue
        _same(before, check_file(str(out), "auto"))
        written += 1
    assert written >= 30


def test_text_box_finding_goes_on_the_host_paragraph(tmp_path: Path) -> None:
    from tests.load.test_walk import TEXTBOX_DML
    from thethuc.load import load_document
    from thethuc.model import Finding, Text
    from thethuc.testing.docx import DocxParts

    src = tmp_path / "box.docx"
    src.write_bytes(docx_bytes(DocxParts(body=f"<w:p><w:r><w:t>neo</w:t></w:r>{TEXTBOX_DML}</w:p>"
                                              "<w:p><w:r><w:t>sau</w:t></w:r></w:p>")))
    box = next(p for p in load_document(src).paragraphs if p.location.textbox)
    finding = Finding(code="B001", name="noi-dung-size", severity="error", element="noi_dung",
                      message=Text("Cỡ chữ", "Size"), location=box.location, excerpt=box.text)
    out = tmp_path / "out.docx"
    annotate(src, [finding], dst=out, now=NOW)
    host = body_paragraphs(_xml(out, MAIN), MAIN)[0]
    assert host[-1][0].tag == f"{W}commentReference" and host.find(f"{W}commentRangeStart") is not None
    assert "trong hộp văn bản" in _text(_own(out)[0])
    # The text box's own paragraphs (Choice and Fallback copies) carry nothing.
    for inner in _xml(out, MAIN).iter(f"{W}txbxContent"):
        assert inner.find(f".//{W}commentRangeStart") is None
    _assert_order_valid(out)
