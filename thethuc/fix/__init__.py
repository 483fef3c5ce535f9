"""Stage ``fix`` (after check): repair a copy of a .docx where the rule set marks a rule fixable.

Entry point ``fix_file(path, ruleset, shown, output, options) -> FixOutcome``. Imports load,
recognise, ruleset and checks; nothing earlier imports it. See docs/fix.md.
"""
from __future__ import annotations

from thethuc.fix.engine import fix_file
from thethuc.fix.types import Change, FixOutcome

__all__ = ["Change", "FixOutcome", "fix_file"]
