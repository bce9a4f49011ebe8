"""The app's in-process job manager: model runs in background threads.

DuckDB lets one process write, so runs started from the browser execute
inside the app process. One :class:`JobManager` per store (held through
``st.cache_resource`` in phi_core/ui/jobs.py) owns a FIFO queue and starts at most ``max_parallel``
runner threads; everything the page shows comes from here, so leaving and
reopening the page, or another browser tab, sees the same state.

Worker threads share the page's Store (its RLock serialises the single
connection) and never call Streamlit. Jobs are also written to the ``jobs``
table: after a restart, work that was queued or running belongs to no live
thread, is shown as interrupted and can be resumed with the very same job,
whose job key makes the runner skip the tasks already finished.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from phi_core.roles import Actor, require
from phi_core.runs import live_work
from phi_core.runs.interrupted_work import (
    UNFINISHED_RUN_STATUSES,
    InterruptedWork,
    find_interrupted,
    mark_orphans_interrupted,
)
from phi_core.runs.job import Job, job_dict
from phi_core.runs.runner import Progress, Runner
from phi_core.store import Store

ACTIVE = ("queued", "running", "cancelling")
FINAL = ("done", "failed", "cancelled", "error")
MAX_PARALLEL_ENV = "PHI_PARALLEL_JOBS"

BuildExtractors = Callable[[Job, Store], Sequence[Any]]
Scorer = Callable[[Store, str], object]


class JobRejected(Exception):
    """A job that cannot start; nothing was queued. The message says why and what to do."""


@dataclass(frozen=True)
class JobSnapshot:
    """What the page shows of one job; a copy, safe to read without locks."""

    job_id: str
    job: Job
    description: str
    status: str
    run_id: str | None
    total: int
    done: int
    failed: int
    skipped: int
    elapsed_s: float
    eta_s: float | None
    last_error: str | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def fraction(self) -> float:
        return min(1.0, (self.done + self.failed) / self.total) if self.total else 0.0


@dataclass
class _Entry:
    job_id: str
    job: Job
    description: str
    extractors: Sequence[Any]
    cancel: threading.Event
    status: str = "queued"
    run_id: str | None = None
    progress: Progress | None = None
    error: str | None = None
    created_at: datetime = datetime.min
    started_at: datetime | None = None
    finished_at: datetime | None = None
    thread: threading.Thread | None = None

    def snapshot(self) -> JobSnapshot:
        p = self.progress
        return JobSnapshot(
            job_id=self.job_id,
            job=self.job,
            description=self.description,
            status=self.status,
            run_id=self.run_id,
            total=p.total if p else 0,
            done=p.done if p else 0,
            failed=p.failed if p else 0,
            skipped=p.skipped if p else 0,
            elapsed_s=p.elapsed_s if p else 0.0,
            eta_s=p.eta_s if p else None,
            last_error=p.last_error if p else None,
            error=self.error,
            created_at=self.created_at,
            started_at=self.started_at,
            finished_at=self.finished_at,
        )


def _default_build(job: Job, store: Store) -> Sequence[Any]:
    from phi_core.runs.extractor_factory import build_extractors

    return build_extractors(job, store)


def _default_scorer(store: Store, run_id: str) -> object:
    from phi_core.scoring.stored_runs import score_run

    return score_run(store, run_id)


def _plain(error: BaseException) -> str:
    return str(error).strip() or type(error).__name__


class JobManager:
    def __init__(
        self,
        store: Store,
        *,
        build_extractors: BuildExtractors = _default_build,
        scorer: Scorer | None = _default_scorer,
        max_parallel: int = 1,
        runner_factory: Callable[..., Runner] = Runner,
    ):
        self.store = store
        self.max_parallel = max(1, int(max_parallel))
        self._build = build_extractors
        self._scorer = scorer
        self._runner_factory = runner_factory
        self._entries: dict[str, _Entry] = {}
        self._queue: list[str] = []
        self._changed = threading.Condition(threading.RLock())
        mark_orphans_interrupted(self.store)

    # ----------------------------------------------------------------- submit

    def submit(self, job: Job, *, actor: Actor | str, run_id: str | None = None) -> JobSnapshot:
        """Check and queue a job; raises JobRejected (nothing queued) when it cannot run.

        ``run_id`` names the run this job continues, when known, so that the
        run counts as live while the job waits in the queue.
        """
        return self.submit_all([job], actor=actor, run_ids=[run_id])[0]

    def submit_all(
        self, jobs: Sequence[Job], *, actor: Actor | str, run_ids: Sequence[str | None] | None = None
    ) -> list[JobSnapshot]:
        """Check the actor's role and every job first; queue them all, or none when any cannot start."""
        require(actor, "run")
        run_ids = list(run_ids or [None] * len(jobs))
        prepared, problems = [], []
        for job, run_id in zip(jobs, run_ids):
            try:
                prepared.append(self._prepare(job, run_id))
            except JobRejected as error:
                problems.append(str(error))
        wanted = [job_dict(job) for job in jobs]
        if any(wanted.count(w) > 1 for w in wanted):
            problems.append("the same job is listed twice: remove the duplicate model or phase")
        if problems:
            if len(jobs) > 1:
                problems.append(f"none of the {len(jobs)} jobs was queued")
            raise JobRejected("\n".join(problems))
        snapshots = []
        for entry in prepared:
            self.store.save_job(entry.job_id, job_dict(entry.job), description=entry.description, status="queued")
            if entry.run_id:
                self.store.update_job(entry.job_id, run_id=entry.run_id)
            with self._changed:
                self._entries[entry.job_id] = entry
                self._queue.append(entry.job_id)
                live_work.set_live(entry.job_id, entry.run_id, True)
                self._pump()
                self._changed.notify_all()
                snapshots.append(entry.snapshot())
        return snapshots

    def _prepare(self, job: Job, run_id: str | None) -> _Entry:
        wanted = job_dict(job)
        with self._changed:
            twin = next((e for e in self._entries.values() if e.status in ACTIVE and job_dict(e.job) == wanted), None)
        if twin is not None:
            raise JobRejected(
                f"{job.describe()} is already {twin.status} (job {twin.job_id}): wait for it or cancel it first"
            )
        self._check_reports(job)
        try:
            extractors = list(self._build(job, self.store))
        except Exception as error:  # whatever the engine refuses, the user reads why
            raise JobRejected(f"{job.describe()} was not queued: {_plain(error)}") from error
        if not extractors:
            raise JobRejected(f"{job.describe()} was not queued: no extractor could be built for it")
        return _Entry(
            job_id=uuid.uuid4().hex[:10],
            job=job,
            description=job.describe(),
            extractors=extractors,
            cancel=threading.Event(),
            run_id=run_id,
            created_at=datetime.now(),
        )

    def _check_reports(self, job: Job) -> None:
        if not self.store.has_dataset(job.dataset):
            raise JobRejected(f"there is no dataset called {job.dataset!r}: import it on the Workbench page first")
        if not self.store.reports(job.dataset, split=job.split, limit=1):
            split = job.split or "any split"
            raise JobRejected(f"dataset {job.dataset!r} has no reports in {split}: choose another split or dataset")

    # ---------------------------------------------------------------- control

    def cancel(self, job_id: str, *, actor: Actor | str) -> bool:
        """Stop a job: a queued one is dropped, a running one stops after the tasks in flight."""
        require(actor, "run")
        return self._stop(job_id)

    def _stop(self, job_id: str) -> bool:
        with self._changed:
            entry = self._entries.get(job_id)
            if entry is None or entry.status not in ACTIVE:
                return False
            entry.cancel.set()
            if entry.status == "queued":
                self._queue.remove(job_id)
                self._finish(entry, "cancelled", None)
            else:
                entry.status = "cancelling"
            self._changed.notify_all()
            return True

    def resume(self, key: str, *, actor: Actor | str) -> JobSnapshot:
        """Start again a finished-but-incomplete job of this session, or interrupted work.

        The same job gives the same job key, so the runner continues the same
        run and skips what is already done.
        """
        require(actor, "run")
        with self._changed:
            entry = self._entries.get(key)
        if entry is not None:
            if entry.status in ACTIVE:
                raise JobRejected(f"job {key} is still {entry.status}; nothing to resume")
            return self.submit(entry.job, actor=actor, run_id=entry.run_id)
        work = next((w for w in self.interrupted() if w.key == key), None)
        if work is None:
            raise JobRejected(f"there is no interrupted job or run {key!r} any more: it may have been resumed already")
        snapshot = self.submit(work.job, actor=actor, run_id=work.run_id)
        if work.key != work.run_id:  # a job row, not a bare run
            self.store.update_job(work.key, status="resumed")
        return snapshot

    def wait(self, job_id: str, timeout_s: float | None = None) -> JobSnapshot:
        """Block until the job has finished (or the timeout passed); returns its state."""
        with self._changed:
            self._changed.wait_for(lambda: self._entries[job_id].status not in ACTIVE, timeout=timeout_s)
            return self._entries[job_id].snapshot()

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Cancel everything and wait for the threads (tests, app shutdown)."""
        with self._changed:
            ids = list(self._entries)
        for job_id in ids:
            self._stop(job_id)
        for job_id in ids:
            thread = self._entries[job_id].thread
            if thread is not None:
                thread.join(timeout_s)

    # ------------------------------------------------------------------ views

    def jobs(self) -> list[JobSnapshot]:
        """Every job of this process, newest first."""
        with self._changed:
            entries = sorted(self._entries.values(), key=lambda e: e.created_at, reverse=True)
            return [e.snapshot() for e in entries]

    def job(self, job_id: str) -> JobSnapshot | None:
        with self._changed:
            entry = self._entries.get(job_id)
            return entry.snapshot() if entry else None

    def busy(self) -> bool:
        with self._changed:
            return any(e.status in ACTIVE for e in self._entries.values())

    def interrupted(self) -> list[InterruptedWork]:
        """Work the store calls unfinished that no thread of this process is doing."""
        return find_interrupted(self.store)

    # -------------------------------------------------------------- internals

    def _pump(self) -> None:
        """Start queued jobs while there is room (call with the lock held)."""
        running = sum(1 for e in self._entries.values() if e.status in ("running", "cancelling"))
        while self._queue and running < self.max_parallel:
            entry = self._entries[self._queue.pop(0)]
            entry.status, entry.started_at = "running", datetime.now()
            entry.thread = threading.Thread(
                target=self._work, args=(entry,), daemon=True, name=f"phi-job-{entry.job_id}"
            )
            entry.thread.start()
            running += 1

    def _on_progress(self, entry: _Entry, progress: Progress) -> None:
        first = entry.run_id != progress.run_id
        with self._changed:
            entry.progress = replace(progress)
            if first:
                if entry.run_id:  # the hinted run was not the one the job key led to
                    live_work.forget_run(entry.run_id)
                entry.run_id = progress.run_id
                live_work.set_live(entry.job_id, entry.run_id, True)
            self._changed.notify_all()
        if first:
            self.store.update_job(entry.job_id, run_id=progress.run_id)

    def _work(self, entry: _Entry) -> None:
        self.store.update_job(entry.job_id, status="running", started_at=entry.started_at)
        status, error = "error", None
        try:
            runner = self._runner_factory(
                self.store,
                entry.job,
                entry.extractors,
                progress=lambda p: self._on_progress(entry, p),
                cancel=entry.cancel,
                scorer=self._scorer,
            )
            summary = runner.run()
            status = summary.status
            if summary.errors:
                error = summary.errors[0]
        except Exception as exc:  # the thread must report, never die silently
            error = _plain(exc)
            self._fail_run(entry.run_id, error)
        with self._changed:
            self._finish(entry, status, error)
            self._pump()
            self._changed.notify_all()

    def _fail_run(self, run_id: str | None, error: str) -> None:
        """A runner that crashed leaves its run 'running'; say what happened instead."""
        if not run_id:
            return
        try:
            run = self.store.run(run_id)
            if run is not None and run.status in UNFINISHED_RUN_STATUSES:
                self.store.update_run(run_id, status="failed", finished_at=datetime.now(), error=error)
        except Exception:  # the store itself is broken; the job already shows the error
            pass

    def _finish(self, entry: _Entry, status: str, error: str | None) -> None:
        entry.status, entry.error, entry.finished_at = status, error, datetime.now()
        live_work.set_live(entry.job_id, entry.run_id, False)
        self.store.update_job(entry.job_id, status=status, error=error, finished_at=entry.finished_at)


def max_parallel_from_env(default: int = 1) -> int:
    try:
        return max(1, int(os.environ.get(MAX_PARALLEL_ENV, default)))
    except ValueError:
        return default
