"""A kind's rule keys, declared once: the fields of its ``Params`` dataclass.

Each field is a key of the kind's rules in YAML, declared with ``param`` (its reader, its default,
the YAML name when that differs from the attribute — ``from`` is a Python keyword —, and for a kind
whose ``check`` key picks a variant, the variants that read it). ``read_params`` builds the frozen
``Params`` from a rule's mapping with those readers, strictly and with the same located errors the
readers of ``thethuc.ruleset.nodes`` raise; ``yaml_keys`` is what a rule of the kind may say besides
the common keys. A field the kind's own ``parse`` computes from several keys (the ``format`` kind's
``by_role`` from ``expect``/``expect_by_role``/``runs``) is declared with ``built`` and the keys it
reads.

    @dataclass(frozen=True, slots=True)
    class Params:
        check: str = param(choice("paper", "margin"))     # no default: required
        start: int = param(as_int, 1, key="from")          # written ``from:`` in YAML
        side: str = param(choice(*SIDES), "top", required=True, for_check=("margin",))

    parse = params_parser(Params, "example")  # or a parse of its own: read_params, then checks across keys
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeAlias, TypeVar, cast

from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, as_choice, as_list, as_str_list, kind_rule, require

T = TypeVar("T")
P = TypeVar("P")

# How a key's value is read: (value, where it was written, its key for messages) → the typed value,
# or a located RuleSetError. The strict readers of thethuc.ruleset.nodes have this shape.
Reader: TypeAlias = Callable[[Any, Where, str], T]

_META = "thethuc.param"


@dataclass(frozen=True, slots=True)
class Key:
    """What ``param`` and ``built`` record in a field's metadata."""

    read: Reader[Any] | None  # None: the kind's parse builds the field (``built``)
    key: str | None  # the YAML key; None: the attribute's name
    required: bool = False
    for_check: tuple[str, ...] = ()  # read only when the rule's ``check`` is one of these; empty: always
    keys: tuple[str, ...] = ()  # ``built``: the YAML keys the kind's parse reads for it


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


_NO_DEFAULT = _Missing()


def param(read: Reader[T], default: T | _Missing = _NO_DEFAULT, *, key: str | None = None, required: bool = False,
          for_check: tuple[str, ...] = ()) -> T:
    """A field that is a YAML key: read by ``read`` when written, else ``default``.

    Without a default the key is required (the rule file must say it); ``required=True`` with a
    default requires it for the ``for_check`` variants only, the default standing for the others.
    """
    meta = {_META: Key(read, key, required or isinstance(default, _Missing), for_check)}
    if isinstance(default, _Missing):
        # A required field: its value always comes from the rule file (typed T for the annotation).
        return cast("T", dataclasses.field(metadata=meta))
    return dataclasses.field(default=default, metadata=meta)


def built(keys: tuple[str, ...], default: T) -> T:
    """A field the kind's ``parse`` computes from ``keys`` (passed to ``read_params`` by name)."""
    return dataclasses.field(default=default, metadata={_META: Key(None, None, keys=keys)})


# Per Params class, its fields with their declarations: asked for every rule loaded (start-up time of
# `thethuc check` in a pre-commit hook), and a class's fields do not change.
_DECLARED: dict[type[Any], tuple[tuple[dataclasses.Field[Any], Key], ...]] = {}


def _declared(cls: type[Any]) -> tuple[tuple[dataclasses.Field[Any], Key], ...]:
    found = _DECLARED.get(cls)
    if found is None:
        pairs = []
        for field in dataclasses.fields(cls):
            spec = field.metadata.get(_META)
            if not isinstance(spec, Key):
                raise TypeError(f"{cls.__module__}.{cls.__qualname__}.{field.name} is not declared with param() "
                                "or built()")
            pairs.append((field, spec))
        found = _DECLARED[cls] = tuple(pairs)
    return found


def yaml_keys(cls: type[Any]) -> tuple[str, ...]:
    """The YAML keys a kind's rules may have (besides the common ones), in declaration order."""
    keys: list[str] = []
    for field, spec in _declared(cls):
        keys.extend(spec.keys if spec.read is None else (spec.key or field.name,))
    return tuple(keys)


def yaml_name(field: dataclasses.Field[Any]) -> str:
    """The key a rule file writes for ``field`` (``from`` for ``start``); a ``built`` field or a field of
    a class not declared with ``param``, its own name."""
    spec = field.metadata.get(_META)
    return spec.key or field.name if isinstance(spec, Key) else field.name


def read_params(cls: type[P], node: LDict, kind: str, **given: Any) -> P:
    """``cls`` from a rule's mapping: each declared key read by its reader in field order, absent
    ones left at their defaults, a missing required one an error naming the kind (and the ``check``
    variant that needs it); ``given`` are the ``built`` fields, computed by the kind's parse."""
    values: dict[str, Any] = dict(given)
    for field, spec in _declared(cls):
        if spec.read is None:
            continue
        check = values.get("check")
        if spec.for_check and check not in spec.for_check:
            continue  # another variant's key: not read, as that variant does not use it
        key = spec.key or field.name
        if key not in node:
            if spec.required:
                require(node, key, kind_rule(kind, check if spec.for_check else None))
            continue
        values[field.name] = spec.read(node[key], node.at(key), key)
    return cls(**values)


def params_parser(cls: type[P], kind: str) -> Callable[[LDict, Where], P]:
    """The ``parse`` of a kind whose keys need no check across each other."""
    def parse(node: LDict, where: Where) -> P:
        return read_params(cls, node, kind)
    return parse


# ---------------------------------------------------------------- reader builders


def choice(*options: str) -> Reader[str]:
    """One of ``options`` (``check: margin``), with a did-you-mean hint."""
    def read(value: Any, where: Where, what: str) -> str:
        return as_choice(value, where, what, options)
    return read


def choices(*allowed: str) -> Reader[tuple[str, ...]]:
    """A list (or one value) each one of ``allowed``; a wrong one is reported at the key's line."""
    def read(value: Any, where: Where, what: str) -> tuple[str, ...]:
        return tuple(as_choice(item, where, what, allowed) for item in as_str_list(value, where, what))
    return read


def items(read_item: Reader[T]) -> Reader[tuple[T, ...]]:
    """A list (or one value), each item read by ``read_item`` at its own line."""
    def read(value: Any, where: Where, what: str) -> tuple[T, ...]:
        found = as_list(value, where, what)
        return tuple(read_item(item, at, what) for item, at in zip(found, found.item_where, strict=True))
    return read
