"""Validate one merged rule mapping into a ``Rule``: common keys here, kind keys in the kind.

Every error names the file and line that wrote the offending key (the child file for an
override, the parent for an inherited value).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from thethuc.model import Severity, Text
from thethuc.ruleset.nodes import (
    LDict,
    Where,
    as_bool,
    as_choice,
    as_mapping,
    as_roles,
    as_str,
    as_text,
    check_keys,
    require,
    suggest,
)
from thethuc.ruleset.params import yaml_keys
from thethuc.ruleset.types import FIX_KINDS, GRADE_SEVERITY, Rule

if TYPE_CHECKING:
    from thethuc.checks.kind import Kind  # the check stage imports this package's types

COMMON_KEYS = ("name", "kind", "grade", "source", "target", "description", "message", "example",
               "severity", "enabled", "stages", "fix")
GRADES = ("A", "B", "C", "U", "A/B", "A/C", "B/C", "C/U")
SEVERITIES = ("error", "warning", "info")
_CODE = re.compile(r"^[A-Z]{1,3}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _kinds() -> Mapping[str, Kind[Any]]:
    from thethuc.checks import KINDS  # the check stage imports this package's types
    return KINDS


def _default_target(kind_name: str, params: Any) -> tuple[str, ...]:
    """The target of a rule that names none: what its kind reads from its params, else none."""
    from thethuc.checks import DEFAULT_TARGETS

    hook = DEFAULT_TARGETS.get(kind_name)
    return tuple(hook.default_target(params)) if hook is not None else ()


def check_code(code: str, where: Where) -> None:
    if not _CODE.match(code):
        raise where.error(Text(f"'{code}' không phải mã quy tắc (1–3 chữ cái in hoa rồi ba chữ số, ví dụ H002)",
                               f"'{code}' is not a rule code (1–3 capital letters then three digits, e.g. H002)"))


def _kind(node: LDict) -> tuple[str, Kind[Any]]:
    kinds = _kinds()
    name = as_str(require(node, "kind", Text("quy tắc", "a rule")), node.at("kind"), "kind")
    if name not in kinds:
        hint, listed = suggest(name, kinds), ", ".join(sorted(kinds))
        raise node.at("kind").error(Text(f"không có loại kiểm tra (kind) '{name}'{hint.vi}; các loại: {listed}",
                                         f"unknown kind '{name}'{hint.en}; kinds are {listed}"))
    return name, kinds[name]


def _stage_variants(code: str, node: LDict) -> tuple[tuple[str, Rule], ...]:
    """``stages: {draft: {blank: to-fill}}`` → the rule rebuilt per stage with those keys on top.

    Any rule key may change per stage (severity, enabled, a kind's key); a stage may not change
    the kind or nest another ``stages``.
    """
    from thethuc.model import STAGES
    from thethuc.ruleset.loader import merge_nodes  # the loader imports this module

    stages = as_mapping(node["stages"], node.at("stages"), "stages")
    variants: list[tuple[str, Rule]] = []
    for stage, raw in stages.items():
        at = stages.at(stage)
        if stage not in STAGES:
            hint, listed = suggest(str(stage), STAGES), ", ".join(STAGES)
            raise at.error(Text(f"giai đoạn không hợp lệ '{stage}'{hint.vi}; các giai đoạn: {listed}",
                                f"unknown stage '{stage}'{hint.en}; stages are {listed}"))
        override = as_mapping(raw, at, Text(f"stages.{stage}", f"stages.{stage}"))
        for key in ("kind", "stages"):
            if key in override:
                raise override.at(key).error(Text(f"'stages.{stage}' không được đổi '{key}'",
                                                  f"'stages.{stage}' cannot change '{key}'"))
        base = LDict({k: v for k, v in node.items() if k != "stages"})
        base.where, base.key_where = node.where, {k: node.at(k) for k in base}
        variants.append((str(stage), build_rule(code, merge_nodes(base, override), node.where)))
    return tuple(variants)


def build_rule(code: str, node: Any, where: Where) -> Rule:
    """The typed Rule for ``code`` from its (merged) mapping."""
    check_code(code, where)
    rule = Text(f"quy tắc {code}", f"rule {code}")
    node = as_mapping(node, where, rule)
    kind_name, kind = _kind(node)
    check_keys(node, (*COMMON_KEYS, *sorted(yaml_keys(kind.Params))),
               Text(f"quy tắc {code} (loại {kind_name})", f"rule {code} (kind {kind_name})"))
    name = as_str(require(node, "name", rule), node.at("name"), "name")
    if not _NAME.match(name):
        raise node.at("name").error(Text(
            f"tên quy tắc '{name}' phải viết thường, nối bằng gạch ngang (ví dụ tieu-de-format)",
            f"rule name '{name}' must be kebab-case (e.g. tieu-de-format)"))
    grade = as_choice(require(node, "grade", rule), node.at("grade"), "grade", GRADES)
    # as_choice has checked it is one of SEVERITIES
    severity = cast("Severity", as_choice(node["severity"], node.at("severity"), "severity", SEVERITIES)) \
        if "severity" in node else GRADE_SEVERITY[grade[0]]
    params = kind.parse(node, node.where)
    target = as_roles(node["target"], node.at("target")) if "target" in node else _default_target(kind_name, params)
    return Rule(
        code=code, name=name, kind=kind_name, severity=severity, grade=grade,
        source=as_str(require(node, "source", rule), node.at("source"), "source"),
        description=as_text(require(node, "description", rule), node.at("description"), "description"),
        message=as_text(require(node, "message", rule), node.at("message"), "message"),
        target=target, params=params,
        enabled=as_bool(node.get("enabled", True), node.at("enabled"), "enabled"),
        example=as_text(node["example"], node.at("example"), "example") if "example" in node else None,
        fix=_fix(node),
        origin=f"{where.file}:{where.line}",
        stages=_stage_variants(code, node) if "stages" in node else ())


def _fix(node: LDict) -> str | None:
    """``fix: <kind>`` (or ``fix: off`` in an override): how ``thethuc fix`` repairs this rule."""
    if "fix" not in node or node["fix"] in (None, False, "off"):
        return None
    return as_choice(node["fix"], node.at("fix"), "fix", FIX_KINDS)
