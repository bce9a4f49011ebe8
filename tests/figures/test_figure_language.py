"""The phase and threshold figures speak Japanese when asked: titles, axes, legends, notes."""

import re

import pandas as pd

from phi_core.figures import gains_waterfall, phase_lines, reported_phase_means, threshold_scatter
from phi_core.stats import estimate_threshold, model_step_points

# Latin words a Japanese chart may still show: model names from the data, CI, n.
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"CI"}


def visible_texts(fig) -> list[str]:
    texts = [fig.layout.title.text or "", fig.layout.xaxis.title.text or "", fig.layout.yaxis.title.text or ""]
    texts += [a.text or "" for a in fig.layout.annotations or ()]
    texts += [t.name or "" for t in fig.data if t.showlegend is not False]
    return texts


def english_words(fig, data_words: set[str]) -> set[str]:
    return {w for text in visible_texts(fig) for w in LATIN_WORD.findall(text)} - ALLOWED - data_words


def test_phase_figures_in_japanese():
    means = pd.DataFrame(
        {
            "model": ["m", "m"],
            "phase": ["1", "2"],
            "mean": [70.0, 80.0],
            "lo": [69.0, 78.0],
            "hi": [72.0, 81.0],
            "n": [10, 10],
        }
    )
    ref = pd.DataFrame({"kind": ["aggregate"], "phase": [1], "overall": [73.2]})
    lines = phase_lines(means, reported_phase_means(ref), language="ja")
    assert lines.layout.title.text == "フェーズ別の平均スコア"
    assert not english_words(lines, {"m"})
    gains = pd.DataFrame({"from_phase": ["1"], "to_phase": ["2"], "mean_diff": [5.8]})
    water = gains_waterfall(gains, start=70.0, language="ja")
    assert list(water.data[0].x) == ["フェーズ1", "1→2", "開始値＋改善幅"]
    assert not english_words(water, set())
    assert "No " not in gains_waterfall(gains.iloc[:0], language="ja").layout.annotations[0].text


def test_threshold_figure_in_japanese_and_english_default_unchanged():
    before = {f"m{i}": {f"r{k}": 80.0 + i + k * 0.1 for k in range(5)} for i in range(8)}
    after = {m: {r: s + (7.0 if s < 84 else 0.0) for r, s in reps.items()} for m, reps in before.items()}
    points = model_step_points(before, after, n_boot=100)
    estimate = estimate_threshold([p.before_mean for p in points], [p.gain_mean for p in points], n_boot=100)
    reported = [{"model": "Mistral", "before": 84.63, "gain": 6.91}]
    ja = threshold_scatter(points, estimate, reported_points=reported, reported_band=(87, 88), language="ja")
    assert not english_words(ja, set())
    assert "推定閾値" in " ".join(a.text for a in ja.layout.annotations)
    en = threshold_scatter(points, estimate, reported_points=reported, reported_band=(87, 88))
    assert en.layout.title.text.startswith("Does the step pay off?")


def test_leaderboard_error_and_leak_figures_in_japanese():
    from phi_core.figures import (
        confusion_heatmap,
        error_type_bars,
        fixed_broken_bars,
        leaderboard_bar,
        pareto_scatter,
        script_recall_bars,
    )
    from phi_core.figures.errors import breakdown_heatmap, category_heatmap
    from phi_core.figures.leak import leak_bars

    runs = pd.DataFrame(
        {
            "label": ["rules", "m · p3"],
            "score": [70.0, 85.0],
            "score_lo": [68.0, 83.0],
            "score_hi": [72.0, 87.0],
            "sec_per_report": [0.01, 20.0],
        }
    )
    paper = pd.DataFrame({"label": ["GPT（論文、p5）"], "score": [93.56]})
    data = {"rules", "m", "p3", "p5", "GPT", "PATIENT_NAME", "A", "B", "PHI"}
    bars = leaderboard_bar(runs, paper, language="ja")
    assert bars.layout.title.text == "総合スコア（0〜100）" and not english_words(bars, data)
    assert not english_words(pareto_scatter(runs, language="ja"), data)
    counts = pd.DataFrame({"label": ["rules"], "type": ["missed"], "count": [3]})
    types = error_type_bars(counts, language="ja")
    assert types.data[0].name == "見逃し" and not english_words(types, data)
    matrix = pd.DataFrame({"label": ["rules"], "category": ["PATIENT_NAME"], "relaxed_recall": [0.5]})
    assert not english_words(category_heatmap(matrix, language="ja"), data)
    confusion = pd.DataFrame({"gold_category": ["PATIENT_NAME"], "predicted_category": ["PATIENT_NAME"], "count": [2]})
    assert not english_words(confusion_heatmap(confusion, language="ja"), data)
    scripts = pd.DataFrame({"label": ["rules"], "script": ["kanji"], "found": [1], "total": [2], "recall": [0.5]})
    drawn = script_recall_bars(scripts, language="ja")
    assert list(drawn.layout.xaxis.ticktext) == ["漢字"] and not english_words(drawn, data)
    change = pd.DataFrame({"category": ["PATIENT_NAME"], "fixed": [2], "broken": [1]})
    assert not english_words(fixed_broken_bars(change, label_a="A", label_b="B", language="ja"), data)
    assert not english_words(
        breakdown_heatmap(pd.DataFrame(), "style", language="ja"), data | {"synthetic-styles", "synthetic", "styles"}
    )
    leaks = pd.DataFrame({"label": ["rules"], "category": ["PATIENT_NAME"], "leaked_chars": [4]})
    summary = pd.DataFrame({"label": ["rules"], "leaked_chars": [4], "document_leak_share": [0.25]})
    assert not english_words(leak_bars(leaks, summary, language="ja"), data)
    # English stays the default.
    assert leaderboard_bar(runs, paper).layout.title.text == "Composite score (0-100)"
    assert error_type_bars(counts).data[0].name == "missed"
