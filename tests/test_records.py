"""thethuc.records: frozen records are built without ``frozen``'s run-time machinery, so these tests
hold what is promised instead: the frozen class's equality, hash, ``replace`` and pickling at run
time, and mypy refusing an assignment to any field of any record declared frozen."""
from __future__ import annotations

import ast
import dataclasses
import importlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from thethuc.records import dataclass

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "thethuc"


@dataclass(frozen=True, slots=True)
class _Slotted:
    a: int
    b: str = "x"


@dataclass(frozen=True)
class _Plain:
    a: int
    b: tuple[int, ...] = ()


@pytest.mark.parametrize("cls", [_Slotted, _Plain])
def test_a_frozen_record_keeps_the_frozen_classes_equality_hash_replace_and_pickle(cls: type) -> None:
    one, twin, other = cls(1), cls(1), cls(2)
    assert one == twin and one != other and hash(one) == hash(twin)
    assert hash(one) == hash(dataclasses.astuple(one))  # the frozen dataclass's field hash
    assert {one, twin, other} == {one, other}
    assert dataclasses.replace(one, a=2) == other
    assert pickle.loads(pickle.dumps(one)) == one
    assert repr(one).startswith(f"{cls.__name__}(a=1, b=")


def _body(own_hash: bool) -> dict[str, object]:
    body: dict[str, object] = {"__annotations__": {"a": "int"}}
    if own_hash:
        body["__hash__"] = lambda self: 7
    return body


@pytest.mark.parametrize(("options", "own_hash"), [({}, False), ({"eq": False}, False), ({}, True),
                                                     ({"slots": True}, True), ({"eq": False}, True)])
def test_the_hash_is_the_one_the_frozen_class_would_have(options: dict[str, bool], own_hash: bool) -> None:
    standard = dataclasses.dataclass(type("R", (), _body(own_hash)), frozen=True, **options)
    ours = dataclass(type("R", (), _body(own_hash)), frozen=True, **options)
    one, two = ours(1), ours(1)
    assert (one == two) == (standard(1) == standard(1))
    if own_hash or options.get("eq", True):
        assert hash(one) == hash(standard(1))  # the class's own __hash__, or the fields' hash
    else:
        assert hash(one) == object.__hash__(one)  # identity, as a frozen class without eq


def test_slots_stay_slots_and_unfrozen_records_are_the_standard_ones() -> None:
    assert not hasattr(_Slotted(1), "__dict__")

    @dataclass
    class Mutable:
        a: int

    # Not declared frozen: the standard dataclass, unhashable because it has __eq__.
    assert Mutable.__hash__ is None  # type: ignore[comparison-overlap]


def _frozen_records() -> list[tuple[str, str, str]]:
    """(module, class, first field) of every record of the package declared ``frozen=True``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.parse(path.read_text("utf-8")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            frozen = any(isinstance(d, ast.Call) and any(k.arg == "frozen" and ast.literal_eval(k.value)
                                                          for k in d.keywords)
                         for d in node.decorator_list)
            if frozen:
                fields = dataclasses.fields(getattr(importlib.import_module(module), node.name))
                if fields:
                    found.append((module, node.name, fields[0].name))
    return found


def test_the_package_declares_its_records_with_this_decorator() -> None:
    # A record made with dataclasses.dataclass(frozen=True) would pay the cost this module avoids.
    offending = [f"{path.relative_to(ROOT)}" for path in PACKAGE.rglob("*.py")
                 if path.name != "records.py" and ("from dataclasses import dataclass" in path.read_text("utf-8")
                                                    or "@dataclasses.dataclass" in path.read_text("utf-8"))]
    assert offending == []
    assert len(_frozen_records()) > 50


def test_every_record_of_the_package_has_a_docstring() -> None:
    # Start-up too: Python 3.11's dataclasses builds a missing __doc__ with inspect.signature at import.
    undocumented = [f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
                    for path in sorted(PACKAGE.rglob("*.py"))
                    for node in ast.walk(ast.parse(path.read_text("utf-8")))
                    if isinstance(node, ast.ClassDef) and ast.get_docstring(node) is None
                    and any("dataclass" in ast.unparse(d) for d in node.decorator_list)]
    assert undocumented == []


@pytest.mark.slow
def test_mypy_refuses_assigning_a_field_of_every_frozen_record(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    records = _frozen_records()
    lines = ["from __future__ import annotations", "from typing import Any", ""]
    lines += [f"import {module}" for module in sorted({m for m, _, _ in records})]
    for number, (module, name, field) in enumerate(records):
        lines += ["", f"def assign_{number}(record: {module}.{name}[Any], value: Any) -> None:"
                  if _generic(module, name) else f"def assign_{number}(record: {module}.{name}, value: Any) -> None:",
                  f"    record.{field} = value"]
    (tmp_path / "probe.py").write_text("\n".join(lines) + "\n", "utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--no-error-summary",
                           "--cache-dir", str(tmp_path / ".mypy_cache"), "probe.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    refused = {int(line.split(":")[1]) for line in done.stdout.splitlines() if ": error:" in line}
    assigning = {number for number, line in enumerate(lines, 1) if line.startswith("    record.")}
    assert assigning and refused == assigning, done.stdout + done.stderr


def _generic(module: str, name: str) -> bool:
    return bool(getattr(getattr(importlib.import_module(module), name), "__parameters__", ()))
