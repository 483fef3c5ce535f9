"""`thethuc explain CODE`: everything about one rule — why it exists, its values, where it is defined."""
from __future__ import annotations

import enum
import functools
import re
import sys
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

import click

from thethuc.commands import load_ruleset_or_exit
from thethuc.errors import EXIT_USAGE
from thethuc.model import Text
from thethuc.ruleset.select import suggestion
from thethuc.ruleset.types import Rule, RuleSet


def render_value(value: Any, lang: str) -> str:
    """A parameter value as a reader writes it: ranges, lists and nested settings on one line."""
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("có" if value else "không")
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, re.Pattern):
        return value.pattern
    if _has(value, "values", "low", "high"):  # the checks' value matcher: "15", "14–15", "≥ 6"
        return _matcher(value, lang)
    if _has(value, "prop", "matcher"):  # one property assertion of a format rule
        return f"{value.prop} = {render_value(value.matcher, lang)}"
    if is_dataclass(value) and not isinstance(value, type):
        return "; ".join(f"{k}: {v}" for k, v in param_lines(value, lang))
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {render_value(v, lang)}" for k, v in value.items()) + "}"
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(render_value(v, lang) for v in value))
    if isinstance(value, (list, tuple)):
        sep = " | " if any(is_dataclass(v) and not _has(v, "prop", "matcher") for v in value) else ", "
        return sep.join(render_value(v, lang) for v in value)
    if isinstance(value, str) and value and not any(ch.isalnum() for ch in value):
        return f"«{value}»"  # bare punctuation (",", "-") would vanish between separators
    if isinstance(value, str) and lang != "en" and value in _value_words():
        # The YAML value stays (it is what a rule file says), glossed so no bare English is shown.
        return f"{value} ({_value_words()[value]})"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@functools.cache  # built on first use: `thethuc --help` imports this module, not thethuc.checks
def _value_words() -> dict[str, str]:
    from thethuc.checks.wording import VALUES  # start-up time

    words = {key: vi for table in VALUES.values() for key, (vi, _en) in table.items() if isinstance(key, str)}
    # Setting values of the page and run-selection parameters (rules/*.yaml).
    return words | {"top": "trên", "bottom": "dưới", "every": "mọi đoạn chạy", "any": "ít nhất một đoạn chạy",
                    "first": "đoạn chạy đầu", "all": "tất cả"}


def _has(value: Any, *names: str) -> bool:
    return is_dataclass(value) and all(hasattr(value, n) for n in names)


def _matcher(m: Any, lang: str) -> str:
    if m.values:
        return (" or " if lang == "en" else " hoặc ").join(render_value(v, lang) for v in m.values)
    low, high = (render_value(v, lang) if v is not None else None for v in (m.low, m.high))
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is None and high is None:
        return ""  # an unset bound says nothing ("≤ None" before)
    return f"≥ {low}" if low is not None else f"≤ {high}"


def _empty(value: Any) -> bool:
    # A switched-off option (same_size: false) says nothing a reader needs.
    return value is None or value is False or (
        isinstance(value, (tuple, list, dict, set, frozenset, str)) and not value)


def param_lines(params: Any, lang: str) -> list[tuple[str, str]]:
    """(name, value) per setting of a kind's Params, named as the rule file writes it (``from``, not the
    attribute ``start``); unset settings are left out."""
    from thethuc.ruleset.params import yaml_name

    if params is None:
        return []
    if is_dataclass(params) and not isinstance(params, type):
        items = [(yaml_name(f), getattr(params, f.name)) for f in fields(params)]
    elif isinstance(params, Mapping):
        items = list(params.items())
    else:
        return [("", render_value(params, lang))]
    lines = [(str(k), render_value(v, lang)) for k, v in items if not _empty(v)]
    return [(k, v) for k, v in lines if v]


def find_rule(ruleset: RuleSet, wanted: str) -> Rule | None:
    """By code (any case) or by name: ``h002`` and ``tieu-de-format`` both find H002."""
    key = wanted.strip()
    return next((r for r in ruleset.rules if r.code.upper() == key.upper() or r.name == key.lower()), None)


def explanation(rule: Rule, lang: str) -> list[str]:
    """The lines printed for a rule, label first so they read as a form."""
    from thethuc.report import labels as w

    en = lang == "en"
    state = "" if rule.enabled else (" (disabled)" if en else " (đang tắt)")
    lines = [f"{rule.code} {rule.name} — {w.severity_label(rule.severity, lang)}{state}", "",
             rule.description.get(lang).strip(), ""]
    if rule.target:
        targets = ", ".join(f"{t} ({w.element_name(t, lang)})" if w.element_name(t, lang) != t else t
                            for t in rule.target)
        lines.append(f"{'Applies to' if en else 'Áp dụng cho'}: {targets}")
    lines.append(f"{'Kind' if en else 'Loại kiểm tra'}: {rule.kind}")
    values = param_lines(rule.params, lang)
    if values:
        lines.append(f"{'Values' if en else 'Giá trị'}:")
        lines.extend(f"  {k}: {v}" if k else f"  {v}" for k, v in values)
    for stage, variant in rule.stages:  # only what the stage changes
        changed = [(k, v) for k, v in param_lines(variant.params, lang) if (k, v) not in values]
        if variant.severity != rule.severity:
            changed.append(("severity", variant.severity))
        if changed:
            label = {"draft": "dự thảo", "issued": "đã ban hành"}.get(stage, stage)
            lines.append(f"{'At stage' if en else 'Ở giai đoạn'} {stage if en else label} (--stage {stage}): "
                         + ", ".join(f"{k}: {v}" for k, v in changed))
    lines.append(f"{'Grade' if en else 'Bậc tin cậy'}: {rule.grade}")
    if rule.fix:  # what `thethuc fix` does with it (docs/fix.md)
        lines.append(f"{'Fixed by thethuc fix' if en else 'Sửa tự động (thethuc fix)'}: {rule.fix}")
    lines.append(f"{'Source' if en else 'Nguồn'}: {rule.source}")
    lines.append(f"{'Message' if en else 'Thông báo'}: {rule.message.get(lang)}")
    if rule.example:
        lines.append(f"{'Example' if en else 'Ví dụ'}: {rule.example.get(lang)}")
    if rule.origin:
        lines.append(f"{'Defined at' if en else 'Định nghĩa tại'}: {rule.origin}")
    return lines


@click.command("explain")
@click.argument("code")
@click.option("--ruleset", "ruleset_spec", default="hd36", show_default=True,
              help="Bộ quy tắc: hd36, hd05, nd30 hoặc đường dẫn tệp YAML.")
@click.option("--lang", type=click.Choice(("vi", "en")), default="vi", show_default=True)
@click.pass_context
def command(ctx: click.Context, code: str, ruleset_spec: str, lang: str) -> None:
    """Giải thích một quy tắc: mô tả, giá trị, bậc tin cậy, nguồn, ví dụ."""

    ruleset = load_ruleset_or_exit(ctx, ruleset_spec, lang)
    rule = find_rule(ruleset, code)
    if rule is None:
        near = suggestion(ruleset, code)
        if lang == "en":
            hint = f" (did you mean {near}?)" if near else ""
            click.echo(f"thethuc: no rule '{code}' in rule set {ruleset.name}{hint}", err=True)
        else:
            hint = f" (có phải {near} không?)" if near else ""
            click.echo(f"thethuc: không có quy tắc '{code}' trong bộ {ruleset.name}{hint}", err=True)
        ctx.exit(EXIT_USAGE)
    sys.stdout.write("\n".join(explanation(rule, lang)) + "\n")
