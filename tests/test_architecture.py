"""The stages flow one way: load → recognise → check → (fix) → report. No stage imports a later one.

Every spelling of an import is read: ``import thethuc.checks``, ``from thethuc.checks import x``,
``from thethuc import checks``, relative imports (``from ..checks import x``), imports inside functions
(the lazy ones) and ``importlib.import_module("thethuc.…")`` with a literal or f-string name.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "thethuc"

# stage → the thethuc modules it must never import (directly or from a submodule)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "load": ("recognise", "ruleset", "checks", "fix", "report", "pipeline", "cli", "commands", "audit", "config",
             "annotate", "testing"),
    "recognise": ("load", "ruleset", "checks", "fix", "report", "pipeline", "cli", "commands", "audit", "config",
                  "annotate", "testing"),
    "checks": ("load", "recognise", "fix", "report", "pipeline", "cli", "commands", "audit", "config", "annotate",
               "testing"),
    "ruleset": ("load", "recognise", "checks", "fix", "report", "pipeline", "cli", "commands", "audit", "annotate",
                "testing"),
    # fix comes after check: it reads the load walk, the recognised roles and the checks' own
    # measures, and knows nothing of reporting, annotating or the command line.
    "fix": ("report", "pipeline", "cli", "commands", "audit", "config", "annotate", "testing"),
    "report": ("load", "recognise", "checks", "fix", "pipeline", "cli", "commands", "audit", "annotate", "testing"),
}

# The one edge against the flow, by (importing module, imported top-level module of thethuc). Rules are
# data and a kind owns its keys: the rule-set loader hands each rule's keys to its kind's parser
# (``thethuc.checks.KINDS``), so a misspelt or ill-typed key is a rule-file error (exit 2) when the rule set
# is loaded, not a crash in the middle of a check, and a new kind is one module. The import is lazy, inside
# a function: the check stage imports ``thethuc.ruleset.types`` at module level. docs/ARCHITECTURE.md
# ("Stages and the one exception") says the same.
ALLOWED: dict[tuple[str, str], str] = {
    ("thethuc.ruleset.schema", "checks"): "the rule-set loader validates each rule's keys with its kind's parser",
}

# Facts every stage shares: they import nothing of thethuc but the data model (and the record decorator,
# which imports nothing of thethuc).
SHARED_FACTS = ("textutil", "placement", "roles", "memo", "model", "records")


def module_name(path: Path) -> str:
    """``thethuc/ruleset/schema.py`` → ``thethuc.ruleset.schema``; a package's ``__init__.py`` is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_relative(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute name of ``from <dots><module> import …`` written in ``importer``."""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]  # a module's own package is the first dot
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, module] if module else base)


def _dynamic_name(call: ast.Call) -> str | None:
    """The module ``importlib.import_module(...)``/``__import__(...)`` names, up to its first variable part."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name not in ("import_module", "__import__") or not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        return str(arg.values[0].value).rstrip(".")  # f"thethuc.commands.{name}" → thethuc.commands
    return None


def imported_modules(source: str, importer: str, is_package: bool = False) -> set[str]:
    """Every thethuc module ``source`` (the text of module ``importer``) imports, however it is spelt.

    ``from a import b`` yields both ``a`` and ``a.b``: ``b`` may be a submodule (``from thethuc import checks``).
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = _resolve_relative(node.module, node.level, importer, is_package)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and (dynamic := _dynamic_name(node)):
            names.add(dynamic)
    return {n for n in names if n.startswith("thethuc.")}


def offences(importer: str, source: str, forbidden: tuple[str, ...], is_package: bool = False) -> list[str]:
    """The imports of ``importer`` that reach a forbidden top-level module, less the stated exceptions."""
    found = []
    for module in sorted(imported_modules(source, importer, is_package)):
        top = module.split(".")[1]
        if top in forbidden and (importer, top) not in ALLOWED:
            found.append(f"{importer} imports {module}")
    return found


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_imports_no_later_stage(stage: str) -> None:
    offending = []
    for path in _modules(PACKAGE / stage):
        offending += offences(module_name(path), path.read_text("utf-8"), FORBIDDEN[stage],
                              is_package=path.name == "__init__.py")
    assert offending == []


@pytest.mark.parametrize("name", SHARED_FACTS)
def test_shared_facts_import_only_the_model(name: str) -> None:
    path = PACKAGE / f"{name}.py"
    imported = imported_modules(path.read_text("utf-8"), module_name(path))
    assert {m for m in imported if m.split(".")[:2] not in (["thethuc", "model"], ["thethuc", "records"])} == set()
    if name == "records":
        assert imported == set()


def test_the_checker_never_imports_the_test_builders() -> None:
    # thethuc.testing is a public API for tests and rule-set authors; the checker must run without it.
    offending = []
    for path in _modules(PACKAGE):
        if "testing" in path.relative_to(PACKAGE).parts:
            continue
        offending += offences(module_name(path), path.read_text("utf-8"), ("testing",),
                              is_package=path.name == "__init__.py")
    assert offending == []


def test_the_test_builders_need_only_the_model_and_the_tcvn3_table() -> None:
    # What docs/testing.md promises a rule-set author: the builders stand on the data model alone.
    allowed = ("thethuc.model", "thethuc.records", "thethuc.testing", "thethuc.fix.encodings")
    extra = []
    for path in _modules(PACKAGE / "testing"):
        imported = imported_modules(path.read_text("utf-8"), module_name(path), path.name == "__init__.py")
        extra += [f"{path.name} imports {m}" for m in sorted(imported)
                  if not any(m == a or m.startswith(f"{a}.") for a in allowed)]
    assert extra == []


@pytest.mark.parametrize(("importer", "top"), sorted(ALLOWED))
def test_every_stated_exception_is_still_needed(importer: str, top: str) -> None:
    # An exception nobody needs any more is a hole in the test: remove it here and in docs/ARCHITECTURE.md.
    path = ROOT / Path(*importer.split(".")).with_suffix(".py")
    imported = imported_modules(path.read_text("utf-8"), importer)
    assert any(m.split(".")[1] == top for m in imported), f"{importer} no longer imports thethuc.{top}"
    assert "Stages and the one exception" in (ROOT / "docs" / "ARCHITECTURE.md").read_text("utf-8")


@pytest.mark.parametrize(("source", "importer", "expected"), [
    ("from thethuc.report.text import TextReporter\nimport thethuc.model\n", "thethuc.load.x",
     {"thethuc.report.text", "thethuc.report.text.TextReporter", "thethuc.model"}),
    ("from thethuc import checks\n", "thethuc.report.x", {"thethuc.checks"}),
    ("from thethuc import checks as c, model\n", "thethuc.report.x", {"thethuc.checks", "thethuc.model"}),
    ("from thethuc import __version__\n", "thethuc.report.x", {"thethuc.__version__"}),
    ("from .. import checks\n", "thethuc.report.x", {"thethuc.checks"}),
    ("from ..checks.format import Params\n", "thethuc.report.x",
     {"thethuc.checks.format", "thethuc.checks.format.Params"}),
    ("from . import labels\n", "thethuc.report.x", {"thethuc.report", "thethuc.report.labels"}),
    ("def f():\n    import thethuc.checks.format as f\n    return f\n", "thethuc.report.x", {"thethuc.checks.format"}),
    ("import importlib\nm = importlib.import_module('thethuc.checks.format')\n", "thethuc.report.x",
     {"thethuc.checks.format"}),
    ("import importlib\nm = importlib.import_module(f'thethuc.checks.{name}')\n", "thethuc.report.x",
     {"thethuc.checks"}),
])
def test_every_spelling_of_an_import_is_seen(source: str, importer: str, expected: set[str]) -> None:
    assert imported_modules(source, importer) == expected


def test_relative_import_in_a_package_init_resolves_from_the_package() -> None:
    assert imported_modules("from .format import Params\n", "thethuc.checks", is_package=True) \
        >= {"thethuc.checks.format"}
    assert imported_modules("from ..report import labels\n", "thethuc.checks", is_package=True) \
        >= {"thethuc.report.labels"}


@pytest.mark.parametrize("source", [
    "from thethuc import checks\n",
    "from .. import checks\n",
    "from ..checks import KINDS\n",
    "import thethuc.checks\n",
    "def later():\n    from thethuc.checks.format import Params\n",
    "import importlib\nimportlib.import_module(f'thethuc.checks.{kind}')\n",
])
def test_a_planted_forbidden_import_is_caught(source: str) -> None:
    assert offences("thethuc.report.planted", source, FORBIDDEN["report"]) != []


def test_the_exception_is_narrow() -> None:
    # Only the named module may make the edge: the same import elsewhere in ruleset is an offence.
    source = "def kinds():\n    from thethuc.checks import KINDS\n    return KINDS\n"
    assert offences("thethuc.ruleset.schema", source, FORBIDDEN["ruleset"]) == []
    assert offences("thethuc.ruleset.loader", source, FORBIDDEN["ruleset"]) == [
        "thethuc.ruleset.loader imports thethuc.checks", "thethuc.ruleset.loader imports thethuc.checks.KINDS"]
