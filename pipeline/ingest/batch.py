"""Batch ingest: find files, run each in a worker under a deadline and a memory cap, store results.

Only this (parent) process writes to the store, one document per transaction, so a crash at any
moment loses at most the files in flight; a re-run finds the stored ones unchanged (by sha256)
and finishes the rest. One bad file never stops a batch (unless `--strict` asks to stop at the
first failure): its outcome is recorded with a reason. Files are handed to the workers one at a
time as workers come free, so a stop starts no further file.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable, Iterable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

from pebble import ProcessExpired, ProcessFuture, ProcessPool

from corpus.errors import SekretarError
from corpus.model import Document
from corpus.store import Store, now, storage_error
from pipeline.ingest.files import (
    crash_reason,
    display_name,
    display_path,
    find_files,
    inboxes,
    link_outside,
    unreadable,
)
from pipeline.ingest.processes import resident_bytes
from pipeline.ingest.report import BatchReport, FileOutcome, Progress
from pipeline.ingest.versions import correct_on_reingest, store_version
from pipeline.ingest.worker import Job, PhasePipe, WorkResult, is_deferred, process, warm_up
from pipeline.parse.base import sha256_file
from pipeline.parse.options import ParseOptions
from pipeline.parse.support.children import descendants
from pipeline.settings import Settings
from pipeline.stages import available_stages, build_stages, stale_stages_of

#: seconds between two looks at the workers' memory (see `_watch_memory`)
MEMORY_LOOK = 0.2


@dataclass
class IngestOptions:
    kind: str | None = None
    collection: str | None = None
    password: str | None = None
    strict: bool = False


class Batch:
    """One ingest run over a set of files. `run()` returns the report."""

    def __init__(self, store: Store, settings: Settings, options: IngestOptions,
                 on_progress: Callable[[Progress], None] | None = None,
                 on_done: Callable[[FileOutcome], None] | None = None,
                 on_saved: Callable[[Document], None] | None = None) -> None:
        self.store, self.settings, self.options = store, settings, options
        self.on_progress = on_progress or (lambda progress: None)
        self.on_done = on_done or (lambda outcome: None)
        self.on_saved = on_saved or (lambda document: None)
        stages = build_stages(settings) if set(settings.stages) & set(available_stages()) else []
        self.versions = {s.name: s.version for s in stages}
        #: stages run in a second pass after a document is stored and indexed (embedding).
        self.deferred = {s.name for s in stages if is_deferred(s)}
        self.killed: dict[int, str] = {}
        self._memory_looked = 0.0
        self.block_counts: dict[str, int] = {}
        self.timeouts: dict[str, float] = {}
        self.progress = Progress("checking", "", 0, 0)
        #: when each file's work began (its first phase message), for the seconds of a failure
        self.began: dict[str, float] = {}
        self.names: dict[str, str] = {}

    def run(self, paths: Iterable[Path]) -> BatchReport:
        self.store.incoming.sweep()
        try:
            return self._run(list(paths))
        finally:
            self.store.incoming.clear()

    def _run(self, paths: list[Path]) -> BatchReport:
        report = self._start()
        self.inboxes = inboxes(paths)
        files = list(find_files(paths))
        self.progress.total = len(files)
        jobs: dict[str, Job] = {}
        for at, path in enumerate(files):
            self._tell("checking", display_name(path))
            planned = self._plan(path)
            if isinstance(planned, FileOutcome):
                self._record(report, planned)
                if self._stops(report, planned, len(files) - at - 1 + len(jobs)):
                    return self._finish(report)
            elif planned.sha256 in jobs:
                self._record(report, FileOutcome(
                    display_path(path), "unchanged", f"same content as {display_path(jobs[planned.sha256].path)}",
                    planned.sha256))
            else:
                jobs[planned.sha256] = planned
                self.names[planned.sha256] = planned.name
                self.progress.total += bool(self._second_pass(planned))
        if jobs:
            self._run_jobs(report, list(jobs.values()))
        return self._finish(report)

    def _start(self) -> BatchReport:
        batch_id, started = self.store.batches.start({"stages": list(self.settings.stages)})
        return BatchReport(batch_id=batch_id, started=started)

    def _plan(self, path: Path) -> Job | FileOutcome:
        """Decide what a file needs: nothing (unchanged), a re-run of some stages, or all."""
        shown = display_path(path)
        try:
            reason = (unreadable(path, self.settings.max_file_mb)
                      or link_outside(path, self.inboxes))
            if reason:
                return FileOutcome(shown, "failed", reason)
            sha = sha256_file(path)
            self._restore_kept(path, sha)
        except OSError as err:
            return FileOutcome(shown, "failed", f"cannot be read: {err.strerror or err}")
        job = Job(path=str(path), sha256=sha, name=display_name(path), kind=self.options.kind,
                  collection=self.options.collection, password=self.options.password)
        if self.store.has_document(sha):
            correct_on_reingest(self.store, sha, self.options.kind, self.options.collection)
            records = self.store.stage_records(sha).get(sha, {})
            stale = stale_stages_of(records, self.versions)
            if not stale:
                return FileOutcome(shown, "unchanged", document_id=sha)
            job.rerun = stale
            job.later = all(n in self.deferred for n in stale)
        return job

    def _restore_kept(self, path: Path, sha: str) -> None:
        """Put back a stored document's kept file that has gone missing, from the same bytes."""
        if self.store.has_document(sha) and not self.store.file_path(sha).exists():
            staged, again = self.store.stage_file(path)
            if again == sha:
                self.store.keep_staged(staged, sha)
            else:
                staged.unlink(missing_ok=True)

    def _stage(self, job: Job) -> FileOutcome | None:
        """Copy a new file into the archive as its worker is about to start, hashing the bytes
        copied: the worker parses that copy, which is kept under that hash, so the text, the id
        and the kept bytes come from one read even if the file is replaced meanwhile. A failed
        outcome when the file cannot be read any more."""
        try:
            staged, sha = self.store.stage_file(Path(job.path))
        except OSError as err:
            return FileOutcome(display_path(job.path), "failed",
                               f"cannot be read: {err.strerror or err}")
        job.read_from, job.sha256 = str(staged), sha
        self.names[sha] = job.name
        return None

    def _run_jobs(self, report: BatchReport, jobs: list[Job]) -> None:
        workers = min(self.settings.worker_count, len(jobs))
        phases = PhasePipe()
        # warm_up loads every stage's models when a worker starts, outside any file's deadline
        try:
            with ProcessPool(max_workers=workers, initializer=warm_up,
                             initargs=(self.settings, phases.write_end)) as pool:
                try:
                    self._drive(report, pool, jobs, workers, phases)
                except BaseException:
                    pool.stop()  # a failed save (disk full) ends the batch now, not after every file
                    raise
        finally:
            phases.close()

    def _drive(self, report: BatchReport, pool: ProcessPool, jobs: list[Job], workers: int,
               phases: PhasePipe) -> None:
        """Hand jobs to the workers as they come free (never more than `workers` in flight,
        so a stop starts no further file), collect them in the order they were handed out,
        and queue each document's second pass behind the first passes."""
        queue, running = list(jobs), dict[ProcessFuture, Job]()
        progress = time.monotonic()
        while queue or running:
            while queue and len(running) < workers:
                job = queue.pop(0)
                failed = self._stage(job) if job.rerun is None else None
                if failed is not None:
                    self._finish_job(report, job, failed)
                    continue
                running[self._schedule(pool, job, self.block_counts.get(job.sha256, 0))] = job
            self._watch_memory()
            self._follow(phases)
            finished = [f for f in running if f.done()]
            if finished or any(f.running() for f in running):
                progress = time.monotonic()
            elif time.monotonic() - progress > self.settings.start_limit:
                self._give_up(report, pool, sorted([*running.values(), *queue],
                                                   key=lambda j: j.path))
                return
            for future in finished:
                job = running.pop(future)
                self._follow(phases)
                outcome = self._collect(future, job)
                follow = self._finish_job(report, job, outcome)
                if follow is not None:
                    queue.append(follow)
                if self._stops(report, outcome, sum(not j.later for j in [*queue, *running.values()])):
                    pool.stop()
                    return
            if running and not finished:
                time.sleep(0.05)

    def _stops(self, report: BatchReport, outcome: FileOutcome, left: int) -> bool:
        """With `--strict` the first failure ends the batch: no further file is started (those
        in flight are stopped) and the report says how many were not processed."""
        if not (self.options.strict and outcome.outcome == "failed"):
            return False
        report.stopped = (f"stopped at the first failure (--strict): {left} file(s) not "
                          "processed")
        return True

    def _follow(self, phases: PhasePipe) -> None:
        """Pass the workers' phase messages on to the progress display."""
        for sha, phase in phases.messages():
            self.began.setdefault(sha, time.monotonic())
            self._tell(phase, self.names.get(sha, ""))

    def _tell(self, phase: str, name: str, done: int = 0, total: int = 0) -> None:
        self.progress.phase, self.progress.name = phase, name
        self.progress.done += done
        self.progress.total += total
        self.on_progress(Progress(**vars(self.progress)))

    def _second_pass(self, job: Job) -> list[str]:
        """The deferred stages a first-pass job is followed by (if the file is not failed)."""
        if job.later:
            return []
        return sorted(self.deferred if job.rerun is None else self.deferred & set(job.rerun))

    def _give_up(self, report: BatchReport, pool: ProcessPool, jobs: list[Job]) -> None:
        """No worker started a file for `start_limit` seconds: a worker hangs while loading its
        models (the pool would wait forever, since a file's deadline only starts with the file).
        The files left are failed with that reason, so a re-run after the fix picks them up."""
        pool.stop()
        reason = (f"no worker could start within {self.settings.start_limit:g} s "
                  "(loading the models hung); the file was not processed")
        for job in jobs:
            if job.later:
                self._finish_job(report, job, FileOutcome(display_path(job.path), "failed", reason,
                                                          job.sha256))
            else:
                self._record(report, FileOutcome(display_path(job.path), "failed", reason))

    def _schedule(self, pool: ProcessPool, job: Job, blocks: int = 0) -> ProcessFuture:
        """A second-pass job gets the deadline plus a second a block: embedding time
        grows with the document, and a long report must not fail for being long."""
        timeout = self.settings.deadline + (1.0 * blocks if job.later else 0.0)
        self.timeouts[job.sha256] = timeout
        return pool.schedule(process, args=(job, self.settings, self.options.strict),
                             timeout=timeout)

    def _finish_job(self, report: BatchReport, job: Job, outcome: FileOutcome) -> Job | None:
        """Record a file's outcome; returns the second-pass job (deferred stages) it needs."""
        if job.read_from and outcome.outcome == "failed":
            Path(job.read_from).unlink(missing_ok=True)
        if not job.later:
            self._record(report, outcome)
            wanted = self._second_pass(job)
            if wanted and outcome.outcome in ("ok", "partial"):
                return Job(path=job.path, sha256=job.sha256, name=job.name, rerun=wanted,
                           later=True)
            if wanted:  # a failed file has no second pass to wait for
                self._tell(self.progress.phase, job.name, total=-1)
            return None
        if outcome.outcome == "failed":  # the document itself is stored and searchable
            outcome = FileOutcome(outcome.path, "partial", f"{', '.join(job.rerun or [])} "
                                  f"not done: {outcome.reason}", job.sha256)
        earlier = next((f for f in report.files if f.path == outcome.path), None)
        if earlier is None:
            self._record(report, outcome)
        else:
            earlier.outcome, earlier.reason = outcome.outcome, outcome.reason
            earlier.seconds = round(earlier.seconds + outcome.seconds, 3)
            self._write_outcome(report, earlier)
            self._tell("embedding", job.name, done=1)
        return None

    def _watch_memory(self) -> None:
        """Kill a worker whose resident memory passes the cap; its file is failed with that.
        Looked at every MEMORY_LOOK seconds, not on every turn of the loop."""
        now_seconds = time.monotonic()
        if now_seconds - self._memory_looked < MEMORY_LOOK:
            return
        self._memory_looked = now_seconds
        cap = self.settings.memory_mb * 1024 * 1024
        for pid in descendants(os.getpid()):
            rss = resident_bytes(pid)
            if rss is not None and rss > cap:
                self.killed[pid] = f"used more than the memory cap of {self.settings.memory_mb} MB"
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _collect(self, future: ProcessFuture, job: Job) -> FileOutcome:
        """The job's outcome. A failure's seconds run from its first phase message, since the
        worker that measures a success's own seconds sends nothing back when it fails."""
        shown = display_path(job.path)
        try:
            result: WorkResult = future.result()
        except FutureTimeout:
            allowed = self.timeouts.get(job.sha256, self.settings.deadline)
            return FileOutcome(shown, "failed", f"took longer than the deadline of {allowed:g} s",
                               seconds=allowed)
        except ProcessExpired as err:
            reason = self.killed.pop(err.pid, None) or crash_reason(err.exitcode)
            return FileOutcome(shown, "failed", reason, seconds=self._since(job))
        except SekretarError as err:
            return FileOutcome(shown, "failed", str(err), seconds=self._since(job))
        except Exception as err:  # noqa: BLE001 - a parser defect must not stop the batch
            return FileOutcome(shown, "failed", f"internal error: {type(err).__name__}: {err}",
                               seconds=self._since(job))
        return self._save(result, job)

    def _since(self, job: Job) -> float:
        began = self.began.pop(job.sha256, None)
        return round(time.monotonic() - began, 3) if began is not None else 0.0

    def _save(self, result: WorkResult, job: Job) -> FileOutcome:
        self.began.pop(job.sha256, None)
        self._tell("storing", job.name)
        document = result.document
        if job.read_from:
            self.store.keep_staged(Path(job.read_from), job.sha256)
        shown = display_path(job.path)
        stored = store_version(self.store, document, result.stages,
                               display_path(Path(job.path).absolute()), reindex=not job.later)
        if stored.rendition_of:  # the document stored before is the one indexed and embedded
            self._tell("storing", job.name, total=-len(self._second_pass(job)[:1]))
            job.rerun = []
            return FileOutcome(shown, "unchanged" if stored.known else "ok",
                               f"a rendition of {stored.rendition_of}", stored.rendition_of,
                               document.title, result.seconds)
        self.block_counts[document.id] = len(document.blocks)
        _remember_translations(self.store, document)
        if not job.later:  # a second pass adds no indexed field
            self.on_saved(document)
        reason = "; ".join(document.problems) or None
        return FileOutcome(shown, document.status, reason, document.id, document.title,
                           result.seconds, list(document.waiting))

    def _record(self, report: BatchReport, outcome: FileOutcome) -> None:
        report.files.append(outcome)
        self._write_outcome(report, outcome)
        self.on_done(outcome)
        self._tell(self.progress.phase, Path(outcome.path).name, done=1)

    def _write_outcome(self, report: BatchReport, outcome: FileOutcome) -> None:
        self.store.batches.record_file(report.batch_id, outcome.path, outcome.outcome,
                                       outcome.reason, outcome.document_id, outcome.seconds)

    def _finish(self, report: BatchReport) -> BatchReport:
        report.finished = now()
        stamp = report.started.replace(":", "").replace("+0000", "")
        path = self.store.data / "reports" / f"batch-{report.batch_id:05d}-{stamp}.json"
        partial = path.with_suffix(".json.partial")
        try:
            partial.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2),
                               "utf-8")
            os.replace(partial, path)
        except OSError as err:
            partial.unlink(missing_ok=True)
            raise storage_error(err) from err
        report.report_path = str(path)
        self.store.batches.finish(report.batch_id, str(path), report.finished)
        return report


def _remember_translations(store: Store, document: Document) -> None:
    """Workers read the translation memory only; the parent adds each saved document's
    machine translations, so the next batch never translates those segments again."""
    if any(block.translations for block in document.blocks):
        store.memory.remember(document)


def ingest(store: Store, paths: Iterable[Path], settings: Settings,
           options: IngestOptions | None = None, **hooks: Callable[..., None]) -> BatchReport:
    """Ingest files and folders into the archive; the library entry point behind the CLI.

    The parsers' options are built (and checked) once here, so a setting they cannot use stops
    the batch with one `ConfigError` before any file runs, instead of failing every file."""
    ParseOptions.from_settings(settings)
    return Batch(store, settings, options or IngestOptions(), **hooks).run(paths)  # type: ignore[arg-type]
