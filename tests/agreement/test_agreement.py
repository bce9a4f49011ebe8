"""Agreement figures against hand computations on small fixtures."""

import numpy as np
import pytest

from phi_core.agreement import Unit, compute_agreement
from phi_core.agreement import metrics as m

A = [(0, 3, "PATIENT_NAME"), (10, 14, "PHONE")]
# The known perturbation: the phone number's last character left out by B.
B = [(0, 3, "PATIENT_NAME"), (10, 13, "PHONE")]
FIGURES = ("exact_f1", "overlap_f1", "kappa", "alpha")


def test_identical_layers_agree_perfectly_everywhere():
    units = [Unit("r1", 20, {"x": A, "y": list(A)}), Unit("r2", 30, {"x": A, "y": list(A)})]
    result = compute_agreement(units, n_boot=50)
    for block in [result["overall"], *result["by_category"].values(), *(p["overall"] for p in result["pairs"])]:
        for name in FIGURES:
            assert block[name] == pytest.approx(1.0)
    assert result["overall"]["n_reports"] == 2
    assert result["overall"]["ci"]["alpha"] == [1.0, 1.0]


def test_known_perturbation_gives_the_hand_computed_numbers():
    result = compute_agreement([Unit("r1", 20, {"x": A, "y": B})], n_boot=0)
    overall = result["overall"]
    # Exact: 1 shared triple of 2 + 2 -> 2*1/4.
    assert overall["exact_f1"] == pytest.approx(0.5)
    # Overlap: both spans of each side overlap a same-category span of the other.
    assert overall["overlap_f1"] == pytest.approx(1.0)
    # 20 characters: 3 name/name, 3 phone/phone, 1 phone/none, 13 none/none.
    po = 19 / 20
    pe = (13 * 14 + 3 * 3 + 4 * 3) / 400
    assert overall["kappa"] == pytest.approx((po - pe) / (1 - pe))
    # Coincidences: none 26+1, name 6, phone 6+1; one pair (phone, none) counted both ways.
    n_c = np.array([27, 6, 7])
    expected = (40**2 - (n_c**2).sum()) / 39
    assert overall["alpha"] == pytest.approx(1 - 2 / expected)
    phone = result["by_category"]["PHONE"]
    assert phone["exact_f1"] == pytest.approx(0.0)
    assert phone["overlap_f1"] == pytest.approx(1.0)
    # Binary phone/not: 3 both, 1 A only, 16 neither.
    po, pe = 19 / 20, (4 * 3 + 16 * 17) / 400
    assert phone["kappa"] == pytest.approx((po - pe) / (1 - pe))
    assert result["by_category"]["PATIENT_NAME"]["kappa"] == pytest.approx(1.0)


def test_a_span_only_one_side_marked_lowers_every_figure():
    result = compute_agreement([Unit("r1", 20, {"x": A, "y": A[:1]})], n_boot=0)
    phone = result["by_category"]["PHONE"]
    assert phone["exact_f1"] == 0 and phone["overlap_f1"] == 0 and phone["kappa"] == pytest.approx(0.0)
    assert result["overall"]["exact_f1"] == pytest.approx(2 / 3)


def test_alpha_from_the_package_equals_the_coincidence_formula_used_for_resamples():
    rng = np.random.default_rng(1)
    labels = [rng.integers(0, 3, 200), rng.integers(0, 3, 200), rng.integers(0, 3, 200)]
    counts = m.value_counts(labels, 3)
    assert m.krippendorff_alpha(counts) == pytest.approx(float(m.alpha_from(m.coincidences(counts))))


def test_three_annotators_give_three_pairs_and_intervals_that_contain_the_point():
    units = [Unit(f"r{i}", 40, {"x": A, "y": B if i % 2 else A, "z": A[:1] if i % 3 == 0 else A}) for i in range(12)]
    result = compute_agreement(units, n_boot=200, seed=3)
    assert [(p["a"], p["b"]) for p in result["pairs"]] == [("x", "y"), ("x", "z"), ("y", "z")]
    for name in FIGURES:
        low, high = result["overall"]["ci"][name]
        assert low <= result["overall"][name] + 1e-9 and result["overall"][name] <= high + 1e-9


def test_reports_with_one_layer_are_not_compared():
    result = compute_agreement([Unit("r1", 20, {"x": A})], n_boot=0)
    assert result["overall"]["n_reports"] == 0 and result["pairs"] == []


def test_alpha_is_the_same_from_the_package_and_from_summed_coincidences(monkeypatch):
    from phi_core.agreement import compute

    units = [Unit(f"r{i}", 40, {"x": A, "y": B if i % 2 else A[:1], "z": A}) for i in range(6)]
    by_package = compute_agreement(units, n_boot=0)
    monkeypatch.setattr(compute, "PACKAGE_CELL_LIMIT", 0)
    by_sums = compute_agreement(units, n_boot=0)
    for block in ("overall",):
        assert by_package[block]["alpha"] == pytest.approx(by_sums[block]["alpha"])
    for code in by_package["by_category"]:
        assert by_package["by_category"][code]["alpha"] == pytest.approx(by_sums["by_category"][code]["alpha"])
