"""The jobs and runs some job manager of this process is working on.

Process-wide, not per manager: a second manager (the app's cache was cleared)
must not call them interrupted or start them twice.
"""

from __future__ import annotations

import threading

_LOCK = threading.Lock()
_JOBS: set[str] = set()
_RUNS: set[str] = set()


def is_live(job_id: str | None = None, run_id: str | None = None) -> bool:
    with _LOCK:
        return (job_id is not None and job_id in _JOBS) or (run_id is not None and run_id in _RUNS)


def set_live(job_id: str, run_id: str | None, live: bool) -> None:
    with _LOCK:
        if live:
            _JOBS.add(job_id)
            if run_id:
                _RUNS.add(run_id)
        else:
            _JOBS.discard(job_id)
            if run_id:
                _RUNS.discard(run_id)


def forget_run(run_id: str) -> None:
    """A run a job was expected to continue, which it turned out not to (its key led elsewhere)."""
    with _LOCK:
        _RUNS.discard(run_id)
