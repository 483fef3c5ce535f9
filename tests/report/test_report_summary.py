from report_samples import BROKEN, CLEAN, NQ, RESULTS, UNTYPED

from thethuc.report import Summary


def test_counts_files_and_findings_by_severity() -> None:
    s = Summary.of(RESULTS)
    assert (s.files, s.checked, s.errors, s.clean, s.with_findings) == (4, 3, 1, 1, 2)
    assert s.findings == {"error": 3, "warning": 3, "info": 1}
    assert s.suppressed == 1


def test_counts_by_code_with_names_most_frequent_first() -> None:
    s = Summary.of(RESULTS)
    assert s.by_code[("hd36", "P003")].count == 2  # by rule set and code: a code means one rule in its set
    assert s.by_code[("hd36", "P003")].name == "margin-top"
    assert [c.code for c in s.codes()] == ["P003", "B001", "H002", "P007", "P009", "P010"]
    assert ("hd36", "H003") not in s.by_code  # suppressed findings are not findings


def test_add_is_incremental_and_leaves_the_old_summary_alone() -> None:
    empty = Summary()
    one = empty.add(NQ)
    two = one.add(BROKEN)
    assert empty.files == 0 and empty.findings == {"error": 0, "warning": 0, "info": 0}
    assert one.files == 1 and one.errors == 0 and one.findings["error"] == 3
    assert two.files == 2 and two.errors == 1 and two.findings == one.findings
    assert Summary.of([NQ, BROKEN]) == two


def test_fail_on_threshold_counts() -> None:
    only_warning = Summary.of([CLEAN, UNTYPED])
    assert only_warning.count_at_or_above("error") == 0
    assert only_warning.count_at_or_above("warning") == 1
    assert only_warning.count_at_or_above("info") == 1
    assert Summary.of(RESULTS).count_at_or_above("warning") == 6
