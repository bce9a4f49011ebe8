"""One point per model for threshold estimation: score before a step and gain from it."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ._json import JsonResult
from phi_core.scoring.bootstrap import NAN_CI, bootstrap_mean_interval

NAN = float("nan")


@dataclass(frozen=True)
class ModelPoint(JsonResult):
    """Means over the reports this model scored both before and after the step."""

    model: str
    n_reports: int
    before_mean: float
    before_ci: tuple[float, float]
    gain_mean: float
    gain_ci: tuple[float, float]
    seconds_added: float | None = None

    @property
    def has_gain(self) -> bool:
        return self.n_reports > 0 and np.isfinite(self.gain_mean)


def _model_rng(seed: int, model: str) -> np.random.Generator:
    # Seeded per model name so adding or removing a model leaves the others' CIs unchanged.
    return np.random.default_rng([seed, zlib.crc32(model.encode("utf-8"))])


def _point(
    model: str,
    before: Mapping[str, float],
    after: Mapping[str, float],
    n_boot: int,
    seed: int,
    alpha: float,
    seconds: float | None,
) -> ModelPoint:
    shared = sorted(set(before) & set(after), key=str)
    pairs = np.array([[before[r], after[r]] for r in shared], dtype=float).reshape(-1, 2)
    pairs = pairs[np.all(np.isfinite(pairs), axis=1)]
    if pairs.shape[0] == 0:
        return ModelPoint(model, 0, NAN, NAN_CI, NAN, NAN_CI, seconds)
    columns = np.column_stack([pairs[:, 0], pairs[:, 1] - pairs[:, 0]])
    before_ci, gain_ci = bootstrap_mean_interval(columns, n_boot, _model_rng(seed, model), alpha)
    return ModelPoint(
        model=model,
        n_reports=int(pairs.shape[0]),
        before_mean=float(columns[:, 0].mean()),
        before_ci=before_ci,
        gain_mean=float(columns[:, 1].mean()),
        gain_ci=gain_ci,
        seconds_added=seconds,
    )


def model_step_points(
    before_by_model: Mapping[str, Mapping[str, float]],
    after_by_model: Mapping[str, Mapping[str, float]],
    *,
    n_boot: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
    seconds_added_by_model: Mapping[str, float] | None = None,
) -> list[ModelPoint]:
    """Points for every model present in both mappings, sorted by model name.

    Each mapping is model -> {report_id: score}. Reports are paired by id;
    CIs are percentile bootstraps over those paired reports (NaN with < 2).
    A model whose two phases share no report gets n_reports=0 and NaN means.
    """
    seconds = seconds_added_by_model or {}
    models = sorted(set(before_by_model) & set(after_by_model), key=str)
    return [
        _point(
            str(m),
            before_by_model[m],
            after_by_model[m],
            n_boot,
            seed,
            alpha,
            None if seconds.get(m) is None else float(seconds[m]),
        )
        for m in models
    ]
