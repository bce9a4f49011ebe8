"""Report scores and analysis rows are replaced together, per run."""

import pandas as pd
import pytest


def _score(report_id, score):
    return {
        "report_id": report_id,
        "score": score,
        "recall": 20.0,
        "precision": 15.0,
        "rescaled": False,
        "seconds": 0.1,
        "details": "{}",
    }


def _counts(report_id, leaked):
    return pd.DataFrame(
        [
            {
                "report_id": report_id,
                "gold": 2,
                "gold_found": 2 - (leaked > 0),
                "pred_items": 2,
                "pred_items_correct": 2,
                "matched": 2,
                "gold_chars": 8,
                "leaked_chars": leaked,
            }
        ]
    )


def test_rescoring_replaces_scores_and_analysis_rows(store):
    store.replace_scores("run1", [_score("a", 90.0), _score("b", 70.0)], {"score_counts": _counts("a", 0)})
    store.replace_scores("run2", [_score("a", 50.0)])
    store.replace_scores("run1", [_score("a", 95.0)], {"score_counts": _counts("a", 3)})
    scores = store.report_scores(["run1"])
    assert list(scores["report_id"]) == ["a"] and list(scores["score"]) == [95.0]
    assert sorted(store.scored_run_ids()) == ["run1", "run2"]
    assert store.run_report_scores(["run2"])["score"].tolist() == [50.0]


def test_unknown_analysis_table_is_refused_before_anything_changes(store):
    store.replace_scores("run1", [_score("a", 90.0)])
    with pytest.raises(ValueError):
        store.replace_scores("run1", [], {"reports": pd.DataFrame()})
    assert store.report_scores(["run1"])["score"].tolist() == [90.0]
