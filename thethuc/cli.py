"""The ``thethuc`` command group. Each subcommand lives in ``thethuc/commands/<name>.py``."""
from __future__ import annotations

import importlib
import importlib.util

import click

from thethuc import __version__

# name → module in thethuc.commands that defines a click command called ``command``.
COMMANDS = ("check", "annotate", "audit", "inspect", "rules", "explain", "init")


class LazyGroup(click.Group):
    """Import a subcommand only when it runs, so `thethuc check` starts fast (pre-commit)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if importlib.util.find_spec(f"thethuc.commands.{name}")]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        try:
            module = importlib.import_module(f"thethuc.commands.{cmd_name}")
        except ModuleNotFoundError:
            return None
        return module.command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thethuc")
def main() -> None:
    """thethuc — kiểm tra thể thức văn bản của Đảng (HD36, HD05) và văn bản hành chính (NĐ 30)."""
