"""Imported once by the local pool's fork server: the stages and the built-in rule sets.

Every worker forked from the server then starts with them in memory instead of paying ~0.3 s of
imports and YAML before its first file (the audit's fixed cost, which limits the --jobs speed-up).
"""
from __future__ import annotations

import contextlib

from thethuc.errors import RuleSetError
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.loader import builtin_names


def _warm_rulesets() -> None:
    # All of them: "auto" may need each, and a few tens of ms here saves as much in every worker.
    for name in builtin_names():
        # A worker meets the same error on its first file and reports it there.
        with contextlib.suppress(RuleSetError):
            load_ruleset(name)


_warm_rulesets()
