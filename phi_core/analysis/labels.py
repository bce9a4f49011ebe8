"""How runs are named on the analysis pages: "{model} · p{phase}"."""

from __future__ import annotations

import pandas as pd

# Ollama is the usual backend, so its models go by their bare name.
DEFAULT_BACKEND = "ollama"
NO_PHASE = frozenset({"", "-"})


def series_name(backend: str, model: str) -> str:
    """One line on a chart: a model on a backend, whatever the phase."""
    if backend == DEFAULT_BACKEND:
        return model
    if not model or model == backend:
        return backend  # the rule-based extractor: backend "rules", model "rules"
    return f"{backend}:{model}"


def run_label(backend: str, model: str, phase: str | None) -> str:
    name = series_name(backend, model)
    return name if phase is None or str(phase) in NO_PHASE else f"{name} · p{phase}"


def label_runs(frame: pd.DataFrame, identities: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a ``label`` column after ``run_id`` (identities: run_id, backend, model, phase)."""
    labels = {row.run_id: run_label(row.backend, row.model, row.phase) for row in identities.itertuples(index=False)}
    out = frame.copy()
    out.insert(out.columns.get_loc("run_id") + 1, "label", out["run_id"].map(labels))
    return out
