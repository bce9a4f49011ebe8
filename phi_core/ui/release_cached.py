"""The Residual leak page's release decision, kept until the store changes.

A decision bootstraps the chosen run's documents and reads every approved
report's kind: tenths of a second at study scale, on every rerun of the page
before this. Keyed by the run and the limits, so changing the rule or the run
computes once, and coming back costs a lookup.
"""

from __future__ import annotations

from typing import Any

from phi_core.analysis.residual_leak import measure_leaks
from phi_core.release.evidence import RunDecision, decisions_from, document_kinds
from phi_core.release.verdict import ReleaseLimits
from phi_core.ui.cached import stored


def kinds_and_sizes(store: Any, dataset: str) -> tuple[dict[str, str], dict[str, float] | None]:
    """document_kinds, cached until the store changes."""
    return stored(document_kinds, store, dataset)


def _decision(store: Any, dataset: str, split: str | None, run_id: str, limits: ReleaseLimits) -> RunDecision:
    measured = [r for r in stored(measure_leaks, store, dataset, split) if r.run_id == run_id]
    kinds, sizes = kinds_and_sizes(store, dataset)
    return decisions_from(measured, kinds, sizes, limits)[0]


def run_decision(store: Any, dataset: str, split: str | None, run_id: str, limits: ReleaseLimits) -> RunDecision:
    """The release decision for one measured run under ``limits`` (cached until the store changes)."""
    return stored(_decision, store, dataset, split, run_id, limits)
