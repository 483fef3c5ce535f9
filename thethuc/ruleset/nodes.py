"""YAML with line numbers, and strict typed readers that raise located RuleSetErrors.

Rule files are composed into PyYAML nodes and turned into plain dicts/lists that remember the
file and line of every key, so a merged (``extends``) rule still points at the line that set it.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from thethuc.errors import RuleSetError
from thethuc.model import ROLES, Text


@dataclass(frozen=True, slots=True)
class Where:
    """A position in a rule file, for error messages."""

    file: str
    line: int | None

    def error(self, message: str) -> RuleSetError:
        return RuleSetError(self.file, self.line, message)


class LDict(dict):  # type: ignore[type-arg]
    """A mapping read from YAML: ``where`` of the mapping and ``key_where[key]`` of each key."""

    where: Where
    key_where: dict[str, Where]

    def at(self, key: str) -> Where:
        return self.key_where.get(key, self.where)


class LList(list):  # type: ignore[type-arg]
    """A sequence read from YAML; ``where`` is its first line, ``item_where`` each item's."""

    where: Where
    item_where: list[Where]


# libyaml's composer keeps line marks too and reads the rule files ~10x faster: start-up time of
# `thethuc check` in a pre-commit hook is mostly spent here.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.SafeLoader("")  # only its scalar constructors are used (int, float, bool, null)


def _convert(node: yaml.Node, file: str) -> Any:
    where = Where(file, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.where, out.key_where = where, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, file)
            key_where = Where(file, key_node.start_mark.line + 1)
            if not isinstance(key, (str, int, bool)):
                raise key_where.error("a key must be a plain word")
            key = str(key)
            if key in out:
                # PyYAML silently keeps the last duplicate; a repeated rule code is a mistake.
                raise key_where.error(f"duplicate key '{key}' (first at line {out.key_where[key].line})")
            out[key] = _convert(value_node, file)
            out.key_where[key] = key_where
        return out
    if isinstance(node, yaml.SequenceNode):
        items = LList(_convert(item, file) for item in node.value)
        items.where = where
        items.item_where = [Where(file, item.start_mark.line + 1) for item in node.value]
        return items
    return _SCALARS.construct_object(node, deep=True)


def load_yaml_file(path: Path, shown: str | None = None) -> LDict:
    """Read a rule file into an LDict; any YAML or I/O problem is a located RuleSetError."""
    name = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleSetError(name, None, f"cannot read the rule file ({err})") from err
    return load_yaml_text(text, name)


def load_yaml_text(text: str, name: str) -> LDict:
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise RuleSetError(name, line, f"not valid YAML: {getattr(err, 'problem', err)}") from err
    if node is None:
        raise RuleSetError(name, 1, "the rule file is empty")
    data = _convert(node, name)
    if not isinstance(data, LDict):
        raise RuleSetError(name, 1, "a rule file must be a mapping (ruleset:, title:, rules: …)")
    return data


# ---------------------------------------------------------------- strict readers


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_keys(node: LDict, allowed: Iterable[str], what: str) -> None:
    """Reject keys outside ``allowed`` with a did-you-mean hint at the key's own line."""
    allowed = list(allowed)
    for key in node:
        if key not in allowed:
            raise node.at(key).error(f"unknown key '{key}' in {what}{suggest(key, allowed)}")


def require(node: LDict, key: str, what: str) -> Any:
    if key not in node:
        raise node.where.error(f"{what} needs '{key}'")
    return node[key]


def as_mapping(value: Any, where: Where, what: str) -> LDict:
    if not isinstance(value, LDict):
        raise where.error(f"{what} must be a mapping, not {_kind(value)}")
    return value


def as_list(value: Any, where: Where, what: str) -> LList:
    """A list; a single scalar is accepted as a one-item list (``target: tieu_de``)."""
    if isinstance(value, LList):
        return value
    if isinstance(value, (list, tuple)) and not isinstance(value, LList):  # a default in code
        items = LList(value)
        items.where, items.item_where = where, [where] * len(items)
        return items
    if isinstance(value, (LDict, type(None))):
        raise where.error(f"{what} must be a list, not {_kind(value)}")
    single = LList([value])
    single.where, single.item_where = where, [where]
    return single


def as_str(value: Any, where: Where, what: str) -> str:
    if not isinstance(value, str):
        raise where.error(f"{what} must be text, not {_kind(value)}")
    return value


def as_bool(value: Any, where: Where, what: str) -> bool:
    if not isinstance(value, bool):
        raise where.error(f"{what} must be true or false, not {_kind(value)}")
    return value


def as_number(value: Any, where: Where, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise where.error(f"{what} must be a number, not {_kind(value)}")
    return float(value)


def as_int(value: Any, where: Where, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(f"{what} must be a whole number, not {_kind(value)}")
    return value


def as_choice(value: Any, where: Where, what: str, choices: Iterable[str]) -> str:
    text = as_str(value, where, what)
    choices = list(choices)
    if text not in choices:
        raise where.error(f"{what}: unknown value '{text}'{suggest(text, choices)}; "
                          f"expected one of {', '.join(choices)}")
    return text


def as_str_list(value: Any, where: Where, what: str) -> tuple[str, ...]:
    items = as_list(value, where, what)
    return tuple(as_str(item, at, what) for item, at in zip(items, items.item_where))


def as_roles(value: Any, where: Where, what: str = "target") -> tuple[str, ...]:
    roles = as_str_list(value, where, what)
    items = as_list(value, where, what)
    for role, at in zip(roles, items.item_where):
        if role not in ROLES:
            raise at.error(f"unknown role '{role}' in {what}{suggest(role, sorted(ROLES))}")
    return roles


def as_text(value: Any, where: Where, what: str) -> Text:
    """A bilingual text: ``{vi: …, en: …}``; a plain string serves both languages."""
    if isinstance(value, str):
        return Text(value, value)
    node = as_mapping(value, where, what)
    check_keys(node, ("vi", "en"), what)
    vi = as_str(require(node, "vi", what), node.at("vi"), f"{what}.vi")
    en = as_str(node.get("en", vi), node.at("en"), f"{what}.en")
    return Text(vi, en)


def to_plain(value: Any) -> Any:
    """The same data as ordinary dicts and lists (for settings handed to other modules)."""
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    return value


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the truth value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text '{value}'"
