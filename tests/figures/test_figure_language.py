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
    means = pd.DataFrame({"model": ["m", "m"], "phase": ["1", "2"], "mean": [70.0, 80.0], "lo": [69.0, 78.0],
                          "hi": [72.0, 81.0], "n": [10, 10]})
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
