"""``thethuc inspect FILE``: show what the loader (and, when available, the recogniser) sees."""
from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from thethuc.errors import EXIT_UNREADABLE, DocxInputError
from thethuc.model import Document


def _recognised(doc: Document) -> tuple[Document, Sequence[str | None] | None]:
    """The document as the recogniser reads it (a paragraph holding several elements shown as its
    lines) and its roles; the loaded document and None while the recogniser is not available."""
    try:
        from thethuc.recognise import recognise  # optional stage, imported lazily
    except (ImportError, AttributeError):
        return doc, None
    rec = recognise(doc)
    return rec.doc, rec.roles


@click.command(name="inspect")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--part", type=click.Choice(["document", "header", "footer", "all"]), default="all",
              show_default=True, help="Phần cần hiển thị / which part to show.")
@click.option("--all-runs", is_flag=True, help="Mỗi run một dòng / one row per run.")
def command(file: str, part: str, all_runs: bool) -> None:
    """Hiển thị định dạng thực tế của từng đoạn (effective formatting per paragraph)."""
    from thethuc.load import load_document  # keeps `thethuc --help` fast
    from thethuc.report.inspect import render

    try:
        doc = load_document(file)
    except DocxInputError as err:
        click.echo(str(err), err=True)
        raise SystemExit(EXIT_UNREADABLE) from None
    # A pipe or a test runner has no terminal width; wide rows beat wrapped cells there.
    from rich.console import Console  # `thethuc --help` imports this module

    console = Console() if sys.stdout.isatty() else Console(width=200)
    shown, roles = _recognised(doc)
    render(shown, console, roles, part=part, all_runs=all_runs)
