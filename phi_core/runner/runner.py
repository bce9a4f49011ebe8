"""Run an extractor over a dataset: resumable, cancellable, bounded concurrency.

A job is split into tasks (report, repeat). Finished tasks are written as soon
as they finish, so a crashed or killed run resumes where it stopped: tasks
already stored are skipped and cost no backend call. Worker threads only call
extractors; the thread that called :meth:`Runner.run` owns all store writes.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Callable, Sequence

from phi_core import taxonomy
from phi_core.extractors.base import ExtractionOutcome, Extractor
from phi_core.models import Report
from phi_core.runner.context import CURRENT_REPEAT
from phi_core.runner.job import Job, job_key
from phi_core.store import RunRecord, Store, StoreError, TaskResult

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
    ):
        if not extractors:
            raise ValueError("a run needs at least one extractor")
        self.store = store
        self.job = job
        self.extractors = list(extractors)
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.scorer = scorer

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
                job_key=key, dataset=self.job.dataset, split=self.job.split, backend=lead.backend,
                model=lead.model, phase=str(lead.phase), phase_key=provenance.get("phase_key"),
                host=", ".join(provenance["hosts"]), model_digest=model_meta.get("digest", ""),
                model_meta=model_meta, options=provenance.get("options", {}), provenance=provenance,
                repeats=self.job.repeats, tasks_total=total,
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
        tasks = [
            (report, repeat)
            for repeat in range(self.job.repeats)
            for report in reports
            if (report.id, repeat) not in finished
        ]
        skipped = len(reports) * self.job.repeats - len(tasks)
        self.store.update_run(run_id, status="running", started_at=datetime.now(), error=None)

        state = Progress(run_id=run_id, total=len(reports) * self.job.repeats, done=skipped, failed=0,
                         skipped=skipped, backend_calls=0, cached=skipped, elapsed_s=0.0, eta_s=None)
        errors: list[str] = []
        pending: list[TaskResult] = []
        last_flush = time.perf_counter()
        task_seconds: list[float] = []

        def flush() -> None:
            nonlocal last_flush
            self.store.save_task_results(run_id, pending)
            pending.clear()
            last_flush = time.perf_counter()

        def report_progress(final: bool = False) -> None:
            state.elapsed_s = time.perf_counter() - started
            remaining = state.total - state.done - state.failed
            if task_seconds and remaining > 0:
                per_task = (time.perf_counter() - work_started) / len(task_seconds)
                state.eta_s = per_task * remaining
            else:
                state.eta_s = 0.0 if remaining <= 0 else None
            state.finished = final
            if self.progress:
                self.progress(state)

        # Each slot is one permitted concurrent call on one host: a worker
        # borrows a slot, so no host gets more than `concurrency` calls at once.
        slots: queue.Queue = queue.Queue()
        for _ in range(max(1, self.job.concurrency)):
            for extractor in self.extractors:
                slots.put(extractor)
        workers = slots.qsize()

        dead: set[int] = set()  # id() of extractors whose host went down

        def all_hosts_down() -> bool:
            return len(dead) >= len(self.extractors)

        def take_slot() -> Extractor | None:
            while not all_hosts_down():
                try:
                    extractor = slots.get(timeout=0.2)
                except queue.Empty:
                    continue
                if id(extractor) not in dead:
                    return extractor
            return None

        def work(report: Report, repeat: int) -> tuple[Report, int, ExtractionOutcome]:
            extractor = take_slot()
            if extractor is None:
                return report, repeat, ExtractionOutcome(
                    items=[], error="every host of this job stopped answering", host_down=True)
            CURRENT_REPEAT.set(repeat)
            try:
                outcome = extractor.extract(report)
            except Exception as exc:  # an extractor bug must not kill the whole run
                outcome = ExtractionOutcome(items=[], error=f"{type(exc).__name__}: {exc}")
            if outcome.host_down:
                dead.add(id(extractor))
            else:
                slots.put(extractor)
            return report, repeat, outcome

        work_started = time.perf_counter()
        report_progress()
        cancelled = False
        todo = iter(tasks)
        in_flight: set[Future] = set()
        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="phi-run") as pool:
                while True:
                    # Submit lazily so a cancel is honoured between tasks.
                    while not self.cancel.is_set() and not all_hosts_down() and len(in_flight) < workers:
                        nxt = next(todo, None)
                        if nxt is None:
                            break
                        in_flight.add(pool.submit(work, *nxt))
                    if not in_flight:
                        left = next(todo, None) is not None
                        cancelled = self.cancel.is_set() and left
                        if all_hosts_down() and left:
                            errors.append("every host stopped answering; the remaining tasks were not sent. "
                                          "Start the host again and re-run the same job to resume.")
                        break
                    done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        report, repeat, outcome = future.result()
                        result = _task_result(report, repeat, outcome)
                        pending.append(result)
                        task_seconds.append(outcome.seconds)
                        state.backend_calls += outcome.backend_calls
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
        finally:
            # Whatever finished before a crash or Ctrl-C is kept.
            flush()

        if cancelled:
            status = "cancelled"
        elif state.failed:
            status = "failed"
        else:
            status = "done"
        self.store.update_run(
            run_id, status=status, finished_at=datetime.now(),
            error=(f"{state.failed} task(s) failed; first error: {errors[0]}" if errors else None),
        )
        # A re-run that found everything done has nothing new to score; a gold
        # correction is followed by an explicit re-score instead.
        nothing_new = not tasks and run_id in set(self.store.scored_run_ids())
        if self.scorer is not None and not nothing_new:
            self.scorer(self.store, run_id)
        report_progress(final=True)
        return RunSummary(
            run_id=run_id, job_key=record.job_key, status=status, tasks_total=state.total,
            tasks_done=state.done, tasks_failed=state.failed, backend_calls=state.backend_calls,
            cached=state.cached, skipped=skipped, elapsed_s=time.perf_counter() - started, errors=errors,
        )


def _task_result(report: Report, repeat: int, outcome: ExtractionOutcome) -> TaskResult:
    items = [(item.category, taxonomy.canonical(item.category), item.value) for item in outcome.items]
    return TaskResult(
        report_id=report.id,
        repeat_idx=repeat,
        status="failed" if outcome.error else "done",
        raw_output=outcome.raw,
        items=items,
        violations=list(outcome.violations),
        calls=[asdict(c) for c in outcome.calls],
        seconds=outcome.seconds,
        prompt_tokens=outcome.prompt_tokens,
        completion_tokens=outcome.completion_tokens,
        input_tokens=outcome.input_tokens,
        backend_calls=outcome.backend_calls,
        error=outcome.error,
    )
