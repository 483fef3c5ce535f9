"""Round trip on the real documents (../shared/corpus/vn and the real-document set of tests/realdocs):
every loadable file is fixed without error, its re-check has no more findings than before and nothing
repairable, its text and XML order are kept, a second run changes nothing, and LibreOffice opens the copy."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from thethuc.errors import DocxInputError
from thethuc.fix import fix_file
from thethuc.load import load_document

from .helpers import (
    CORPUS,
    SAMPLES,
    new_order_problems,
    repairable_left,
    text_differences,
)

FOLDER = CORPUS / "vn"


def _real_documents() -> list[Path]:
    """corpus/vn, then the real-document set's files that are present (tests/realdocs/README.md)."""
    from tests.realdocs.realdocs import MANIFEST_ROWS, locate

    paths = sorted(p for p in FOLDER.iterdir() if p.is_file()) if FOLDER.is_dir() else []
    seen = {p.resolve() for p in paths}
    for row in MANIFEST_ROWS():
        found = locate(row["id"])
        if found is not None and found.resolve() not in seen:
            seen.add(found.resolve())
            paths.append(found)
    return paths


def _loadable() -> list[Path]:
    found = []
    for path in _real_documents():
        try:
            load_document(str(path))
        except DocxInputError:
            continue
        found.append(path)
    return found


FILES = _loadable()


@pytest.mark.skipif(not FOLDER.is_dir(), reason="shared corpus not present")
def test_the_corpus_has_loadable_documents() -> None:
    assert len(FILES) >= 15


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_real_document_round_trip(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed.docx"
    outcome = fix_file(str(path), "auto", path.name, str(out))
    assert outcome.after.status == "checked"
    assert len(outcome.after.findings) <= len(outcome.before.findings)
    assert repairable_left(outcome) == []
    assert new_order_problems(path, out) == {}
    assert text_differences(path, out) == []
    again = fix_file(str(out), "auto", path.name, None)
    assert again.changes == (), again.changes


@pytest.mark.slow
@pytest.mark.skipif(not FILES, reason="no real document present")
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_fixed_copies_open_in_libreoffice(tmp_path: Path) -> None:
    copies = []
    bad_samples = sorted(SAMPLES.glob("*/bad/*.docx")) + sorted(SAMPLES.glob("*/*/bad/*.docx"))
    for path in [*FILES, *bad_samples]:
        outcome = fix_file(str(path), "auto", path.name, str(tmp_path / f"{len(copies):02d}.docx"))
        if outcome.changes:
            copies.append(tmp_path / f"{len(copies):02d}.docx")
    assert copies
    profile = tmp_path / "profile"  # its own profile: another soffice on the machine cannot block it
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), *map(str, copies)],
                   check=True, capture_output=True, timeout=600)
    made = sorted(p.stem for p in (tmp_path / "pdf").glob("*.pdf"))
    assert made == sorted(p.stem for p in copies)
    assert all((tmp_path / "pdf" / f"{p.stem}.pdf").stat().st_size > 1000 for p in copies)
