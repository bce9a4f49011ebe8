"""Plain-words advice for one model from a threshold estimate."""

from __future__ import annotations

import math

from .model_points import ModelPoint
from .threshold import ThresholdEstimate, format_p


def _ci(interval: tuple[float, float], level: str) -> str:
    low, high = interval
    if not (math.isfinite(low) and math.isfinite(high)):
        return f"{level} CI not available"
    return f"{level} CI {low:.1f} to {high:.1f}"


def _level(alpha: float) -> str:
    return f"{100 * (1 - alpha):g}%"


def _time(point: ModelPoint) -> str:
    if point.seconds_added is None or not math.isfinite(point.seconds_added):
        return " (extra time per report not measured yet)"
    return f" for {point.seconds_added:.1f} more seconds per report"


def _own_gain(point: ModelPoint, step_name: str, level: str) -> str:
    if not point.has_gain:
        return f"This model has no measured {step_name} gain yet: run both phases on it to find out."
    reports = "report" if point.n_reports == 1 else "reports"
    return (
        f"Measured on this model: {step_name} added {point.gain_mean:+.1f} "
        f"({_ci(point.gain_ci, level)}) over {point.n_reports} {reports}{_time(point)}."
    )


def advise(
    point: ModelPoint,
    estimate: ThresholdEstimate,
    *,
    step_name: str = "Self-Refine",
    before_label: str = "baseline",
) -> str:
    """One or two sentences telling whether ``step_name`` is worth running for this model.

    Uses the estimate's group (below / above the threshold) mean gain and CI
    for the expectation; adds a caution when the permutation test does not
    support a threshold; falls back to the model's own measured gain when
    there is no usable estimate.
    """
    level = _level(estimate.alpha)
    if not estimate.ok:
        return f"No threshold estimate yet: {estimate.reason}. {_own_gain(point, step_name, level)}"
    if not math.isfinite(point.before_mean):
        return (
            f"{point.model} has no score before {step_name}: run the earlier phase first, then the "
            f"threshold ({estimate.threshold:.1f}) can tell whether {step_name} is worth it."
        )

    x = point.before_mean
    if x < estimate.threshold:
        group = estimate.below
        text = (
            f"{before_label} {x:.1f}: {step_name} expected to add {group.mean_gain:+.1f} "
            f"({_ci(group.ci, level)}){_time(point)}"
        )
    else:
        group = estimate.above
        helps_less_above = estimate.above.mean_gain <= estimate.below.mean_gain
        action = f"skip {step_name}; " if helps_less_above else ""
        text = (
            f"{before_label} {x:.1f} is above the threshold ({estimate.threshold:.1f}): {action}"
            f"expected gain {group.mean_gain:+.1f} ({_ci(group.ci, level)})"
        )
    text += f", from {group.n} model{'s' if group.n != 1 else ''} on this side."
    if not estimate.threshold_supported:
        text += (
            f" Caution: across models the gain does not clearly depend on the score before "
            f"{step_name} ({format_p(estimate.test_threshold_exists.p)}), so this threshold is uncertain."
        )
    return text
