"""The parse floor: the least work any checker must do — unzip, parse every part it must read
(document, styles, numbering, settings, theme, headers, footers) with lxml, and touch each
paragraph's text. thethuc's speed is judged against it."""
from __future__ import annotations

import re
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|styles|numbering|settings|header\d*|footer\d*|theme/theme\d*)\.xml$")
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def parse_floor(path: str) -> int:
    """Parse one .docx the minimal way; returns the number of characters of paragraph text."""
    chars = 0
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not _PARTS.match(name):
                continue
            root = etree.fromstring(zf.read(name))
            if _TEXT_PARTS.match(name):
                for p in root.iter(f"{W}p"):
                    chars += len("".join(t.text or "" for t in p.iter(f"{W}t")))
    return chars
