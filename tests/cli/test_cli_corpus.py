"""`thethuc check` on the shared corpus: odd files become error entries, the batch goes on."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thethuc.cli import main

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent")


def test_unreadable_corpus_files_give_exit_3_and_error_entries() -> None:
    odd = CORPUS / "robustness"
    files = [odd / "synthetic__zero-byte.docx", odd / "msoffcrypto__example_password.docx",
             odd / "docx4j__rFonts.docx"]
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, files)], catch_exceptions=False)
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    status = [f["status"] for f in data["files"]]
    assert status == ["error", "error", "checked"]
    assert data["files"][1]["error"]["kind"] == "encrypted"
    assert data["summary"]["errors"] == 2


def test_a_whole_folder_of_real_documents_gives_one_valid_report() -> None:
    folder = CORPUS / "vn"
    expected = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".docx", ".docm", ".dotx"))
    result = CliRunner().invoke(main, ["check", "--format", "json", str(folder)],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1, 3)
    data = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in data["files"]] == expected
    assert data["summary"]["files"] == len(expected)
