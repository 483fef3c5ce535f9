"""Options shared by the commands that check documents (check, audit, fix): which rule set, which
rules, when to fail, which language, which configuration file, which stage.

One declaration, so the commands accept the same words with the same meaning; the values go to
``config.CliOptions``, where "not given" (None) lets a configuration file decide.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from thethuc.model import STAGES

if TYPE_CHECKING:  # thethuc.config imports yaml: `thethuc --help` declares these options, never runs them
    from thethuc.config import CliOptions

F = TypeVar("F", bound=Callable[..., Any])
SEVERITIES = ("error", "warning", "info")


STAGE_HELP = ("Giai đoạn văn bản: draft (dự thảo — số, ngày để trống là thông tin, điền khi ban hành) "
              "hoặc issued (đã ban hành — thiếu số, ngày là lỗi)")


def stage_option(default: str | None = None) -> Callable[[F], F]:
    """``--stage draft|issued``; passes ``stage`` (None when not given and ``default`` is None: the
    configuration's key ``stage`` decides, whose own default is ``draft``)."""
    shown = f"; mặc định {default}" if default else "; mặc định draft hoặc khóa stage của tệp cấu hình"
    return click.option("--stage", "stage", type=click.Choice(STAGES), default=default,
                        help=f"{STAGE_HELP}{shown}.")


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``--ignore B001,B002 --ignore H`` → ("B001", "B002", "H"): comma-separated and repeatable."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def config_options(ruleset_help: str) -> Callable[[F], F]:
    """--ruleset, --select, --ignore, --fail-on, --lang, --config, --no-config, as keyword
    arguments ruleset_spec, select, ignore, fail_on, lang, config_file, no_config."""
    options = [
        click.option("--ruleset", "-r", "ruleset_spec", default=None, help=ruleset_help),
        click.option("--select", multiple=True, help="Chỉ kiểm tra các mã/tiền tố/tên này (phân cách bằng dấu phẩy)."),
        click.option("--ignore", multiple=True, help="Bỏ qua các mã/tiền tố/tên này (phân cách bằng dấu phẩy)."),
        click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
                     help="Mức thấp nhất làm lệnh thất bại (mã thoát 1); mặc định error."),
        click.option("--lang", type=click.Choice(("vi", "en")), default=None, help="Ngôn ngữ báo cáo (mặc định vi)."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
                     help="Dùng tệp cấu hình này cho mọi văn bản (không tìm .thethuc.yaml)."),
        click.option("--no-config", is_flag=True, help="Bỏ qua mọi tệp cấu hình .thethuc.yaml / pyproject.toml."),
    ]

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def cli_options(ruleset_spec: str | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
                lang: str | None, config_file: str | None, no_config: bool, stage: str | None = None) -> CliOptions:
    """What the command line said, for the configuration resolver."""
    from thethuc.config import CliOptions  # start-up time

    selected, ignored = split_codes(select), split_codes(ignore)
    return CliOptions(ruleset=ruleset_spec, select=selected or None, ignore=ignored or None,
                      fail_on=fail_on, lang=lang, config=config_file, isolated=no_config, stage=stage)
