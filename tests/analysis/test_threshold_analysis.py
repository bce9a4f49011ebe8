"""threshold_analysis on hand-made phase 3 / phase 4 scores: a clear jump at 86."""

import json
from datetime import datetime, timedelta

import pandas as pd
import pytest

from phi_core.analysis import REPORTED_BAND, threshold_analysis
from phi_core.models import Report
from phi_core.paths import REFERENCE_FILE
from phi_core.store import Store

START = datetime(2026, 1, 1)
# model -> (mean score in phase 3, gain from phase 3 to 4)
MODELS = {"a": (80, 7), "b": (82, 6), "c": (84, 8), "d": (88, 0), "e": (90, 1), "f": (92, -1)}


def add_run(store: Store, model: str, phase: str, scores: list[float], seconds: float, minute: int) -> None:
    run_id = f"{model}-{phase}"
    store.bulk_load(
        {
            "runs": pd.DataFrame(
                [
                    {
                        "run_id": run_id,
                        "job_key": run_id,
                        "dataset": "d",
                        "split": None,
                        "backend": "ollama",
                        "model": model,
                        "phase": phase,
                        "repeats": 1,
                        "status": "done",
                        "tasks_total": len(scores),
                        "created_at": START + timedelta(minutes=minute),
                    }
                ]
            ),
            "report_scores": pd.DataFrame(
                {
                    "run_id": run_id,
                    "report_id": [f"r{i}" for i in range(len(scores))],
                    "score": scores,
                    "seconds": seconds,
                }
            ),
        }
    )


def make_store(path, models: dict[str, tuple[float, float]]) -> Store:
    store = Store(path)
    store.add_reports("d", [Report(id=f"r{i}", text="所見なし", split="dev", status="approved") for i in range(3)])
    store.load_reference(REFERENCE_FILE)
    for minute, (model, (before, gain)) in enumerate(models.items()):
        spread = [before - 1, before, before + 1]
        add_run(store, model, "3", spread, seconds=10.0, minute=2 * minute)
        add_run(store, model, "4", [s + gain for s in spread], seconds=25.0, minute=2 * minute + 1)
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("thr") / "t.duckdb", MODELS)
    yield s
    s.close()


def test_points_estimate_and_advice(store):
    result = threshold_analysis(store, "d", n_boot=300)
    points = {p.model: p for p in result.points}
    assert set(points) == set(MODELS)
    assert points["a"].before_mean == pytest.approx(80) and points["a"].gain_mean == pytest.approx(7)
    assert points["a"].seconds_added == pytest.approx(15.0)
    assert points["a"].n_reports == 3
    e = result.estimate
    assert e.ok and e.method == "split"
    assert e.threshold == pytest.approx(86.0)  # midway between 84 and 88
    assert (e.below.n, e.above.n) == (3, 3)
    assert e.below.mean_gain == pytest.approx(7.0) and e.above.mean_gain == pytest.approx(0.0)
    assert result.summary == e.verdict
    assert "Self-Refine expected to add +7.0" in result.advice["a"]
    assert "skip Self-Refine" in result.advice["f"]


def test_the_studys_points_and_band_come_along(store):
    result = threshold_analysis(store, "d", n_boot=100)
    reported = {p.model: (p.before, p.gain) for p in result.reported_points}
    assert reported["Mistral-Small-3.2"] == pytest.approx((84.6, 6.9))
    assert reported["EZO-2.5-Gemma-3"] == pytest.approx((89.1, 0.0))
    assert result.reported_band == REPORTED_BAND == (87.0, 88.0)


def test_segmented_method_and_json(store):
    result = threshold_analysis(store, "d", method="segmented", n_boot=100)
    assert result.estimate.method == "segmented" and result.estimate.ok
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert data["method"] == "segmented" and len(data["points"]) == 6
    assert set(data["advice"]) == set(MODELS)
    assert result.points_frame()["gain"].tolist() == pytest.approx([7, 6, 8, 0, 1, -1])


def test_too_few_models_says_so(tmp_path):
    with make_store(tmp_path / "few.duckdb", {"a": (80, 7), "d": (88, 0)}) as store:
        result = threshold_analysis(store, "d", n_boot=100)
    assert not result.estimate.ok
    assert "only 2 models have both phases" in result.estimate.reason
    assert "run both phases on more models" in result.summary
    assert result.advice["a"].startswith("No threshold estimate yet")
    assert "+7.0" in result.advice["a"]  # still tells the model's own measured gain


def test_no_model_with_both_phases(store):
    result = threshold_analysis(store, "d", from_phase="1", to_phase="2", n_boot=50)
    assert result.points == [] and not result.estimate.ok and result.advice == {}
    assert "no model has both phases" in result.summary


def test_bad_arguments(store):
    with pytest.raises(ValueError, match="split"):
        threshold_analysis(store, "d", method="hinge")
    with pytest.raises(ValueError, match="different phases"):
        threshold_analysis(store, "d", from_phase="3", to_phase="3")
