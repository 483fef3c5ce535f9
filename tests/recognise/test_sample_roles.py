"""Every paragraph of every bundled sample gets the role spec hd36 §1 gives it.

The expectations in ``expected_roles/<set>/<name>.yaml`` were reviewed line by line against the
specs the samples are built from, not copied from the recogniser; a second test cross-checks them
against those specs so that neither the YAML nor the recogniser can drift alone.
"""
from __future__ import annotations

import difflib
import functools
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from thethuc import model
from thethuc.load import load_document
from thethuc.recognise import recognise
from thethuc.testing.party import Layout, PartyDoc
from thethuc.testing.party_bad import BAD
from thethuc.testing.party_samples import GOOD
from thethuc.testing.tcvn3 import to_tcvn3

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected_roles"
SAMPLE_DIRS: dict[str, Path] = {
    "good": ROOT / "samples" / "good", "bad": ROOT / "samples" / "bad",
    "hd05-good": ROOT / "samples" / "hd05" / "good", "hd05-bad": ROOT / "samples" / "hd05" / "bad",
    "nd30-good": ROOT / "samples" / "nd30" / "good", "nd30-bad": ROOT / "samples" / "nd30" / "bad",
}
EXCERPT = 40

Entry = tuple[str, str, str | None]  # (part:paragraph, excerpt, role)


def _all_samples() -> list[tuple[str, str]]:
    return sorted((set_name, p.stem) for set_name, folder in SAMPLE_DIRS.items() for p in folder.glob("*.docx"))


def _load_expected(set_name: str, name: str) -> dict[str, object]:
    return yaml.safe_load((EXPECTED / set_name / f"{name}.yaml").read_text(encoding="utf-8"))


def _expected_entries(data: dict[str, object]) -> list[Entry]:
    return [(str(where), str(text), role) for where, text, role in data["paragraphs"]]


def _where(para: model.Paragraph) -> str:
    # The part's file stem keeps header1 and header2 apart: both have a paragraph 1.
    return f"{Path(para.location.part_name).stem}:{para.location.paragraph}"


def _render(entries: list[Entry]) -> list[str]:
    return [f"{where}  {role or 'null'}  {text!r}" for where, text, role in entries]


def test_every_sample_has_an_expectation_file_and_no_file_is_orphaned() -> None:
    samples = _all_samples()
    files = sorted((p.parent.name, p.stem) for p in EXPECTED.glob("*/*.yaml"))
    assert files == samples
    assert len(samples) == 43  # 10 good + 18 bad + 4 + 4 hd05 + 3 + 4 nd30


@pytest.mark.parametrize(("set_name", "name"), _all_samples())
def test_sample_roles_match_the_expectation(set_name: str, name: str) -> None:
    rec = recognise(load_document(SAMPLE_DIRS[set_name] / f"{name}.docx"))
    data = _load_expected(set_name, name)
    actual = [(_where(p), p.text[:EXCERPT], r) for p, r in zip(rec.doc.paragraphs, rec.roles, strict=True)]
    expected = _expected_entries(data)
    diff = "\n".join(difflib.unified_diff(_render(expected), _render(actual), "expected", "recognised", lineterm=""))
    assert actual == expected, f"{set_name}/{name}:\n{diff}"
    assert (rec.document_type, rec.family) == (data["document_type"], data["family"])


@pytest.mark.parametrize(("set_name", "name"), _all_samples())
def test_expectation_files_use_only_known_roles(set_name: str, name: str) -> None:
    data = _load_expected(set_name, name)
    unknown = {role for _, _, role in _expected_entries(data) if role is not None and role not in model.ROLES}
    assert not unknown
    assert data["family"] in ("party", "state")


# ---------------------------------------------------------------- cross-check against the build specs


@functools.cache
def _build_rulesets() -> ModuleType:
    """samples/build_rulesets.py holds the hd05/nd30 sample specs; samples/ is not a package."""
    spec = importlib.util.spec_from_file_location("_sample_rulesets", ROOT / "samples" / "build_rulesets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def _source(set_name: str, name: str) -> tuple[PartyDoc, Layout]:
    if set_name in ("good", "bad"):
        sample = (GOOD if set_name == "good" else BAD)[name]
        return sample.doc, sample.layout
    good, bad = _build_rulesets().SETS[set_name.split("-", maxsplit=1)[0]]
    sample = (good if set_name.endswith("-good") else bad)[name]
    return sample.doc, sample.layout


# A body paragraph typed "1. …" outside an article document is a level-2 heading (spec §1: I. → 1. → 1.1.
# → a) → -), whatever block kind the builder used; the enacting and authority lines count as căn cứ.
_NUMBERED = re.compile(r"^\d+\. ")
_BODY_ROLE = {"ban_hanh": "can_cu"}


# Body kinds the writer re-types in .VnTime/TCVN3 for a legacy_body layout (party_writer._BODY_ROLES).
_LEGACY_KINDS = frozenset({"noi_dung", "can_cu", "khoan", "diem", "de_muc_4", "de_muc_5"})


def _body_role(kind: str, text: str) -> str:
    if kind == "noi_dung" and _NUMBERED.match(text):
        return "de_muc_2"
    return _BODY_ROLE.get(kind, kind)


def _kinh_gui_lines(doc: PartyDoc) -> list[tuple[str, str]]:
    if len(doc.kinh_gui) == 1:  # the writer puts a single recipient on the label's line
        return [(f"{doc.kinh_gui_label} {doc.kinh_gui[0]}", "kinh_gui")]
    head = [(doc.kinh_gui_label, "kinh_gui")] if doc.kinh_gui else []
    return head + [(t, "kinh_gui_muc") for t in doc.kinh_gui]


def _body_lines(doc: PartyDoc, layout: Layout) -> list[tuple[str, str]]:
    def stored(kind: str, text: str) -> str:
        return to_tcvn3(text) if layout.legacy_body and kind in _LEGACY_KINDS else text

    return [(stored(b.kind, b.text), _body_role(b.kind, b.text)) for b in doc.body]


def _spec_lines(doc: PartyDoc, layout: Layout) -> list[tuple[str, str]]:
    """(text as stored, role) of every non-empty paragraph the spec puts in the body part."""
    state = doc.family == "state"
    single = [("du_thao", doc.du_thao), ("dau_sao", None if state else doc.dau_sao),
              ("so_ky_hieu", doc.so_ky_hieu), ("dau_mat", doc.dau_mat), ("dau_khan", doc.dau_khan),
              ("quoc_hieu" if state else "tieu_de", doc.tieu_de), ("tieu_ngu", doc.tieu_ngu),
              ("dia_danh_ngay", doc.dia_danh_ngay), ("ten_loai", doc.ten_loai),
              ("gach_trich_yeu", None if state or not doc.trich_yeu else doc.gach_trich_yeu),
              ("noi_nhan", doc.noi_nhan)]
    several = [("co_quan_cap_tren", doc.co_quan_cap_tren), ("co_quan_ban_hanh", doc.co_quan_ban_hanh),
               ("trich_yeu_cong_van", doc.trich_yeu_cong_van), ("ten_hoi_nghi", doc.ten_hoi_nghi),
               ("trich_yeu", doc.trich_yeu), ("noi_nhan_muc", doc.noi_nhan_muc)]
    lines = [(text, role) for role, text in single if text]
    lines += [(text, role) for role, texts in several for text in texts]
    lines += _kinh_gui_lines(doc) + _body_lines(doc, layout)
    for signer in doc.signers:
        lines += [(signer.tham_quyen, "tham_quyen_ky")] if signer.tham_quyen else []
        lines += [(signer.chuc_vu, "chuc_vu_ky"), (signer.ho_ten, "ho_ten_ky")]
    return lines


@pytest.mark.parametrize(("set_name", "name"), _all_samples())
def test_expectations_agree_with_the_build_spec(set_name: str, name: str) -> None:
    """Each non-empty body-part line of the YAML carries the role of the spec field it came from."""
    in_yaml = Counter((text, role) for where, text, role in _expected_entries(_load_expected(set_name, name))
                      if where.startswith("document:") and text.strip())
    from_spec = Counter((text[:EXCERPT], role) for text, role in _spec_lines(*_source(set_name, name)))
    assert in_yaml == from_spec
