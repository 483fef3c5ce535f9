"""Run one file through the stages: load → recognise → choose rule set → check.

The only module that knows all stages; the runners (check, audit, pre-commit) call
``check_file`` and hand the FileResult to the reporters.
"""
from __future__ import annotations

from thethuc.errors import DocxInputError
from thethuc.model import FileResult, InputProblem
from thethuc.ruleset.types import RuleSet


def check_file(path: str, ruleset_spec: str | RuleSet = "hd36", display_path: str | None = None,
               stage: str = "issued", **options: object) -> FileResult:
    """Check one file at ``stage`` (``draft``: blank number and date are for the văn thư to fill in;
    ``issued``: they must be there); never raises for a bad input (it becomes an error FileResult)."""
    from thethuc.checks import document_stage, run_rules  # stages imported lazily for start-up time
    from thethuc.load import load_document
    from thethuc.recognise import recognise
    from thethuc.ruleset import choose_ruleset
    from thethuc.suppress import apply_suppressions

    shown = display_path or path
    try:
        doc = load_document(path)
    except DocxInputError as err:
        name = ruleset_spec.name if isinstance(ruleset_spec, RuleSet) else ruleset_spec
        return FileResult(path=shown, status="error", ruleset=name,
                          stage=stage, error=InputProblem(err.kind, err.render("vi").replace(path, shown, 1),
                                                          err.render("en").replace(path, shown, 1)))
    rec = recognise(doc)
    # --select/--ignore narrow whichever rule set is chosen per document (auto picks hd36/hd05/nd30).
    select, ignore = options.pop("select", ()), options.pop("ignore", ())
    ruleset, reason = choose_ruleset(ruleset_spec, rec, **options)
    if select or ignore:
        from thethuc.ruleset.select import apply_selection

        ruleset = apply_selection(ruleset, select, ignore)  # type: ignore[arg-type]  # lists of codes from the options
    findings, suppressed = apply_suppressions(run_rules(ruleset, rec, stage), rec)
    return FileResult(path=shown, status="checked", ruleset=ruleset.name, ruleset_reason=reason,
                      document_type=rec.document_type, findings=findings, suppressed=suppressed,
                      stage=document_stage(rec, stage))
