"""Records the store hands out for runs and takes in for finished tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from phi_core.store.base import _loads


@dataclass
class RunRecord:
    run_id: str
    job_key: str
    dataset: str
    split: str | None
    backend: str
    model: str
    phase: str
    phase_key: str | None
    # Every host the run spread its calls over, in order (empty for rules).
    hosts: tuple[str, ...]
    model_digest: str
    model_meta: dict
    options: dict
    provenance: dict
    repeats: int
    status: str
    tasks_total: int
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    error: str | None

    @property
    def host(self) -> str:
        """The hosts as one line for display; code reads ``hosts``."""
        return ", ".join(self.hosts)


@dataclass
class TaskResult:
    """One finished (report, repeat) of a run, ready to be written."""

    report_id: str
    repeat_idx: int
    status: str  # done | failed
    raw_output: str
    items: list[tuple[str, str | None, str]]  # (label, canonical category, value)
    violations: list[str]
    calls: list[dict]
    seconds: float
    prompt_tokens: int | None
    completion_tokens: int | None
    input_tokens: int | None
    backend_calls: int
    error: str | None
    # Validity code -> calls of this task that earned it (phi_core/violations.py).
    validity: dict[str, int] = field(default_factory=dict)
    unparseable_replies: int = 0
    parse_error: str | None = None
    # Located spans (label, canonical category, start, end) when the extractor knows
    # where its values are; None for the item model (a model reply).
    spans: list[tuple[str, str | None, int, int]] | None = None


_RUN_COLUMNS = (
    "run_id, job_key, dataset, split, backend, model, phase, phase_key, hosts, model_digest, model_meta, "
    "options, provenance, repeats, status, tasks_total, created_at, started_at, finished_at, error"
)


def _run_record(row: tuple) -> RunRecord:
    (
        run_id,
        job_key,
        dataset,
        split,
        backend,
        model,
        phase,
        phase_key,
        hosts,
        model_digest,
        model_meta,
        options,
        provenance,
        repeats,
        status,
        tasks_total,
        created_at,
        started_at,
        finished_at,
        error,
    ) = row
    return RunRecord(
        run_id=run_id,
        job_key=job_key,
        dataset=dataset,
        split=split,
        backend=backend,
        model=model,
        phase=phase,
        phase_key=phase_key,
        hosts=tuple(_loads(hosts, [])),
        model_digest=model_digest or "",
        model_meta=_loads(model_meta, {}),
        options=_loads(options, {}),
        provenance=_loads(provenance, {}),
        repeats=repeats,
        status=status,
        tasks_total=tasks_total,
        created_at=created_at,
        started_at=started_at,
        finished_at=finished_at,
        error=error,
    )
