"""Optional compiled build: ``THETHUC_MYPYC=1 pip install .`` compiles the hot stages with mypyc.

Without the variable (the default) this adds nothing: ``pip install .`` installs the pure-Python
package and needs no C compiler. With it, the modules of ``compiled_modules()`` are compiled to C extension
modules by mypyc (mypy's compiler) and a C compiler; the reports are byte-identical to the pure
build's (tests/test_mypyc_build.py). Everything else — metadata, packages, data — is in pyproject.toml.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from setuptools import setup

# The stages every document goes through, per paragraph and run. A module here must keep to what
# mypyc compiles faithfully: annotations are checked at run time (a value of another type raises
# TypeError, where Python would carry on), and its functions cannot be monkeypatched from outside.
PACKAGES = ("thethuc/load", "thethuc/recognise", "thethuc/checks")
MODULES = ("thethuc/memo.py",)  # the identity memos both recognise and checks ask per paragraph
# Not compiled: Words subclasses tuple (mypyc compiles no subclass of a builtin type), and the
# rule-set parsing there runs once per process, not per document.
# Nor the kinds' protocols (checks/kind.py): a compiled Protocol class is no protocol to typing's
# runtime_checkable (TypeError at import).
EXCLUDED = {"thethuc/checks/properties.py", "thethuc/checks/kind.py"}
# Nor a kind that declares its keys with param()/built() (thethuc/ruleset/params.py): the default of
# such a field is a dataclasses.Field, and mypyc checks a class attribute's value against its annotation
# at import (TypeError: str object expected; got dataclasses.Field), native class or not.
DECLARES_PARAMS = re.compile(r"^\s+\w+: .+ = (?:param|built)\(", re.MULTILINE)


def compiled_modules() -> list[str]:
    here = Path(__file__).resolve().parent
    return [*MODULES, *(rel for package in PACKAGES for path in sorted((here / package).glob("*.py"))
                        if (rel := path.relative_to(here).as_posix()) not in EXCLUDED
                        and not DECLARES_PARAMS.search(path.read_text("utf-8")))]


MYPY_REQUIREMENT = "mypy~=2.4"  # brings mypyc; the major version the build was tested with


def _wanted() -> bool:
    return os.environ.get("THETHUC_MYPYC", "").strip().lower() in {"1", "true", "yes"}


if not _wanted():
    setup()
else:
    try:
        from mypyc.build import mypycify
    except ImportError:
        if "egg_info" in sys.argv:
            # The first pass of an isolated build (pip's default) only asks what the build needs
            # (setuptools runs "egg_info"): setup_requires becomes a build requirement, pip installs
            # mypy into the build environment and runs this file again, and the import succeeds.
            setup(setup_requires=[MYPY_REQUIREMENT])
        else:  # --no-build-isolation without mypy: say so, rather than quietly build pure Python
            sys.exit(f"THETHUC_MYPYC=1 needs mypyc ({MYPY_REQUIREMENT}) where the build runs: "
                     "pip install mypy, or unset THETHUC_MYPYC for the pure-Python build")
    else:
        # -O2, not mypyc's default -O3: the same instructions per document under callgrind (42.7 M)
        # for a fifth less compiling (1 min 29 s of CPU against 1 min 54 s).
        setup(ext_modules=mypycify(compiled_modules(), opt_level="2", debug_level="0"))
