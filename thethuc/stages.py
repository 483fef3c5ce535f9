"""One file through the stages: load → recognise → choose rule set → check, keeping what each made.

``pipeline.check_file`` (check, audit, pre-commit) keeps the FileResult; ``fix`` also needs the
recognised document and the chosen rule set to repair. Both call this, so a fix judges exactly
what check judges. Below the pipeline and the fix stage: it imports neither, nor any reporter.
"""
from __future__ import annotations

from thethuc.errors import DocxInputError
from thethuc.gcpause import collector_paused
from thethuc.model import FileResult, InputProblem, Recognised
from thethuc.records import dataclass
from thethuc.ruleset.types import RuleSet


@dataclass(frozen=True)
class Checked:
    """What the stages made of one file: its FileResult and, when it could be read, the recognised document
    and the rule set chosen, which ``fix`` needs to repair it."""

    result: FileResult
    rec: Recognised | None = None  # None: the file could not be read (``result`` says why)
    ruleset: RuleSet | None = None


def run_stages(path: str, ruleset_spec: str | RuleSet, shown: str, stage: str,
               options: dict[str, object]) -> Checked:
    """Check ``path`` (shown as ``shown``) at ``stage``; ``options`` are ``select``/``ignore`` and
    the rule-set choice's keywords. A bad input becomes an error FileResult, never an exception.
    The cyclic garbage collector is paused meanwhile (``thethuc.gcpause``)."""
    with collector_paused():
        return _run(path, ruleset_spec, shown, stage, options)


def _run(path: str, ruleset_spec: str | RuleSet, shown: str, stage: str, options: dict[str, object]) -> Checked:
    from thethuc.checks import document_stage, run_rules  # stages imported lazily for start-up time
    from thethuc.load import load_document
    from thethuc.recognise import recognise
    from thethuc.ruleset import choose_ruleset
    from thethuc.suppress import apply_suppressions

    try:
        doc = load_document(path)
    except DocxInputError as err:
        name = ruleset_spec.name if isinstance(ruleset_spec, RuleSet) else ruleset_spec
        return Checked(FileResult(path=shown, status="error", ruleset=name,
                                  stage=stage, error=InputProblem(err.kind, err.render("vi").replace(path, shown, 1),
                                                                  err.render("en").replace(path, shown, 1))))
    rec = recognise(doc)
    # --select/--ignore narrow whichever rule set is chosen per document (auto picks hd36/hd05/nd30).
    rest = dict(options)
    select, ignore = rest.pop("select", ()), rest.pop("ignore", ())
    ruleset, reason = choose_ruleset(ruleset_spec, rec, **rest)
    if select or ignore:
        from thethuc.ruleset.select import apply_selection

        ruleset = apply_selection(ruleset, select, ignore)  # type: ignore[arg-type]  # lists of codes from the options
    findings, suppressed = apply_suppressions(run_rules(ruleset, rec, stage), rec)
    return Checked(FileResult(path=shown, status="checked", ruleset=ruleset.name, ruleset_reason=reason,
                              document_type=rec.document_type, findings=findings, suppressed=suppressed,
                              stage=document_stage(rec, stage)),
                   rec, ruleset)
