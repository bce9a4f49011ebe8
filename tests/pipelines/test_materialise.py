import json

import pytest

from phi_core.analysis.leaderboard_records import leaderboard_records
from phi_core.models import PredictedItem, Report, Span
from phi_core.pipelines import make_pipeline
from phi_core.pipelines.definition import PipelineError
from phi_core.pipelines.materialise import score_pipeline
from phi_core.scoring import score_report
from phi_core.store import Store, TaskResult

TEXTS = {
    "r1": "氏名 山田太郎 電話 03-1234-5678 検査日 2024年8月6日",
    "r2": "氏名 佐藤花子 ID 778899 主治医 鈴木",
}
GOLD = {
    "r1": [("PATIENT_NAME", "山田太郎"), ("PHONE", "03-1234-5678"), ("EXAM_DATE", "2024年8月6日")],
    "r2": [("PATIENT_NAME", "佐藤花子"), ("PATIENT_ID", "778899"), ("PHYSICIAN_NAME", "鈴木")],
}
RULES = {"r1": [("PHONE", "03-1234-5678"), ("EXAM_DATE", "2024年8月6日")], "r2": [("PATIENT_ID", "778899")]}
MODEL = {"r1": [("NAME", "山田"), ("DATE", "8月6日")], "r2": [("NAME", "佐藤花子"), ("DOCTOR", "鈴木"), ("ID", "ID")]}


def _report(rid):
    text = TEXTS[rid]
    spans = [Span(start=text.index(v), end=text.index(v) + len(v), category=c) for c, v in GOLD[rid]]
    return Report(id=rid, text=text, spans=spans, status="approved")


def _result(rid, items, seconds):
    return TaskResult(
        rid, 0, "done", "", [(lab, None, v) for lab, v in items], [], [], seconds, None, None, None, 0, None
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "p.duckdb") as s:
        s.add_reports("d", [_report("r1"), _report("r2")])
        for backend, model, phase, items, secs in (
            ("rules", "rules", "-", RULES, 0.01),
            ("ollama", "m:7b", "3", MODEL, 2.0),
        ):
            run = s.create_run(
                job_key=backend,
                dataset="d",
                split=None,
                backend=backend,
                model=model,
                phase=phase,
                phase_key=None,
                hosts=(),
                model_digest="",
                model_meta={},
                options={},
                provenance={},
                repeats=1,
                tasks_total=2,
            )
            s.save_task_results(run.run_id, [_result(r, items[r], secs) for r in TEXTS])
        yield s


def test_union_is_a_scored_run_equal_to_a_hand_computation(store):
    pipe = make_pipeline("rules+m", ["rules", "ollama:m:7b:3"])
    result = score_pipeline(store, pipe, "d", actor="tester")
    assert result.reports == 2
    items = store.predicted_items(result.run_id)
    got = {rid: list(zip(g["label"], g["value"])) for rid, g in items.groupby("report_id")}
    # By hand: r1 model's 8月6日 sits inside the rules' date and joins it (EXAM_DATE beats coarse DATE);
    # 山田 stays alone. r2: every item alone ("ID" is a spurious value).
    assert got == {
        "r1": [("NAME", "山田"), ("PHONE", "03-1234-5678"), ("EXAM_DATE", "2024年8月6日")],
        "r2": [("NAME", "佐藤花子"), ("ID", "ID"), ("PATIENT_ID", "778899"), ("DOCTOR", "鈴木")],
    }
    scores = store.report_scores([result.run_id]).set_index("report_id")
    for rid in TEXTS:
        report = _report(rid)
        hand = score_report(
            report.text, report.spans, [PredictedItem(category=label, value=v) for label, v in got[rid]], seconds=2.01
        )
        assert scores.loc[rid, "score"] == pytest.approx(hand.score)
        details = json.loads(scores.loc[rid, "details"])
        assert details["counts"]["leaked_chars"] == hand.counts["leaked_chars"]
    # r1: 太郎 leaks (2 characters); r2 leaks nothing.
    assert json.loads(scores.loc["r1", "details"])["counts"]["leaked_chars"] == 2
    row = [r for r in leaderboard_records(store, "d", n_boot=50) if r["backend"] == "pipeline"]
    assert row and row[0]["model"] == "rules+m" and row[0]["phase"] == "3"


def test_rescoring_the_same_union_reuses_its_run(store):
    pipe = make_pipeline("rules+m", ["rules", "ollama:m:7b:3"])
    first = score_pipeline(store, pipe, "d", actor="tester").run_id
    assert score_pipeline(store, pipe, "d", actor="tester").run_id == first
    assert len([r for r in store.runs("d") if r.backend == "pipeline"]) == 1


def test_a_part_without_a_run_is_named(store):
    with pytest.raises(PipelineError, match="ollama:other:3 has no stored run"):
        score_pipeline(store, make_pipeline("x", ["rules", "ollama:other:3"]), "d", actor="tester")


def test_definitions_round_trip_through_the_store(store):
    pipe = make_pipeline("u", ["rules", "ollama:m:7b:3"])
    store.save_pipeline("u", pipe.to_dict())
    from phi_core.pipelines import load_pipeline

    assert load_pipeline(store, "u") == pipe
    with pytest.raises(Exception, match="already a pipeline"):
        store.save_pipeline("u", pipe.to_dict())


def test_a_one_part_pipeline_scores_exactly_as_its_run(store):
    result = score_pipeline(store, make_pipeline("m-only", ["ollama:m:7b:3"]), "d", actor="tester")
    part = next(r for r in store.runs("d") if r.backend == "ollama")
    from phi_core.scoring.stored_runs import score_run

    score_run(store, part.run_id)
    both = store.report_scores([result.run_id, part.run_id])
    by_run = {rid: list(g.sort_values("report_id")["score"]) for rid, g in both.groupby("run_id")}
    assert by_run[result.run_id] == pytest.approx(by_run[part.run_id])
