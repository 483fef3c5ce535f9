"""Kind ``state_document``: a state document (Nghị định 30) checked under a Party rule set.

Keys: ``suggest`` (the rule set to use instead, e.g. ``nd30``), ``silence`` (codes or code
prefixes that would only repeat this cause; the engine does not run them on such a document).
The finding is said once, instead of a finding for every header element.
"""
from __future__ import annotations

from collections.abc import Iterator

from thethuc.checks.common import make_finding
from thethuc.model import Finding, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import as_str, as_str_list
from thethuc.ruleset.params import param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import squash


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``state_document`` rule: the rule set to suggest for a state document met under a Party
    rule set, and the codes its verdict silences."""

    suggest: str = param(as_str, "nd30")
    silence: tuple[str, ...] = param(as_str_list, ())


parse = params_parser(Params, "state_document")


def is_state(rec: Recognised) -> bool:
    return rec.family == "state" or "quoc_hieu" in rec.roles


def silenced(params: Params, rec: Recognised) -> tuple[str, ...]:
    """Codes/prefixes the engine must not run for this document."""
    return params.silence if is_state(rec) else ()


def _signals(rec: Recognised) -> list[str]:
    found = [squash(p.text) for p in rec.paragraphs_with("quoc_hieu")[:1]]
    found += [squash(p.text) for p in rec.paragraphs_with("so_ky_hieu")[:1] if "Số:" in p.text]
    found += [squash(p.text) for p in rec.paragraphs_with("tham_quyen_ky")[:1]
              if p.text.strip().startswith(("TM.", "KT.", "TL.", "TUQ."))]
    return found


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if not is_state(rec):
        return
    seen = "; ".join(_signals(rec)) or (rec.notes[0] if rec.notes else "")
    anchor = next(iter(rec.paragraphs_with("quoc_hieu")), None)
    yield make_finding(
        rule, rec, anchor, element=None,
        expected=Text("văn bản của Đảng", "a Party document"),
        actual=Text(f"văn bản hành chính nhà nước ({seen}); hãy kiểm tra với --ruleset {params.suggest}",
                    f"a state administrative document ({seen}); check it with --ruleset {params.suggest}"),
        source=None)
