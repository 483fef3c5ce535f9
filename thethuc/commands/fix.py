"""`thethuc fix FILE...`: write a repaired copy of each file, re-check it, report changes and what is left.

Copies go next to each input (``ten.fixed.docx``), to ``-o OUT`` (one file) or into ``--output-dir``;
``--in-place`` replaces the input by an atomic rename and keeps ``ten.docx.bak`` unless ``--no-backup``.
The input is never written otherwise. Exit codes as ``check``: 0 nothing left at ``--fail-on``,
1 findings remain, 2 usage, 3 an input was unreadable (the batch goes on).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

import click

from thethuc import __version__
from thethuc.commands.check import _say, _utf8, plan_files
from thethuc.commands.options import cli_options, config_options, stage_option
from thethuc.errors import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    RuleSetError,
)
from thethuc.model import SEVERITY_ORDER, Finding
from thethuc.report import labels as w
from thethuc.report.json_report import finding_json, location_json

SUFFIX = ".fixed"

# Property names in the report, in both languages.
PROPERTIES: dict[str, tuple[str, str]] = {
    "size_pt": ("cỡ chữ", "size"), "bold": ("chữ đậm", "bold"), "italic": ("chữ nghiêng", "italic"),
    "underline": ("gạch chân", "underline"), "color": ("màu chữ", "colour"), "case": ("chữ in hoa", "capitals"),
    "align": ("căn lề", "alignment"), "first_line_indent_mm": ("thụt đầu dòng", "first-line indent"),
    "spacing_pt": ("khoảng cách đoạn", "paragraph spacing"), "line_spacing": ("giãn dòng", "line spacing"),
    "font": ("phông chữ", "font"), "paper": ("khổ giấy", "paper"), "orientation": ("chiều trang", "orientation"),
    "margin_top": ("lề trên", "top margin"), "margin_bottom": ("lề dưới", "bottom margin"),
    "margin_left": ("lề trái", "left margin"), "margin_right": ("lề phải", "right margin"),
    "text": ("chữ", "text"), "ending": ("dấu cuối dòng", "line ending"), "number": ("số", "number"),
    "day": ("ngày", "day"), "month": ("tháng", "month"), "page_number": ("số trang", "page number"),
    "first_page": ("trang đầu", "first page"), "first_page_header": ("đầu trang 1", "page-1 header"),
    "first_page_footer": ("chân trang 1", "page-1 footer"), "line": ("đường kẻ", "line"),
}
_VALUES: dict[str, tuple[str, str]] = {
    "true": ("có", "yes"), "false": ("không", "no"), "∅": ("(không có)", "(none)"),
    "numbered": ("có số trang", "numbered"), "empty": ("để trống", "empty"),
    "titlePg": ("trang đầu khác (titlePg)", "different first page (titlePg)"),
    "lower": ("chữ thường", "lower case"),
    "as typed": ("như khi gõ (bỏ thuộc tính caps)", "as typed (caps property off)"),
    "upper (caps)": ("in hoa (thuộc tính caps)", "capitals (caps property)"),
    "footer": ("chân trang", "footer"), "header": ("đầu trang", "header"), "PAGE": ("trường PAGE", "PAGE field"),
}


def _value(text: str, lang: str) -> str:
    pair = _VALUES.get(text)
    return (pair[1] if lang == "en" else pair[0]) if pair else text


def _where(where: str, lang: str) -> str:
    if where == "direct":
        return "định dạng trực tiếp" if lang == "vi" else "direct formatting"
    if where.startswith("style:"):
        return (f"kiểu {where[6:]}" if lang == "vi" else f"style {where[6:]}")
    words = {"docDefaults": ("mặc định của văn bản", "document defaults"), "section": ("thiết lập trang", "page setup"),
             "text": ("chữ", "text"), "header": ("đầu trang", "header"), "footer": ("chân trang", "footer")}
    pair = words.get(where)
    return (pair[1] if lang == "en" else pair[0]) if pair else where


def output_for(path: Path, output: str | None, output_dir: str | None, in_place: bool) -> Path:
    if in_place:
        return path
    if output:
        return Path(output)
    name = f"{path.stem}{SUFFIX}{path.suffix or '.docx'}"
    return Path(output_dir) / name if output_dir else path.with_name(name)


def _skip(path: Path) -> bool:
    """Copies and backups of an earlier run are not inputs when a folder is given."""
    return path.stem.endswith(SUFFIX) or path.name.endswith(".bak")


# ---------------------------------------------------------------- reporting


def _change_json(change: Any, lang: str) -> dict[str, Any]:
    return {"code": change.code, "element": change.element, "property": change.prop,
            "before": change.before, "after": change.after, "where": change.where,
            "location": location_json(change.location, None) if change.location else None,
            "paragraphs": change.count, "also": [location_json(loc, None) for loc in change.also]}


def file_json(outcome: Any, lang: str) -> dict[str, Any]:
    after = outcome.after
    return {
        "path": outcome.path, "status": after.status,
        "error": {"kind": after.error.kind, "message": after.error.text(lang)} if after.error else None,
        "output": outcome.output, "document_type": after.document_type, "ruleset": after.ruleset,
        "changes": [_change_json(c, lang) for c in outcome.changes],
        "findings_before": len(outcome.before.findings),
        "findings": [finding_json(f, lang) | {"fixable": f.code in outcome.fixable,
                                               "declined": _declined(outcome, f, lang)}
                     for f in after.findings],
        "note": outcome.note.get(lang) if outcome.note else None,
    }


def _declined(outcome: Any, finding: Finding, lang: str) -> str | None:
    """Why the fixer left a finding its rule could repair (None when it did not decline it)."""
    reason = next((d.reason for d in outcome.declined if d.code == finding.code and d.excerpt == finding.excerpt),
                  None)
    return reason.get(lang) if reason else None


def _change_line(change: Any, lang: str) -> str:
    name = PROPERTIES.get(change.prop, (change.prop, change.prop))[1 if lang == "en" else 0]
    element = w.element_name(change.element, lang) if change.element else ""
    where = _where(change.where, lang)
    head = f"{change.code} {element}: {name}" if element else f"{change.code} {name}"
    if change.before == change.after:  # a paragraph pinned to its look while its style changed
        kept = "kept at" if lang == "en" else "giữ"
        paragraphs = "paragraph(s)" if lang == "en" else "đoạn khác"
        return f"{change.code} {kept} {name} {_value(change.before, lang)}: {change.count} {paragraphs} ({where})"
    line = f"{head} {_value(change.before, lang)} → {_value(change.after, lang)} ({where})"
    if change.location is not None:
        line += (" at " if lang == "en" else " tại ") + w.location_text(change.location, lang)
    if change.count > 1:
        line += f" (+{change.count - 1} " + ("paragraphs)" if lang == "en" else "đoạn)")
    return line


def _finding_line(finding: Finding, lang: str) -> str:
    element = w.element_name(finding.element, lang)
    detail = w.detail_text(finding, lang)
    text = f"{w.severity_label(finding.severity, lang)} {finding.code} {finding.name}"
    if element:
        text += f" · {element}"
    text += f": {finding.message.get(lang)}" + (f" — {detail}" if detail else "")
    if finding.location is not None:
        text += (" at " if lang == "en" else " tại ") + w.location_text(finding.location, lang)
    return text


def write_text(stream: TextIO, outcome: Any, lang: str, dry_run: bool) -> None:
    en = lang == "en"
    after = outcome.after
    if after.status == "error":
        stream.write(f"{after.error.text(lang)}\n\n")
        return
    stream.write(f"{outcome.path} — {after.document_type or ('unknown type' if en else 'không rõ loại')}"
                 f" — {'rule set' if en else 'bộ quy tắc'} {after.ruleset}\n")
    if outcome.note:
        stream.write(f"  {outcome.note.get(lang)}\n")
    if outcome.changes:
        title = ("would change" if dry_run else "changed") if en else ("sẽ sửa" if dry_run else "đã sửa")
        stream.write(f"  {title} ({len(outcome.changes)}):\n")
        stream.writelines(f"    ✎ {_change_line(change, lang)}\n" for change in outcome.changes)
    else:
        stream.write("  " + ("nothing to change" if en else "không có gì cần sửa") + "\n")
    if outcome.output and not dry_run:
        stream.write(f"  → {outcome.output}\n")
    if after.findings:
        stream.write("  " + ("left for a person" if en else "còn lại, cần sửa tay") + f" ({len(after.findings)}):\n")
        for finding in after.findings:
            why = _declined(outcome, finding, lang)
            stream.write(f"    {_finding_line(finding, lang)}\n")
            if why:
                stream.write(f"      ({'not fixed' if en else 'không sửa'}: {why})\n")
    stream.write("\n")


# ---------------------------------------------------------------- the command


@click.command("fix")
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", "output", default=None, metavar="OUT",
              help="Tệp kết quả (chỉ khi sửa một tệp).")
@click.option("--output-dir", default=None, metavar="DIR", help="Thư mục nhận các bản đã sửa.")
@click.option("--in-place", is_flag=True, help="Thay tệp gốc (đổi tên nguyên tử), giữ ten.docx.bak.")
@click.option("--no-backup", is_flag=True, help="Với --in-place: không giữ tệp .bak.")
@click.option("--dry-run", is_flag=True, help="Chỉ in những thay đổi sẽ làm, không ghi gì.")
# The same words as `check`, read the same way (configuration files included).
@config_options("Bộ quy tắc: auto (mặc định: hd36, hd05 hoặc nd30 theo từng văn bản), hd36, hd05, nd30 "
                "hoặc đường dẫn tệp YAML.")
@stage_option()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="Định dạng báo cáo.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], output: str | None, output_dir: str | None,
            in_place: bool, no_backup: bool, dry_run: bool, ruleset_spec: str | None, stage: str | None,
            select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fmt: str,
            lang: str | None, config_file: str | None, no_config: bool) -> None:
    """Sửa bản sao các tệp Word theo thể thức, rồi kiểm tra lại bản đã sửa."""
    from thethuc.discover import PathNotFoundError, discover
    from thethuc.fix import fix_file

    say_lang = lang or "vi"
    if in_place and (output or output_dir):
        raise click.UsageError("--in-place không dùng cùng -o/--output-dir")
    if output and output_dir:
        raise click.UsageError("-o và --output-dir không dùng cùng nhau")
    if no_backup and not in_place:
        raise click.UsageError("--no-backup chỉ dùng với --in-place")
    try:
        candidates = [c for c in discover(paths) if not (_skip(c.path) and str(c.path) not in paths)]
    except PathNotFoundError as err:
        _say(say_lang, f"không tìm thấy đường dẫn: {err.path}", f"no such file or folder: {err.path}")
        ctx.exit(EXIT_USAGE)
    if output and len(candidates) != 1:
        raise click.UsageError("-o chỉ dùng khi sửa đúng một tệp; dùng --output-dir cho nhiều tệp")
    targets = [output_for(c.path, output, output_dir, in_place).resolve() for c in candidates]
    if not in_place:
        if any(t == c.path.resolve() for t, c in zip(targets, candidates, strict=True)):
            raise click.UsageError("bản sửa sẽ ghi đè tệp gốc; muốn thay tệp gốc thì dùng --in-place")
        if len(set(targets)) < len(targets):
            raise click.UsageError("hai tệp cùng tên sẽ ghi vào cùng một bản sửa trong --output-dir")
    if output_dir and not dry_run:
        os.makedirs(output_dir, exist_ok=True)
    plan, first = plan_files(ctx, cli_options(ruleset_spec, select, ignore, fail_on, lang, config_file, no_config,
                                              stage), candidates)
    run_lang = lang or first.lang
    stream = _utf8(sys.stdout)
    unreadable, failing, documents = 0, 0, []
    changes = remaining = 0
    for cand, settings in plan:
        target = output_for(cand.path, output, output_dir, in_place)
        options = settings.pipeline_options(cand.path)  # the stage too: --stage, else the configuration's
        try:
            outcome = fix_file(str(cand.path), settings.ruleset_source, cand.display,
                               None if dry_run else str(target), options,
                               backup=None if (no_backup or not in_place) else f"{cand.path}.bak")
        except RuleSetError as err:
            _say(run_lang, err.render("vi"), err.render("en"))
            ctx.exit(EXIT_USAGE)
        except OSError as err:
            outcome = None
            unreadable += 1
            _say(run_lang, f"{cand.display}: không ghi được bản sửa ({err})",
                 f"{cand.display}: cannot write the fixed copy ({err})")
        except Exception as err:  # noqa: BLE001 (one odd file must not end the batch; nothing was written)
            outcome = None
            unreadable += 1
            cause = f"{type(err).__name__}: {err}".splitlines()[0][:160]
            _say(run_lang, f"{cand.display}: lỗi nội bộ khi sửa, không ghi gì ({cause})",
                 f"{cand.display}: internal error while fixing, nothing written ({cause})")
        if outcome is None:
            continue
        if outcome.after.status == "error":
            unreadable += 1
        changes += len(outcome.changes)
        remaining += len(outcome.after.findings)
        threshold = SEVERITY_ORDER[settings.fail_on or "error"]
        failing += sum(1 for f in outcome.after.findings if SEVERITY_ORDER[f.severity] >= threshold)
        if fmt == "json":
            documents.append(file_json(outcome, run_lang))
        else:
            write_text(stream, outcome, run_lang, dry_run)
    if fmt == "json":
        json.dump({"tool": "thethuc", "version": __version__, "command": "fix", "dry_run": dry_run,
                   "files": documents,
                   "summary": {"files": len(documents), "errors": unreadable,
                               "changes": sum(len(d["changes"]) for d in documents),
                               "remaining": sum(len(d["findings"]) for d in documents)}},
                  stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    else:
        _summary(stream, run_lang, len(plan), changes, remaining, unreadable, dry_run)
    ctx.exit(EXIT_UNREADABLE if unreadable else (EXIT_FINDINGS if failing else EXIT_OK))


def _summary(stream: TextIO, lang: str, files: int, changes: int, remaining: int, unreadable: int,
             dry_run: bool) -> None:
    if lang == "en":
        verb = "would be made" if dry_run else "made"
        stream.write(f"{files} file(s): {changes} change(s) {verb}, {remaining} finding(s) left for a person"
                     f", {unreadable} unreadable\n")
    else:
        verb = "sẽ sửa" if dry_run else "đã sửa"
        stream.write(f"{files} tệp: {verb} {changes} chỗ, còn {remaining} lỗi cần sửa tay, "
                     f"{unreadable} không đọc được\n")
