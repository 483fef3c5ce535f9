"""The ``thethuc`` command group. Each subcommand lives in ``thethuc/commands/<name>.py``."""
from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from typing import Any

import click

from thethuc import __version__, clickvi

# name → module in thethuc.commands that defines a click command called ``command``.
COMMANDS = ("check", "fix", "annotate", "audit", "inspect", "rules", "explain", "init")


class LazyGroup(click.Group):
    """Import a subcommand only when it runs, so `thethuc check` starts fast (pre-commit)."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        # click's own messages (usage errors, help headings) follow --lang like ours.
        lang = clickvi.lang_of(list(sys.argv[1:] if args is None else args))
        clickvi.install(lang)
        self.subcommand_metavar = clickvi.SUBCOMMAND_METAVAR[lang]
        self.options_metavar = clickvi.OPTIONS_METAVAR[lang]
        self._lang = lang
        return super().main(args, *rest, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if importlib.util.find_spec(f"thethuc.commands.{name}")]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        try:
            module = importlib.import_module(f"thethuc.commands.{cmd_name}")
        except ModuleNotFoundError:
            return None
        command: click.Command = module.command
        command.options_metavar = clickvi.OPTIONS_METAVAR[getattr(self, "_lang", "vi")]
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
# Worded here: click's own help and message are made at import time, before --lang is known.
@click.version_option(__version__, prog_name="thethuc", message="%(prog)s %(version)s",
                      help="Hiện phiên bản rồi thoát / show the version and exit.")
def main() -> None:
    """thethuc — kiểm tra thể thức văn bản của Đảng (HD36, HD05) và văn bản hành chính (NĐ 30)."""
