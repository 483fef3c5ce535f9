"""Fix kind ``legacy_text``: TCVN3 and VNI text converted to Unicode, its font switched.

A run whose effective font (in a slot its text uses) is a ``.Vn…`` or ``VNI-…`` font has its
``w:t`` text decoded with that font's table, then the font is set to Times New Roman at the layer
that chose the legacy one (the style, the defaults or the run). Text typed in TCVN3 but already
shown in a Unicode font (the font was changed, the text never converted) is converted too, but
only when it can be nothing else (``encodings.looks_tcvn3``). Other legacy fonts (VK Sans …) are
left for a person: no exact table is known for them.
"""
from __future__ import annotations

from thethuc.checks.fonts import mojibake_words, slots_used
from thethuc.fix import layers
from thethuc.fix.context import Context
from thethuc.fix.encodings import (
    capitals_font,
    encoding_of_font,
    from_tcvn3,
    from_vni,
    looks_tcvn3,
)
from thethuc.fix.types import Change
from thethuc.load.ooxml import qn
from thethuc.model import Finding, Run
from thethuc.ruleset.types import Rule

FONT = "Times New Roman"


def _legacy_font(run: Run) -> tuple[str, str] | None:
    """(font name, source) of the first legacy font among the slots the run's text uses."""
    for slot in slots_used(run.text) or ("ascii",):
        font = run.font(slot)
        if font.value and encoding_of_font(font.value):
            return font.value, font.source
    return None


def fix(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    if not findings:
        return
    font_layers: dict[str, str] = {}  # layer → the legacy font it named
    for paragraph in ctx.rec.doc.paragraphs:
        converted = ""  # the encoding and font of the paragraph's converted text, once one is
        for run, run_el in zip(paragraph.runs, ctx.locator.runs(paragraph), strict=False):
            if run_el is None or not run.text.strip():
                continue
            legacy = _legacy_font(run)
            if legacy is None:
                if mojibake_words(run.text) and looks_tcvn3(run.text) and _convert(run_el, from_tcvn3):
                    converted = converted or f"TCVN3 ({run.font('hAnsi').value or '?'})"
                continue
            name, source = legacy
            encoding = encoding_of_font(name)
            capitals = capitals_font(name)
            decode = (lambda t, c=capitals: from_tcvn3(t, c)) if encoding == "tcvn3" else from_vni
            if _convert(run_el, decode):
                converted = converted or f"{'TCVN3' if encoding == 'tcvn3' else 'VNI'} ({name})"
            if source != "direct" and ctx.layers.editable(source):
                font_layers.setdefault(layers.base_layer(source), name)
            else:
                layers.set_fonts(layers.run_properties(run_el), FONT)
        if converted:
            ctx.touch(paragraph.location)
            ctx.add(Change(rule.code, ctx.role(paragraph), "text", converted, f"Unicode ({FONT})", "text",
                           paragraph.location))
    for layer, name in font_layers.items():
        layers.set_fonts(ctx.layers.properties(layer, "rPr"), FONT)
        ctx.add(Change(rule.code, None, "font", name, FONT, layers.where_of(layer)))


def _convert(run_el, decode) -> bool:
    changed = False
    for t in run_el.findall(qn("w:t")):
        if t.text:
            new = decode(t.text)
            if new != t.text:
                t.text, changed = new, True
    return changed
