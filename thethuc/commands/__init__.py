"""The subcommands of `thethuc`, one module each; cli.py imports them lazily."""
from __future__ import annotations

import click

from thethuc.errors import EXIT_USAGE, RuleSetError
from thethuc.ruleset.types import RuleSet


def load_ruleset_or_exit(ctx: click.Context, spec: str, lang: str) -> RuleSet:
    """The rule set, or its one-line error on stderr and exit 2 (rules, explain)."""
    from thethuc.ruleset import load_ruleset  # start-up time

    try:
        return load_ruleset(spec)
    except RuleSetError as err:
        click.echo(f"thethuc: {err.render(lang)}", err=True)
        ctx.exit(EXIT_USAGE)
        raise  # unreachable: ctx.exit raises
