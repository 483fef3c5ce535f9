"""Run an audit: discover files, reuse the journal, check the rest in parallel, fan out to outputs.

Results are consumed one by one as workers finish; nothing here keeps a list of results.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import field, replace
from typing import Protocol

from thethuc.audit.convert import find_soffice
from thethuc.audit.discovery import AuditedFile, walk
from thethuc.audit.journal import Journal, fingerprint
from thethuc.audit.outputs import CsvSink, JsonlSink, Sink
from thethuc.audit.profiles import DEFAULT_RULESET, Profiles, resolve_profiles
from thethuc.audit.render import Outputs, Rendered, render
from thethuc.audit.stopping import StopFlag, sigint_sets
from thethuc.audit.summary import AuditSummary
from thethuc.audit.worker import DEFAULT_CHECKER, Job, Task
from thethuc.config import CliOptions
from thethuc.model import FileResult
from thethuc.records import dataclass

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells expect after Ctrl-C


@dataclass(frozen=True)
class AuditOptions:
    """What one ``thethuc audit`` run is asked to do: the folders, rule set and stage, the outputs and
    journal, and how files are spread over workers (the command line's options)."""

    roots: tuple[str, ...]
    # None: what the configuration of the files says (.thethuc.yaml, [tool.thethuc]), else "auto"
    ruleset: str | None = None
    stage: str = "issued"  # an archive holds issued documents (a file marked "Dự thảo" is still a draft)
    jobs: int | None = None  # None: every core
    scheduler: str | None = None  # tcp://host:port of a Dask scheduler
    csv: str | None = None
    jsonl: str | None = None
    html: str | None = None
    journal: str | None = None
    convert: bool = False
    lang: str | None = None  # None: the configuration's, else "vi"
    fail_on: str | None = None  # None: the configuration's, else "error"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config: str | None = None  # --config FILE for every file
    isolated: bool = False  # --no-config
    timeout: float | None = 300.0  # per file, local pool only
    checker: str = DEFAULT_CHECKER
    chunk_files: int = 8  # small files travel to workers in batches of up to this many …
    chunk_bytes: int = 2_000_000  # … and this many bytes; a bigger file travels alone


@dataclass(frozen=True)
class AuditOutcome:
    """How an audit ended: its totals, whether Ctrl-C stopped it early, and the exit code to return."""

    summary: AuditSummary
    interrupted: bool
    exit_code: int
    lang: str = "vi"  # the language the run was reported in (the command line's or the configuration's)


class ProgressHook(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, summary: AuditSummary) -> None: ...

    def stopping(self) -> None: ...

    def close(self) -> None: ...


class _NoProgress:
    def start(self, total: int) -> None: ...

    def advance(self, summary: AuditSummary) -> None: ...

    def stopping(self) -> None: ...

    def close(self) -> None: ...


def chunked(tasks: Sequence[Task], sizes: Sequence[int], max_files: int,
            max_bytes: int) -> Iterator[list[Task]]:
    """Consecutive small files grouped; a large or converted file goes alone."""
    chunk: list[Task] = []
    weight = 0
    for task in tasks:
        size = sizes[task.index]
        if task.convert or size >= max_bytes:
            if chunk:
                yield chunk
                chunk, weight = [], 0
            yield [task]
            continue
        if chunk and (len(chunk) >= max_files or weight + size > max_bytes):
            yield chunk
            chunk, weight = [], 0
        chunk.append(task)
        weight += size
    if chunk:
        yield chunk


def _sinks(opts: AuditOptions) -> list[Sink]:
    sinks: list[Sink] = []
    if opts.csv:
        sinks.append(CsvSink(opts.csv, opts.lang or "vi", opts.fail_on or "error"))
    if opts.jsonl:
        sinks.append(JsonlSink(opts.jsonl, opts.lang or "vi", opts.ruleset or DEFAULT_RULESET))
    if opts.html:
        from thethuc.audit.html import HtmlSink  # jinja2 only when asked
        sinks.append(HtmlSink(opts.html, opts.lang or "vi"))
    return sinks


@dataclass
class _Run:
    """One audit in progress: its options, candidate files, totals, outputs and journal. It settles what
    needs no worker, hands the rest to the local pool or a Dask cluster, and passes each finished file to
    the totals, journal and outputs."""

    opts: AuditOptions
    cands: list[AuditedFile]
    summary: AuditSummary
    sinks: list[Sink]
    progress: ProgressHook
    journal: Journal | None
    stop: StopFlag = field(default_factory=StopFlag)
    profiles: Profiles = field(default_factory=Profiles)

    def outputs(self, journal: bool = True) -> Outputs:
        """The per-file texts to render (a result read back from the journal is not written again)."""
        return Outputs(self.opts.lang or "vi", jsonl=bool(self.opts.jsonl), csv=bool(self.opts.csv),
                       journal=journal and self.journal is not None, html=bool(self.opts.html),
                       fail_on=self.opts.fail_on or "error")

    def emit(self, cand: AuditedFile, out: FileResult | Rendered, reused: bool = False) -> None:
        if isinstance(out, FileResult):  # reused from the journal, or made here for a dead worker
            out = render(out, cand.display, cand.folder, self.outputs(journal=not reused))
        if self.journal is not None and not reused:
            self.journal.record_json(cand, out.digest.status, out.digest.severity_counts(), out.journal)
        self.summary.add_digest(cand, out.digest, reused, converted=cand.kind == "convert")
        for sink in self.sinks:
            sink.rendered(cand, out)
        self.progress.advance(self.summary)

    def not_checked(self, cand: AuditedFile) -> None:
        self.summary.add_not_checked(cand)
        for sink in self.sinks:
            sink.not_checked(cand)

    def plan(self, can_convert: bool) -> list[Task]:
        """Settle what needs no worker (old formats, unchanged files); return the rest as tasks."""
        tasks: list[Task] = []
        for i, cand in enumerate(self.cands):
            if self.stop.is_set():
                break
            if cand.kind == "convert" and not can_convert:
                self.not_checked(cand)
                continue
            reused = self.journal.lookup(cand) if self.journal else None
            if reused is not None:
                self.emit(cand, reused, reused=True)
                continue
            tasks.append(Task(i, cand.path, cand.display, convert=cand.kind == "convert",
                              folder=cand.folder, profile=self.profiles.of_file[i],
                              options=self.profiles.options(i, cand)))
        return tasks

    def execute(self, tasks: list[Task]) -> None:
        job = Job(self.opts.ruleset or DEFAULT_RULESET, self.opts.checker, self.opts.timeout, self.outputs(),
                  stage=self.opts.stage, rulesets=tuple(s.ruleset_source for s in self.profiles.settings))
        sizes = [c.size for c in self.cands]
        chunks = chunked(tasks, sizes, self.opts.chunk_files, self.opts.chunk_bytes)
        if self.opts.scheduler:
            from thethuc.audit.cluster import DaskRunner  # optional extra
            outcomes = DaskRunner(job, self.opts.scheduler, self.stop).run(chunks)
        else:
            from thethuc.audit.pool import LocalPool
            outcomes = LocalPool(job, self.opts.jobs, self.stop).run(chunks)
        for index, out in outcomes:
            self.emit(self.cands[index], out)


def run_audit(opts: AuditOptions, progress: ProgressHook | None = None,
              stop: StopFlag | None = None) -> AuditOutcome:
    """Audit ``opts.roots``; Ctrl-C (or ``stop.set()``) ends early with what is done written out."""
    progress = progress or _NoProgress()
    if not opts.scheduler:
        from thethuc.audit.pool import prestart
        prestart()  # workers' imports load while we walk the folders
    cands = list(walk(opts.roots))  # paths only: small even for 100 000 files
    # The configurations, as `check` reads them; a bad one stops here, before any output is opened.
    profiles = resolve_profiles(cands, CliOptions(ruleset=opts.ruleset, select=opts.select, ignore=opts.ignore,
                                                  fail_on=opts.fail_on, lang=opts.lang, config=opts.config,
                                                  isolated=opts.isolated))
    first = profiles.first()
    opts = replace(opts, fail_on=opts.fail_on or (first.fail_on if first else "error"),
                   lang=opts.lang or (first.lang if first else "vi"))
    summary = AuditSummary(fail_on=opts.fail_on or "error", total=len(cands))
    can_convert = opts.convert and find_soffice() is not None
    run_key = f"{opts.ruleset or DEFAULT_RULESET}|{profiles.identity()}"
    journal = Journal(opts.journal, fingerprint(run_key, opts.checker, opts.stage)) if opts.journal else None
    run = _Run(opts, cands, summary, _sinks(opts), progress, journal, stop or StopFlag(), profiles)
    old_formats = 0 if can_convert else sum(c.kind == "convert" for c in cands)
    progress.start(len(cands) - old_formats)
    try:
        with sigint_sets(run.stop, progress.stopping):
            run.execute(run.plan(can_convert))
    finally:
        progress.close()
        interrupted = run.stop.is_set()
        for sink in run.sinks:
            sink.finish(summary, interrupted)
        if journal is not None:
            journal.close()
    return AuditOutcome(summary, interrupted, EXIT_INTERRUPTED if interrupted else summary.exit_code(),
                        opts.lang or "vi")
