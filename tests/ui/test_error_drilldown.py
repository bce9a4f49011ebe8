import pandas as pd
import pytest

from phi_core.ui.error_drilldown import (
    CELL_ERROR_TYPE,
    GOLD_STYLE,
    PRED_STYLE,
    default_comparison,
    highlight_html,
    selection_from_click,
)


def example(**changes):
    row = {
        "context_start": 10,
        "context_before": "患者：",
        "context_text": "𠮷田太郎様",
        "context_after": "<b>",
        "gold_start": 13,
        "gold_end": 17,
        "pred_start": 15,
        "pred_end": 18,
    }
    row.update(changes)
    return row


def test_gold_and_predicted_spans_are_marked_by_code_point_and_text_is_escaped():
    # context_text starts at 10 + len("患者：") = 13: gold covers 𠮷田太郎, the prediction 太郎様.
    out = highlight_html(example())
    assert out.startswith("…患者：") and out.endswith("&lt;b&gt;…")
    assert f"<span style='{GOLD_STYLE}'>𠮷田</span>" in out
    assert f"<span style='{GOLD_STYLE};{PRED_STYLE}'>太郎</span>" in out
    assert f"<span style='{PRED_STYLE}'>様</span>" in out


def test_a_value_not_in_the_report_says_so():
    assert "not in the report" in highlight_html(example(context_start=None))
    assert "not in the report" in highlight_html(example(context_start=float("nan")))


def test_a_missing_prediction_marks_only_gold():
    out = highlight_html(example(pred_start=pd.NA, pred_end=pd.NA))
    assert PRED_STYLE not in out and f"<span style='{GOLD_STYLE}'>𠮷田太郎</span>" in out


def test_clicks_pick_run_category_and_type():
    runs = {"m · p3": "r3"}
    assert selection_from_click("cell", {"y": "m · p3", "x": "PATIENT_NAME"}, runs) == {
        "run": "r3",
        "category": "PATIENT_NAME",
        "type": CELL_ERROR_TYPE,
    }
    assert selection_from_click("type", {"x": "m · p3", "customdata": "spurious"}, runs) == {
        "run": "r3",
        "category": None,
        "type": "spurious",
    }
    # Unknown names are left out rather than written into the filters.
    assert selection_from_click("cell", {"y": "other", "x": "NOT_A_CATEGORY"}, runs) == {"type": CELL_ERROR_TYPE}
    with pytest.raises(ValueError):
        selection_from_click("bar", {}, runs)


def test_default_comparison_prefers_two_phases_of_one_model():
    runs = pd.DataFrame(
        {
            "run_id": ["a", "b", "c", "d"],
            "backend": ["rules", "ollama", "ollama", "ollama"],
            "model": ["rules", "x", "x", "x"],
            "phase": ["-", "4", "2", "3"],
        }
    )
    assert default_comparison(runs, list(runs["run_id"])) == ("d", "b")
    single = runs.iloc[:2]
    assert default_comparison(single, ["a", "b"]) == ("a", "b")
    assert default_comparison(single.iloc[:1], ["a"]) == ("a", "a")
