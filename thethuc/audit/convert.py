"""Turn an old .doc/.odt into a temporary .docx with LibreOffice, leaving the original untouched."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CONVERT_TIMEOUT_S = 180


class ConversionError(Exception):
    """LibreOffice is missing, failed, or produced nothing; ``str()`` is the one-line cause."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(src: str, outdir: str, soffice: str | None = None) -> Path:
    """Convert ``src`` into ``outdir``/<stem>.docx and return that path; ``src`` is only read."""
    exe = soffice or find_soffice()
    if exe is None:
        raise ConversionError("không tìm thấy LibreOffice (soffice) / LibreOffice (soffice) not found")
    # A fresh profile per conversion, inside the caller's temporary folder: concurrent soffice runs
    # sharing a profile block each other (and the user's open LibreOffice); this costs ~0.2 s.
    profile = Path(outdir) / ".lo-profile"
    cmd = [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outdir, src]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise ConversionError(f"LibreOffice quá thời gian ({CONVERT_TIMEOUT_S} s) / timed out") from exc
    except OSError as exc:
        raise ConversionError(f"không chạy được LibreOffice / cannot run LibreOffice: {exc}") from exc
    out = Path(outdir) / (Path(src).stem + ".docx")
    if not out.is_file():
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
        cause = detail[-1] if detail else f"exit {proc.returncode}"
        raise ConversionError(f"LibreOffice không chuyển được / conversion failed: {cause}")
    return out
