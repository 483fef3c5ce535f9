"""Options shared by several commands, so `check`, `audit` and later commands (`fix`) spell them alike.

``stage_option(default)`` is the ``--stage draft|issued`` option; ``default`` None leaves the value to
the project configuration (key ``stage``), whose own default is ``draft`` (see thethuc.config).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from thethuc.model import STAGES

F = TypeVar("F", bound=Callable[..., object])

STAGE_HELP = ("Giai đoạn văn bản: draft (dự thảo — số, ngày để trống là thông tin, điền khi ban hành) "
              "hoặc issued (đã ban hành — thiếu số, ngày là lỗi)")


def stage_option(default: str | None = None) -> Callable[[F], F]:
    """``--stage draft|issued``; passes ``stage`` (None when not given and ``default`` is None)."""
    shown = f"; mặc định {default}" if default else "; mặc định draft hoặc khóa stage của tệp cấu hình"
    return click.option("--stage", "stage", type=click.Choice(STAGES), default=default,
                        help=f"{STAGE_HELP}{shown}.")
