"""Every registered kind implements its protocols (thethuc/checks/kind.py); every hook is registered.

mypy holds the registry to the protocols (``rule_kind(format)`` in thethuc/checks/__init__.py
infers the kind's params type from the module and fails when Params, parse and check disagree);
the last test shows it does on a kind made wrong on purpose. The runtime checks here hold what
a protocol cannot say: the registries agree with each other and with the modules, and each
``check`` and hook is annotated with its own module's Params.
"""
from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import pkgutil
import re
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType

import pytest

import thethuc.checks
from thethuc.checks import CHECKS, DEFAULT_TARGETS, KINDS, RULESET_CHECKS, SILENCERS
from thethuc.checks.kind import Kind, RuleKind, RuleSetKind, Silencer, Targeting
from thethuc.errors import RuleSetError
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.nodes import load_yaml_text
from thethuc.ruleset.params import yaml_keys

ROOT = Path(__file__).resolve().parents[2]


def _module(kind: object) -> ModuleType:
    assert isinstance(kind, ModuleType)
    return kind


def _hints(function: object) -> dict[str, object]:
    module = sys.modules[function.__module__]  # type: ignore[attr-defined]
    return typing.get_type_hints(function, vars(module))


def test_kinds_are_the_plain_checks_and_those_that_need_the_rule_set() -> None:
    assert not set(CHECKS) & set(RULESET_CHECKS)
    assert dict(KINDS) == {**CHECKS, **RULESET_CHECKS}
    for name in ("hd36", "hd05", "nd30"):
        assert {rule.kind for rule in load_ruleset(name).rules} <= set(KINDS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_plain_kind_is_a_rule_kind_with_its_params_typed(name: str) -> None:
    module = _module(CHECKS[name])
    assert isinstance(module, RuleKind) and isinstance(module, Kind)
    assert list(inspect.signature(module.check).parameters) == ["rule", "params", "rec"]
    assert _hints(module.check)["params"] is module.Params


@pytest.mark.parametrize("name", sorted(RULESET_CHECKS))
def test_a_kind_that_needs_the_rule_set_takes_it_fourth(name: str) -> None:
    module = _module(RULESET_CHECKS[name])
    assert isinstance(module, RuleSetKind)
    assert list(inspect.signature(module.check).parameters) == ["rule", "params", "rec", "ruleset"]
    assert _hints(module.check)["params"] is module.Params


@pytest.mark.parametrize("name", sorted(KINDS))
def test_params_are_a_frozen_dataclass_of_declared_keys_and_parse_builds_them(name: str) -> None:
    params = KINDS[name].Params
    # Declared frozen (thethuc.records builds it without frozen's run-time machinery; mypy enforces it,
    # tests/test_records.py proves that for every frozen record).
    assert dataclasses.is_dataclass(params) and "@dataclass(frozen=True" in inspect.getsource(params)
    yaml_keys(params)  # raises for a field declared without param()/built()
    assert list(inspect.signature(KINDS[name].parse).parameters) == ["node", "where"]


def test_the_hook_registries_hold_kinds_with_the_hook_typed_to_their_params() -> None:
    for name, kind in SILENCERS.items():
        module = _module(kind)
        assert CHECKS[name] is module and isinstance(module, Silencer)
        assert _hints(module.silenced)["params"] is module.Params
    for name, kind in DEFAULT_TARGETS.items():
        module = _module(kind)
        assert KINDS[name] is module and isinstance(module, Targeting)
        assert _hints(module.default_target)["params"] is module.Params


def test_no_kind_module_or_hook_is_left_out_of_the_registries() -> None:
    registered = {_module(kind).__name__: name for name, kind in KINDS.items()}
    for info in pkgutil.iter_modules(thethuc.checks.__path__, "thethuc.checks."):
        module = importlib.import_module(info.name)
        if not (inspect.isclass(getattr(module, "Params", None)) and callable(getattr(module, "check", None))):
            continue  # a helper module (common, properties, wording …)
        assert module.__name__ in registered, f"{module.__name__} is a kind but not in KINDS"
        name = registered[module.__name__]
        assert (name in SILENCERS) == hasattr(module, "silenced"), name
        assert (name in DEFAULT_TARGETS) == hasattr(module, "default_target"), name


_KIND = '''\
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thethuc.model import Finding, Recognised
from thethuc.ruleset.nodes import as_int
from thethuc.ruleset.params import param, params_parser
from thethuc.ruleset.types import Rule


@dataclass(frozen=True, slots=True)
class Params:
    size: int = param(as_int, 1)


parse = params_parser(Params, "toy")


def check(rule: Rule, params: {params}, rec: Recognised) -> Iterator[Finding]:
    yield from ()
'''


@pytest.mark.slow
def test_mypy_refuses_to_register_a_kind_whose_check_takes_other_params(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    package = tmp_path / "toykinds"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    (package / "good.py").write_text(_KIND.format(params="Params"), "utf-8")
    (package / "bad.py").write_text(_KIND.format(params="int"), "utf-8")
    (tmp_path / "registry.py").write_text(
        "from thethuc.checks.kind import rule_kind\nfrom toykinds import bad, good\n\n"
        "GOOD = rule_kind(good)\nBAD = rule_kind(bad)\n", "utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
                           "--cache-dir", str(tmp_path / ".mypy_cache"), "registry.py", "toykinds"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors == ['registry.py:5: error: Cannot infer value of type parameter "P" of "rule_kind"  [misc]'], \
        done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_missing_required_key_names_the_kind_as_registered(name: str) -> None:
    # ``params_parser(Params, "<kind>")`` repeats the registry's name for messages: held equal here.
    empty = load_yaml_text("{}", "t.yaml")
    try:
        KINDS[name].parse(empty, empty.where)
    except RuleSetError as err:
        named = re.match(r"an? '(\w+)' rule", err.bilingual.en)
        assert named is None or named.group(1) == name, err.bilingual.en
