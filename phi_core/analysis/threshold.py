"""Threshold advisor: above which score does a step (Self-Refine, phase 3 -> 4) stop paying off?

One point per model that has both phases (score before, gain, their CIs and
the extra seconds per report), the fitted threshold, plain-words advice per
model, and the study's own two points and band for comparison.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from phi_core.analysis.phases import phase_scores
from phi_core.stats import BREAKPOINT_MODELS, ModelPoint, ThresholdEstimate, advise, estimate_threshold
from phi_core.stats import model_step_points
from phi_core.store import Store

DEFAULT_METHOD = "split"  # the study describes a jump, not a gradual decline (docs/statistics.md)
# The study puts the threshold at "about 87-88 points" in its text; the
# reference table holds only the two points it rests on.
REPORTED_BAND = (87.0, 88.0)
_REPORTED_TABLE = "S7"
_BEFORE, _AFTER = "before self-refine", "after self-refine"
# What the advice calls a step; the study's phase 4 adds Self-Refine to phase 3.
STEP_NAMES = {("3", "4"): "Self-Refine"}


@dataclass(frozen=True)
class ReportedPoint:
    model: str
    before: float
    after: float

    @property
    def gain(self) -> float:
        return round(self.after - self.before, 6)

    def to_dict(self) -> dict:
        return {"model": self.model, "before": self.before, "after": self.after, "gain": self.gain}


@dataclass(frozen=True)
class ThresholdAnalysis:
    dataset: str
    split: str | None
    from_phase: str
    to_phase: str
    method: str
    points: list[ModelPoint]
    estimate: ThresholdEstimate
    advice: dict[str, str]
    reported_points: list[ReportedPoint] = field(default_factory=list)
    reported_band: tuple[float, float] = REPORTED_BAND
    summary: str = ""

    def to_dict(self) -> dict:
        return {
            "dataset": self.dataset,
            "split": self.split,
            "from_phase": self.from_phase,
            "to_phase": self.to_phase,
            "method": self.method,
            "summary": self.summary,
            "points": [p.to_dict() for p in self.points],
            "estimate": self.estimate.to_dict(),
            "advice": dict(self.advice),
            "reported_points": [p.to_dict() for p in self.reported_points],
            "reported_band": list(self.reported_band),
        }

    def points_frame(self) -> pd.DataFrame:
        """One row per model: before/gain means and CIs, seconds added, advice."""
        rows = [
            {
                "model": p.model,
                "n_reports": p.n_reports,
                "before": p.before_mean,
                "before_lo": p.before_ci[0],
                "before_hi": p.before_ci[1],
                "gain": p.gain_mean,
                "gain_lo": p.gain_ci[0],
                "gain_hi": p.gain_ci[1],
                "seconds_added": p.seconds_added,
                "advice": self.advice.get(p.model, ""),
            }
            for p in self.points
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "model",
                "n_reports",
                "before",
                "before_lo",
                "before_hi",
                "gain",
                "gain_lo",
                "gain_hi",
                "seconds_added",
                "advice",
            ],
        )


def reported_points(store: Store) -> list[ReportedPoint]:
    """The study's before/after Self-Refine points (84.6 -> 91.5, 89.1 -> 89.1)."""
    table = store.reference_scores()
    if table.empty:
        return []
    rows = table[(table["source_table"] == _REPORTED_TABLE) & table["stage"].isin([_BEFORE, _AFTER])]
    points = []
    for model, part in rows.groupby("model", sort=False):
        by_stage = dict(zip(part["stage"], part["overall"]))
        if _BEFORE in by_stage and _AFTER in by_stage:
            points.append(ReportedPoint(str(model), float(by_stage[_BEFORE]), float(by_stage[_AFTER])))
    return points


def threshold_analysis(
    store: Store,
    dataset: str,
    split: str | None = None,
    *,
    from_phase: str = "3",
    to_phase: str = "4",
    method: str = DEFAULT_METHOD,
    n_boot: int = 1000,
) -> ThresholdAnalysis:
    if method not in BREAKPOINT_MODELS:
        raise ValueError(f"there is no threshold method {method!r}; choose one of: {', '.join(BREAKPOINT_MODELS)}")
    from_phase, to_phase = str(from_phase), str(to_phase)
    if from_phase == to_phase:
        raise ValueError(f"the step goes from phase {from_phase} to the same phase; give two different phases")
    scores = phase_scores(store, dataset, split, phases=[from_phase, to_phase])
    before = _by_series(scores, from_phase)
    after = _by_series(scores, to_phase)
    points = model_step_points(
        before, after, n_boot=n_boot, seconds_added_by_model=_seconds_added(scores, from_phase, to_phase)
    )
    estimate = estimate_threshold(
        [p.before_mean for p in points], [p.gain_mean for p in points], method=method, n_boot=n_boot
    )
    step = STEP_NAMES.get((from_phase, to_phase), f"phase {to_phase}")
    advice = {p.model: advise(p, estimate, step_name=step, before_label=f"phase {from_phase} score") for p in points}
    return ThresholdAnalysis(
        dataset=dataset,
        split=split,
        from_phase=from_phase,
        to_phase=to_phase,
        method=method,
        points=points,
        estimate=estimate,
        advice=advice,
        reported_points=reported_points(store),
        summary=_summary(estimate, points, from_phase, to_phase),
    )


def _by_series(scores: pd.DataFrame, phase: str) -> dict[str, dict[str, float]]:
    part = scores[scores["phase"].astype(str) == phase]
    return {
        series: dict(zip(group["report_id"].to_numpy(dtype=object), group["score"].to_numpy(dtype=float)))
        for series, group in part.groupby("series", sort=False)
    }


def _seconds_added(scores: pd.DataFrame, from_phase: str, to_phase: str) -> dict[str, float]:
    """Mean seconds per report in the later phase minus the earlier one, per model."""
    means = scores.groupby(["series", "phase"])["seconds"].mean()
    added = {}
    for series in scores["series"].unique():
        first, second = means.get((series, from_phase)), means.get((series, to_phase))
        if first is not None and second is not None and math.isfinite(first) and math.isfinite(second):
            added[series] = float(second - first)
    return added


def _summary(estimate: ThresholdEstimate, points: list[ModelPoint], from_phase: str, to_phase: str) -> str:
    if estimate.ok:
        return estimate.verdict
    usable = sum(p.has_gain for p in points)
    return (
        f"{estimate.verdict} {usable} model{'s' if usable != 1 else ''} scored in both phase {from_phase} and "
        f"phase {to_phase}; run both phases on more models (5 at the least, 10-15 spread over the score range "
        "for a usable interval)."
    )
