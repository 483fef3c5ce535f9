"""What a rule kind is: the protocols a kind module implements, checked by mypy where it is registered.

A kind is a module of ``thethuc.checks`` (``page``, ``format`` …). Every kind has

- ``Params``: a frozen dataclass whose fields are its YAML keys, each declared with
  ``thethuc.ruleset.params.param`` (reader, default, YAML name, the ``check`` variants reading it);
- ``parse(node, where) -> Params``: ``params_parser(Params, "<kind>")``, or a function of its own
  that calls ``read_params`` and then checks what no single key can (one of two keys, a range the
  right way round, a default taken from another key);
- ``check``: ``check(rule, params, rec) -> Iterator[Finding]`` (``RuleKind``), or with the rule set
  being applied as a fourth argument (``RuleSetKind``: a suppression comment naming a code the
  rule set lacks).

Optional hooks are protocols of their own, and a kind that has one is listed in that hook's
registry in ``thethuc/checks/__init__.py`` (no ``hasattr``):

- ``Silencer``: ``silenced(params, rec)``, the codes (or code prefixes) its document-level verdict
  makes redundant (a state document under a Party rule set, a form, a Youth Union paper);
- ``Targeting``: ``default_target(params)``, the roles a rule reads when it says no ``target``
  (the roles of ``expect_by_role``, a numbering rule's levels);
- ``OnePass``: ``check_all(rules, rec)``, every rule of the kind in a rule set judged in one walk of
  the document (``format``: ~25 rules in hd36, each of which would otherwise walk its targets), each
  rule's findings as ``check`` gives them for that rule alone.

``rule_kind(module)`` and its siblings return the module unchanged; mypy infers the kind's Params
type from the module and checks that ``Params``, ``parse`` and ``check`` (and the hook) agree. When
they do not, mypy says ``Cannot infer value of type parameter "P" of "rule_kind"`` at the
registration, and ``incompatible type Module`` when a member (``check``, the hook) is missing.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

from thethuc.model import Finding, Recognised
from thethuc.ruleset.nodes import LDict, Where
from thethuc.ruleset.types import Rule, RuleSet

P = TypeVar("P")
P_co = TypeVar("P_co", covariant=True)


@runtime_checkable
class Kind(Protocol[P_co]):
    """What the rule set loader reads of every kind: its keys (``Params``) and how to read them."""

    @property
    def Params(self) -> type[P_co]: ...  # the module's dataclass (a property: read, never set)

    def parse(self, node: LDict, where: Where) -> P_co: ...


@runtime_checkable
class RuleKind(Kind[P], Protocol[P]):
    """A kind that judges a document with its rule's params."""

    def check(self, rule: Rule, params: P, rec: Recognised) -> Iterator[Finding]: ...


@runtime_checkable
class RuleSetKind(Kind[P], Protocol[P]):
    """A kind that also needs the rule set being applied (its codes, as loaded and selected)."""

    def check(self, rule: Rule, params: P, rec: Recognised, ruleset: RuleSet) -> Iterator[Finding]: ...


@runtime_checkable
class Silencer(RuleKind[P], Protocol[P]):
    """A kind whose document-level verdict makes other rules redundant."""

    def silenced(self, params: P, rec: Recognised) -> tuple[str, ...]: ...


@runtime_checkable
class Targeting(Kind[P], Protocol[P]):
    """A kind that knows its rule's target from its params when the rule names none."""

    def default_target(self, params: P) -> tuple[str, ...]: ...


@runtime_checkable
class OnePass(RuleKind[P], Protocol[P]):
    """A kind that judges all its rules of a rule set together: ``check_all(rules, rec)[i]`` is
    ``list(check(rules[i], rules[i].params, rec))``."""

    def check_all(self, rules: Sequence[Rule], rec: Recognised) -> list[list[Finding]]: ...


# Registration: each returns its argument; the point is the inference of P from the module, which
# makes mypy hold the module's Params, parse, check and hook to one params type.

def rule_kind(module: RuleKind[P]) -> RuleKind[Any]:
    return module


def ruleset_kind(module: RuleSetKind[P]) -> RuleSetKind[Any]:
    return module


def silencer(module: Silencer[P]) -> Silencer[Any]:
    return module


def targeting(module: Targeting[P]) -> Targeting[Any]:
    return module


def one_pass(module: OnePass[P]) -> OnePass[Any]:
    return module
