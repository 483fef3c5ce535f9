"""Kind ``unrecognised``: the file does not have the layout of an official document at all.

Archives hold forms, CVs, contracts and appendices saved on their own. Checked element by element,
such a file gets a score of "missing" findings that tell a clerk nothing; said once, the verdict is
useful. Keys: ``core`` (the roles that make a header block), ``min_found`` (fewer of them found →
the verdict), ``silence`` (codes or prefixes the engine then does not run).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thethuc.checks.common import make_finding
from thethuc.model import Finding, Recognised, Text
from thethuc.ruleset.nodes import LDict, Where, as_int, as_roles, as_str_list, kind_rule, require
from thethuc.ruleset.types import Rule

KEYS = frozenset({"core", "min_found", "silence"})


@dataclass(frozen=True, slots=True)
class Params:
    core: tuple[str, ...]
    min_found: int
    silence: tuple[str, ...] = ()


def parse(node: LDict, where: Where) -> Params:
    return Params(as_roles(require(node, "core", kind_rule("unrecognised")), node.at("core"), "core"),
                  as_int(node.get("min_found", 2), node.at("min_found"), "min_found"),
                  as_str_list(node.get("silence", []), node.at("silence"), "silence"))


def _found(params: Params, rec: Recognised) -> list[str]:
    present = set(rec.roles)
    return [role for role in params.core if role in present]


def _fires(params: Params, rec: Recognised) -> bool:
    return len(_found(params, rec)) < params.min_found


def silenced(params: Params, rec: Recognised) -> tuple[str, ...]:
    return params.silence if _fires(params, rec) else ()


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if not _fires(params, rec):
        return
    found = ", ".join(_found(params, rec)) or "—"
    yield make_finding(
        rule, rec, None, element=None,
        expected=Text(f"ít nhất {params.min_found} thành phần của phần đầu văn bản",
                      f"at least {params.min_found} elements of the header block"),
        actual=Text(f"chỉ nhận ra: {found} (biểu mẫu, phụ lục tách rời hay văn bản không theo thể thức?)",
                    f"only found: {found} (a form, a detached appendix, or a document without the layout?)"))
