"""`thethuc annotate PATH...`: `thethuc check --annotate` under its own name.

Same options, report and exit codes as ``check``; each checked file also gets ``ten.checked.docx``,
the document with one Word comment per finding.
"""
from __future__ import annotations

from typing import Any

import click

from thethuc.commands import check


@click.pass_context
def _run(ctx: click.Context, **options: Any) -> None:
    ctx.invoke(check.command, annotate=True, **options)


command = click.Command(
    "annotate", callback=_run,
    params=[param for param in check.command.params if param.name != "annotate"],
    help="Kiểm tra và ghi bản ten.checked.docx có nhận xét (comment) Word cho từng lỗi.",
)
