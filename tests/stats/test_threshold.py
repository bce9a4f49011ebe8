import json
import math

import numpy as np
import pytest

from phi_core.stats import ModelPoint, advise, estimate_threshold, model_step_points

TRUE_THRESHOLD = 87.5


def step_data(seed=0, n=14):
    """Before-scores spread 70-95; gain 7 below 87.5 and 0 above, noise sd 0.8."""
    rng = np.random.default_rng(seed)
    x = np.linspace(70, 95, n)
    return x, np.where(x < TRUE_THRESHOLD, 7.0, 0.0) + rng.normal(0, 0.8, n)


def hinge_data(seed=0, n=14):
    """Gain flat at 7 up to 87.5, then falling by 1 point per point of baseline."""
    rng = np.random.default_rng(seed)
    x = np.linspace(70, 95, n)
    return x, 7.0 - np.maximum(0.0, x - TRUE_THRESHOLD) + rng.normal(0, 0.8, n)


@pytest.fixture(scope="module")
def step_split():
    return estimate_threshold(*step_data(), method="split", n_boot=2000, seed=0)


def test_split_recovers_a_known_step(step_split):
    e = step_split
    assert e.ok and e.n_models == 14 and e.method == "split"
    # The nearest models sit at 87.31 and 89.23; the split reports the midpoint.
    assert 87.3 < e.threshold < 89.3
    assert e.threshold_ci[0] <= TRUE_THRESHOLD <= e.threshold_ci[1]
    assert (e.below.n, e.above.n) == (10, 4)
    assert e.below.mean_gain == pytest.approx(7, abs=0.6)
    assert e.above.mean_gain == pytest.approx(0, abs=1.0)
    assert e.test_below_positive.parametric.p < 0.001
    assert e.test_below_positive.rank.p == pytest.approx(1 / 1024)  # all 10 gains positive, exact
    assert e.test_groups_differ.parametric.p < 0.001
    assert e.test_groups_differ.rank.p < 0.01
    assert e.threshold_supported and e.test_threshold_exists.p < 0.01
    assert e.n_boot_degenerate == 0
    assert e.verdict.startswith("Threshold near 88.3")
    json.dumps(e.to_dict(), allow_nan=False)


def test_segmented_recovers_a_known_hinge():
    e = estimate_threshold(*hinge_data(), method="segmented", n_boot=2000, seed=0)
    assert e.ok
    assert e.threshold == pytest.approx(TRUE_THRESHOLD, abs=2.0)
    assert e.threshold_ci[0] <= TRUE_THRESHOLD <= e.threshold_ci[1]
    assert e.params["slope_below"] == pytest.approx(0, abs=0.3)
    assert e.params["slope_above"] == pytest.approx(-1, abs=0.4)
    assert e.test_below_positive.parametric.p < 0.001
    assert e.test_groups_differ.parametric.p < 0.05  # the above side is a slope, not a flat group
    assert e.test_groups_differ.rank.p < 0.01
    assert e.threshold_supported


def test_segmented_on_a_step_still_shows_gain_falling_above_the_kink():
    # A continuous hinge cannot jump, so on a pure step its kink marks where the
    # fitted decline starts (often a few points below the step; see docs).
    e = estimate_threshold(*step_data(), method="segmented", n_boot=300, seed=0)
    assert e.params["slope_change"] < 0
    assert e.below.mean_gain > e.above.mean_gain + 2
    assert e.test_below_positive.parametric.p < 0.001


def test_exact_fits_on_hand_examples():
    x = np.arange(1.0, 9.0)
    step = estimate_threshold(x, np.where(x < 4.5, 5.0, 0.0), method="split", n_boot=50)
    assert step.threshold == 4.5 and step.sse == pytest.approx(0) and step.r2 == pytest.approx(1)
    assert step.params == pytest.approx({"gain_below": 5.0, "gain_above": 0.0})
    # Each resample reports the whole gap it cannot resolve, so the CI spans at least 4 to 5.
    assert step.threshold_ci[0] <= 4.0 and step.threshold_ci[1] >= 5.0
    hinge_y = 2 + 0.5 * x - 1.5 * np.maximum(0, x - 5)
    hinge = estimate_threshold(x, hinge_y, method="segmented", n_boot=50)
    assert hinge.threshold == pytest.approx(5.0, abs=1e-6)
    assert hinge.params["slope_below"] == pytest.approx(0.5)
    assert hinge.params["slope_above"] == pytest.approx(-1.0)
    assert hinge.sse == pytest.approx(0, abs=1e-9)


def test_too_few_models_is_a_plain_words_result_not_an_error():
    e = estimate_threshold([80, 85, 90], [6, 7, 0])
    assert not e.ok and e.n_models == 3
    assert e.reason == "only 3 models have both phases; at least 5 are needed to estimate a threshold"
    assert math.isnan(e.threshold)
    json.dumps(e.to_dict(), allow_nan=False)
    assert not estimate_threshold([], []).ok


def test_models_with_missing_values_do_not_count():
    e = estimate_threshold([70, 75, float("nan"), 85, 90, 95, 80], [7, 7, 7, float("nan"), 0, 0, 7], n_boot=50)
    assert e.n_models == 5 and e.ok


def test_constant_gain_means_no_threshold():
    x, _ = step_data()
    e = estimate_threshold(x, np.full(14, 3.0), method="split", n_boot=200)
    assert e.ok and not e.threshold_supported
    assert e.test_groups_differ.parametric.p == 1.0 and e.test_groups_differ.rank.p == 1.0
    assert e.test_threshold_exists.p == 1.0
    assert e.verdict == "No threshold: every model gained the same (+3.0)."


@pytest.mark.parametrize("method", ["segmented", "split"])
def test_gain_unrelated_to_baseline_is_reported_as_no_clear_threshold(method):
    x, _ = step_data()
    gains = 3.0 + np.random.default_rng(11).normal(0, 0.8, 14)
    e = estimate_threshold(x, gains, method=method, n_boot=500, seed=0)
    assert not e.threshold_supported
    assert e.test_threshold_exists.p > 0.2
    assert e.verdict.startswith("No clear threshold")


def test_degenerate_bootstrap_samples_are_counted():
    # Only two distinct scores: many resamples leave fewer than 2 models on a side.
    e = estimate_threshold([80, 80, 80, 90, 90], [6, 7, 6.5, 0, 0.5], method="split", n_boot=400)
    assert e.ok and e.threshold == 85.0
    assert 0 < e.n_boot_degenerate < 400
    assert e.threshold_ci == (80.0, 90.0)


def test_same_seed_same_answer_and_bad_arguments_are_explained():
    x, y = step_data()
    assert (
        estimate_threshold(x, y, n_boot=100, seed=5).to_dict() == estimate_threshold(x, y, n_boot=100, seed=5).to_dict()
    )
    with pytest.raises(ValueError, match="choose one of: segmented, split"):
        estimate_threshold(x, y, method="loess")
    with pytest.raises(ValueError, match="one score and one gain per model"):
        estimate_threshold(x, y[:-1])


# ---- per-model points -------------------------------------------------------


def test_model_step_points_pair_reports_by_id():
    before = {"b": {"r1": 80, "r2": 84, "r3": 90}, "a": {"r1": 70, "r2": 72}, "only_before": {"r1": 1}}
    after = {"b": {"r1": 86, "r2": 90, "r9": 50}, "a": {"r3": 99}}
    points = model_step_points(before, after, n_boot=500, seconds_added_by_model={"b": 12.5})
    assert [p.model for p in points] == ["a", "b"]
    a, b = points
    assert a.n_reports == 0 and math.isnan(a.gain_mean) and not a.has_gain
    assert b.n_reports == 2 and b.seconds_added == 12.5
    assert b.before_mean == pytest.approx(82) and b.gain_mean == pytest.approx(6)
    assert b.gain_ci == (6.0, 6.0)  # both reports gained exactly 6
    assert b.before_ci[0] >= 80 and b.before_ci[1] <= 84
    json.dumps([p.to_dict() for p in points], allow_nan=False)


def test_model_point_intervals_do_not_depend_on_other_models():
    rng = np.random.default_rng(2)
    reports = {f"r{i}": float(v) for i, v in enumerate(rng.normal(80, 5, 40))}
    gained = {r: v + 5 + float(rng.normal(0, 2)) for r, v in reports.items()}
    alone = model_step_points({"m": reports}, {"m": gained}, n_boot=300)[0]
    crowded = model_step_points({"m": reports, "k": reports}, {"m": gained, "k": gained}, n_boot=300)[1]
    assert alone == crowded
    assert alone.gain_ci[0] < alone.gain_mean < alone.gain_ci[1]


# ---- advice ------------------------------------------------------------------


def test_advice_below_the_threshold_uses_the_below_group(step_split):
    point = ModelPoint("mistral", 100, 82.4, (81.0, 83.8), 6.9, (5.1, 8.7), seconds_added=12.3)
    text = advise(point, step_split)
    below = step_split.below
    assert text.startswith(
        f"baseline 82.4: Self-Refine expected to add {below.mean_gain:+.1f} "
        f"(95% CI {below.ci[0]:.1f} to {below.ci[1]:.1f}) for 12.3 more seconds per report"
    )
    assert "Caution" not in text


def test_advice_above_the_threshold_says_skip(step_split):
    point = ModelPoint("ezo", 100, 89.6, (89.0, 90.2), 0.1, (-0.8, 1.0))
    text = advise(point, step_split, step_name="review pass")
    assert text.startswith("baseline 89.6 is above the threshold (88.3): skip review pass; expected gain ")
    assert "(95% CI " in text


def test_advice_without_a_usable_estimate_falls_back_to_the_measured_gain():
    not_ok = estimate_threshold([80, 85, 90], [6, 7, 0])
    measured = ModelPoint("mistral", 100, 84.6, (83.9, 85.3), 6.9, (5.1, 8.7), seconds_added=24.6)
    assert advise(measured, not_ok) == (
        "No threshold estimate yet: only 3 models have both phases; at least 5 are needed to "
        "estimate a threshold. Measured on this model: Self-Refine added +6.9 (95% CI 5.1 to 8.7) "
        "over 100 reports for 24.6 more seconds per report."
    )
    unmeasured = ModelPoint("new", 0, float("nan"), (float("nan"),) * 2, float("nan"), (float("nan"),) * 2)
    assert "has no measured Self-Refine gain yet" in advise(unmeasured, not_ok)


def test_advice_warns_when_the_threshold_is_not_supported():
    x, _ = step_data()
    flat = estimate_threshold(x, 3.0 + np.random.default_rng(11).normal(0, 0.8, 14), method="split", n_boot=300)
    below = flat.threshold - 1.0
    text = advise(ModelPoint("m", 50, below, (below - 1, below + 1), 3.1, (2.0, 4.2)), flat)
    assert text.startswith(f"baseline {below:.1f}: Self-Refine expected to add")
    assert "Caution: across models the gain does not clearly depend" in text
    assert "extra time per report not measured yet" in text
