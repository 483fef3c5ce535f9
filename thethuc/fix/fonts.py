"""Fix kind ``fonts``: Times New Roman (the rule's ``font``) in every slot, at the layer that chose
the wrong one: the style, the document defaults, the theme reference in either, or the run.

Legacy fonts (the rule's ``ignore_fonts``) are left alone here: their text must be converted, which
is ``legacy_text``'s job.
"""
from __future__ import annotations

import fnmatch

from thethuc.checks.fonts import Params, slots_used
from thethuc.fix import layers
from thethuc.fix.context import Context
from thethuc.fix.encodings import encoding_of_font
from thethuc.fix.types import Change
from thethuc.model import Finding
from thethuc.ruleset.types import Rule


def fix(ctx: Context, rule: Rule, findings: list[Finding]) -> None:
    params: Params = rule.params
    wanted = params.font

    def ignored(name: str) -> bool:
        # A legacy font is never switched here: its text would stay garbled (legacy_text converts it).
        return encoding_of_font(name) is not None or \
            any(fnmatch.fnmatchcase(name.casefold(), g.casefold()) for g in params.ignore_fonts)

    done_layers: set[str] = set()
    for paragraph in ctx.reported(findings):
        direct_done = False
        for run, run_el in zip(paragraph.runs, ctx.locator.runs(paragraph), strict=False):
            if not run.text.strip() or run.hidden.value:
                continue
            for slot in slots_used(run.text):
                font = run.font(slot)
                name = font.value or "?"
                if name.casefold() == wanted.casefold() or ignored(font.value or ""):
                    continue
                source = font.source
                if source != "direct" and ctx.layers.editable(source):
                    layer = layers.base_layer(source)
                    if layer not in done_layers:
                        done_layers.add(layer)
                        layers.set_fonts(ctx.layers.properties(source, "rPr"), wanted, ignored)
                        ctx.add(Change(rule.code, ctx.role(paragraph), "font", name, wanted,
                                       layers.where_of(source), paragraph.location))
                elif run_el is not None:
                    layers.set_fonts(layers.run_properties(run_el), wanted, ignored)
                    ctx.touch(paragraph.location)
                    if not direct_done:
                        direct_done = True
                        ctx.add(Change(rule.code, ctx.role(paragraph), "font", name, wanted, "direct",
                                       paragraph.location))
