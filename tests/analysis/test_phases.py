"""Phase progression frames on hand-made scores written straight into the store."""

from datetime import datetime, timedelta

import pandas as pd
import pytest

from phi_core.analysis import phase_gains, phase_means, phase_scores
from phi_core.models import Report
from phi_core.stats import holm_correction
from phi_core.store import Store

START = datetime(2026, 1, 1)


def add_run(
    store: Store,
    model: str,
    phase: str,
    scores: dict[str, float],
    *,
    minute: int,
    backend: str = "ollama",
    seconds: float = 10.0,
) -> str:
    run_id = f"{backend}-{model}-{phase}-{minute}"
    store.bulk_load(
        {
            "runs": pd.DataFrame(
                [
                    {
                        "run_id": run_id,
                        "job_key": run_id,
                        "dataset": "d",
                        "split": None,
                        "backend": backend,
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
                {"run_id": run_id, "report_id": list(scores), "score": list(scores.values()), "seconds": seconds}
            ),
        }
    )
    return run_id


def scores(*values: float) -> dict[str, float]:
    return {f"r{i + 1}": v for i, v in enumerate(values)}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("ph") / "ph.duckdb")
    s.add_reports("d", [Report(id=f"r{i}", text="所見なし", split="dev", status="approved") for i in range(1, 5)])
    add_run(s, "m1", "1", scores(0, 0, 0, 0), minute=0)  # superseded by the next run
    add_run(s, "m1", "1", scores(70, 72, 74, 76), minute=1)
    add_run(s, "m1", "2", scores(76, 78, 80, 82), minute=2)  # +6 on every report
    add_run(s, "m1", "3", scores(77, 79, 81, 83), minute=3)  # +1
    add_run(s, "m2", "1", scores(60, 60, 60, 60), minute=4)
    add_run(s, "m2", "2", scores(70, 71, 72), minute=5)  # r4 not scored: +10, +11, +12
    add_run(s, "rules", "-", scores(99, 99, 99, 99), minute=6, backend="rules")
    yield s
    s.close()


def test_phase_scores_are_the_newest_runs_of_phased_models(store):
    frame = phase_scores(store, "d")
    assert set(frame["phase"]) == {"1", "2", "3"}  # the rule-based run has no phase
    m1p1 = frame[(frame["model"] == "m1") & (frame["phase"] == "1")]
    assert list(m1p1["score"]) == [70, 72, 74, 76] and set(m1p1["label"]) == {"m1 · p1"}
    assert len(frame) == 4 + 4 + 4 + 4 + 3


def test_phase_means_with_bootstrap_intervals(store):
    means = phase_means(store, "d", n_boot=400)
    row = means[(means["model"] == "m1") & (means["phase"] == "1")].iloc[0]
    assert (row["mean"], row["n"]) == (73.0, 4)
    assert 70 <= row["lo"] < 73 < row["hi"] <= 76
    flat = means[(means["model"] == "m2") & (means["phase"] == "1")].iloc[0]
    assert (flat["lo"], flat["hi"]) == (60.0, 60.0)  # every report the same
    assert list(means[means["model"] == "m1"]["phase"]) == ["1", "2", "3"]


def test_phase_gains_pool_models_pairing_reports_within_each_model(store):
    gains = phase_gains(store, "d", n_boot=400)
    assert list(zip(gains["from_phase"], gains["to_phase"])) == [("1", "2"), ("2", "3")]
    step12, step23 = gains.iloc[0], gains.iloc[1]
    assert step12["n"] == 7 and step12["mean_diff"] == pytest.approx((4 * 6 + 10 + 11 + 12) / 7)
    assert step12["n_models"] == 2
    assert step23["n"] == 4 and step23["mean_diff"] == pytest.approx(1.0) and step23["n_models"] == 1
    assert step12["ci_lo"] <= step12["mean_diff"] <= step12["ci_hi"]
    assert list(gains["p_holm_t"]) == pytest.approx(holm_correction(list(gains["t_p"])), nan_ok=True)
    assert list(gains["p_holm_wilcoxon"]) == pytest.approx(holm_correction(list(gains["wilcoxon_p"])))


def test_phase_gains_for_one_model(store):
    gains = phase_gains(store, "d", model="m2", n_boot=200)
    assert len(gains) == 1 and gains.iloc[0]["mean_diff"] == pytest.approx(11.0) and gains.iloc[0]["n"] == 3
    assert phase_gains(store, "d", model="nobody").empty
