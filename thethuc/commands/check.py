"""`thethuc check PATH...`: check Word files and folders, report, and exit 0/1/2/3 (spec §4)."""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

import click

from thethuc.atomic import WriteError, open_atomic, replace_atomic
from thethuc.commands import ready_to_check
from thethuc.commands.options import cli_options, config_options, stage_option
from thethuc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, RuleSetError
from thethuc.model import FileResult, InputProblem, Text
from thethuc.report import REPORTERS, ReportOptions, Summary
from thethuc.ruleset.types import RuleSet

if TYPE_CHECKING:  # the configuration and discovery modules load only when files are there (start-up time)
    from thethuc.config import CliOptions, Settings
    from thethuc.discover import InputFile

AUTO = "auto"
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as `audit` and shells use


def validate_ruleset(spec: str | RuleSet, select: Iterable[str], ignore: Iterable[str]) -> None:
    """Load the rule set once and check the selection (``config.validate_selection``)."""
    from thethuc.config import validate_selection  # start-up time of pre-commit

    validate_selection(spec, select, ignore)


def check_one(path: str, display: str, spec: str | RuleSet, options: dict[str, Any],
              convert: bool = False) -> FileResult:
    """The pipeline's result; a crash on one odd file becomes an error entry, not a lost batch.
    With ``convert`` the file (an old .doc/.odt) is first converted by LibreOffice, as in ``audit``."""
    from thethuc.pipeline import check_file

    if convert:
        return _check_converted(path, display, spec, options)
    try:
        return check_file(path, spec, display, **options)
    except RuleSetError:
        raise
    except Exception as err:  # noqa: BLE001 (an archive run must go on; the entry names the failure)
        cause = f"{type(err).__name__}: {err}"
        return FileResult(path=display, status="error", ruleset=spec.name if isinstance(spec, RuleSet) else spec,
                          error=InputProblem("unreadable", f"{display}: lỗi nội bộ khi kiểm tra ({cause})",
                                             f"{display}: internal error while checking ({cause})"))


def _check_converted(path: str, display: str, spec: str | RuleSet, options: dict[str, object]) -> FileResult:
    import shutil
    import tempfile

    from thethuc.audit.convert import ConversionError, convert_to_docx

    outdir = tempfile.mkdtemp(prefix="thethuc-conv-")
    try:  # the original is only read; the .docx copy lives in a temporary folder
        try:
            converted = convert_to_docx(path, outdir)
        except ConversionError as err:
            vi, _, en = str(err).partition(" / ")
            return FileResult(path=display, status="error", ruleset=spec.name if isinstance(spec, RuleSet) else spec,
                              error=InputProblem("unreadable", f"{display}: {vi}", f"{display}: {en or vi}"))
        return check_one(str(converted), display, spec, options)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


CheckTask = tuple[str, str, "str | RuleSet", dict[str, Any], bool]  # check_one's arguments
CHUNK = 8  # files per task sent to a worker: fewer round trips, still an even spread


def _check_task(task: CheckTask) -> FileResult:
    return check_one(*task)


def check_all(tasks: list[CheckTask], jobs: int) -> Iterator[FileResult]:
    """The results in the order of ``tasks``; with ``jobs`` > 1 checked by that many processes.

    Unlike ``audit``, a file that kills its worker process stops the run (BrokenProcessPool):
    ``check`` is for files at hand, and archives with hostile files are ``audit``'s job.
    """
    if jobs <= 1 or len(tasks) < 2:
        ready_to_check()
        for task in tasks:
            yield check_one(*task)
        return
    from concurrent.futures import ProcessPoolExecutor

    from thethuc.audit.pool import process_context
    from thethuc.audit.worker import init_worker

    workers = min(jobs, len(tasks))
    chunk = max(1, min(CHUNK, len(tasks) // (4 * workers)))
    # Workers ignore Ctrl-C (init_worker): the parent stops the run and says so in one line.
    with ProcessPoolExecutor(max_workers=workers, mp_context=process_context(), initializer=init_worker) as pool:
        yield from pool.map(_check_task, tasks, chunksize=chunk)


def exit_code(summary_errors: int, at_or_above: int) -> int:
    """3 when any input was unreadable (it wins), else 1 when a finding reaches --fail-on, else 0."""
    if summary_errors:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if at_or_above else EXIT_OK


def plan_files(ctx: click.Context, cli: CliOptions,
               candidates: list[InputFile]) -> tuple[list[tuple[InputFile, Settings]], Settings]:
    """Each file with its settings, and the first configuration met (for the run's language and
    report); every configuration (and its rule set) is read before the first file is touched, so a
    bad one is one line and exit 2 (check and fix alike)."""
    from thethuc.config import ConfigResolver

    resolver = ConfigResolver(cli)
    try:
        plan = [(cand, resolver.settings_for(cand.path)) for cand in candidates]
        for settings in resolver.seen() or [resolver.settings_for(".")]:
            validate_ruleset(settings.ruleset_source, settings.select or (), settings.ignore)
    except RuleSetError as err:
        _say(cli.lang or resolver.last_lang or "vi", err.render("vi"), err.render("en"))
        ctx.exit(EXIT_USAGE)
    return plan, (resolver.seen()[0] if resolver.seen() else resolver.settings_for("."))


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


def _soffice_missing() -> bool:
    from thethuc.audit.convert import find_soffice  # subprocess: imported only for --convert (start-up time)

    return find_soffice() is None


def _say_what_is_skipped(candidates: list[Any], paths: tuple[str, ...], convert: bool, lang: str) -> list[Any]:
    """Say on stderr what the folders held that is not checked (old formats, or nothing at all),
    so an empty or .doc-only folder never passes as "0 files, all fine". Returns what to check."""
    from thethuc.discover import old_formats

    if convert and any(c.convert for c in candidates) and _soffice_missing():
        skipped = [c.display for c in candidates if c.convert]
        candidates = [c for c in candidates if not c.convert]
        _say(lang, f"không tìm thấy LibreOffice (soffice) để chuyển đổi: {len(skipped)} tệp .doc/.odt chưa kiểm tra",
             f"LibreOffice (soffice) not found for --convert: {len(skipped)} .doc/.odt files not checked")
    elif not convert:
        skipped = old_formats(paths)
        if skipped:
            _say(lang, f"bỏ qua {len(skipped)} tệp định dạng cũ (.doc/.odt), chưa kiểm tra, ví dụ {skipped[0]}: "
                       "mở bằng Word và lưu thành .docx, hoặc chạy lại với --convert (cần LibreOffice)",
                 f"skipped {len(skipped)} old-format files (.doc/.odt), not checked, e.g. {skipped[0]}: "
                 "open in Word and save as .docx, or re-run with --convert (needs LibreOffice)")
    if not candidates:
        listed = ", ".join(paths)
        _say(lang, f"không có tệp Word (.docx, .docm, .dotx) nào để kiểm tra trong {listed}",
             f"no Word file (.docx, .docm, .dotx) to check in {listed}")
    return candidates


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
    from thethuc.ruleset import load_ruleset

    ruleset: RuleSet | None = spec if isinstance(spec, RuleSet) else None
    if not isinstance(spec, RuleSet):
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
    from thethuc.annotate import AnnotateError, annotate, is_annotated_name

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
@config_options("Bộ quy tắc: auto (mặc định: hd36, hd05 hoặc nd30 theo từng văn bản), hd36, hd05, nd30 "
                "hoặc đường dẫn tệp YAML.")
@stage_option()
@click.option("--format", "formats", multiple=True, metavar="FMT[:FILE]",
              help=f"Định dạng báo cáo ({', '.join(sorted(REPORTERS))}); lặp lại được, FMT:FILE ghi ra tệp.")
@click.option("--output", "-o", "outputs", multiple=True, metavar="FILE",
              help="Tệp nhận báo cáo, ghép theo thứ tự với --format ('-' là màn hình).")
@click.option("--show-suppressed", is_flag=True, help="In cả các lỗi đã bỏ qua bằng chú thích trong văn bản.")
@click.option("--quiet", "-q", is_flag=True,
              help="Chỉ in mỗi lỗi một dòng và dòng tổng kết (không in tệp đạt).")
@click.option("--statistics", is_flag=True, help="In bảng số lần vi phạm theo mã.")
@click.option("--no-color", is_flag=True, help="Không tô màu (cũng tắt khi đặt biến NO_COLOR).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Số tiến trình kiểm tra song song (báo cáo vẫn theo thứ tự tệp).")
@click.option("--annotate", is_flag=True,
              help="Ghi thêm bản ten.checked.docx: mỗi lỗi là một nhận xét (comment) trong Word.")
@click.option("--convert", is_flag=True,
              help="Chuyển .doc/.odt sang .docx bằng LibreOffice trước khi kiểm tra (bản gốc giữ nguyên).")
@click.option("--no-cache", is_flag=True,
              help="Không dùng bộ nhớ đệm các bộ quy tắc đã đọc (cũng tắt khi đặt biến THETHUC_NO_CACHE=1).")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], ruleset_spec: str | None, select: tuple[str, ...],
            ignore: tuple[str, ...], fail_on: str | None, formats: tuple[str, ...], outputs: tuple[str, ...],
            lang: str | None, config_file: str | None, no_config: bool, show_suppressed: bool, quiet: bool,
            statistics: bool, no_color: bool, jobs: int, convert: bool = False, annotate: bool = False,
            stage: str | None = None, no_cache: bool = False) -> None:
    """Kiểm tra thể thức các tệp Word (.docx, .docm, .dotx) và thư mục."""
    from thethuc.discover import PathNotFoundError, discover

    if no_cache:
        from thethuc.cache import disable

        disable()  # for the worker processes of --jobs too

    say_lang = lang or "vi"
    targets = report_targets(formats, outputs)
    if "-" in paths:  # a Word file is a zip: it is read from a path, never from standard input
        _say(say_lang, "'-' (đầu vào chuẩn) không dùng được: hãy đưa đường dẫn tệp .docx hoặc thư mục",
             "'-' (standard input) is not supported: give paths of .docx files or folders")
        ctx.exit(EXIT_USAGE)
    try:
        candidates = list(discover(paths, convert=convert))
    except PathNotFoundError as err:
        _say(say_lang, f"không tìm thấy đường dẫn: {err.path}", f"no such file or folder: {err.path}")
        ctx.exit(EXIT_USAGE)
    candidates = _say_what_is_skipped(candidates, paths, convert, say_lang)
    plan, first = plan_files(ctx, cli_options(ruleset_spec, select, ignore, fail_on, lang, config_file, no_config,
                                              stage), candidates)
    run_lang, run_fail_on = lang or first.lang, fail_on or first.fail_on
    options = ReportOptions(ruleset=first.ruleset, stage=first.stage, fail_on=run_fail_on, quiet=quiet,  # type: ignore[arg-type]  # fail_on: a str the config validated
                            statistics=statistics, color=False if no_color else None,
                            show_suppressed=show_suppressed)
    files = AtomicOutputs()
    try:
        reporters = [REPORTERS[name](files.open(out) if out else _utf8(sys.stdout), run_lang, options)  # type: ignore[arg-type]  # lang: vi/en, validated as str
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
                                   settings.pipeline_options(cand.path), cand.convert) for cand, settings in plan]
        for (cand, settings), result in zip(plan, check_all(tasks, jobs), strict=True):
            summary = summary.add(result, settings.fail_on)  # type: ignore[arg-type]  # validated severity str
            failing += Summary.of([result]).count_at_or_above(settings.fail_on)  # type: ignore[arg-type]  # validated severity str
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
    except KeyboardInterrupt:
        # Like `audit`: one line and 130, no traceback; report files are not left half written.
        files.abort()
        sys.stdout.flush()
        unwritten = any(out for _, out in targets)
        _say(run_lang, f"đã dừng theo yêu cầu (Ctrl-C) sau {summary.files}/{len(plan)} tệp"
             + ("; không ghi tệp báo cáo" if unwritten else ""),
             f"stopped on request (Ctrl-C) after {summary.files}/{len(plan)} files"
             + ("; no report file written" if unwritten else ""))
        ctx.exit(EXIT_INTERRUPTED)
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
