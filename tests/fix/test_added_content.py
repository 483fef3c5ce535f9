"""What the fix adds: a header with the PAGE field (a new part, declared and related), the star, the lines."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from tests.rules.test_cases import CASES, build
from thethuc.fix import fix_file
from thethuc.load import load_document
from thethuc.recognise import recognise

from .helpers import new_order_problems

CASE: dict[str, Any] = {c["name"]: c for c in CASES}


def _fix(name: str, tmp_path: Path) -> tuple[Path, Any]:
    source = build(CASE[name], tmp_path)
    out = tmp_path / "out.docx"
    return out, fix_file(str(source), "hd36", None, str(out))


def test_a_document_without_page_numbers_gets_a_header_with_page(tmp_path: Path) -> None:
    out, outcome = _fix("P010-no-number", tmp_path)
    assert {c.code for c in outcome.changes} >= {"P010", "P011"}
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        new = [n for n in names if n.startswith("word/header") and n not in
               zipfile.ZipFile(tmp_path / "P010-no-number.docx").namelist()]
        assert new, names
        for name in new:
            assert f'PartName="/{name}"' in types and name.split("/")[1] in rels
    doc = load_document(str(out))
    section = doc.sections[0]
    assert section.title_page
    numbered = [p for p in doc.paragraphs if "PAGE" in p.fields]
    assert numbered and numbered[0].location.part_name == dict(section.headers)["default"]
    assert numbered[0].fmt.align.value == "center" and numbered[0].runs[0].size_half_pt.value == 28
    first = dict(section.headers)["first"]
    assert not [p for p in doc.paragraphs if p.location.part_name == first and "PAGE" in p.fields]
    assert outcome.after.findings == () and new_order_problems(tmp_path / "P010-no-number.docx", out) == {}


def _role_before(out: Path, text: str) -> tuple[str | None, str | None]:
    """The role of the paragraph ``text`` and of the one just above it in the fixed copy."""
    rec = recognise(load_document(str(out)))
    index = next(p.index for p in rec.doc.paragraphs if p.text == text)
    return rec.roles[index], rec.roles[index - 1]


def test_the_star_goes_under_the_issuing_body(tmp_path: Path) -> None:
    out, outcome = _fix("H007-no-star", tmp_path)
    assert _role_before(out, "*") == ("dau_sao", "co_quan_ban_hanh")
    assert outcome.after.findings == ()


def test_a_line_is_drawn_under_the_title_and_an_underline_removed(tmp_path: Path) -> None:
    out, outcome = _fix("H003-underline", tmp_path)
    assert [c.prop for c in outcome.changes if c.code == "H003"] == ["underline", "line"]
    doc = load_document(str(out))
    lines = [line for p in doc.paragraphs for line in p.lines]
    assert len(lines) == 1 and lines[0].kind == "vml" and lines[0].height_emu == 0
    assert 60 * 36000 < lines[0].width_emu < 90 * 36000  # about the width of ĐẢNG CỘNG SẢN VIỆT NAM at 15 pt
    assert outcome.after.findings == ()


def test_a_short_line_is_left_for_a_person(tmp_path: Path) -> None:
    _, outcome = _fix("H003-short-line", tmp_path)
    assert [f.code for f in outcome.after.findings] == ["H003"] and outcome.changes == ()


def test_the_hyphens_go_under_the_summary(tmp_path: Path) -> None:
    out, outcome = _fix("T004-no-hyphens", tmp_path)
    assert _role_before(out, "-----") == ("gach_trich_yeu", "trich_yeu")
    assert outcome.after.findings == ()
