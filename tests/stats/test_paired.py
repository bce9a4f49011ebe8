import json
import math

import numpy as np
import pytest

from phi_core.stats import cohens_dz, holm_correction, paired_comparison, phase_transitions

# Differences after - before = [4, 3, 6, 1, -2] (no ties, no zeros).
BEFORE = [70, 72, 75, 80, 82]
AFTER = [74, 75, 81, 81, 80]


def test_paired_example_matches_hand_computation():
    r = paired_comparison(BEFORE, AFTER, n_boot=2000, seed=1)
    assert r.ok and r.n == 5 and r.n_nonzero == 5
    assert r.mean_before == pytest.approx(75.8)
    assert r.mean_after == pytest.approx(78.2)
    assert r.mean_diff == pytest.approx(2.4)
    # squared deviations 2.56+0.36+12.96+1.96+19.36 = 37.2, / 4 = 9.3
    assert r.sd_diff == pytest.approx(math.sqrt(9.3))
    assert r.cohens_d == pytest.approx(2.4 / math.sqrt(9.3))  # 0.78699
    # t = 2.4 / (sqrt(9.3)/sqrt(5)) = 1.75977; two-sided p for df=4 (t table) = 0.15326
    assert r.t_stat == pytest.approx(1.759765, abs=1e-6)
    assert r.t_p == pytest.approx(0.153259, abs=1e-6)
    # t_{0.975, 4} = 2.776445: 2.4 -+ 2.776445 * 1.363818
    assert r.diff_ci_t == pytest.approx((-1.386566, 6.186566), abs=1e-5)
    # Ranks of |d|: 1->1, 2->2, 3->3, 4->4, 6->5; W- = 2. Exact two-sided p:
    # sign patterns with W- <= 2 are {}, {1}, {2} -> 2 * 3/32 = 0.1875
    assert r.wilcoxon_stat == 2.0
    assert r.wilcoxon_p == pytest.approx(0.1875)


def test_bootstrap_interval_is_seeded_and_plausible():
    first = paired_comparison(BEFORE, AFTER, seed=3)
    again = paired_comparison(BEFORE, AFTER, seed=3)
    assert first.diff_ci_boot == again.diff_ci_boot
    low, high = first.diff_ci_boot
    assert -2 <= low < 2.4 < high <= 6


def test_cohens_dz_hand_example_and_sd_zero_rules():
    assert cohens_dz([1, 2, 3]) == pytest.approx(2.0)  # mean 2, sd 1
    assert cohens_dz([0, 0, 0]) == 0.0
    assert cohens_dz([2, 2, 2]) == math.inf
    assert cohens_dz([-1.5, -1.5]) == -math.inf
    assert math.isnan(cohens_dz([4.0]))


def test_all_zero_differences_give_p_one_without_crashing():
    scores = [80.0, 85.5, 90.25, 77.0]
    r = paired_comparison(scores, list(scores))
    assert r.ok and r.n_nonzero == 0
    assert (r.t_stat, r.t_p) == (0.0, 1.0)
    assert (r.wilcoxon_stat, r.wilcoxon_p) == (0.0, 1.0)
    assert r.cohens_d == 0.0
    assert r.diff_ci_t == (0.0, 0.0) and r.diff_ci_boot == (0.0, 0.0)


def test_constant_nonzero_shift_with_float_noise_is_treated_as_exactly_constant():
    before = [80.1, 70.2, 60.3, 90.7, 55.55]
    after = [b + 0.1 for b in before]  # float noise would make scipy report a huge finite t
    r = paired_comparison(before, after)
    assert r.cohens_d == math.inf and r.t_stat == math.inf and r.t_p == 0.0
    assert r.wilcoxon_p == pytest.approx(2 / 32)  # all five ranks positive, exact
    out = r.to_dict()
    assert out["cohens_d"] is None  # JSON has no infinity
    json.dumps(out, allow_nan=False)


def test_zero_differences_are_dropped_by_wilcoxon_but_kept_by_t():
    r = paired_comparison([1, 2, 3, 4, 5, 6], [1, 2, 4, 6, 8, 10])  # diffs 0,0,1,2,3,4
    assert r.n == 6 and r.n_nonzero == 4
    assert r.wilcoxon_p == pytest.approx(2 / 16)  # exact on the 4 non-zero diffs
    assert r.mean_diff == pytest.approx(10 / 6)


@pytest.mark.parametrize("before, after, n", [([], [], 0), ([80.0], [84.0], 1)])
def test_too_few_reports_give_a_clean_not_enough_data_result(before, after, n):
    r = paired_comparison(before, after)
    assert not r.ok and r.n == n
    assert "at least 2" in r.reason
    assert math.isnan(r.t_p) and math.isnan(r.wilcoxon_p)
    json.dumps(r.to_dict(), allow_nan=False)


def test_missing_scores_are_dropped_pairwise():
    r = paired_comparison([70, float("nan"), 75, 80, 82, 90], [74, 60, 81, 81, 80, float("nan")])
    assert r.n == 4
    assert r.mean_diff == pytest.approx((4 + 6 + 1 - 2) / 4)


def test_mismatched_lengths_are_explained():
    with pytest.raises(ValueError, match="one score per report"):
        paired_comparison([1, 2, 3], [1, 2])


def _phases():
    rng = np.random.default_rng(7)
    ids = [f"r{i}" for i in range(30)]
    base = dict(zip(ids, rng.normal(73, 4, 30)))
    phase2 = {r: v + 6 + rng.normal(0, 2) for r, v in base.items()}
    phase10 = {r: phase2[r] + rng.normal(0, 2) for r in ids[:20]}  # only 20 reports, no real change
    return {"phase1": base, "phase10": phase10, "phase2": phase2}


def test_phase_transitions_pair_by_report_id_in_natural_order():
    results = phase_transitions(_phases(), n_boot=200)
    assert [(t.from_phase, t.to_phase) for t in results] == [("phase1", "phase2"), ("phase2", "phase10")]
    assert [t.result.n for t in results] == [30, 20]
    assert results[0].result.mean_diff == pytest.approx(6, abs=1.5)
    assert results[0].p_holm_t < 0.001
    assert results[0].p_holm_t == pytest.approx(holm_correction([t.result.t_p for t in results])[0])
    assert results[1].p_holm_wilcoxon == pytest.approx(holm_correction([t.result.wilcoxon_p for t in results])[1])
    assert all(t.p_holm_t >= t.result.t_p for t in results)
    json.dumps([t.to_dict() for t in results], allow_nan=False)


def test_phase_transitions_explicit_steps_and_unknown_phase():
    results = phase_transitions(_phases(), [("phase1", "phase10")], n_boot=100)
    assert len(results) == 1 and results[0].result.n == 20
    assert results[0].p_holm_t == pytest.approx(results[0].result.t_p)  # family of one
    with pytest.raises(ValueError, match="phase 'phase4' has no scores"):
        phase_transitions(_phases(), [("phase1", "phase4")])
