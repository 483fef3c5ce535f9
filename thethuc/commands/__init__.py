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


def ready_to_check() -> None:
    """Import what checking a file takes, then keep the collector off what the imports made.

    The stages are imported lazily (``thethuc --help`` needs none of them); once they are, their
    functions, classes, regexes and tables live as long as the process, yet every full collection
    during the check walked them all again. ``gc.freeze()`` moves them to the permanent generation:
    the CLI's own process, never a library call. −3.8 % of a one-file check's instructions, the
    pre-commit hook's case (benchmarks/README.md).
    """
    import gc

    from thethuc import checks, load, recognise, ruleset, suppress  # noqa: F401  # what stages.run_stages imports

    gc.freeze()
