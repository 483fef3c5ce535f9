"""`thethuc check PATH...`: check Word files and folders, report, and exit 0/1/2/3 (spec §4)."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

import click

from thethuc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, RuleSetError
from thethuc.model import FileResult, InputProblem
from thethuc.report import REPORTERS, ReportOptions, Summary

SEVERITIES = ("error", "warning", "info")


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``--ignore B001,B002 --ignore H`` → ("B001", "B002", "H"): comma-separated and repeatable."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def validate_ruleset(spec: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Load the rule set (and the selection) once, so a bad rule file stops the run before any file."""
    from thethuc.ruleset import load_ruleset  # noqa: PLC0415 (imported lazily: start-up time of pre-commit)

    ruleset = load_ruleset(spec)
    if select or ignore:
        from thethuc.ruleset.select import apply_selection  # noqa: PLC0415

        apply_selection(ruleset, select or None, ignore)


def check_one(path: str, display: str, spec: str, options: dict[str, object]) -> FileResult:
    """The pipeline's result; a crash on one odd file becomes an error entry, not a lost batch."""
    from thethuc.pipeline import check_file  # noqa: PLC0415

    try:
        return check_file(path, spec, display, **options)
    except RuleSetError:
        raise
    except Exception as err:  # noqa: BLE001 (an archive run must go on; the entry names the failure)
        message = f"{display}: lỗi nội bộ khi kiểm tra ({type(err).__name__}: {err})"
        return FileResult(path=display, status="error", ruleset=spec,
                          error=InputProblem("unreadable", message))


def exit_code(summary_errors: int, at_or_above: int) -> int:
    """3 when any input was unreadable (it wins), else 1 when a finding reaches --fail-on, else 0."""
    if summary_errors:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if at_or_above else EXIT_OK


def _say(lang: str, vi: str, en: str) -> None:
    click.echo(f"thethuc: {en if lang == 'en' else vi}", err=True)


def _utf8(stream: TextIO) -> TextIO:
    # Vietnamese text on a legacy Windows code page would raise UnicodeEncodeError mid-report.
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    return stream


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--ruleset", "ruleset_spec", default="hd36", show_default=True,
              help="Bộ quy tắc: hd36, hd05, nd30, auto hoặc đường dẫn tệp YAML.")
@click.option("--select", multiple=True, help="Chỉ kiểm tra các mã/tiền tố/tên này (phân cách bằng dấu phẩy).")
@click.option("--ignore", multiple=True, help="Bỏ qua các mã/tiền tố/tên này (phân cách bằng dấu phẩy).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Mức thấp nhất làm lệnh thất bại (mã thoát 1).")
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True,
              help="Định dạng báo cáo.")
@click.option("--lang", type=click.Choice(("vi", "en")), default="vi", show_default=True,
              help="Ngôn ngữ báo cáo.")
@click.option("--quiet", "-q", is_flag=True,
              help="Chỉ in mỗi lỗi một dòng và dòng tổng kết (không in tệp đạt).")
@click.option("--statistics", is_flag=True, help="In bảng số lần vi phạm theo mã.")
@click.option("--no-color", is_flag=True, help="Không tô màu (cũng tắt khi đặt biến NO_COLOR).")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], ruleset_spec: str, select: tuple[str, ...],
            ignore: tuple[str, ...], fail_on: str, fmt: str, lang: str, quiet: bool, statistics: bool,
            no_color: bool) -> None:
    """Kiểm tra thể thức các tệp Word (.docx, .docm, .dotx) và thư mục."""
    from thethuc.discover import PathNotFoundError, discover  # noqa: PLC0415

    selected, ignored = split_codes(select), split_codes(ignore)
    try:
        candidates = discover(paths)
    except PathNotFoundError as err:
        _say(lang, f"không tìm thấy đường dẫn: {err.path}", f"no such file or folder: {err.path}")
        ctx.exit(EXIT_USAGE)
    try:
        validate_ruleset(ruleset_spec, selected, ignored)
    except RuleSetError as err:
        _say(lang, str(err), str(err))
        ctx.exit(EXIT_USAGE)

    options = ReportOptions(ruleset=ruleset_spec, fail_on=fail_on, quiet=quiet,  # type: ignore[arg-type]
                            statistics=statistics, color=False if no_color else None)
    reporter = REPORTERS[fmt](_utf8(sys.stdout), lang, options)  # type: ignore[arg-type]
    pipeline_options: dict[str, object] = {}
    if selected:
        pipeline_options["select"] = selected
    if ignored:
        pipeline_options["ignore"] = ignored

    summary = Summary()
    reporter.start()
    try:
        for cand in candidates:
            result = check_one(str(cand.path), cand.display, ruleset_spec, pipeline_options)
            summary = summary.add(result)
            reporter.file(result)
    except RuleSetError as err:  # a rule set chosen per file (auto) that does not load
        _say(lang, str(err), str(err))
        ctx.exit(EXIT_USAGE)
    reporter.finish(summary)
    ctx.exit(exit_code(summary.errors, summary.count_at_or_above(fail_on)))  # type: ignore[arg-type]
