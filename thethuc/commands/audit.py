"""`thethuc audit DIR...`: parallel, resumable audit of archive folders with several outputs."""
from __future__ import annotations

import sys
from typing import NoReturn

import click

from thethuc.commands.options import cli_options, config_options, stage_option
from thethuc.errors import EXIT_USAGE, RuleSetError
from thethuc.model import Text


def _check_ruleset(spec: str, lang: str = "vi") -> None:
    """Fail fast on a bad --ruleset instead of turning every file into an error row."""
    if spec == "auto":
        return
    from thethuc.ruleset import load_ruleset
    try:
        load_ruleset(spec)
    except RuleSetError as err:
        click.echo(f"thethuc audit: {err.render(lang)}", err=True)
        sys.exit(EXIT_USAGE)


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, metavar="DIR...",
                type=click.Path(exists=True, file_okay=True, dir_okay=True))
@config_options("Bộ quy tắc: auto (mặc định), hd36, hd05, nd30 hoặc tệp YAML; mặc định theo .thethuc.yaml "
                "như check / rule set or YAML file (default: the configuration's, else auto).")
@stage_option("issued")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Số tiến trình song song (mặc định: mọi nhân) / parallel processes (default: all cores).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Chạy trên cụm Dask sẵn có / run on an existing Dask cluster (thethuc[distributed]).")
@click.option("--csv", "csv_path", metavar="FILE",
              help="Mỗi phát hiện một dòng, tệp không có phát hiện cũng một dòng; UTF-8 có BOM cho Excel "
                   "/ one row per finding, and one per file without findings.")
@click.option("--jsonl", "jsonl_path", metavar="FILE",
              help="Mỗi tệp một đối tượng JSON (cả tệp định dạng cũ) / one JSON object per file (old formats too).")
@click.option("--html", "html_path", metavar="FILE",
              help="Trang tổng hợp xem ngoại tuyến / self-contained summary page.")
@click.option("--journal", metavar="FILE",
              help="Nhật ký để chạy tiếp: bỏ qua tệp không đổi / resume journal: skip unchanged files.")
@click.option("--convert", is_flag=True,
              help="Chuyển .doc/.odt sang .docx bằng LibreOffice trước khi kiểm tra (bản gốc giữ nguyên).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300.0,
              show_default=True, help="Giây tối đa cho mỗi tệp / seconds allowed per file.")
@click.option("--quiet", "-q", is_flag=True, help="Không thanh tiến trình, chỉ một dòng tổng / no progress bar.")
def command(paths: tuple[str, ...], ruleset_spec: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
            fail_on: str | None, lang: str | None, config_file: str | None, no_config: bool, stage: str,
            jobs: int | None, scheduler: str | None, csv_path: str | None, jsonl_path: str | None,
            html_path: str | None, journal: str | None, convert: bool, timeout: float, quiet: bool) -> None:
    """Rà soát thể thức mọi tệp .docx trong các thư mục DIR (song song, chạy tiếp được).

    Audit every Word file under the given folders; exit 0 all conforming, 1 findings,
    3 unreadable files, 130 interrupted.
    """
    from thethuc.audit.paths import output_problem, scheduler_address
    from thethuc.audit.pool import WorkersBrokenError, prestart

    cli = cli_options(ruleset_spec, select, ignore, fail_on, lang, config_file, no_config)

    def usage_error(message: Text) -> NoReturn:
        click.echo(f"thethuc audit: {message.get(lang or 'vi')}", err=True)
        sys.exit(EXIT_USAGE)

    # Every argument that could fail the run is checked before any file is read: an --html into a
    # missing folder must not cost a whole archive's audit.
    for option, path in (("--csv", csv_path), ("--jsonl", jsonl_path), ("--html", html_path),
                         ("--journal", journal)):
        problem = output_problem(option, path) if path else None
        if problem is not None:
            usage_error(problem)
    if scheduler is not None:
        try:
            scheduler = scheduler_address(scheduler)
        except ValueError as err:
            usage_error(err.args[0])

    if scheduler is None:
        prestart()  # the workers' imports load on another core while we check the rule set
    from thethuc.audit.cluster import ClusterSetupError
    from thethuc.audit.runner import AuditOptions, run_audit
    from thethuc.audit.terminal import ProgressBar, one_line, print_interrupted, print_summary

    if ruleset_spec is not None:
        _check_ruleset(ruleset_spec, lang or "vi")
    opts = AuditOptions(roots=paths, ruleset=cli.ruleset, stage=stage, jobs=jobs, scheduler=scheduler, csv=csv_path,
                        jsonl=jsonl_path, html=html_path, journal=journal, convert=convert,
                        lang=cli.lang, fail_on=cli.fail_on, select=cli.select, ignore=cli.ignore,
                        config=cli.config, isolated=cli.isolated, timeout=timeout)
    # Piped into a file or a pager, lines are not cut at 80 columns: paths stay whole.
    from rich.console import Console  # `thethuc --help` imports this module

    out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    try:
        outcome = run_audit(opts, progress=None if quiet else ProgressBar(lang or "vi"))
    except RuleSetError as err:  # a configuration, a rule file it names, or --select/--ignore
        usage_error(Text(err.render("vi"), err.render("en")))
    except (ClusterSetupError, WorkersBrokenError) as err:
        click.echo(f"thethuc audit: {err}", err=True)
        sys.exit(EXIT_USAGE)
    lang = outcome.lang
    if quiet:
        click.echo(one_line(outcome.summary, lang))  # one line, never wrapped, even when piped
    else:
        print_summary(outcome.summary, out, lang, tuple(paths))
    if outcome.interrupted:
        print_interrupted(outcome.summary, Console(stderr=True, highlight=False), lang)
    sys.exit(outcome.exit_code)
