"""aggregate() and bootstrap_ci() on hand-computed report sets."""

import numpy as np
import pytest

from phi_core.models import PredictedItem, Span
from phi_core.scoring import aggregate, bootstrap_ci, prf, score_report

TEXT = "氏名：山田太郎 検査日：2024年3月1日"
GOLD = [Span(start=3, end=7, category="PATIENT_NAME"), Span(start=12, end=21, category="EXAM_DATE")]
PERFECT = [PredictedItem(category="患者氏名", value="山田太郎"), PredictedItem(category="検査日", value="2024年3月1日")]
WRONG = [PredictedItem(category="医師名", value="山田太郎"), PERFECT[1]]


@pytest.fixture(scope="module")
def three():
    perfect = score_report(TEXT, GOLD, PERFECT, repeats=[PERFECT, PERFECT], seconds=1.0, input_tokens=100)  # 100
    empty = score_report(TEXT, GOLD, [])  # 12.5, no timing, no repeats
    wrong = score_report(TEXT, GOLD, WRONG, seconds=1.0, input_tokens=100)  # 85 / 90 * 100
    return [perfect, empty, wrong]


def test_means_and_micro_macro(three):
    a = aggregate(three, n_boot=200)
    assert a["n_reports"] == 3
    assert a["score"] == pytest.approx((100 + 12.5 + 8500 / 90) / 3)
    assert a["recall"] == pytest.approx(40 / 3)  # points 20, 0, 20
    assert a["stability"] == pytest.approx(10.0)  # measured in the first report only
    assert a["efficiency"] == pytest.approx(10.0)
    # strict: tp 2+0+1 = 3, fp 0+0+1 = 1, fn 0+2+1 = 3 -> P 3/4, R 1/2, F1 0.6
    assert (a["strict_precision"], a["strict_recall"], a["strict_f1"]) == pytest.approx((0.75, 0.5, 0.6))
    # relaxed: tp 4, fp 0, fn 2 -> P 1, R 2/3, F1 0.8
    assert (a["relaxed_precision"], a["relaxed_recall"], a["relaxed_f1"]) == pytest.approx((1.0, 2 / 3, 0.8))
    # strict per category: PATIENT_NAME f1 0.5, EXAM_DATE f1 0.8 -> macro 0.65 (PHYSICIAN_NAME has no support)
    assert a["per_category"]["PATIENT_NAME"]["strict_f1"] == pytest.approx(0.5)
    assert a["per_category"]["PHYSICIAN_NAME"] == {
        "strict_p": 0.0,
        "strict_r": None,
        "strict_f1": 0.0,
        "relaxed_p": None,
        "relaxed_r": None,
        "relaxed_f1": None,
        "support": 0,
    }
    assert a["strict_macro_f1"] == pytest.approx(0.65)
    assert a["relaxed_macro_f1"] == pytest.approx(0.8)
    assert a["char_leak_rate"] == pytest.approx(13 / 39)
    assert a["per_script"]["kanji"] == {"found": 2, "total": 3, "recall": pytest.approx(2 / 3)}
    assert a["rescaled_reports"] == 2
    assert a["mean_seconds"] == pytest.approx(1.0) and a["timed_reports"] == 2
    assert a["sec_per_100_tokens"] == pytest.approx(1.0)


def test_ci_contains_mean_and_is_deterministic(three):
    a = aggregate(three * 10, n_boot=500, seed=3)
    lo, hi = a["score_ci"]
    assert lo <= a["score"] <= hi and lo < hi
    assert aggregate(three * 10, n_boot=500, seed=3)["score_ci"] == [lo, hi]


def test_unmeasured_everywhere_is_none_and_empty_input(three):
    a = aggregate([three[1]], n_boot=50)
    assert a["stability"] is None and a["efficiency"] is None
    assert aggregate([])["score"] is None and aggregate([])["n_reports"] == 0


def test_explicit_seconds_must_match_reports(three):
    assert aggregate(three, n_boot=10, seconds=[2.0, None, 4.0])["mean_seconds"] == pytest.approx(3.0)
    with pytest.raises(ValueError, match="one \\(or None\\) per report"):
        aggregate(three, seconds=[1.0])


def test_prf_edges():
    assert prf(0, 0, 0) == (None, None, None)
    assert prf(0, 0, 2) == (None, 0.0, 0.0)
    assert prf(1, 1, 1) == pytest.approx((0.5, 0.5, 0.5))


def test_bootstrap_ci_basics():
    values = np.random.default_rng(7).normal(50, 10, size=200)
    lo, hi = bootstrap_ci(values, n_boot=1000, seed=1)
    assert lo < values.mean() < hi
    assert bootstrap_ci(values, n_boot=1000, seed=1) == (lo, hi)
    assert bootstrap_ci(values, n_boot=1000, seed=2) != (lo, hi)
    # the 95% interval of a mean of 200 values with sd 10 is about +-1.4 wide each side
    assert 0.8 < (hi - lo) / 2 < 2.0
    assert bootstrap_ci([5.0], n_boot=10) == (5.0, 5.0)


def test_bootstrap_ci_other_statistics_and_errors():
    values = list(range(101))
    lo, hi = bootstrap_ci(values, n_boot=300, stat=np.median)
    assert lo <= 50 <= hi
    lo2, hi2 = bootstrap_ci(values, n_boot=300, stat=lambda row: float(np.max(row)))  # no axis argument
    assert lo2 <= hi2 <= 100
    with pytest.raises(ValueError, match="non-empty"):
        bootstrap_ci([])
    with pytest.raises(ValueError, match="NaN"):
        bootstrap_ci([1.0, float("nan")])
