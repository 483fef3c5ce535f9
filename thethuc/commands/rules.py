"""`thethuc rules`: a table of every rule of a rule set (code, name, severity, grade, description)."""
from __future__ import annotations

import sys

import click

from thethuc.commands import load_ruleset_or_exit
from thethuc.model import Text

DESCRIPTION_CHARS = 90
# The decision on what a code means, said where the codes are listed: codes are published and stable
# per rule set, so a code names a rule only together with its rule set, and every total groups so.
CODES_NOTE = Text(
    "Mã quy tắc có nghĩa trong bộ quy tắc của nó: cùng một mã ở hai bộ có thể là hai quy tắc khác nhau "
    "(H002 là tieu-de-format trong hd36, quoc-hieu-format trong nd30). Các bảng tổng hợp (check "
    "--statistics, audit, HTML, CSV, JSON) đếm theo bộ quy tắc và mã.",
    "A rule code has its meaning within its rule set: the same code in two rule sets may be two different "
    "rules (H002 is tieu-de-format in hd36, quoc-hieu-format in nd30). Every total (check --statistics, "
    "audit, HTML, CSV, JSON) counts by rule set and code.")


def first_sentence(text: str) -> str:
    """The description's first line up to its first full stop: the table's one line per rule."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    head, dot, rest = line.partition(". ")
    return head + "." if dot and rest else line


def changed_here(origin: str, files: tuple[str, ...]) -> bool:
    """Whether a rule was last written by the rule set's own file (the end of its extends chain)."""
    return bool(files) and origin.rpartition(":")[0] == files[-1]


@click.command("rules")
@click.option("--ruleset", "ruleset_spec", default="hd36", show_default=True,
              help="Bộ quy tắc: hd36, hd05, nd30 hoặc đường dẫn tệp YAML.")
@click.option("--lang", type=click.Choice(("vi", "en")), default="vi", show_default=True)
@click.option("--no-color", is_flag=True, help="Không tô màu.")
@click.pass_context
def command(ctx: click.Context, ruleset_spec: str, lang: str, no_color: bool) -> None:
    """Liệt kê các quy tắc của bộ quy tắc."""
    from rich import box
    from rich.table import Table
    from rich.text import Text as RichText

    from thethuc.report import labels as w
    from thethuc.report.text import SEVERITY_STYLE, make_console

    ruleset = load_ruleset_or_exit(ctx, ruleset_spec, lang)
    en = lang == "en"
    console = make_console(sys.stdout, False if no_color else None)
    table = Table(box=box.SIMPLE_HEAD, title=f"{ruleset.name} — {ruleset.title.get(lang)}")
    headers = [("code", "mã"), ("name", "tên"), ("severity", "mức"), ("grade", "bậc"), ("description", "mô tả")]
    if ruleset.extends:  # a derived set (hd05 extends hd36): mark what its own file changes or adds
        headers.insert(0, (f"changed from {ruleset.extends}", f"khác {ruleset.extends}"))
    for header in headers:
        table.add_column(header[0] if en else header[1], overflow="fold")
    for rule in ruleset.rules:
        severity = (RichText(w.severity_label(rule.severity, lang), style=SEVERITY_STYLE[rule.severity])
                    if rule.enabled else RichText("off" if en else "tắt", style="dim"))
        cells: list[str | RichText] = [rule.code, rule.name, severity, rule.grade,
                 w.excerpt(first_sentence(rule.description.get(lang)), DESCRIPTION_CHARS)]
        if ruleset.extends:
            cells.insert(0, "✎" if changed_here(rule.origin, ruleset.files) else "")
        table.add_row(*cells)
    console.print(table)
    console.print(CODES_NOTE.get(lang), style="dim")
