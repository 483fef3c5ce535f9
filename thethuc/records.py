"""``dataclass`` for thethuc's records: ``dataclasses.dataclass``, except that a frozen record is
built as a plain one with the frozen class's field hash (``unsafe_hash``).

Every record class of the package is declared with this decorator, written exactly as the standard
one (``@dataclass(frozen=True, slots=True)``). The type checker reads it as the standard decorator
(the ``TYPE_CHECKING`` branch), so mypy refuses any assignment to a field of a frozen record, as
CI runs it; equality, hashing, ``repr``, ``replace`` and pickling are the frozen class's. What the
run-time class leaves out is ``frozen``'s own machinery, for two measured costs (benchmarks/README.md):

- building: a frozen record sets each field in ``__init__`` through ``object.__setattr__``, ~0.15 µs
  a field; a run record (16 fields) cost ~2.4 µs against ~0.4 µs for a plain one, and the loader
  builds one per run and paragraph;
- start-up: in Python 3.11 ``dataclasses`` compiles every generated method from source, and a frozen
  class two more (``__setattr__``, ``__delattr__``); for the ~80 records a one-file check creates
  that was a fifth of their ~45 ms (the pre-commit hook pays it on every commit).

This module imports nothing of thethuc: every stage and the data model use it.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dataclasses import dataclass
else:
    def dataclass(cls: Any = None, /, **options: Any) -> Any:
        if cls is None:  # @dataclass(...)
            return lambda cls: dataclass(cls, **options)
        if options.get("frozen"):
            # The hash a frozen class gets: its own __hash__ if it defines one, else (with eq) the fields'.
            field_hash = options.get("eq", True) and "__hash__" not in cls.__dict__
            options = {**options, "frozen": False, "unsafe_hash": field_hash}
        return dataclasses.dataclass(cls, **options)

__all__ = ["dataclass"]
