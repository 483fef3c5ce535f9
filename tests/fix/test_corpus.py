"""Round trip on the real documents of ../shared/corpus/vn: every loadable file is fixed without error,
its re-check has no more findings than before, its XML order is no worse, and LibreOffice opens the copy."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from thethuc.errors import DocxInputError
from thethuc.fix import fix_file
from thethuc.load import load_document

from .helpers import CORPUS, SAMPLES, new_order_problems, repairable_left, text_differences

FOLDER = CORPUS / "vn"


def _loadable() -> list[Path]:
    if not FOLDER.is_dir():
        return []
    found = []
    for path in sorted(p for p in FOLDER.iterdir() if p.is_file()):
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


@pytest.mark.skipif(not FOLDER.is_dir(), reason="shared corpus not present")
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
@pytest.mark.skipif(not FOLDER.is_dir(), reason="shared corpus not present")
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
