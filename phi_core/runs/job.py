"""A job: what to run over which reports; its key decides resume versus new run."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Job:
    dataset: str
    backend: str
    model: str = ""
    phase: str = "-"
    split: str | None = None
    repeats: int = 1
    limit: int | None = None
    concurrency: int = 1
    hosts: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    # Seconds one call may take before its host counts as down for this run.
    timeout_s: float | None = None
    # The largest num_ctx the run may choose (default PHI_MAX_NUM_CTX or 32768).
    max_num_ctx: int | None = None

    def describe(self) -> str:
        split = self.split or "all splits"
        return f"{self.backend}/{self.model or '-'} phase {self.phase} on {self.dataset} ({split})"


def job_key(job: Job, *, model_name: str, identity: dict[str, Any]) -> str:
    """Same key = same work. Limit, concurrency, hosts, timeout and the context
    ceiling only change how much, where or how patiently, not what, so they
    stay out: a later run without --limit continues the same job, and a job
    resumes on another host."""
    payload = {
        "dataset": job.dataset,
        "split": job.split,
        "backend": job.backend,
        "model": model_name,
        "phase": job.phase,
        "repeats": job.repeats,
        "identity": identity,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]


def job_dict(job: Job) -> dict[str, Any]:
    data = asdict(job)
    data["hosts"] = list(job.hosts)
    return data


def job_from_dict(data: dict[str, Any]) -> Job:
    """The job ``job_dict`` wrote (fields a newer version added are left out)."""
    fields = dict(data)
    fields["hosts"] = tuple(fields.get("hosts") or ())
    fields["options"] = dict(fields.get("options") or {})
    known = set(Job.__dataclass_fields__)
    return Job(**{k: v for k, v in fields.items() if k in known})
