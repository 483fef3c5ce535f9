"""The per-file work of an audit, run inside worker processes (local pool or Dask workers).

Nothing here raises for a file: a checker bug or a timeout becomes that file's error result.
"""
from __future__ import annotations

import importlib
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from types import FrameType
from typing import Any

from thethuc.audit.convert import ConversionError, convert_to_docx
from thethuc.audit.render import Outputs, Rendered, render
from thethuc.model import FileResult, InputProblem
from thethuc.records import dataclass

DEFAULT_CHECKER = "thethuc.pipeline:check_file"
Checker = Callable[..., FileResult]


@dataclass(frozen=True, slots=True)
class Task:
    """One file to check; ``index`` ties the result back to the runner's bookkeeping."""

    index: int
    read_path: str  # what the checker opens: the file itself or its converted copy
    display: str  # the path shown in every output
    convert: bool = False  # an old .doc/.odt: convert to a temporary .docx first
    folder: str = ""  # the top-level folder, a cell of the CSV rows rendered in the worker
    profile: int = 0  # which of ``Job.rulesets`` governs the file (its configuration's rule set)
    options: tuple[tuple[str, tuple[str, ...]], ...] = ()  # select/ignore for the checker, from its configuration


@dataclass(frozen=True, slots=True)
class Job:
    """What every task of a run shares; small, so it pickles with each chunk for free."""

    ruleset_spec: str = "hd36"
    checker: str = DEFAULT_CHECKER  # "module:function", importable in the workers
    timeout: float | None = None  # seconds per file; None = no limit
    outputs: Outputs = Outputs()  # the texts rendered per file for the parent to write
    stage: str = "issued"  # --stage: how blank numbers and dates are judged
    # One rule set per configuration met (a name, a path, or a RuleSet built from a configuration's
    # ``rules:``), indexed by ``Task.profile``; empty: ``ruleset_spec`` for every file.
    rulesets: tuple[Any, ...] = ()


class _Timeout(BaseException):
    # BaseException so that a stage's broad ``except Exception`` cannot swallow it.
    pass


def init_worker() -> None:
    """Pool initializer: Ctrl-C is the parent's business; it stops the run and reaps us."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@cache
def resolve_checker(ref: str) -> Checker:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def error_result(display: str, ruleset: str, message: str) -> FileResult:
    """The one row a file gets when it could not be checked for a reason outside the input."""
    return FileResult(path=display, status="error", ruleset=ruleset,
                      error=InputProblem("unreadable", f"{display}: {message}"))


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _can_time_out(timeout: float | None) -> bool:
    # Signals reach only the main thread; Dask runs tasks in threads, where we go without.
    return (timeout is not None and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread())


def check_one(task: Task, job: Job) -> FileResult:
    checker = resolve_checker(job.checker)
    timed = _can_time_out(job.timeout)
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    try:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, job.timeout)  # type: ignore[arg-type]  # timed: job.timeout is a number
        spec = job.rulesets[task.profile] if job.rulesets else job.ruleset_spec
        # The configuration's selection applies; the stage is the audit's (issued unless --stage).
        return checker(task.read_path, spec, display_path=task.display, **{**dict(task.options), "stage": job.stage})
    except _Timeout:
        return error_result(task.display, job.ruleset_spec,
                            f"quá thời gian kiểm tra ({job.timeout:g} s) / check timed out")
    except MemoryError:
        return error_result(task.display, job.ruleset_spec, "không đủ bộ nhớ / out of memory")
    except Exception as exc:  # noqa: BLE001 (one file's checker bug must not stop an archive audit)
        return error_result(task.display, job.ruleset_spec,
                            f"lỗi nội bộ / internal error: {type(exc).__name__}: {exc}")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _check_converted(task: Task, job: Job) -> FileResult:
    # Converted in the worker, so conversions run in parallel and on Dask workers too.
    outdir = tempfile.mkdtemp(prefix="thethuc-conv-")
    try:
        try:
            converted = convert_to_docx(task.read_path, outdir)
        except ConversionError as exc:
            return error_result(task.display, job.ruleset_spec, str(exc))
        return check_one(replace(task, read_path=str(converted), convert=False), job)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


def check_task(task: Task, job: Job) -> FileResult:
    return _check_converted(task, job) if task.convert else check_one(task, job)


def render_chunk(tasks: list[Task], job: Job) -> list[tuple[int, Rendered]]:
    """Check a few files in one round trip (small files are cheaper in batches), each result
    already turned into the outputs' text.

    Strings pickle and unpickle far faster than a FileResult's object tree, and the parent is
    left with writing them: its per-file work no longer competes with the checking.
    """
    return [(t.index, render(check_task(t, job), t.display, t.folder, job.outputs)) for t in tasks]
