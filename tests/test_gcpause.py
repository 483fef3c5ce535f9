"""thethuc.gcpause: the collector is off while a document is checked, and as it was after."""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from thethuc import stages
from thethuc.gcpause import collector_paused
from thethuc.pipeline import check_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()  # whatever a failing test left, the suite goes on collecting


def test_a_check_runs_with_the_collector_paused_and_turns_it_back_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = stages._run
    monkeypatch.setattr(stages, "_run", lambda *args: seen.append(gc.isenabled()) or real(*args))
    result = check_file(str(next(SAMPLES.glob("good/*.docx"))), "auto")
    assert result.status == "checked" and seen == [False] and gc.isenabled()


def test_a_process_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_exception_inside_still_turns_it_back_on() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_overlapping_checks_turn_it_back_on_only_when_the_last_ends() -> None:
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second check is still running
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_checks_in_threads_leave_the_collector_on() -> None:
    files = [str(p) for p in sorted(SAMPLES.glob("*/*.docx"))[:6]]
    errors: list[BaseException] = []

    def work(path: str) -> None:
        try:
            check_file(path, "auto")
        except BaseException as err:  # noqa: BLE001  # reported by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(path,)) for path in files * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and gc.isenabled()
