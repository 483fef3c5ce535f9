"""Theme font scheme (``a:fontScheme``): major/minor × latin/ea/cs typefaces for theme font tokens.

Resolves ``w:asciiTheme="minorHAnsi"``-style tokens; knows nothing about styles.
"""
from __future__ import annotations

from dataclasses import field

from lxml import etree

from thethuc.load.ooxml import NS
from thethuc.records import dataclass

# Token suffix → font-scheme script element (ECMA-376 §17.18.96 ST_Theme).
_SCRIPT = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}


@dataclass(frozen=True, slots=True)
class FontScheme:
    """Typefaces by (``"major"|"minor"``, ``"latin"|"ea"|"cs"``); empty typefaces are left out."""

    faces: dict[tuple[str, str], str] = field(default_factory=dict)
    present: bool = False  # False when the package has no readable theme part

    def resolve(self, token: str) -> str | None:
        key = token_key(token)
        return None if key is None else self.faces.get(key)


def token_key(token: str) -> tuple[str, str] | None:
    for prefix in ("major", "minor"):
        if token.startswith(prefix):
            script = _SCRIPT.get(token[len(prefix):])
            return None if script is None else (prefix, script)
    return None


def parse_theme(root: etree._Element | None) -> FontScheme:
    """Read ``a:themeElements/a:fontScheme`` of a theme part."""
    if root is None:
        return FontScheme()
    faces: dict[tuple[str, str], str] = {}
    a = NS["a"]
    for group, tag in (("major", "majorFont"), ("minor", "minorFont")):
        font = root.find(f".//{{{a}}}fontScheme/{{{a}}}{tag}")
        if font is None:
            continue
        for script in ("latin", "ea", "cs"):
            el = font.find(f"{{{a}}}{script}")
            face = (el.get("typeface") or "").strip() if el is not None else ""
            if face:
                faces[(group, script)] = face
    return FontScheme(faces, present=True)
