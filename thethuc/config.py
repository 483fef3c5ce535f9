"""Project configuration: find `.thethuc.yaml` / `[tool.thethuc]` above each file, validate it, merge the CLI.

Knows nothing of documents; turns files on disk into validated, frozen settings. Rule overrides
are handed to the rule-set loader unchanged (one loader, one `extends` mechanism).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from thethuc.errors import RuleSetError
from thethuc.model import SEVERITY_ORDER, STAGES, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, check_keys, compose_yaml, located, suggest
from thethuc.ruleset.types import RuleSet

CONFIG_FILE = ".thethuc.yaml"
PYPROJECT = "pyproject.toml"
KEYS = ("extends", "rules", "select", "ignore", "per-file-ignores", "fail-on", "lang", "stage")
LANGS = ("vi", "en")
# `check` picks the guideline per document (HD05 governs new Party documents since 27/5/2026).
DEFAULT_RULESET = "auto"
# A code ("H003"), a prefix ("H", "H0") or a rule name ("tieu-de-format"), as --select takes them.
_SELECTOR = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


@dataclass(frozen=True)
class ProjectConfig:
    """One configuration file, validated; ``path`` None is the built-in default."""

    path: str | None = None
    root: str = "."  # folder of the file: per-file-ignores globs are relative to it
    extends: str | None = None
    rules: Mapping[str, Any] = field(default_factory=dict)  # raw overrides for the rule-set loader
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    stage: str | None = None  # draft | issued (see docs/workflow.md)
    located: LDict | None = None  # the file as read: the line of each key, for later errors


@dataclass(frozen=True)
class CliOptions:
    """What the command line said; None means "not given", so the file's value stands."""

    ruleset: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    lang: str | None = None
    config: str | None = None  # --config FILE: use it for every file, no discovery
    isolated: bool = False  # --no-config: ignore every configuration file
    stage: str | None = None  # --stage


@dataclass(frozen=True)
class Settings:
    """The effective settings for a group of files: file values with the CLI on top."""

    config: ProjectConfig
    ruleset: str  # rule-set spec for the pipeline: "hd36", "nd30", "auto", a path
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    fail_on: str
    lang: str
    rules: RuleSet | None = None  # ``ruleset`` with the file's ``rules:`` overrides, built once
    stage: str = "draft"  # a document in a drafting repository is a draft until the văn thư issues it

    def ignored_for(self, file: str | Path) -> tuple[str, ...]:
        """``ignore`` plus the codes per-file-ignores silence for this file."""
        extra = [code for pattern, codes in self.config.per_file_ignores
                 if glob_matches(pattern, file, Path(self.config.root)) for code in codes]
        return tuple(dict.fromkeys((*self.ignore, *extra)))

    def pipeline_options(self, file: str | Path) -> dict[str, object]:
        """``stage``, ``select``/``ignore`` for ``pipeline.check_file`` (the rule set's selection applies them)."""
        options: dict[str, object] = {"stage": self.stage}
        if self.select is not None:
            options["select"] = self.select
        ignored = self.ignored_for(file)
        if ignored:
            options["ignore"] = ignored
        return options

    @property
    def ruleset_source(self) -> str | RuleSet:
        """What the pipeline checks with: the prebuilt rule set when the file overrides rules."""
        return self.rules if self.rules is not None else self.ruleset


# ---------------------------------------------------------------- globs


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            char = pattern[i]
            out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_matches(pattern: str, file: str | Path, root: Path) -> bool:
    """Ruff-style: a pattern without "/" matches the file name anywhere; else the path under root."""
    path = Path(file).resolve()
    if "/" not in pattern:
        return _glob_regex(pattern).match(path.name) is not None
    try:
        relative = path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    return _glob_regex(pattern.removeprefix("./")).match(relative) is not None


# ---------------------------------------------------------------- discovery


def _has_tool_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` configures thethuc; raises RuleSetError when it is no valid TOML, since
    a broken file may well hold the [tool.thethuc] meant for these documents."""
    from thethuc.cache import cached

    # Asked on every run inside a Python project (documents kept beside code): kept in the user's cache
    # with the file's text, so a one-file check imports no tomllib (~3 ms) for a pyproject without it.
    return cached("pyproject", str(pyproject.absolute()), lambda: _read_tool_table(pyproject))


def _read_tool_table(pyproject: Path) -> tuple[bool, dict[str, str]]:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return False, {}
    except UnicodeDecodeError as err:
        raise RuleSetError(str(pyproject), None, Text("tệp không phải văn bản UTF-8",
                                                      "the file is not UTF-8 text")) from err
    data = _parse_toml(pyproject, text)
    return isinstance(data.get("tool"), dict) and "thethuc" in data["tool"], {str(pyproject.absolute()): text}


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # only when a TOML file is read (start-up time)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        raise RuleSetError(str(path), int(match.group(1)) if match else None,
                           Text(f"TOML không hợp lệ: {err}", f"not valid TOML: {err}")) from err


def find_config(start: str | Path) -> Path | None:
    """The nearest `.thethuc.yaml` or `pyproject.toml` with `[tool.thethuc]` at or above ``start``."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
        if (candidate / PYPROJECT).is_file() and _has_tool_table(candidate / PYPROJECT):
            return candidate / PYPROJECT
    return None


# ---------------------------------------------------------------- reading


def _read_yaml(path: Path, text: str) -> Any:
    import yaml  # only when a configuration file is read, and the cache (read_config) misses

    # PyYAML's own composer, not libyaml's: it words a syntax error as the configuration's messages
    # do ("mapping values are not allowed here"), and a configuration is a few lines.
    node = compose_yaml(text, str(path), yaml.SafeLoader)
    return None if node is None else located(node, str(path))


def _toml_lines(text: str, table: str = "tool.thethuc") -> dict[str, int]:
    """Approximate lines for the keys of ``table`` ("" = the top level): tomllib keeps no positions."""
    lines: dict[str, int] = {}
    section = ""
    prefix = f"{table}." if table else ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            section = line.strip("[] ")
            if section.startswith(prefix) and section != table:
                lines.setdefault(section.removeprefix(prefix), number)
            continue
        key = line.split("=", 1)[0].strip().strip('"\'')
        if "=" in line and section == table:
            lines.setdefault(key, number)
        elif "=" in line and section.startswith(prefix) and section != table:
            lines.setdefault(f"{section.removeprefix(prefix)}.{key}", number)
    return lines


def _read_toml(path: Path, text: str) -> Any:
    """``[tool.thethuc]`` of a pyproject.toml; any other TOML file (``--config thethuc.toml``) holds
    the keys at its top level, or under ``[tool.thethuc]`` when it has that table."""
    data = _parse_toml(path, text)
    tool = data.get("tool")
    if path.name == PYPROJECT or (isinstance(tool, dict) and "thethuc" in tool):
        table = tool.get("thethuc", {}) if isinstance(tool, dict) else {}
        return _located(table, str(path), None, _toml_lines(text), "")
    return _located(data, str(path), None, _toml_lines(text, ""), "")


def _located(value: Any, file: str, line: int | None, lines: Mapping[str, int], prefix: str) -> Any:
    """A TOML value as the YAML reader's LDict, with the (approximate) line of each key."""
    if not isinstance(value, dict):
        return value
    out = LDict()
    out.where, out.key_where = Where(file, line), {}
    for key, item in value.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        key_line = lines.get(path, line)
        out[str(key)] = _located(item, file, key_line, lines, path)
        out.key_where[str(key)] = Where(file, key_line)
    return out


def _is_toml(path: Path) -> bool:
    return path.name == PYPROJECT or path.suffix.lower() == ".toml"


def read_config(path: str | Path) -> ProjectConfig:
    """Load and validate one configuration file; raises RuleSetError(file, line, message)."""
    from thethuc.cache import cached

    path = Path(path)
    # Kept in the user's cache with the file's text (thethuc/cache.py): a pre-commit run in a
    # project with a .thethuc.yaml then imports no yaml. The path as given is part of the key:
    # the configuration's messages name the file so.
    key = f"{path}\n{path.absolute()}\n{path.resolve()}"
    return cached("config", key, lambda: _read_config(path))


def _read_config(path: Path) -> tuple[ProjectConfig, dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise RuleSetError(str(path), None, Text(f"không đọc được tệp cấu hình: {err.strerror}",
                                                 f"cannot read the configuration file: {err.strerror}")) from err
    except UnicodeDecodeError as err:
        raise RuleSetError(str(path), None, Text("tệp cấu hình không phải văn bản UTF-8",
                                                 "the configuration file is not UTF-8 text")) from err
    config = _validate(_read_toml(path, text) if _is_toml(path) else _read_yaml(path, text), str(path))
    return config, {str(path.absolute()): text}


# ---------------------------------------------------------------- validation


def _codes(value: Any, where: Where, key: str) -> tuple[str, ...]:
    items = value.replace(",", " ").split() if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise where.error(Text(f"'{key}' phải là danh sách mã quy tắc, ví dụ [H003, P009]",
                               f"'{key}' must be a list of rule codes, e.g. [H003, P009]"))
    bad = [i for i in items if not _SELECTOR.match(i.strip())]
    if bad:
        raise where.error(Text(
            f"'{key}': mã không hợp lệ {bad[0]!r} (dạng H003, tiền tố H, H0 hoặc tên quy tắc)",
            f"'{key}': invalid code {bad[0]!r} (a code like H003, a prefix H, H0 or a rule name)"))
    return tuple(i.strip() for i in items)


def _choice(data: LDict, key: str, allowed: Iterable[str]) -> str | None:
    if key not in data:
        return None
    value, allowed = data[key], tuple(allowed)
    if value not in allowed:
        listed = ", ".join(allowed)
        raise data.at(key).error(Text(f"'{key}' phải là một trong {listed} (đang là {value!r})",
                                      f"'{key}' must be one of {listed} (it is {value!r})"))
    return str(value)


def _validate(data: Any, file: str) -> ProjectConfig:
    if data is None:  # an empty file: the defaults
        data = LDict()
        data.where, data.key_where = Where(file, 1), {}
    if not isinstance(data, LDict):
        raise RuleSetError(file, 1, Text("tệp cấu hình phải là một bảng khóa: giá trị",
                                         "a configuration file must be a mapping of key: value"))
    check_keys(data, KEYS, None)
    extends = data.get("extends")
    if extends is not None and not isinstance(extends, str):
        raise data.at("extends").error(Text("'extends' phải là tên bộ quy tắc (hd36, hd05, nd30) hoặc đường dẫn",
                                            "'extends' must be a rule set name (hd36, hd05, nd30) or a path"))
    rules = data.get("rules", {}) or {}
    if not isinstance(rules, dict):
        raise data.at("rules").error(Text(
            "'rules' phải là một bảng mã → thay đổi, ví dụ {B004: {severity: warning}}",
            "'rules' must map codes to changes, e.g. {B004: {severity: warning}}"))
    return ProjectConfig(
        path=file, root=str(Path(file).resolve().parent), extends=extends, rules=rules,
        select=_codes(data["select"], data.at("select"), "select") if "select" in data else None,
        ignore=_codes(data["ignore"], data.at("ignore"), "ignore") if "ignore" in data else (),
        per_file_ignores=_per_file_ignores(data),
        fail_on=_choice(data, "fail-on", SEVERITY_ORDER),
        lang=_choice(data, "lang", LANGS),
        stage=_choice(data, "stage", STAGES),
        located=data,
    )


def _per_file_ignores(data: LDict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = data.get("per-file-ignores")
    if not table:
        return ()
    if not isinstance(table, LDict):
        raise data.at("per-file-ignores").error(Text(
            "'per-file-ignores' phải là bảng mẫu tệp → danh sách mã",
            "'per-file-ignores' must map file patterns to lists of codes"))
    return tuple((glob, _codes(codes, table.at(glob), f"per-file-ignores.{glob}")) for glob, codes in table.items())


def _line(config: ProjectConfig, key: str, entry: str | None = None) -> int | None:
    """The line of ``key`` (of ``entry`` in the table under ``key``) in the file ``config`` was read from."""
    data = config.located
    if data is None or key not in data:
        return None
    table = data[key]
    return table.at(entry).line if entry is not None and isinstance(table, LDict) else data.at(key).line


# ---------------------------------------------------------------- merging


def resolve(config: ProjectConfig, cli: CliOptions, default_ruleset: str = DEFAULT_RULESET,
            default_stage: str = "draft") -> Settings:
    """Settings for files under ``config``: every option given on the command line wins.

    Builds the rule set with the file's ``rules:`` overrides, so a bad override stops the run
    with its file and line before any document is read.
    """
    ignore = cli.ignore if cli.ignore is not None else config.ignore
    if default_ruleset == "auto" and config.rules and config.extends is None:
        default_ruleset = "hd36"  # overrides need a fixed rule set; a file without extends meant hd36
    spec = cli.ruleset or _extends_spec(config) or default_ruleset
    if not cli.ruleset and config.extends is not None and not config.rules:
        _check_extends(config, spec)
    settings = Settings(
        config=config,
        ruleset=spec,
        rules=_overridden(config, spec),
        select=cli.select if cli.select is not None else config.select,
        ignore=tuple(ignore),
        fail_on=cli.fail_on or config.fail_on or "error",
        lang=cli.lang or config.lang or "vi",
        stage=cli.stage or config.stage or default_stage,
    )
    _check_codes(config, settings.ruleset_source)
    return settings


def validate_selection(spec: str | RuleSet, select: Iterable[str], ignore: Iterable[str]) -> None:
    """Load the rule set(s) once and check a command line selection, so a bad rule file or a typo
    stops the run before any file. Raises RuleSetError."""
    if spec == "auto" and not select and not ignore:
        # Nothing to match, and the built-in rule sets are the package's own (tests load them all):
        # each is loaded when a document picks it, not all three for a one-file pre-commit run.
        return
    from thethuc.ruleset import possible_rulesets  # imported lazily: start-up time of pre-commit
    from thethuc.ruleset.select import suggestion, unknown_patterns

    candidates = possible_rulesets(spec)  # auto: a code of hd36, hd05 or nd30 is a real code
    for pattern in unknown_patterns(candidates, (*select, *ignore)):
        near = suggestion(candidates[0], pattern)
        raise RuleSetError("--select/--ignore", None, Text(
            f"không có quy tắc nào khớp '{pattern}'" + (f" (có phải {near} không?)" if near else ""),
            f"no rule matches '{pattern}'" + (f" (did you mean {near}?)" if near else "")))


def _check_codes(config: ProjectConfig, spec: str | RuleSet) -> None:
    """Every code the file names in ``select``, ``ignore`` and ``per-file-ignores`` is a rule of the
    rule set(s) it checks with: a typo would otherwise ignore nothing, silently."""
    if config.path is None:
        return
    from thethuc.ruleset import possible_rulesets  # cached; the run loads them anyway
    from thethuc.ruleset.select import unknown_patterns

    named = [("select", config.select or (), _line(config, "select")),
             ("ignore", config.ignore, _line(config, "ignore")),
             *((f"per-file-ignores.{glob}", codes, _line(config, "per-file-ignores", glob))
               for glob, codes in config.per_file_ignores)]
    if not any(codes for _, codes, _ in named):
        return
    rulesets = possible_rulesets(spec)
    for key, codes, line in named:
        unknown = unknown_patterns(rulesets, codes)
        if unknown:
            hint = suggest(unknown[0], [r.code for rs in rulesets for r in rs.rules])
            names = ", ".join(rs.name for rs in rulesets)
            raise RuleSetError(config.path, line, Text(
                f"'{key}': không có quy tắc nào khớp '{unknown[0]}' trong {names}{hint.vi}",
                f"'{key}': no rule matches '{unknown[0]}' in {names}{hint.en}"))


def _check_extends(config: ProjectConfig, spec: str) -> None:
    """An ``extends`` that names no rule set is the configuration's error, at its line."""
    if spec == "auto":
        return
    from thethuc.ruleset import load_ruleset  # cached; the run loads it anyway

    try:
        load_ruleset(spec)
    except RuleSetError as err:
        if err.file not in (spec, config.extends):
            raise  # the rule file exists and is itself wrong: its own file and line say more
        raise RuleSetError(str(config.path), _line(config, "extends"), err.bilingual) from err


def _overridden(config: ProjectConfig, spec: str) -> RuleSet | None:
    if not config.rules or config.path is None:
        return None
    if spec == "auto":
        # auto picks hd36 or nd30 per document; overrides written for one may not fit the other.
        raise RuleSetError(config.path, _line(config, "rules"), Text(
            "'rules:' cần một bộ quy tắc cố định (extends: hd36, hd05 hoặc nd30), không dùng 'auto'",
            "'rules:' needs a fixed rule set (extends: hd36, hd05 or nd30), not 'auto'"))
    from thethuc.ruleset.loader import load_overrides  # only when a file overrides rules

    rules = config.rules if isinstance(config.rules, LDict) else _located(
        dict(config.rules), config.path, _line(config, "rules"), {}, "rules")
    base_line = _line(config, "extends") if spec == _extends_spec(config) else None
    return load_overrides(spec, rules, config.path, Path(config.root), Where(config.path, base_line))


def _extends_spec(config: ProjectConfig) -> str | None:
    """``extends`` as the pipeline's spec: a relative path is taken from the config's folder."""
    spec = config.extends
    if spec is None or config.path is None or not spec.endswith((".yaml", ".yml")):
        return spec
    return str((Path(config.root) / spec).resolve())


class ConfigResolver:
    """Settings per checked file; each configuration file is read and validated once per run."""

    def __init__(self, cli: CliOptions, default_ruleset: str = DEFAULT_RULESET) -> None:
        self.cli = cli
        self.default_ruleset = default_ruleset
        self._by_folder: dict[Path, Path | None] = {}
        self._settings: dict[Path | None, Settings] = {}
        # ``lang:`` of the last file read, set before its rule set loads: an error in the rule set
        # it names (or in its ``rules:``) is then worded in the language that file asked for.
        self.last_lang: str | None = None

    def _config_path(self, file: str | Path) -> Path | None:
        if self.cli.isolated:
            return None
        if self.cli.config:
            return Path(self.cli.config).resolve()
        folder = Path(file).resolve()
        folder = folder if folder.is_dir() else folder.parent
        if folder not in self._by_folder:  # an archive folder holds thousands of files: walk once
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]

    def settings_for(self, file: str | Path) -> Settings:
        """The effective settings for ``file``; raises RuleSetError for an invalid configuration."""
        path = self._config_path(file)
        if path not in self._settings:
            config = read_config(path) if path is not None else ProjectConfig()
            self.last_lang = config.lang
            self._settings[path] = resolve(config, self.cli, self.default_ruleset)
        return self._settings[path]

    def seen(self) -> list[Settings]:
        """Every distinct settings object handed out so far, in first-use order."""
        return list(self._settings.values())

