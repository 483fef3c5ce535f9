"""The editable package, the schema order table, the locator, the registry and the rule files' ``fix:``."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from thethuc.errors import RuleSetError
from thethuc.fix import order
from thethuc.fix.package import EditablePackage
from thethuc.fix.registry import FIXERS, HANDLES, PRIORITY
from thethuc.load.ooxml import W_NS, qn
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.types import FIX_KINDS

from .helpers import SAMPLES, fixed

W = f"{{{W_NS}}}"


def _rpr(*names: str) -> etree._Element:
    rpr = etree.Element(qn("w:rPr"))
    for name in names:
        etree.SubElement(rpr, qn(f"w:{name}"))
    return rpr


def test_ensure_inserts_at_the_schema_position() -> None:
    rpr = _rpr("rFonts", "i", "sz", "lang")
    order.ensure(rpr, "b")
    order.ensure(rpr, "color")
    order.ensure(rpr, "u")
    assert [c.tag.replace(W, "") for c in rpr] == ["rFonts", "b", "i", "color", "sz", "u", "lang"]
    assert order.ensure(rpr, "b") is rpr[1]  # found, not added twice
    assert order.problems(rpr) == []


def test_ensure_puts_properties_first_and_keeps_extensions_last() -> None:
    run = etree.Element(qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "x"
    order.ensure(run, "rPr")
    assert run[0].tag == qn("w:rPr")
    rpr = _rpr("b")
    rpr.append(etree.Element("{http://schemas.microsoft.com/office/word/2010/wordml}ligatures"))
    order.ensure(rpr, "sz")
    assert [c.tag.rsplit("}", 1)[1] for c in rpr] == ["b", "sz", "ligatures"]


def test_problems_names_misplaced_and_repeated_children() -> None:
    assert order.problems(_rpr("sz", "b")) == ["rPr: b out of order"]
    assert order.problems(_rpr("b", "b")) == ["rPr: b repeated"]
    sect = etree.Element(qn("w:sectPr"))
    for name in ("headerReference", "footerReference", "headerReference", "pgSz", "titlePg"):
        etree.SubElement(sect, qn(f"w:{name}"))
    assert order.problems(sect) == []


def test_untouched_members_keep_their_bytes_order_and_compression(tmp_path: Path) -> None:
    source = SAMPLES / "bad" / "thieu-dau-sao-ngay-khong-so-0.docx"  # one date padded: document.xml only
    out = tmp_path / "fixed.docx"
    outcome = fixed(source, out)
    assert outcome.changes
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert [i.filename for i in a.infolist()] == [i.filename for i in b.infolist()]
        changed = []
        for old, new in zip(a.infolist(), b.infolist(), strict=True):
            assert old.compress_type == new.compress_type and old.date_time == new.date_time
            if a.read(old) != b.read(new):
                changed.append(old.filename)
    assert changed == ["word/document.xml"]


def test_a_package_with_no_change_writes_nothing_new(tmp_path: Path) -> None:
    pkg = EditablePackage.open(str(SAMPLES / "good" / "nghi-quyet.docx"))
    pkg.xml("word/document.xml")  # parsed, not touched
    assert not pkg.changed


def test_registry_matches_the_rule_file_vocabulary() -> None:
    assert set(FIXERS) == set(FIX_KINDS) == set(HANDLES)
    assert set(PRIORITY) >= set(FIXERS)


@pytest.mark.parametrize("name", ["hd36", "hd05", "nd30"])
def test_builtin_rule_sets_mark_fixable_rules(name: str) -> None:
    ruleset = load_ruleset(name)
    fixable = {r.code: r.fix for r in ruleset.rules if r.fix}
    assert {"P001", "P003", "P007", "P008", "B001", "N004", "H011", "P010"} <= set(fixable)
    assert fixable["P008"] == "legacy_text" and fixable["P007"] == "fonts"
    assert "H001" not in fixable and "X003" not in fixable  # a missing title or a wrong type needs a person


def test_unknown_fix_kind_is_a_located_rule_file_error(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text("ruleset: mine\nextends: hd36\nrules:\n  B001:\n    fix: retype\n", encoding="utf-8")
    with pytest.raises(RuleSetError) as err:
        load_ruleset(str(rules))
    assert "fix" in str(err.value) and "mine.yaml:5" in str(err.value)


def test_fix_off_in_an_override(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text("ruleset: mine\nextends: hd36\nrules:\n  B001:\n    fix: off\n", encoding="utf-8")
    assert load_ruleset(str(rules)).get("B001").fix is None


def test_the_text_comparison_allows_only_the_named_conversions() -> None:
    from .helpers import named_conversion

    assert named_conversion("- Lưu VP,", "- Lưu VP.") and named_conversion("- Ban Tổ chức", "- Ban Tổ chức;")
    assert named_conversion("Số 5-NQ/TU", "Số 05-NQ/TU") and named_conversion("ngày 5 tháng 03", "ngày 05 tháng 3")
    assert named_conversion("V/v chuẩn bị", "về việc chuẩn bị") and named_conversion("§¶ng", "Đảng")
    assert not named_conversion("Hà Nội", "Hà Nam") and not named_conversion("cán bộ", "cán bộ và")
    assert not named_conversion("Số 5-NQ/TU", "Số 6-NQ/TU")


def test_a_signed_package_is_said_to_lose_its_signature(tmp_path: Path) -> None:
    signed = tmp_path / "signed.docx"
    source = SAMPLES / "bad" / "thieu-dau-sao-ngay-khong-so-0.docx"
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(signed, "w") as b:
        for info in a.infolist():
            b.writestr(info, a.read(info))
        b.writestr("_xmlsignatures/sig1.xml", "<Signature/>")
    outcome = fixed(signed, tmp_path / "out.docx")
    assert outcome.changes and outcome.note is not None and "signature" in outcome.note.en
    assert fixed(SAMPLES / "good" / "nghi-quyet.docx", tmp_path / "g.docx").note is None
