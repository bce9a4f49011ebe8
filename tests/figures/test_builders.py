"""Figure builders draw the traces the analysis frames call for."""

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from phi_core.figures import (
    category_heatmap,
    confusion_heatmap,
    error_type_bars,
    fixed_broken_bars,
    gains_waterfall,
    leaderboard_bar,
    pareto_scatter,
    phase_lines,
    phase_start,
    reported_phase_means,
    script_recall_bars,
    threshold_scatter,
)
from phi_core.figures.theme import (
    FONT_FAMILY,
    REFERENCE_LABEL,
    SLIDE_FONT,
    category_color,
    category_tick,
    presentation_copy,
)
from phi_core.stats import estimate_threshold, model_step_points


def measured_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": ["rules", "mistral · p3", "gemma · p3"],
            "score": [70.0, 85.0, 88.0],
            "score_lo": [68.0, 83.0, 86.5],
            "score_hi": [72.0, 87.0, 89.0],
            "sec_per_report": [0.01, 20.0, 9.0],
            "source": ["measured"] * 3,
        }
    )


def reference() -> pd.DataFrame:
    return pd.DataFrame({"label": ["GPT-4.1 (paper, p5)"], "score": [93.56], "source": [REFERENCE_LABEL]})


def test_leaderboard_keeps_paper_rows_in_their_own_marked_panel():
    fig = leaderboard_bar(measured_frame(), reference())
    measured, paper = fig.data
    assert list(measured.y) == ["rules", "mistral · p3", "gemma · p3"]  # ascending: best drawn on top
    assert "GPT-4.1 (paper, p5)" not in measured.y
    assert paper.name == REFERENCE_LABEL and paper.marker.pattern.shape == "/"
    assert measured.yaxis != paper.yaxis  # separate panels, never one ranking
    assert [round(v, 6) for v in measured.error_x.array] == [2.0, 2.0, 1.0]
    assert [round(v, 6) for v in measured.error_x.arrayminus] == [2.0, 2.0, 1.5]
    assert any("Reported by the paper" in a.text for a in fig.layout.annotations)


def test_leaderboard_without_data_says_so():
    fig = leaderboard_bar(pd.DataFrame(columns=["label", "score"]))
    assert not fig.data and "No scored runs" in fig.layout.annotations[0].text


def test_pareto_marks_the_front_and_joins_it_in_speed_order():
    frame = measured_frame()
    mask = pd.Series([True, False, True])
    fig = pareto_scatter(frame, mask)
    front, runs = fig.data
    assert list(front.x) == [0.01, 9.0] and list(front.y) == [70.0, 88.0]
    assert list(runs.marker.symbol) == ["star", "circle", "star"]
    assert fig.layout.xaxis.type == "log"  # milliseconds next to tens of seconds


def test_heatmap_orders_categories_like_the_taxonomy_and_writes_percentages():
    matrix = pd.DataFrame(
        {
            "run_id": ["a", "a", "b", "b"],
            "label": ["A", "A", "B", "B"],
            "category": ["PHONE", "PATIENT_NAME", "PHONE", "PATIENT_NAME"],
            "support": [4, 5, 4, 5],
            "relaxed_recall": [0.5, 1.0, float("nan"), 0.8],
            "relaxed_precision": [1.0, 1.0, 0.5, 0.25],
        }
    )
    fig = category_heatmap(matrix, "relaxed_recall", language="ja")
    heat = fig.data[0]
    assert list(heat.x) == ["PATIENT_NAME", "PHONE"]
    assert [list(r) for r in heat.text] == [["100%", "50%"], ["80%", ""]]
    assert "患者氏名" in fig.layout.xaxis.ticktext[0] and category_color("PATIENT_NAME") in fig.layout.xaxis.ticktext[0]
    assert list(fig.data[0].customdata[0]) == [5, 4]


def test_error_types_stack_one_trace_per_type():
    counts = pd.DataFrame({"label": ["A", "A", "B"], "type": ["missed", "spurious", "missed"], "count": [3, 1, 2]})
    fig = error_type_bars(counts)
    assert [t.customdata[0] for t in fig.data] == ["missed", "spurious"]
    assert list(fig.data[0].y) == [3, 2] and list(fig.data[1].y) == [1, 0]
    assert fig.layout.barmode == "stack"


def test_confusion_counts_land_in_the_right_cells():
    frame = pd.DataFrame(
        {
            "gold_category": ["PATIENT_NAME", "PATIENT_NAME", "EXAM_DATE"],
            "predicted_category": ["PATIENT_NAME", "NAME_READING", "OTHER_DATE"],
            "count": [5, 2, 1],
        }
    )
    heat = confusion_heatmap(frame).data[0]
    assert list(heat.y) == ["PATIENT_NAME", "EXAM_DATE"]
    assert list(heat.x) == ["PATIENT_NAME", "NAME_READING", "OTHER_DATE"]
    assert heat.z[0][1] == 2 and heat.z[1][2] == 1 and heat.text[1][0] == ""


def test_script_recall_groups_by_script_in_the_study_order():
    frame = pd.DataFrame(
        {
            "label": ["A"] * 3,
            "script": ["romaji", "kanji", "hiragana"],
            "found": [1, 10, 3],
            "total": [2, 10, 4],
            "recall": [0.5, 1.0, 0.75],
        }
    )
    bar = script_recall_bars(frame).data[0]
    assert list(bar.x) == ["kanji", "hiragana", "romaji"] and list(bar.text) == ["10/10", "3/4", "1/2"]


def test_phase_lines_one_per_model_plus_the_papers_means():
    means = pd.DataFrame(
        {
            "model": ["m", "m", "n"],
            "phase": ["2", "1", "1"],
            "mean": [80.0, 70.0, 60.0],
            "lo": [78.0, 69.0, 58.0],
            "hi": [81.0, 72.0, 61.0],
            "n": [10, 10, 10],
        }
    )
    ref = pd.DataFrame({"kind": ["aggregate", "local"], "phase": [1, 2], "overall": [73.2, 86.0]})
    fig = phase_lines(means, reported_phase_means(ref))
    assert [t.name for t in fig.data] == ["m", "n", f"mean over models, {REFERENCE_LABEL}"]
    assert list(fig.data[0].x) == ["1", "2"] and list(fig.data[0].error_y.arrayminus) == [1.0, 2.0]
    assert list(fig.data[2].y) == [73.2]


def test_waterfall_starts_at_the_first_phase_and_ends_with_a_total():
    gains = pd.DataFrame(
        {
            "from_phase": ["1", "2"],
            "to_phase": ["2", "3"],
            "mean_diff": [5.8, -1.0],
            "ci_lo": [4.9, -2.0],
            "ci_hi": [6.7, 0.1],
        }
    )
    means = pd.DataFrame({"model": ["a", "b"], "phase": ["1", "1"], "mean": [70.0, 80.0], "n": [30, 10]})
    start = phase_start(means, "1")
    assert start == pytest.approx(72.5)
    water = gains_waterfall(gains, start=start).data[0]
    assert list(water.measure) == ["absolute", "relative", "relative", "total"]
    assert water.text[1] == "+5.8 [+4.9, +6.7]" and water.x[0] == "phase 1"


def test_threshold_scatter_draws_fit_band_groups_and_paper_points():
    before = {f"m{i}": {f"r{k}": 80.0 + i + k * 0.1 for k in range(5)} for i in range(8)}
    after = {m: {r: s + (7.0 if s < 84 else 0.0) for r, s in reps.items()} for m, reps in before.items()}
    points = model_step_points(before, after, n_boot=200)
    estimate = estimate_threshold([p.before_mean for p in points], [p.gain_mean for p in points], n_boot=200)
    fig = threshold_scatter(
        points, estimate, reported_points=[{"model": "Mistral", "before": 84.63, "gain": 6.91}], reported_band=(87, 88)
    )
    names = [t.name for t in fig.data]
    assert "measured models (95% CI)" in names and REFERENCE_LABEL in names
    assert any(n.startswith("mean gain below") for n in names) and any(n.startswith("mean gain above") for n in names)
    shapes = fig.layout.shapes
    assert any(s.type == "line" and math.isclose(s.x0, estimate.threshold) for s in shapes)
    assert any(s.type == "rect" and (s.x0, s.x1) == (87, 88) for s in shapes)
    assert any(s.type == "rect" and math.isclose(s.x0, estimate.threshold_ci[0]) for s in shapes)


def test_threshold_scatter_without_estimate_still_shows_points():
    fig = threshold_scatter(
        [{"model": "a", "before_mean": 80, "gain_mean": 3, "before_ci": (79, 81), "gain_ci": (2, 4)}], None
    )
    assert [t.name for t in fig.data] == ["measured models (95% CI)"]


def test_fixed_broken_points_broken_down():
    frame = pd.DataFrame({"category": ["PHONE", "PATIENT_NAME"], "fixed": [2, 3], "broken": [1, 0]})
    fixed, broken = fixed_broken_bars(frame).data
    assert list(fixed.x) == ["PATIENT_NAME", "PHONE"] and list(broken.y) == [0, -1]


def test_presentation_copy_scales_fonts_and_sets_slide_size_without_touching_the_original():
    fig = leaderboard_bar(measured_frame(), reference())
    slide = presentation_copy(fig)
    assert (slide.layout.width, slide.layout.height, slide.layout.font.size) == (1920, 1080, SLIDE_FONT)
    assert fig.layout.width is None
    assert go.Figure(fig).layout.template.layout.font.family == FONT_FAMILY
    assert "■" in category_tick("PHONE")
