"""Work the store calls unfinished that no thread of this process is doing: shown as interrupted, resumable.

After a restart (or Ctrl-C in the CLI) jobs and runs stay "queued" or
"running" in the store. Each becomes an :class:`InterruptedWork` holding the
job that resumes it: the stored job when the Runs page started it, else the
best guess from the run itself (same work, same job key, so the runner skips
what is done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from phi_core.backends.hosts import hosted_backends
from phi_core.runs.job import Job, job_from_dict
from phi_core.runs.live_work import is_live
from phi_core.store import Store
from phi_core.store.run_tables import UNFINISHED_RUN_STATUSES as _RUNNING_RUN_STATUSES

# Statuses of a run that a runner should still finish: one working on it, or
# one whose process stopped (Ctrl-C, a kill, a crash).
UNFINISHED_RUN_STATUSES = (*_RUNNING_RUN_STATUSES, "interrupted")


def job_from_run(run) -> Job:
    """Best guess at the job of a run started elsewhere (the CLI): same work, same key."""
    # Only backends whose hosts can be chosen take them back (the embedded model names itself).
    hosts = tuple(run.hosts) if run.backend in hosted_backends() else ()
    return Job(
        dataset=run.dataset,
        backend=run.backend,
        model="" if run.backend in ("rules", "recall-first") else run.model,
        phase=run.phase,
        split=run.split,
        repeats=run.repeats,
        hosts=hosts,
    )


@dataclass(frozen=True)
class InterruptedWork:
    """A job or run the store says is unfinished, but no thread of this process runs it."""

    key: str  # the job id, or the run id of a run started outside the Runs page
    job: Job
    run_id: str | None
    description: str
    since: datetime | None
    done: int = 0
    total: int = 0


def find_interrupted(store: Store) -> list[InterruptedWork]:
    """Work the store calls unfinished that no thread of this process is doing."""
    out: list[InterruptedWork] = []
    claimed: set[str] = set()
    for row in store.stored_jobs(statuses=("interrupted", *UNFINISHED_RUN_STATUSES)):
        if row["run_id"]:
            claimed.add(row["run_id"])
        if is_live(job_id=row["job_id"], run_id=row["run_id"]):
            continue
        try:
            job = job_from_dict(row["job"])
        except TypeError:  # a job row from an incompatible version: nothing to resume with
            continue
        done, total = _run_counts(store, row["run_id"])
        out.append(
            InterruptedWork(
                key=row["job_id"],
                job=job,
                run_id=row["run_id"],
                description=row["description"] or job.describe(),
                since=row["started_at"] or row["created_at"],
                done=done,
                total=total,
            )
        )
    for run in store.runs(statuses=UNFINISHED_RUN_STATUSES):
        if run.run_id in claimed or is_live(run_id=run.run_id):
            continue
        job = job_from_run(run)
        done, total = _run_counts(store, run.run_id)
        out.append(
            InterruptedWork(
                key=run.run_id,
                job=job,
                run_id=run.run_id,
                description=job.describe(),
                since=run.started_at or run.created_at,
                done=done,
                total=total,
            )
        )
    return out


def mark_orphans_interrupted(store: Store) -> None:
    """Stored jobs left queued or running by a process that is gone."""
    for row in store.stored_jobs(statuses=UNFINISHED_RUN_STATUSES):
        if not is_live(job_id=row["job_id"], run_id=row["run_id"]):
            store.update_job(row["job_id"], status="interrupted")


def _run_counts(store: Store, run_id: str | None) -> tuple[int, int]:
    if not run_id:
        return 0, 0
    run = store.run(run_id)
    return store.run_progress(run_id)["done"], run.tasks_total if run else 0
