"""YAML with line numbers, and strict typed readers that raise located RuleSetErrors.

Rule files are composed into PyYAML nodes and turned into plain dicts/lists that remember the
file and line of every key, so a merged (``extends``) rule still points at the line that set it.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from thethuc.errors import RuleSetError
from thethuc.model import ROLES, Text
from thethuc.records import dataclass

if TYPE_CHECKING:
    import yaml

# What a reader is reading, for its messages: a YAML key (path) such as "expect.size_pt", shown
# quoted and untranslated in both languages, or a description already worded in both (``Text``).
What: TypeAlias = str | Text


def named(what: What) -> Text:
    """``what`` as it appears inside a message: a key quoted as written, a description as given."""
    return what if isinstance(what, Text) else Text(f"'{what}'", f"'{what}'")


def kind_rule(kind: str, check: str | None = None) -> Text:
    """How messages name a rule of one kind (and ``check:`` variant) in both languages."""
    variant = f" (check: {check})" if check else ""
    article = "an" if kind[:1] in "aeiou" else "a"
    return Text(f"quy tắc loại '{kind}'{variant}", f"{article} '{kind}' rule{variant}")


@dataclass(frozen=True, slots=True)
class Where:
    """A position in a rule file, for error messages."""

    file: str
    line: int | None

    def error(self, message: Text) -> RuleSetError:
        return RuleSetError(self.file, self.line, message)


class LDict(dict[Any, Any]):
    """A mapping read from YAML: ``where`` of the mapping and ``key_where[key]`` of each key."""

    where: Where
    key_where: dict[str, Where]

    def at(self, key: str) -> Where:
        return self.key_where.get(key, self.where)


class LList(list[Any]):
    """A sequence read from YAML; ``where`` is its first line, ``item_where`` each item's."""

    where: Where
    item_where: list[Where]


@functools.cache
def _yaml() -> tuple[Any, yaml.SafeLoader, type[yaml.MappingNode], type[yaml.SequenceNode]]:
    """PyYAML's composer, scalar constructor and node classes. Imported when a YAML file is first
    read: a run whose rule sets come from the cache (thethuc/cache.py) never imports yaml (~10 ms)."""
    import yaml

    # libyaml's composer keeps line marks too and reads the rule files ~10x faster: start-up time of
    # `thethuc check` in a pre-commit hook is mostly spent here when the cache misses.
    composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    scalars = yaml.SafeLoader("")  # only its scalar constructors are used (int, float, bool, null)
    return composer, scalars, yaml.MappingNode, yaml.SequenceNode


def located(node: yaml.Node, file: str) -> Any:
    """A composed YAML node as LDict/LList/scalars that remember the file and line of each key and item."""
    _, scalars, mapping, sequence = _yaml()
    where = Where(file, node.start_mark.line + 1)
    if isinstance(node, mapping):
        out = LDict()
        out.where, out.key_where = where, {}
        for key_node, value_node in node.value:
            key = located(key_node, file)
            key_where = Where(file, key_node.start_mark.line + 1)
            if not isinstance(key, (str, int, bool)):
                raise key_where.error(Text("tên khóa phải là một từ, không phải danh sách hay bảng",
                                           "a key must be a plain word"))
            key = str(key)
            if key in out:
                # PyYAML silently keeps the last duplicate; a repeated rule code is a mistake.
                first = out.key_where[key].line
                raise key_where.error(Text(f"khóa '{key}' bị lặp lại (đã có ở dòng {first})",
                                           f"duplicate key '{key}' (first at line {first})"))
            out[key] = located(value_node, file)
            out.key_where[key] = key_where
        return out
    if isinstance(node, sequence):
        items = LList(located(item, file) for item in node.value)
        items.where = where
        items.item_where = [Where(file, item.start_mark.line + 1) for item in node.value]
        return items
    return scalars.construct_object(node, deep=True)


def load_yaml_file(path: Path, shown: str | None = None, sources: dict[str, str] | None = None) -> LDict:
    """Read a rule file into an LDict; any YAML or I/O problem is a located RuleSetError.
    ``sources`` collects the text read under the file's absolute path (what thethuc/cache.py checks)."""
    name = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise RuleSetError(name, None, Text(f"không đọc được tệp quy tắc ({reason})",
                                            f"cannot read the rule file ({reason})")) from err
    except UnicodeDecodeError as err:
        raise RuleSetError(name, None, Text("tệp quy tắc không phải văn bản UTF-8",
                                            "the rule file is not UTF-8 text")) from err
    if sources is not None:
        sources[str(path.absolute())] = text
    return load_yaml_text(text, name)


def compose_yaml(text: str, name: str, composer: type[Any] | None = None) -> yaml.Node | None:
    """The YAML document in ``text`` (None when there is none); a YAML problem is a located
    RuleSetError naming ``name``. ``located(node, name)`` turns the node into data. ``composer``:
    libyaml's when PyYAML has it."""
    import yaml

    try:
        return yaml.compose(text, Loader=composer or _yaml()[0])
    except yaml.reader.ReaderError as err:  # a control character: no mark, and str(err) spans two lines
        at = text.count("\n", 0, err.position) + 1
        problem = f"U+{err.character:04X}: {err.reason}" if isinstance(err.character, int) else err.reason
        raise RuleSetError(name, at, Text(f"YAML không hợp lệ: {problem}", f"not valid YAML: {problem}")) from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", err)  # PyYAML words it in English only
        raise RuleSetError(name, line, Text(f"YAML không hợp lệ: {problem}", f"not valid YAML: {problem}")) from err


def load_yaml_text(text: str, name: str) -> LDict:
    node = compose_yaml(text, name)
    if node is None:
        raise RuleSetError(name, 1, Text("tệp quy tắc trống", "the rule file is empty"))
    data = located(node, name)
    if not isinstance(data, LDict):
        raise RuleSetError(name, 1, Text("tệp quy tắc phải là một bảng khóa: giá trị (ruleset:, title:, rules: …)",
                                         "a rule file must be a mapping (ruleset:, title:, rules: …)"))
    return data


# ---------------------------------------------------------------- strict readers


def suggest(word: str, choices: Iterable[str]) -> Text:
    """`` (có phải 'x' không?)`` / `` (did you mean 'x'?)`` for the closest choice, or empty texts."""
    import difflib  # only for a message: not at start-up

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return Text("", "")
    return Text(f" (có phải '{close[0]}' không?)", f" (did you mean '{close[0]}'?)")


def check_keys(node: LDict, allowed: Iterable[str], what: What | None) -> None:
    """Reject keys outside ``allowed`` with a did-you-mean hint at the key's own line.

    ``what`` None is a file's top level (a configuration file): the message names no mapping, and
    lists the few keys there are when none is close to the one written.
    """
    allowed = list(allowed)
    for key in node:
        if key not in allowed:
            hint = suggest(key, allowed)
            if what is None:
                listed = ", ".join(allowed)
                raise node.at(key).error(Text(f"khóa không hợp lệ '{key}'{hint.vi or f' (các khóa: {listed})'}",
                                              f"unknown key '{key}'{hint.en or f' (keys are: {listed})'}"))
            name = named(what)
            raise node.at(key).error(Text(f"khóa không hợp lệ '{key}' trong {name.vi}{hint.vi}",
                                          f"unknown key '{key}' in {name.en}{hint.en}"))


def require(node: LDict, key: str, what: What) -> Any:
    if key not in node:
        name = named(what)
        raise node.where.error(Text(f"{name.vi} thiếu khóa '{key}'", f"{name.en} needs '{key}'"))
    return node[key]


def _must_be(where: Where, what: What, vi: str, en: str, value: Any) -> RuleSetError:
    """"'what' must be <en>, not <value>", worded in both languages."""
    name, found = named(what), _kind(value)
    return where.error(Text(f"{name.vi} phải là {vi}, không phải {found.vi}",
                            f"{name.en} must be {en}, not {found.en}"))


def as_mapping(value: Any, where: Where, what: What) -> LDict:
    if not isinstance(value, LDict):
        raise _must_be(where, what, "một bảng khóa: giá trị", "a mapping", value)
    return value


def as_list(value: Any, where: Where, what: What) -> LList:
    """A list; a single scalar is accepted as a one-item list (``target: tieu_de``)."""
    if isinstance(value, LList):
        return value
    if isinstance(value, (list, tuple)) and not isinstance(value, LList):  # a default in code
        items = LList(value)
        items.where, items.item_where = where, [where] * len(items)
        return items
    if isinstance(value, (LDict, type(None))):
        raise _must_be(where, what, "một danh sách", "a list", value)
    single = LList([value])
    single.where, single.item_where = where, [where]
    return single


def as_str(value: Any, where: Where, what: What) -> str:
    if not isinstance(value, str):
        raise _must_be(where, what, "chuỗi ký tự", "text", value)
    return value


def as_bool(value: Any, where: Where, what: What) -> bool:
    if not isinstance(value, bool):
        raise _must_be(where, what, "true hoặc false", "true or false", value)
    return value


# Values no document can have, refused where a rule file (or a configuration's rules:) says them,
# by the last key of what is read: (lowest, lowest allowed itself, highest). Word's own limits:
# font sizes 1–1638 pt, spacing up to 1584 pt, pages up to 22 inches (558 mm). Indents may be
# negative (a hanging indent), so they are not listed.
_LIMITS: dict[str, tuple[float, bool, float]] = {
    "size_pt": (0, False, 1638), "spacing_pt": (0, True, 1584), "exact_pt": (0, False, 1584),
    "multiple": (0, False, 132), "mm": (0, True, 558), "width_mm": (0, False, 558),
    "height_mm": (0, False, 558), "tolerance_mm": (0, True, 558),
}


def _limit_key(what: What) -> str | None:
    if not isinstance(what, str):
        return None
    parts = [p for p in what.split(".") if p not in ("min", "max")]
    return parts[-1] if parts else None


def as_number(value: Any, where: Where, what: What) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _must_be(where, what, "một số", "a number", value)
    number = float(value)
    name = named(what)
    if number != number or number in (float("inf"), float("-inf")):
        raise where.error(Text(f"{name.vi} phải là một số hữu hạn", f"{name.en} must be a finite number"))
    limit = _LIMITS.get(_limit_key(what) or "")
    if limit is not None:
        low, low_ok, high = limit
        if number < low or (number == low and not low_ok) or number > high:
            bound_vi = f"từ {low:g} đến {high:g}" if low_ok else f"lớn hơn {low:g} và không quá {high:g}"
            bound_en = f"from {low:g} to {high:g}" if low_ok else f"above {low:g} and at most {high:g}"
            raise where.error(Text(f"{name.vi} = {number:g} không thể có (phải {bound_vi})",
                                   f"{name.en} = {number:g} is impossible (it must be {bound_en})"))
    return number


# Whole numbers in rule files are counts (paragraphs, digits, pages, words): never negative; these
# have a tighter range.
_INT_LIMITS: dict[str, tuple[int, int]] = {"chars_per_page": (1, 10**6), "padded_months": (1, 12),
                                           "pad_day_below": (1, 32)}


def as_int(value: Any, where: Where, what: What) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _must_be(where, what, "một số nguyên", "a whole number", value)
    low, high = _INT_LIMITS.get(_limit_key(what) or "", (0, 10**9))
    if not low <= value <= high:
        name = named(what)
        raise where.error(Text(f"{name.vi} = {value} không thể có (phải từ {low} đến {high})",
                               f"{name.en} = {value} is impossible (it must be from {low} to {high})"))
    return value


def as_choice(value: Any, where: Where, what: What, choices: Iterable[str]) -> str:
    text = as_str(value, where, what)
    choices = list(choices)
    if text not in choices:
        name, hint, listed = named(what), suggest(text, choices), ", ".join(choices)
        raise where.error(Text(f"{name.vi}: giá trị không hợp lệ '{text}'{hint.vi}; chọn một trong {listed}",
                               f"{name.en}: unknown value '{text}'{hint.en}; expected one of {listed}"))
    return text


def as_str_list(value: Any, where: Where, what: What) -> tuple[str, ...]:
    items = as_list(value, where, what)
    return tuple(as_str(item, at, what) for item, at in zip(items, items.item_where, strict=True))


def as_roles(value: Any, where: Where, what: What = "target") -> tuple[str, ...]:
    roles = as_str_list(value, where, what)
    items = as_list(value, where, what)
    for role, at in zip(roles, items.item_where, strict=True):
        if role not in ROLES:
            name, hint = named(what), suggest(role, sorted(ROLES))
            raise at.error(Text(f"vai trò không hợp lệ '{role}' trong {name.vi}{hint.vi}",
                                f"unknown role '{role}' in {name.en}{hint.en}"))
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


def _kind(value: Any) -> Text:
    """What was written instead, for "must be …, not <this>"."""
    if isinstance(value, dict):
        return Text("một bảng khóa: giá trị", "a mapping")
    if isinstance(value, list):
        return Text("một danh sách", "a list")
    if value is None:
        return Text("giá trị trống", "nothing")
    if isinstance(value, bool):
        return Text(f"giá trị {str(value).lower()}", f"the truth value {str(value).lower()}")
    if isinstance(value, (int, float)):
        return Text(f"số {value}", f"the number {value}")
    return Text(f"chuỗi '{value}'", f"the text '{value}'")
