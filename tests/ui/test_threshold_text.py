"""The threshold advisor's sentences in Japanese say what the English ones say."""

import re

import pytest

from phi_core.stats import advise, estimate_threshold, model_step_points
from phi_core.ui import threshold_text
from phi_core.ui.vocabulary import column_name, job_status_name, label_status_name, validity_name

LATIN = re.compile(r"[A-Za-z]{2,}")


def points_with_gain(jump: float, seed_shift: float = 0.0):
    before = {f"m{i}": {f"r{k}": 78.0 + 2 * i + k * 0.1 + seed_shift for k in range(5)} for i in range(8)}
    after = {
        m: {r: s + (jump if s < 85 else 0.0) + (0.3 if m == "m1" else 0.0) for r, s in reps.items()}
        for m, reps in before.items()
    }
    points = model_step_points(before, after, n_boot=100)
    estimate = estimate_threshold(
        [p.before_mean for p in points], [p.gain_mean for p in points], n_boot=200, method="split"
    )
    return points, estimate


def latin_words(text: str) -> set[str]:
    return set(LATIN.findall(text)) - {"CI", "Self-Refine", "Self", "Refine"}


def test_a_clear_threshold_in_japanese():
    points, estimate = points_with_gain(7.0)
    assert estimate.ok and estimate.threshold_supported
    text = threshold_text.verdict(estimate, "ja")
    assert text.startswith(f"閾値は{estimate.threshold:.1f}点付近です")
    assert f"{estimate.below.mean_gain:+.1f}" in text and not latin_words(text)
    assert threshold_text.verdict(estimate, "en") == estimate.verdict


def test_advice_below_and_above_in_japanese_and_english_unchanged():
    points, estimate = points_with_gain(7.0)
    low = min(points, key=lambda p: p.before_mean)
    high = max(points, key=lambda p: p.before_mean)
    english = advise(low, estimate, step_name="Self-Refine", before_label="phase 3 score")
    assert threshold_text.advice(low, estimate, english, step="Self-Refine", from_phase="3") == english
    below = threshold_text.advice(low, estimate, english, step="Self-Refine", from_phase="3", language="ja")
    assert "改善が見込めます" in below and f"{estimate.below.mean_gain:+.1f}" in below
    above = threshold_text.advice(high, estimate, "", step="Self-Refine", from_phase="3", language="ja")
    assert "省略してよい" in above and "以上です" in above
    assert not latin_words(below) and not latin_words(above)


def test_no_estimate_says_why_in_japanese():
    points, _ = points_with_gain(7.0)
    estimate = estimate_threshold([p.before_mean for p in points[:3]], [p.gain_mean for p in points[:3]])
    assert not estimate.ok
    text = threshold_text.summary(estimate, points[:3], "3", "4", "english summary", "ja")
    assert "閾値は推定できません" in text and "3つだけ" in text and "5つ以上必要" in text
    assert threshold_text.summary(estimate, points[:3], "3", "4", "english summary", "en") == "english summary"


def test_equal_gains_mean_no_threshold():
    points, _ = points_with_gain(0.0)
    estimate = estimate_threshold([p.before_mean for p in points], [2.0] * len(points), n_boot=50)
    assert threshold_text.verdict(estimate, "ja").startswith("閾値はありません")


@pytest.mark.parametrize(
    "name, japanese",
    [
        ("one-sample t-test (greater)", "1標本t検定（片側）"),
        ("Wilcoxon signed-rank (greater) (not run: no values)", "Wilcoxon符号付き順位検定（片側）（未実施）"),
        ("Welch t-test (two-sided)", "Welchのt検定（両側）"),
        ("Mann-Whitney U (two-sided)", "Mann-WhitneyのU検定（両側）"),
        ("something new", "something new"),
    ],
)
def test_test_names(name, japanese):
    assert threshold_text.stat_test_name(name, "ja") == japanese
    assert threshold_text.stat_test_name(name, "en") == name


def test_p_values():
    assert threshold_text.p_text(float("nan"), "ja") == "p値なし"
    assert threshold_text.p_text(0.0004, "ja") == "p<0.001"


def test_shared_terms():
    assert label_status_name("in_review", "ja") == "レビュー中" and label_status_name("in_review") == "in review"
    assert label_status_name("new_status") == "new status"
    # Label statuses and job statuses are two vocabularies: "done" is a job's word only.
    assert job_status_name("done", "ja") == "完了" and label_status_name("done") == "done"
    assert validity_name("prompt_truncated", "ja") == "プロンプト切り詰め"
    assert column_name("sec_per_report", "ja") == "1件あたりの時間" and column_name("other", "ja") == "other"
