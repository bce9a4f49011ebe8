"""The release decision of each run on a dataset, read from the store.

The measured leaks come from the residual-leak analysis; this keeps the
approved documents, gives each its kind (a sample's kind, else its style)
and, when the dataset was sampled from an archive, the archive's kind sizes
as weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from phi_core.analysis.residual_leak import RunLeak, measure_leaks, report_style
from phi_core.release.verdict import ReleaseDecision, ReleaseLimits, decide

GOLD_STATUSES = ("approved",)


@dataclass
class RunDecision:
    run_id: str
    label: str
    decision: ReleaseDecision
    n_scored: int  # scored documents, approved or not

    def to_dict(self) -> dict:
        return {"run_id": self.run_id, "label": self.label, "n_scored": self.n_scored, **self.decision.to_dict()}


def document_kinds(store, dataset: str) -> tuple[dict[str, str], dict[str, float] | None]:
    """report id -> kind for approved reports, and the archive's kind sizes when the dataset is a sample."""
    kinds = store.report_kinds(dataset)
    out = {}
    for report in store.reports(dataset, statuses=list(GOLD_STATUSES)):
        out[report.id] = kinds.get(report.id) or report_style(report)
    sizes = {k["kind"]: float(k["archive_count"]) for k in store.sample_kinds(dataset)} or None
    return out, sizes


def decisions_from(
    measured: Sequence[RunLeak], kinds: dict[str, str], sizes: dict[str, float] | None, limits: ReleaseLimits
) -> list[RunDecision]:
    """Pure: one decision per measured run, on its approved documents."""
    out = []
    for run in measured:
        docs = [d for d in run.documents if d.report_id in kinds]
        decision = decide(docs, [kinds[d.report_id] for d in docs], limits, sizes)
        out.append(RunDecision(run.run_id, run.label, decision, len(run.documents)))
    return out


def release_decisions(
    store, dataset: str, split: str | None = None, *, run_ids: Sequence[str] | None = None, limits: ReleaseLimits
) -> list[RunDecision]:
    kinds, sizes = document_kinds(store, dataset)
    return decisions_from(measure_leaks(store, dataset, split, run_ids=run_ids), kinds, sizes, limits)
