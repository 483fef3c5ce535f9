"""Which configuration governs each audited file: the same `.thethuc.yaml` / `[tool.thethuc]` lookup
as `thethuc check`, so one folder gets the same verdicts under both commands.

Resolved in the parent before any file is checked (a bad configuration stops the run, exit 2) and
once per folder, not per file: an archive folder holds thousands of files. Workers receive one rule
set per configuration (``Job.rulesets``) and, per file, its index and select/ignore options.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import field

from thethuc.audit.discovery import AuditedFile
from thethuc.config import CliOptions, ConfigResolver, Settings, validate_selection
from thethuc.records import dataclass

DEFAULT_RULESET = "auto"  # audit's default: an archive mixes Party documents of both periods and state ones


@dataclass
class Profiles:
    """The configurations governing an audit's files: each distinct one once, and for each candidate file
    which of them applies (the same lookup as ``thethuc check``)."""

    settings: list[Settings] = field(default_factory=list)  # distinct, in first-use order
    of_file: list[int] = field(default_factory=list)  # per candidate: index into settings

    def options(self, index: int, cand: AuditedFile) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """select/ignore for one file (``per-file-ignores`` depend on its path)."""
        opts = self.settings[self.of_file[index]].pipeline_options(cand.path)
        return tuple((key, tuple(value)) for key, value in opts.items())  # type: ignore[arg-type]  # select/ignore: lists of codes

    def first(self) -> Settings | None:
        return self.settings[0] if self.settings else None

    def identity(self) -> str:
        """What results depend on besides the file and the tool: the configurations (and the rule
        files they name) as they are now, for the journal's fingerprint."""
        parts = []
        for s in self.settings:
            parts.append(f"{s.ruleset}|{s.select}|{s.ignore}|{s.config.per_file_ignores}|{_stamp(s.config.path)}")
            if os.path.isfile(s.ruleset):
                parts.append(_stamp(s.ruleset))
        return ";".join(parts)


def _stamp(path: str | None) -> str:
    if path is None:
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:?"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def resolve_profiles(cands: Sequence[AuditedFile], cli: CliOptions) -> Profiles:
    """Settings per candidate; raises RuleSetError (file, line) for a bad configuration or selection."""
    resolver = ConfigResolver(cli, DEFAULT_RULESET)
    profiles = Profiles()
    index_of: dict[int, int] = {}
    by_folder: dict[str, int] = {}
    for cand in cands:
        folder = os.path.dirname(cand.path)
        if folder not in by_folder:
            settings = resolver.settings_for(cand.path)
            if id(settings) not in index_of:
                index_of[id(settings)] = len(profiles.settings)
                profiles.settings.append(settings)
            by_folder[folder] = index_of[id(settings)]
        profiles.of_file.append(by_folder[folder])
    if not profiles.settings:  # nothing found: the command line alone still has to be valid
        profiles.settings.append(resolver.settings_for(cands[0].path if cands else "."))
    for settings in profiles.settings:
        # Only a selection needs the rule sets in the parent (the workers load them anyway; a bad
        # --ruleset or `extends:` was already refused by the command and the resolver).
        if settings.select or settings.ignore:
            validate_selection(settings.ruleset_source, settings.select or (), settings.ignore)
    return profiles
