"""Run an extractor over a dataset: resumable, cancellable, bounded concurrency.

A job is split into tasks (report, repeat). Finished tasks are written as soon
as they finish, so a crashed or killed run resumes where it stopped: tasks
already stored are skipped and cost no backend call. Worker threads only call
extractors; the thread that called :meth:`Runner.run` owns all store writes.

A host whose call fails to connect or times out is down for the rest of the
run and its task goes back to the queue for the other hosts; with no host
left the run stops, resumable. A reply from a model other than the one the
run started with stops the run too, so two models are never mixed.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Callable, Sequence

from phi_core.extractors.base import ExtractionOutcome, Extractor
from phi_core.models import Report
from phi_core.runs.job import Job, job_key
from phi_core.runs.run_session import RunSession, final_status, task_result
from phi_core.store import RunRecord, Store, StoreError, TaskResult
from phi_core.store.run_tables import PROCESS_OWNER
from phi_core.violations import empty_validity

# Fast tasks (rules) are written in small batches: one DuckDB commit costs a
# few milliseconds, more than the task itself. Slow tasks (LLM calls, which
# take longer than this) are therefore still written one by one, at once.
FLUSH_INTERVAL_S = 0.25


@dataclass
class Progress:
    run_id: str
    total: int
    done: int
    failed: int
    skipped: int
    backend_calls: int
    cached: int
    elapsed_s: float
    eta_s: float | None
    last_error: str | None = None
    finished: bool = False


@dataclass
class RunSummary:
    run_id: str
    job_key: str
    status: str
    tasks_total: int
    tasks_done: int
    tasks_failed: int
    backend_calls: int
    cached: int
    skipped: int
    elapsed_s: float
    errors: list[str] = field(default_factory=list)
    # Calls per validity code over the whole run (phi_core/violations.py: VALIDITY).
    validity: dict[str, int] = field(default_factory=empty_validity)
    unparseable_replies: int = 0
    first_parse_error: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


ProgressCallback = Callable[[Progress], None]


class Runner:
    def __init__(
        self,
        store: Store,
        job: Job,
        extractors: Sequence[Extractor],
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        scorer: Callable[[Store, str], object] | None = None,
        cancel_status: str = "cancelled",
        cancel_grace_s: float | None = None,
    ):
        """``cancel`` stops handing out tasks; the run ends as ``cancel_status``
        ("cancelled" from the Runs page, "interrupted" on a signal). Calls in
        flight are waited for, or abandoned after ``cancel_grace_s`` seconds
        (their tasks stay unfinished and run on resume)."""
        if not extractors:
            raise ValueError("a run needs at least one extractor")
        self.store = store
        self.job = job
        self.extractors = list(extractors)
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.scorer = scorer
        self.cancel_status = cancel_status
        self.cancel_grace_s = cancel_grace_s

    # ------------------------------------------------------------------ setup

    def select_reports(self) -> list[Report]:
        if not self.store.has_dataset(self.job.dataset):
            known = ", ".join(self.store.dataset_names()) or "none yet"
            raise StoreError(
                f"there is no dataset called {self.job.dataset!r} (known: {known}): "
                "import one first or pick another name"
            )
        reports = self.store.reports(self.job.dataset, split=self.job.split, limit=self.job.limit)
        if not reports:
            raise StoreError(
                f"dataset {self.job.dataset!r} has no reports in split {self.job.split!r}: choose another split"
            )
        return reports

    def prepare(self, reports: Sequence[Report]) -> RunRecord:
        """Find the unfinished run of this job, or create it."""
        lead = self.extractors[0]
        identity = lead.identity() if hasattr(lead, "identity") else lead.provenance()
        key = job_key(self.job, model_name=lead.model, identity=identity)
        total = len(reports) * self.job.repeats
        record = self.store.find_run(key)
        provenance = dict(lead.provenance())
        provenance["hosts"] = [getattr(e, "host", "") for e in self.extractors]
        model_meta = provenance.get("model_info", {}) or {}
        if record is None:
            record = self.store.create_run(
                job_key=key,
                dataset=self.job.dataset,
                split=self.job.split,
                backend=lead.backend,
                model=lead.model,
                phase=str(lead.phase),
                phase_key=provenance.get("phase_key"),
                hosts=provenance["hosts"],
                model_digest=model_meta.get("digest", ""),
                model_meta=model_meta,
                options=provenance.get("options", {}),
                provenance=provenance,
                repeats=self.job.repeats,
                tasks_total=total,
            )
        elif record.tasks_total < total:
            self.store.update_run(record.run_id, tasks_total=total)
            record.tasks_total = total
        return record

    # -------------------------------------------------------------------- run

    def run(self) -> RunSummary:
        started = time.perf_counter()
        reports = self.select_reports()
        record = self.prepare(reports)
        run_id = record.run_id
        finished = self.store.finished_tasks(run_id)
        tasks = deque(
            (report, repeat)
            for repeat in range(self.job.repeats)
            for report in reports
            if (report.id, repeat) not in finished
        )
        planned = len(tasks)
        skipped = len(reports) * self.job.repeats - planned
        self.store.update_run(run_id, status="running", started_at=datetime.now(), error=None, owner=PROCESS_OWNER)

        state = Progress(
            run_id=run_id,
            total=len(reports) * self.job.repeats,
            done=skipped,
            failed=0,
            skipped=skipped,
            backend_calls=0,
            cached=skipped,
            elapsed_s=0.0,
            eta_s=None,
        )
        errors: list[str] = []
        pending: list[TaskResult] = []
        last_flush = time.perf_counter()
        finished_now = 0
        session = RunSession()

        def flush() -> None:
            nonlocal last_flush
            # Replies first: a task stored as done can then always be answered from the cache.
            self.store.flush_cached_replies()
            self.store.save_task_results(run_id, pending)
            pending.clear()
            last_flush = time.perf_counter()

        def report_progress(final: bool = False) -> None:
            state.elapsed_s = time.perf_counter() - started
            remaining = state.total - state.done - state.failed
            if finished_now and remaining > 0:
                per_task = (time.perf_counter() - work_started) / finished_now
                state.eta_s = per_task * remaining
            else:
                state.eta_s = 0.0 if remaining <= 0 else None
            state.finished = final
            if self.progress:
                self.progress(state)

        # One worker thread per permitted concurrent call on each host: no host
        # gets more than `concurrency` calls at once. Workers are daemons, so a
        # call hanging past a cancel cannot keep the process alive.
        lock = threading.Lock()
        results: queue.Queue = queue.Queue()
        stop = threading.Event()  # hand out no more tasks
        dead: dict[int, str] = {}  # id(extractor) -> why its host counts as down

        in_flight = [0]
        # A worker takes a task only with a permit, and the thread that owns the
        # store hands one back after it has written (and reported) a result: so
        # a cancel set while reporting progress is seen before the next task.
        permits = threading.Semaphore(0)

        def quitting() -> bool:
            return stop.is_set() or self.cancel.is_set()

        def next_task(extractor: Extractor) -> tuple[Report, int] | None:
            while not quitting():
                if not permits.acquire(timeout=0.05):
                    continue
                with lock:
                    if quitting() or id(extractor) in dead:
                        permits.release()
                        return None
                    if tasks:
                        in_flight[0] += 1
                        return tasks.popleft()
                    permits.release()
                    if in_flight[0] == 0:
                        return None
                time.sleep(0.05)  # a call elsewhere may still hand its task back
            return None

        def worker(extractor: Extractor) -> None:
            try:
                while (task := next_task(extractor)) is not None:
                    report, repeat = task
                    try:
                        outcome = extractor.extract(report, repeat=repeat)
                    except Exception as exc:  # an extractor bug must not kill the whole run
                        outcome = ExtractionOutcome(items=[], error=f"{type(exc).__name__}: {exc}")
                    except BaseException as exc:  # a crash: the run stops as if the process died
                        results.put(("crash", extractor, None, None, exc))
                        return
                    with lock:
                        in_flight[0] -= 1
                        if outcome.host_down:
                            dead.setdefault(id(extractor), outcome.error or "stopped answering")
                            tasks.appendleft((report, repeat))  # another host takes it
                    if outcome.host_down:
                        results.put(("down", extractor, None, None, outcome))
                        return
                    results.put(("done", extractor, report, repeat, outcome))
            finally:
                results.put(("exit", extractor, None, None, None))

        threads = (
            [
                threading.Thread(target=worker, args=(extractor,), daemon=True, name=f"phi-run-{n}")
                for n, extractor in enumerate(e for _ in range(max(1, self.job.concurrency)) for e in self.extractors)
            ]
            if tasks
            else []
        )
        work_started = time.perf_counter()
        report_progress()
        live = len(threads)
        for thread in threads:
            permits.release()
            thread.start()
        cancelled_at: float | None = None
        try:
            while live:
                if self.cancel.is_set() and cancelled_at is None:
                    cancelled_at = time.perf_counter()
                    stop.set()
                if (
                    cancelled_at is not None
                    and self.cancel_grace_s is not None
                    and time.perf_counter() - cancelled_at >= self.cancel_grace_s
                ):
                    break  # calls still in flight are abandoned; their tasks stay unfinished
                try:
                    kind, extractor, report, repeat, outcome = results.get(timeout=0.1)
                except queue.Empty:
                    continue
                if kind == "exit":
                    live -= 1
                    continue
                if kind == "crash":
                    raise outcome
                if kind == "down":
                    host = getattr(extractor, "host", "") or "?"
                    message = f"host {host} is down for this run: {outcome.error}"
                    if message not in errors:
                        errors.append(message)
                    permits.release()
                    continue
                session.check_model(outcome, getattr(extractor, "host", ""))
                if session.model_changed and not stop.is_set():
                    stop.set()
                result = task_result(report, repeat, outcome)
                pending.append(result)
                finished_now += 1
                state.backend_calls += outcome.backend_calls
                session.add(outcome)
                if outcome.calls and outcome.backend_calls == 0 and not outcome.error:
                    state.cached += 1
                if result.status == "done":
                    state.done += 1
                else:
                    state.failed += 1
                    state.last_error = outcome.error
                    if outcome.error and outcome.error not in errors:
                        errors.append(outcome.error)
                if time.perf_counter() - last_flush >= FLUSH_INTERVAL_S:
                    flush()
                report_progress()
                permits.release()
        finally:
            # Whatever finished before a crash, a cancel or Ctrl-C is kept.
            stop.set()
            flush()

        cancelled = cancelled_at is not None or self.cancel.is_set()
        left = planned - finished_now if cancelled else len(tasks)
        status, error = final_status(
            session,
            failed=state.failed,
            errors=errors,
            down_hosts=[getattr(e, "host", "") or "?" for e in self.extractors if id(e) in dead],
            down_reasons=list(dead.values()),
            left=left,
            cancelled=cancelled,
            cancel_status=self.cancel_status,
        )
        self.store.update_run(run_id, status=status, finished_at=datetime.now(), error=error)
        # A re-run that found everything done has nothing new to score; a gold
        # correction is followed by an explicit re-score instead.
        nothing_new = not planned and run_id in set(self.store.scored_run_ids())
        if self.scorer is not None and not nothing_new and status != "interrupted":
            self.scorer(self.store, run_id)
        report_progress(final=True)
        stored = self.store.run_validity([run_id])[run_id]
        return RunSummary(
            run_id=run_id,
            job_key=record.job_key,
            status=status,
            tasks_total=state.total,
            tasks_done=state.done,
            tasks_failed=state.failed,
            backend_calls=state.backend_calls,
            cached=state.cached,
            skipped=skipped,
            elapsed_s=time.perf_counter() - started,
            errors=([error] if error and error not in errors else []) + errors,
            validity=stored["validity"],
            unparseable_replies=stored["unparseable_replies"],
            first_parse_error=stored["first_parse_error"],
        )
