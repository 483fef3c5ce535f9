"""Run the same chunks on an existing Dask distributed cluster (``--scheduler tcp://…``).

Workers must see the archive at the same absolute paths (a shared mount) and have thethuc
installed. Results stream back as they finish; only a bounded number of chunks is in flight.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from thethuc.audit.stopping import StopFlag
from thethuc.audit.worker import Job, Task, error_result, render_chunk

Outcome = tuple[int, Any]
POLL_S = 0.2
CONNECT_TIMEOUT = "5s"  # an unreachable scheduler is said within seconds, not after a long wait


class ClusterSetupError(Exception):
    """The cluster cannot be used: extra not installed, or scheduler unreachable."""


def _distributed() -> Any:
    try:
        import distributed  # optional extra, imported only for --scheduler
    except ImportError as exc:
        raise ClusterSetupError(
            "--scheduler cần gói distributed: pip install 'thethuc[distributed]' "
            "/ --scheduler needs the distributed extra: pip install 'thethuc[distributed]'") from exc
    return distributed


class DaskRunner:
    """``run(chunks)`` yields (task index, result) in completion order, like ``LocalPool``."""

    def __init__(self, job: Job, address: str, stop: StopFlag | None = None) -> None:
        self.job = job
        self.address = address
        self.stop = stop or StopFlag()

    def _connect(self) -> Any:
        distributed = _distributed()
        try:
            return distributed.Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ClusterSetupError(f"không kết nối được {self.address} / cannot reach the "
                                    f"scheduler at {self.address}: {exc}") from exc

    def run(self, chunks: Iterable[list[Task]]) -> Iterator[Outcome]:
        distributed = _distributed()
        client = self._connect()
        inflight: dict[Any, list[Task]] = {}
        try:
            threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
            limit = max(4, 2 * threads)
            source = iter(chunks)
            retry: list[list[Task]] = []
            while True:
                while not self.stop.is_set() and len(inflight) < limit:
                    chunk = retry.pop() if retry else next(source, None)
                    if chunk is None:
                        break
                    inflight[client.submit(render_chunk, chunk, self.job, pure=False)] = chunk
                if not inflight or self.stop.hard:
                    return
                try:
                    with client.as_current():  # wait() looks up "the" client; ours is not global
                        done, _ = distributed.wait(list(inflight), timeout=POLL_S,
                                                   return_when="FIRST_COMPLETED")
                except TimeoutError:
                    continue
                for fut in done:
                    tasks = inflight.pop(fut)
                    yield from self._collect(fut, tasks, retry)
        finally:
            if inflight:
                client.cancel(list(inflight))
            client.close()

    def _collect(self, fut: Any, tasks: list[Task], retry: list[list[Task]]) -> Iterator[Outcome]:
        try:
            outcomes = fut.result()
        except Exception as exc:  # noqa: BLE001 (KilledWorker, lost worker, unpicklable …)
            if len(tasks) > 1:
                retry.extend([t] for t in tasks)  # find the one file at fault
                return
            t = tasks[0]
            yield t.index, error_result(t.display, self.job.ruleset_spec,
                                        f"lỗi trên máy trạm Dask / Dask worker failure: "
                                        f"{type(exc).__name__}: {str(exc).split('. ')[0]}")
            return
        yield from outcomes
