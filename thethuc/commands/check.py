"""`thethuc check PATH...`: check Word files and folders, report, and exit 0/1/2/3 (spec §4)."""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

import click

from thethuc.commands.options import stage_option
from thethuc.atomic import WriteError, open_atomic, replace_atomic
from thethuc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, RuleSetError
from thethuc.model import FileResult, InputProblem, Text
from thethuc.report import REPORTERS, ReportOptions, Summary
from thethuc.ruleset.types import RuleSet

AUTO = "auto"
BASE_RULESET = "hd36"

SEVERITIES = ("error", "warning", "info")


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``--ignore B001,B002 --ignore H`` → ("B001", "B002", "H"): comma-separated and repeatable."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def unknown_selectors(ruleset: RuleSet, patterns: Iterable[str]) -> list[str]:
    """Patterns naming no rule: a typo in --select would otherwise silently turn every rule off."""
    from thethuc.ruleset.select import match_length  # noqa: PLC0415

    return [p for p in patterns if not any(match_length(rule, [p]) for rule in ruleset.rules)]


def validate_ruleset(spec: str | RuleSet, select: Iterable[str], ignore: Iterable[str]) -> None:
    """Load the rule set once and check the selection, so a bad rule file or a typo stops the run
    before any file. Raises RuleSetError."""
    from thethuc.commands.explain import suggestion  # noqa: PLC0415
    from thethuc.ruleset import load_ruleset  # noqa: PLC0415 (imported lazily: start-up time of pre-commit)

    if isinstance(spec, RuleSet):  # already built from a project configuration
        ruleset = spec
    else:
        # auto picks hd36, hd05 or nd30 per document; hd36 is the base whose codes they all share.
        ruleset = load_ruleset(BASE_RULESET if spec == AUTO else spec)
    for pattern in unknown_selectors(ruleset, (*select, *ignore)):
        near = suggestion(ruleset, pattern)
        raise RuleSetError("--select/--ignore", None, Text(
            f"không có quy tắc nào khớp '{pattern}'" + (f" (có phải {near} không?)" if near else ""),
            f"no rule matches '{pattern}'" + (f" (did you mean {near}?)" if near else "")))


def check_one(path: str, display: str, spec: str | RuleSet, options: dict[str, object]) -> FileResult:
    """The pipeline's result; a crash on one odd file becomes an error entry, not a lost batch."""
    from thethuc.pipeline import check_file  # noqa: PLC0415

    try:
        return check_file(path, spec, display, **options)
    except RuleSetError:
        raise
    except Exception as err:  # noqa: BLE001 (an archive run must go on; the entry names the failure)
        cause = f"{type(err).__name__}: {err}"
        return FileResult(path=display, status="error", ruleset=getattr(spec, "name", spec),
                          error=InputProblem("unreadable", f"{display}: lỗi nội bộ khi kiểm tra ({cause})",
                                             f"{display}: internal error while checking ({cause})"))


CheckTask = tuple[str, str, "str | RuleSet", dict[str, Any]]  # check_one's arguments
CHUNK = 8  # files per task sent to a worker: fewer round trips, still an even spread


def _check_task(task: CheckTask) -> FileResult:
    return check_one(*task)


def check_all(tasks: list[CheckTask], jobs: int) -> Iterator[FileResult]:
    """The results in the order of ``tasks``; with ``jobs`` > 1 checked by that many processes.

    Unlike ``audit``, a file that kills its worker process stops the run (BrokenProcessPool):
    ``check`` is for files at hand, and archives with hostile files are ``audit``'s job.
    """
    if jobs <= 1 or len(tasks) < 2:
        for task in tasks:
            yield check_one(*task)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    from thethuc.audit.pool import process_context  # noqa: PLC0415

    workers = min(jobs, len(tasks))
    chunk = max(1, min(CHUNK, len(tasks) // (4 * workers)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=process_context()) as pool:
        yield from pool.map(_check_task, tasks, chunksize=chunk)


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


def report_targets(formats: tuple[str, ...], outputs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """Pair ``--format`` and ``--output`` by position (or ``--format FMT:FILE``); None is stdout."""
    formats = formats or ("text",)
    if len(outputs) > len(formats):
        raise click.UsageError("mỗi --output cần một --format đi kèm (ghép theo thứ tự)")
    targets: list[tuple[str, str | None]] = []
    for i, spec in enumerate(formats):
        name, colon, path = spec.partition(":")
        if name not in REPORTERS:
            raise click.BadParameter(f"'{name}' (chọn: {', '.join(sorted(REPORTERS))})", param_hint="--format")
        out = path if colon else (outputs[i] if i < len(outputs) else None)
        targets.append((name, None if out in (None, "", "-") else out))
    if sum(out is None for _, out in targets) > 1:
        raise click.UsageError("chỉ một báo cáo được in ra màn hình; dùng --output FILE cho các định dạng khác")
    return targets


class AtomicOutputs:
    """Report files written to a temporary name and renamed at the end: CI never reads half a report."""

    def __init__(self) -> None:
        self._open: list[tuple[TextIO, str, str]] = []

    def open(self, path: str) -> TextIO:
        target = os.path.abspath(path)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)  # CI writes reports/…; create the folder
        except OSError as err:
            raise WriteError(path, err) from err
        handle, tmp = open_atomic(target)  # normal permissions; errors name ``target``, not the temp file
        self._open.append((handle, tmp, target))
        return handle

    def commit(self) -> None:
        for handle, tmp, target in self._open:
            handle.close()
            replace_atomic(tmp, target)
        self._open.clear()

    def abort(self) -> None:
        for handle, tmp, _ in self._open:
            handle.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._open.clear()


def rule_texts(spec: str | RuleSet, chosen: str) -> Callable[[str], Text | None]:
    """code → the rule's description in the rule set a file was checked with (for the comment's "how to fix")."""
    from thethuc.ruleset import load_ruleset  # noqa: PLC0415

    ruleset: RuleSet | None = spec if isinstance(spec, RuleSet) else None
    if ruleset is None:
        try:  # auto names the rule set it chose; a path or built-in name loads as given
            ruleset = load_ruleset(chosen if spec == AUTO else spec)
        except RuleSetError:
            ruleset = None

    def text(code: str) -> Text | None:
        rule = ruleset.get(code) if ruleset is not None else None
        return rule.description if rule is not None else None

    return text


def write_annotated(result: FileResult, path: str, spec: str | RuleSet, lang: str) -> bool:
    """Write ``ten.checked.docx`` for a checked file and say so on stderr; False when it could not be written."""
    from thethuc.annotate import AnnotateError, annotate, is_annotated_name  # noqa: PLC0415

    if result.status != "checked":
        return True  # an unreadable input already has its error line and exit code
    if is_annotated_name(path):
        # Annotating a copy again would only pile up ten.checked.checked.docx files in a folder.
        _say(lang, f"{result.path}: đã là bản có nhận xét, không ghi thêm bản",
             f"{result.path}: already an annotated copy, no further copy written")
        return True
    try:
        done = annotate(path, result.findings, lang, rule_texts(spec, result.ruleset))
    except AnnotateError as err:
        _say(lang, err.text.vi, err.text.en)
        return False
    _say(lang, f"đã ghi {done.path} ({done.comments} nhận xét)", f"wrote {done.path} ({done.comments} comments)")
    return True


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--ruleset", "ruleset_spec", default=None,
              help="Bộ quy tắc: auto (mặc định: hd36, hd05 hoặc nd30 theo từng văn bản), hd36, hd05, nd30 "
                   "hoặc đường dẫn tệp YAML.")
@stage_option()
@click.option("--select", multiple=True, help="Chỉ kiểm tra các mã/tiền tố/tên này (phân cách bằng dấu phẩy).")
@click.option("--ignore", multiple=True, help="Bỏ qua các mã/tiền tố/tên này (phân cách bằng dấu phẩy).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Mức thấp nhất làm lệnh thất bại (mã thoát 1); mặc định error.")
@click.option("--format", "formats", multiple=True, metavar="FMT[:FILE]",
              help=f"Định dạng báo cáo ({', '.join(sorted(REPORTERS))}); lặp lại được, FMT:FILE ghi ra tệp.")
@click.option("--output", "-o", "outputs", multiple=True, metavar="FILE",
              help="Tệp nhận báo cáo, ghép theo thứ tự với --format ('-' là màn hình).")
@click.option("--lang", type=click.Choice(("vi", "en")), default=None, help="Ngôn ngữ báo cáo (mặc định vi).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Dùng tệp cấu hình này cho mọi văn bản (không tìm .thethuc.yaml).")
@click.option("--no-config", is_flag=True, help="Bỏ qua mọi tệp cấu hình .thethuc.yaml / pyproject.toml.")
@click.option("--show-suppressed", is_flag=True, help="In cả các lỗi đã bỏ qua bằng chú thích trong văn bản.")
@click.option("--quiet", "-q", is_flag=True,
              help="Chỉ in mỗi lỗi một dòng và dòng tổng kết (không in tệp đạt).")
@click.option("--statistics", is_flag=True, help="In bảng số lần vi phạm theo mã.")
@click.option("--no-color", is_flag=True, help="Không tô màu (cũng tắt khi đặt biến NO_COLOR).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Số tiến trình kiểm tra song song (báo cáo vẫn theo thứ tự tệp).")
@click.option("--annotate", is_flag=True,
              help="Ghi thêm bản ten.checked.docx: mỗi lỗi là một nhận xét (comment) trong Word.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], ruleset_spec: str | None, select: tuple[str, ...],
            ignore: tuple[str, ...], fail_on: str | None, formats: tuple[str, ...], outputs: tuple[str, ...],
            lang: str | None, config_file: str | None, no_config: bool, show_suppressed: bool, quiet: bool,
            statistics: bool, no_color: bool, jobs: int, annotate: bool = False,
            stage: str | None = None) -> None:
    """Kiểm tra thể thức các tệp Word (.docx, .docm, .dotx) và thư mục."""
    from thethuc.config import CliOptions, ConfigResolver  # noqa: PLC0415
    from thethuc.discover import PathNotFoundError, discover  # noqa: PLC0415

    selected, ignored = split_codes(select), split_codes(ignore)
    say_lang = lang or "vi"
    targets = report_targets(formats, outputs)
    try:
        candidates = discover(paths)
    except PathNotFoundError as err:
        _say(say_lang, f"không tìm thấy đường dẫn: {err.path}", f"no such file or folder: {err.path}")
        ctx.exit(EXIT_USAGE)
    cli = CliOptions(ruleset=ruleset_spec, select=selected or None, ignore=ignored or None,
                     fail_on=fail_on, lang=lang, config=config_file, isolated=no_config, stage=stage)
    resolver = ConfigResolver(cli)
    try:
        # Every configuration (and its rule set) is read before the first file is checked.
        plan = [(cand, resolver.settings_for(cand.path)) for cand in candidates]
        for settings in resolver.seen() or [resolver.settings_for(".")]:
            validate_ruleset(settings.ruleset_source, settings.select or (), settings.ignore)
    except RuleSetError as err:
        _say(lang or resolver.last_lang or "vi", err.render("vi"), err.render("en"))
        ctx.exit(EXIT_USAGE)

    first = resolver.seen()[0] if resolver.seen() else resolver.settings_for(".")
    run_lang, run_fail_on = lang or first.lang, fail_on or first.fail_on
    options = ReportOptions(ruleset=first.ruleset, stage=first.stage, fail_on=run_fail_on, quiet=quiet,  # type: ignore[arg-type]
                            statistics=statistics, color=False if no_color else None,
                            show_suppressed=show_suppressed)
    files = AtomicOutputs()
    try:
        reporters = [REPORTERS[name](files.open(out) if out else _utf8(sys.stdout), run_lang, options)  # type: ignore[arg-type]
                     for name, out in targets]
    except OSError as err:
        files.abort()
        vi, en = (err.text.vi, err.text.en) if isinstance(err, WriteError) else (str(err), str(err))
        _say(run_lang, f"không ghi được báo cáo {vi}", f"cannot write the report {en}")
        ctx.exit(EXIT_USAGE)
    summary, failing, unwritten = Summary(), 0, 0
    try:
        for reporter in reporters:
            reporter.start()
        tasks: list[CheckTask] = [(str(cand.path), cand.display, settings.ruleset_source,
                                   settings.pipeline_options(cand.path)) for cand, settings in plan]
        for (cand, settings), result in zip(plan, check_all(tasks, jobs)):
            summary = summary.add(result)
            failing += Summary.of([result]).count_at_or_above(settings.fail_on)  # type: ignore[arg-type]
            for reporter in reporters:
                reporter.file(result)
            if annotate:
                unwritten += not write_annotated(result, str(cand.path), settings.ruleset_source, run_lang)
        for reporter in reporters:
            reporter.finish(summary)
    except RuleSetError as err:  # a rule set chosen per file (auto) that does not load
        files.abort()
        _say(run_lang, err.render("vi"), err.render("en"))
        ctx.exit(EXIT_USAGE)
    except BaseException:
        files.abort()
        raise
    try:
        files.commit()
    except WriteError as err:
        files.abort()
        _say(run_lang, f"không ghi được báo cáo {err.text.vi}", f"cannot write the report {err.text.en}")
        ctx.exit(EXIT_USAGE)
    code = exit_code(summary.errors, failing)
    # A copy that could not be written is an output problem, like an unwritable report (2);
    # an unreadable input (3) still wins.
    ctx.exit(EXIT_USAGE if unwritten and code != EXIT_UNREADABLE else code)
