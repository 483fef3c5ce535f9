"""Find rule files (built-in names or paths), follow ``extends``, deep-merge, build the RuleSet.

A child file overrides its parent key by key (``expect: {size_pt: 14}`` changes only the size),
``off`` disables a rule and ``on`` re-enables it; a new code must be a complete rule.
"""
from __future__ import annotations

import contextlib
import importlib.resources
import re
from pathlib import Path
from typing import Any

from thethuc.errors import RuleSetError
from thethuc.model import Text
from thethuc.ruleset.nodes import (
    LDict,
    Where,
    as_mapping,
    as_str,
    as_str_list,
    as_text,
    check_keys,
    load_yaml_file,
    require,
    suggest,
    to_plain,
)
from thethuc.ruleset.schema import build_rule, check_code
from thethuc.ruleset.types import Rule, RuleSet

TOP_KEYS = ("ruleset", "title", "description", "extends", "rules", "select", "ignore", "fail-on")
_BUILTIN = re.compile(r"^[a-z][a-z0-9_-]*$")
_MAX_DEPTH = 8
_RULE_FILE = Text("tệp quy tắc", "a rule file")


def builtin_path(name: str) -> Path | None:
    """``rules/<name>.yaml`` shipped as the package data ``thethuc.rules`` (or the source tree)."""
    try:
        candidate = importlib.resources.files("thethuc.rules") / f"{name}.yaml"
        if candidate.is_file():
            return Path(str(candidate))
    except ModuleNotFoundError:
        pass
    fallback = Path(__file__).resolve().parents[2] / "rules" / f"{name}.yaml"
    return fallback if fallback.is_file() else None


def builtin_names() -> tuple[str, ...]:
    """The built-in rule set names, from the package data and (in a source tree) ``rules/``."""
    found: set[str] = set()
    # Installed, ``thethuc.rules`` is a namespace package: files() gives a MultiplexedPath,
    # whose str() is no folder, so it is walked with iterdir() rather than globbed.
    with contextlib.suppress(ModuleNotFoundError, TypeError, OSError):
        found = {Path(entry.name).stem for entry in importlib.resources.files("thethuc.rules").iterdir()
                 if entry.name.endswith(".yaml") and entry.is_file()}
    folder = Path(__file__).resolve().parents[2] / "rules"
    return tuple(sorted(found | {p.stem for p in folder.glob("*.yaml")}))


def locate(spec: str, relative_to: Path | None = None, where: Where | None = None) -> tuple[Path, str]:
    """(path, name shown in messages) of a built-in name or a file path."""
    if _BUILTIN.match(spec) and not spec.endswith((".yaml", ".yml")):
        path = builtin_path(spec)
        if path is None:
            hint, known = suggest(spec, builtin_names()), ", ".join(builtin_names())
            message = Text(f"không có bộ quy tắc '{spec}'{hint.vi}; các bộ có sẵn: {known}",
                           f"unknown rule set '{spec}'{hint.en}; built-in rule sets: {known}")
            raise (where.error(message) if where else RuleSetError(spec, None, message))
        return path, f"rules/{spec}.yaml"
    path = Path(spec).expanduser()
    if not path.is_absolute() and relative_to is not None:
        path = relative_to / path
    if not path.is_file():
        message = Text(f"không tìm thấy tệp quy tắc: {path}", f"rule file not found: {path}")
        raise (where.error(message) if where else RuleSetError(spec, None, message))
    return path, str(spec if relative_to is None else path)


# ---------------------------------------------------------------- merging


def _merge(base: Any, over: Any) -> Any:
    """Deep merge of two LDicts (``over`` wins key by key; lists and scalars are replaced).

    A key set to null (``multiple: ~``) removes the inherited key: hd05's B006 drops hd36's
    "1.0–1.5 lines" alternative and keeps only "exactly 18–22 pt".
    """
    if not (isinstance(base, LDict) and isinstance(over, LDict)):
        return over
    merged = LDict()
    merged.where, merged.key_where = over.where, {}
    for key in (*base, *(k for k in over if k not in base)):
        if key in over and over[key] is None and key in base:
            continue
        if key in over:
            merged[key] = _merge(base.get(key), over[key])
            merged.key_where[key] = over.at(key)
        else:
            merged[key], merged.key_where[key] = base[key], base.at(key)
    return merged


merge_nodes = _merge  # the schema builds a rule's per-stage variants with the same merge


def _switch(rule: LDict, enabled: bool, where: Where) -> LDict:
    switch = LDict(enabled=enabled)
    switch.where, switch.key_where = where, {"enabled": where}
    merged: LDict = _merge(rule, switch)
    return merged


def merge_rules(parent: dict[str, LDict], child: LDict) -> dict[str, LDict]:
    merged = dict(parent)
    for code, value in child.items():
        where = child.at(code)
        check_code(code, where)
        toggle = value if isinstance(value, bool) else {"off": False, "on": True}.get(value) \
            if isinstance(value, str) else None
        if toggle is not None:
            if code not in parent:
                hint = suggest(code, parent)
                raise where.error(Text(f"không thể {'bật' if toggle else 'tắt'} quy tắc {code} vì bộ quy tắc gốc "
                                       f"không có mã này{hint.vi}",
                                       f"cannot turn {'on' if toggle else 'off'} unknown rule {code}{hint.en}"))
            merged[code] = _switch(parent[code], toggle, where)
            continue
        node = as_mapping(value, where, Text(f"quy tắc {code}", f"rule {code}"))
        if parent and code not in parent and "kind" not in node:
            # An override of a code the parent does not have is a typo far more often than a new
            # rule (a new rule has a kind): say so, rather than "needs 'kind'".
            hint = suggest(code, parent)
            raise where.error(Text(
                f"không có quy tắc {code} trong bộ quy tắc gốc{hint.vi}; một quy tắc mới cần đủ các khóa "
                "(kind, name, grade, source, description, message)",
                f"no such rule {code} in the parent rule set{hint.en}; a new rule needs all its keys "
                "(kind, name, grade, source, description, message)"))
        merged[code] = _merge(parent[code], node) if code in parent else node
        merged[code].where = where
    return merged


# ---------------------------------------------------------------- loading a chain


def _read(path: Path, shown: str, depth: int, seen: tuple[str, ...], sources: dict[str, str] | None = None,
          ) -> tuple[LDict, dict[str, LDict], list[str], str | None]:
    """(top mapping, merged rules, file chain base first, parent name) of one file and its parents;
    ``sources`` collects each file's text by its absolute path."""
    data = load_yaml_file(path, shown, sources)
    check_keys(data, TOP_KEYS, _RULE_FILE)
    own = as_mapping(require(data, "rules", _RULE_FILE), data.at("rules"), "rules")
    parent_spec = data.get("extends")
    if parent_spec is None:
        return data, merge_rules({}, own), [shown], None
    spec = as_str(parent_spec, data.at("extends"), "extends")
    parent_path, parent_shown = locate(spec, path.parent, data.at("extends"))
    if str(parent_path.resolve()) in seen or depth >= _MAX_DEPTH:
        raise data.at("extends").error(Text(f"'extends: {spec}' tạo thành vòng lặp (tệp kế thừa lại chính nó)",
                                            f"'extends: {spec}' makes a cycle"))
    _, parent_rules, chain, _ = _read(parent_path, parent_shown, depth + 1, (*seen, str(parent_path.resolve())),
                                      sources)
    return data, merge_rules(parent_rules, own), [*chain, shown], spec


def _settings(data: LDict) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in data:
            settings[key] = as_str_list(data[key], data.at(key), key)
    if "fail-on" in data:
        settings["fail-on"] = as_str(data["fail-on"], data.at("fail-on"), "fail-on")
    plain: dict[str, Any] = to_plain(settings)
    return plain


def load_file(path: Path, shown: str, sources: dict[str, str] | None = None) -> RuleSet:
    """The rule file at ``path`` (named ``shown`` in messages) with its ``extends`` chain, validated;
    ``sources`` collects the text of every file read, by absolute path (for thethuc/cache.py)."""
    data, rules, chain, parent = _read(path, shown, 0, (str(path.resolve()),), sources)
    built: list[Rule] = [build_rule(code, node, node.where) for code, node in rules.items()]
    name = as_str(data.get("ruleset", path.stem), data.at("ruleset"), "ruleset")
    title = as_text(data["title"], data.at("title"), "title") if "title" in data else Text(name, name)
    return RuleSet(name=name, title=title, rules=tuple(built),
                   files=tuple(chain), extends=parent, settings=_settings(data))


def load_overrides(base: str, rules: LDict, shown: str, folder: Path, base_where: Where | None = None) -> RuleSet:
    """``base`` (a name or a path relative to ``folder``) with ``rules`` merged on top, as an ``extends``.

    For mappings that are not rule files, e.g. the ``rules:`` of a project's ``.thethuc.yaml``;
    errors point at ``shown`` and the lines recorded in ``rules`` (``base_where`` for ``base``).
    """
    parent_path, parent_shown = locate(base, folder, base_where or rules.where)
    parent, parent_rules, chain, _ = _read(parent_path, parent_shown, 1, (str(parent_path.resolve()),))
    merged = merge_rules(parent_rules, rules)
    built = [build_rule(code, node, node.where) for code, node in merged.items()]
    name = as_str(parent.get("ruleset", parent_path.stem), parent.at("ruleset"), "ruleset")
    title = as_text(parent["title"], parent.at("title"), "title") if "title" in parent else Text(name, name)
    return RuleSet(name=name, title=title, rules=tuple(built), files=(*chain, shown), extends=base)
