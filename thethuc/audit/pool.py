"""Run chunks of tasks on a local process pool, streaming results with few tasks in flight.

A worker that dies (segfault, OOM kill) breaks the whole pool; the chunks that were in flight are
then re-run one file at a time, alone, so the file that kills a worker is found and reported.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import field

from thethuc.audit.render import Rendered
from thethuc.audit.stopping import StopFlag
from thethuc.audit.worker import Job, Task, error_result, init_worker, render_chunk
from thethuc.model import FileResult
from thethuc.records import dataclass

# A worker's rendered file, or a FileResult made here for a file whose worker died.
Outcome = tuple[int, FileResult | Rendered]
Chunk = Future[list[tuple[int, Rendered]]]  # a render_chunk call in a worker
POLL_S = 0.2  # how often a wait wakes up to notice Ctrl-C
# Workers are not recycled: every cache in the checker is bounded (lru maxsize, 16 templates), and
# max_tasks_per_child can leave CPython 3.11's pool with no live worker (gh-115634), a hang seen once here.
TASKS_PER_CHILD = None
GIVE_UP_AFTER = 3  # files in a row that "kill" a worker before any file succeeded: workers are broken


class WorkersBrokenError(RuntimeError):
    """Worker processes die whatever they are given (broken install, unguarded __main__ …)."""


def process_context() -> multiprocessing.context.BaseContext:
    # forkserver: cheap, clean children without the parent's threads (rich's refresh thread,
    # Dask's loop); spawn where forkserver does not exist (Windows, some macOS setups).
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Imported once in the server, so each forked worker starts with the stages and the
        # built-in rule sets loaded. Only the first call counts: the server lives as long as we do.
        ctx.set_forkserver_preload(["thethuc.audit.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def prestart() -> None:
    """Start the fork server now: its imports then overlap the parent's own start-up and walk."""
    if process_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver  # absent on Windows
        forkserver.ensure_running()


def default_jobs() -> int:
    return os.cpu_count() or 1


@dataclass
class _State:
    """The pool's bookkeeping during one run: chunks in flight, the files of a broken chunk waiting to
    re-run alone, and the counts that tell a file that kills its worker from workers that cannot start."""

    inflight: dict[Chunk, list[Task]] = field(default_factory=dict)
    retry: deque[list[Task]] = field(default_factory=deque)  # suspects, to re-run one by one
    alone: set[Chunk] = field(default_factory=set)  # a suspect running by itself
    succeeded: int = 0  # chunks that came back
    culprits: int = 0  # files found to kill their worker

    @property
    def isolating(self) -> bool:
        return bool(self.retry or self.alone)


class LocalPool:
    """``run(chunks)`` yields (task index, result) as chunks finish, in completion order."""

    def __init__(self, job: Job, jobs: int | None = None, stop: StopFlag | None = None) -> None:
        self.job = job
        self.jobs = max(1, jobs or default_jobs())
        self.stop = stop or StopFlag()
        # Two chunks per worker keep every core busy while the parent writes outputs; more would
        # only hold results in memory.
        self.max_inflight = 2 * self.jobs

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=process_context(),
                                   initializer=init_worker, max_tasks_per_child=TASKS_PER_CHILD)

    def run(self, chunks: Iterable[list[Task]]) -> Iterator[Outcome]:
        source = iter(chunks)
        st = _State()
        executor = self._new_executor()
        try:
            while True:
                self._fill(executor, source, st)
                if not st.inflight:
                    return
                done, _ = wait(st.inflight, timeout=POLL_S, return_when=FIRST_COMPLETED)
                if self.stop.hard:
                    return
                if self.stop.is_set():
                    # Chunks still queued (not yet running) are dropped rather than waited for.
                    for fut in [f for f in st.inflight if f not in done and f.cancel()]:
                        del st.inflight[fut]
                broken = yield from self._collect(done, st)
                if broken:
                    # The chunks still in flight died with the pool: suspects as well.
                    for tasks in st.inflight.values():
                        st.retry.extend([t] for t in tasks)
                    st.inflight.clear()
                    st.alone.clear()
                    executor.shutdown(wait=False, cancel_futures=True)
                    executor = self._new_executor()
        finally:
            self._close(executor)

    def _collect(self, done: set[Chunk], st: _State) -> Generator[Outcome, None, bool]:
        """Yield the outcomes of finished chunks; return whether the pool broke."""
        broken = False
        for fut in done:
            tasks = st.inflight.pop(fut)
            ran_alone = fut in st.alone
            st.alone.discard(fut)
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                broken = True
                yield from self._suspect(tasks, st, ran_alone)
            except Exception as exc:  # noqa: BLE001 (e.g. an unpicklable result)
                yield from self._failed(tasks, st, ran_alone, f"{type(exc).__name__}: {exc}")
            else:
                st.succeeded += 1
                yield from outcomes
        return broken

    def _fill(self, executor: ProcessPoolExecutor, source: Iterator[list[Task]], st: _State) -> None:
        while not self.stop.is_set():
            if len(st.inflight) >= (1 if st.isolating else self.max_inflight):
                return
            from_retry = bool(st.retry)
            chunk = st.retry.popleft() if from_retry else next(source, None)
            if chunk is None:
                return
            fut = executor.submit(render_chunk, chunk, self.job)
            st.inflight[fut] = chunk
            if from_retry:
                st.alone.add(fut)

    def _suspect(self, tasks: list[Task], st: _State, ran_alone: bool) -> Iterator[Outcome]:
        """Tasks whose worker died: the culprit if it ran alone, else re-run each file alone."""
        if ran_alone:
            st.culprits += 1
            if not st.succeeded and st.culprits >= GIVE_UP_AFTER:
                raise WorkersBrokenError("các tiến trình kiểm tra chết ngay khi khởi động "
                                         "/ worker processes die before checking any file")
            t = tasks[0]
            yield t.index, error_result(t.display, self.job.ruleset_spec,
                                        "tiến trình kiểm tra chết khi đọc tệp này "
                                        "/ the checking process died on this file")
            return
        st.retry.extend([t] for t in tasks)

    def _failed(self, tasks: list[Task], st: _State, ran_alone: bool,
                cause: str) -> Iterator[Outcome]:
        if not ran_alone and len(tasks) > 1:
            st.retry.extend([t] for t in tasks)
            return
        for t in tasks:
            yield t.index, error_result(t.display, self.job.ruleset_spec,
                                        f"lỗi nội bộ / internal error: {cause}")

    def _close(self, executor: ProcessPoolExecutor) -> None:
        if self.stop.hard:
            # Second Ctrl-C: do not wait for running files. ``_processes`` is private but has
            # been there since 3.2, and nothing public can end a running task.
            for proc in list(getattr(executor, "_processes", {}).values()):
                proc.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
