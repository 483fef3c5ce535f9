"""`thethuc audit DIR...`: parallel, resumable audit of archive folders with several outputs."""
from __future__ import annotations

import sys

import click
from rich.console import Console

from thethuc.commands.options import stage_option
from thethuc.errors import EXIT_USAGE, RuleSetError


def _check_ruleset(spec: str) -> None:
    """Fail fast on a bad --ruleset instead of turning every file into an error row."""
    if spec == "auto":
        return
    try:
        from thethuc.ruleset import load_ruleset  # noqa: PLC0415
    except ImportError:
        return
    try:
        load_ruleset(spec)
    except RuleSetError as err:
        click.echo(f"thethuc audit: {err}", err=True)
        sys.exit(EXIT_USAGE)


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, metavar="DIR...",
                type=click.Path(exists=True, file_okay=True, dir_okay=True))
@click.option("--ruleset", "-r", default="auto", show_default=True,
              help="Bộ quy tắc: auto, hd36, hd05, nd30 hoặc tệp YAML / rule set or YAML file.")
@stage_option("issued")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Số tiến trình song song (mặc định: mọi nhân) / parallel processes (default: all cores).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Chạy trên cụm Dask sẵn có / run on an existing Dask cluster (thethuc[distributed]).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, writable=True),
              help="Mỗi phát hiện một dòng, UTF-8 có BOM cho Excel / one row per finding.")
@click.option("--jsonl", "jsonl_path", type=click.Path(dir_okay=False, writable=True),
              help="Mỗi tệp một đối tượng JSON / one JSON object per file.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, writable=True),
              help="Trang tổng hợp xem ngoại tuyến / self-contained summary page.")
@click.option("--journal", type=click.Path(dir_okay=False, writable=True),
              help="Nhật ký để chạy tiếp: bỏ qua tệp không đổi / resume journal: skip unchanged files.")
@click.option("--convert", is_flag=True,
              help="Chuyển .doc/.odt sang .docx bằng LibreOffice trước khi kiểm tra (bản gốc giữ nguyên).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error",
              show_default=True, help="Mức phát hiện làm mã thoát 1 / severity that makes exit code 1.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300.0,
              show_default=True, help="Giây tối đa cho mỗi tệp / seconds allowed per file.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Không thanh tiến trình, chỉ một dòng tổng / no progress bar.")
def command(paths: tuple[str, ...], ruleset: str, stage: str, jobs: int | None, scheduler: str | None,
            csv_path: str | None, jsonl_path: str | None, html_path: str | None,
            journal: str | None, convert: bool, fail_on: str, timeout: float, lang: str,
            quiet: bool) -> None:
    """Rà soát thể thức mọi tệp .docx trong các thư mục DIR (song song, chạy tiếp được).

    Audit every Word file under the given folders; exit 0 all conforming, 1 findings,
    3 unreadable files, 130 interrupted.
    """
    from thethuc.audit.pool import WorkersBrokenError, prestart  # noqa: PLC0415

    if scheduler is None:
        prestart()  # the workers' imports load on another core while we check the rule set
    from thethuc.audit.cluster import ClusterSetupError
    from thethuc.audit.runner import AuditOptions, run_audit
    from thethuc.audit.terminal import ProgressBar, one_line, print_interrupted, print_summary

    _check_ruleset(ruleset)
    opts = AuditOptions(roots=paths, ruleset=ruleset, stage=stage, jobs=jobs, scheduler=scheduler, csv=csv_path,
                        jsonl=jsonl_path, html=html_path, journal=journal, convert=convert,
                        lang=lang, fail_on=fail_on, timeout=timeout)
    # Piped into a file or a pager, lines are not cut at 80 columns: paths stay whole.
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    try:
        outcome = run_audit(opts, progress=None if quiet else ProgressBar(lang))
    except (ClusterSetupError, WorkersBrokenError) as err:
        click.echo(f"thethuc audit: {err}", err=True)
        sys.exit(EXIT_USAGE)
    if quiet:
        click.echo(one_line(outcome.summary, lang))  # one line, never wrapped, even when piped
    else:
        print_summary(outcome.summary, out, lang, tuple(paths))
    if outcome.interrupted:
        print_interrupted(outcome.summary, Console(stderr=True, highlight=False), lang)
    sys.exit(outcome.exit_code)
