"""The real documents issue 16's scripts measure: ../shared/corpus/vn and the fetched ones of
tests/realdocs/files (``python tests/realdocs/materialise.py`` writes them), each from another office."""
from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / ".." / "shared" / "corpus" / "vn", ROOT / "tests" / "realdocs" / "files")


def readable(path: Path) -> bool:
    """A zip with a main document part (the corpus also keeps broken files on purpose)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def real_documents(folders: Iterable[Path] = FOLDERS) -> list[Path]:
    """The readable .docx files of ``folders``, sorted."""
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.docx") if readable(p))
