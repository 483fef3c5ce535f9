"""``fix_file``: check, repair what the rule set marks fixable, re-check the copy.

A pass runs the fixer of every fixable rule with findings, writes the package, and loads and
checks it again; passes repeat (at most ``MAX_PASSES``) while fixable findings change, because a
repair can let the recogniser see an element it missed (a title now in capitals). A file with no
fixable finding is not rewritten: its copy is the input's bytes.
"""
from __future__ import annotations

import os
import shutil
import tempfile

from thethuc.atomic import copy_file
from thethuc.fix.context import Context
from thethuc.fix.package import EditablePackage, UnsupportedPackage
from thethuc.fix.registry import FIXERS, PRIORITY
from thethuc.fix.types import Change, Declined, FixOutcome, grouped
from thethuc.model import Finding, Text
from thethuc.ruleset.types import Rule, RuleSet
from thethuc.stages import Checked, run_stages

MAX_PASSES = 3


def _check(path: str, spec: str | RuleSet, shown: str, options: dict[str, object]) -> Checked:
    """Check's stages, keeping what the fixers need (the recognised document, the rule set)."""
    rest = dict(options)
    stage = str(rest.pop("stage", "issued"))  # as pipeline.check_file: the fix judges what check judges
    return run_stages(path, spec, shown, stage, rest)


def fixable_rules(ruleset: RuleSet) -> list[Rule]:
    rules = [r for r in ruleset.enabled_rules() if r.fix in FIXERS]
    return sorted(rules, key=lambda r: (PRIORITY.index(r.fix), r.code))


def _keys(findings: tuple[Finding, ...], codes: set[str]) -> set[tuple]:
    return {(f.code, f.location, f.also, f.actual) for f in findings if f.code in codes}


# Kinds that do not depend on which element a paragraph is: safe in a document whose type was not
# recognised (a form, a template), where element formatting would follow a guess.
DOCUMENT_KINDS = frozenset({"page", "fonts", "legacy_text", "page_number"})
_UNKNOWN_TYPE = Text("loại văn bản không nhận ra được: chỉ sửa trang, phông chữ và số trang, không sửa theo thành phần",
                     "document type not recognised: only the page, fonts and page numbers are fixed, not the elements")


def _one_pass(path: str, checked: Checked) -> tuple[EditablePackage, list[Change], list[Declined]]:
    assert checked.rec is not None and checked.ruleset is not None
    pkg = EditablePackage.open(path)
    ctx = Context.of(pkg, checked.rec)
    by_code: dict[str, list[Finding]] = {}
    for finding in checked.result.findings:
        by_code.setdefault(finding.code, []).append(finding)
    unknown = checked.rec.document_type is None
    for rule in fixable_rules(checked.ruleset):
        if rule.code not in by_code:
            continue
        if unknown and rule.fix not in DOCUMENT_KINDS:
            ctx.declined.extend(Declined(f.code, f.excerpt, _UNKNOWN_TYPE) for f in by_code[rule.code])
            continue
        FIXERS[rule.fix](ctx, rule, by_code[rule.code])  # type: ignore[index]  # only rules with a fix are here
    return pkg, ctx.changes, ctx.declined


def fix_file(path: str, spec: str | RuleSet = "hd36", shown: str | None = None,
             output: str | None = None, options: dict[str, object] | None = None,
             backup: str | None = None) -> FixOutcome:
    """Fix ``path`` into ``output`` (None: a dry run, nothing written). Never writes ``path`` itself
    unless ``output`` is ``path`` (``--in-place``), and then only by an atomic rename, after copying
    it to ``backup`` when one is named."""
    shown = shown or path
    options = options or {}
    before = _check(path, spec, shown, options)
    if before.rec is None or before.ruleset is None:
        return FixOutcome(shown, None, (), before.result, before.result)
    codes = {r.code for r in fixable_rules(before.ruleset)}
    changes: list[Change] = []
    declined: dict[tuple[str, str], Declined] = {}
    with tempfile.TemporaryDirectory(prefix="thethuc-fix-") as work:
        current, checked, seen = path, before, _keys(before.result.findings, codes)
        try:
            for number in range(MAX_PASSES):
                if not _keys(checked.result.findings, codes):
                    break
                pkg, made, left = _one_pass(current, checked)
                declined.update(((d.code, d.excerpt), d) for d in left)
                if not pkg.changed:
                    break
                step = os.path.join(work, f"pass{number}.docx")
                pkg.save(step)
                again = _check(step, spec, shown, options)
                if again.rec is None:  # the fixer broke the package: keep the last good one
                    break
                changes.extend(made)
                current, checked = step, again
                keys = _keys(checked.result.findings, codes)
                if keys == seen:
                    break
                seen = keys
        except UnsupportedPackage as err:
            return FixOutcome(shown, None, (), before.result, before.result, frozenset(codes),
                              Text(f"không sửa được: phần {err} theo chuẩn ISO Strict",
                                   f"not fixed: part {err} is ISO Strict OOXML"))
        in_place = output is not None and os.path.abspath(output) == os.path.abspath(path)
        if output is not None and not (in_place and current == path):
            if in_place and backup:
                shutil.copy2(path, backup)
            copy_file(current, output)
    remaining = {(f.code, f.excerpt) for f in checked.result.findings}
    return FixOutcome(shown, output, grouped(changes), before.result, checked.result, frozenset(codes),
                      _signature_note(path) if changes else None,
                      tuple(d for key, d in declined.items() if key in remaining))


def _signature_note(path: str) -> Text | None:
    """A digitally signed package loses its signature with any change, as in Word: say so."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            signed = any(name.lower().startswith("_xmlsignatures/") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return None
    if not signed:
        return None
    return Text("văn bản có chữ ký số: bản đã sửa không còn chữ ký hợp lệ, cần ký lại",
                "the document is digitally signed: the fixed copy's signature is no longer valid; sign it again")
