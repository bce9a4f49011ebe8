"""Offset-exact predictions through the store: runs, union pipelines, the leak analysis, export.

A rules run that found the sex code ``M`` in its field stores that span; the
``M`` of ``MRI`` is never a prediction. Scoring, unions and the residual-leak
analysis take the stored spans as they are, not every occurrence of the value.
"""

from __future__ import annotations

import json

import pytest

from phi_core.analysis.residual_leak import measure_leaks
from phi_core.corpus.predictions import located_by_report, prediction_records
from phi_core.scoring.stored_runs import score_run
from phi_core.models import Report, Span
from phi_core.pipelines import make_pipeline
from phi_core.pipelines.materialise import score_pipeline
from phi_core.store import Store, TaskResult

TEXT = "性別：M\nMRI施行。氏名：山田太郎"
SEX = TEXT.index("M")
NAME = TEXT.index("山田太郎")
MRI = TEXT.index("MRI")


def _report() -> Report:
    spans = [Span(start=SEX, end=SEX + 1, category="SEX"), Span(start=NAME, end=NAME + 4, category="PATIENT_NAME")]
    return Report(id="r1", text=TEXT, spans=spans, status="approved")


def _result(items, spans=None) -> TaskResult:
    return TaskResult(
        "r1", 0, "done", "", [(c, c, v) for c, v in items], [], [], 0.01, None, None, None, 0, None, spans=spans
    )


def _run(store: Store, backend: str, model: str, phase: str, result: TaskResult) -> str:
    run = store.create_run(
        job_key=backend + model,
        dataset="d",
        split=None,
        backend=backend,
        model=model,
        phase=phase,
        phase_key=None,
        hosts=[],
        model_digest="",
        model_meta={},
        options={},
        provenance={},
        repeats=1,
        tasks_total=1,
    )
    store.save_task_results(run.run_id, [result])
    return run.run_id


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.add_reports("d", [_report()])
        # The rules: the name as an item and a span; the sex code only as a span (as a short value,
        # it is left out of the items, which would mask the M of MRI too).
        rules = _result(
            [("PATIENT_NAME", "山田太郎")],
            [("SEX", "SEX", SEX, SEX + 1), ("PATIENT_NAME", "PATIENT_NAME", NAME, NAME + 4)],
        )
        s.rules_run = _run(s, "rules", "rules", "-", rules)
        # A model's reply: "M" as an item, located by string search (it also hits MRI).
        s.model_run = _run(s, "ollama", "m:7b", "3", _result([("SEX", "M")]))
        yield s


def _details(store: Store, run_id: str) -> dict:
    score_run(store, run_id)
    return json.loads(store.report_scores([run_id]).iloc[0]["details"])


def test_a_one_character_value_counts_where_it_was_found(store):
    rules = _details(store, store.rules_run)["counts"]
    assert rules["gold_found"] == 2 and rules["leaked_chars"] == 0
    assert rules["pred_spans"] == 2  # the M of MRI is not a prediction
    model = _details(store, store.model_run)["counts"]
    assert model["pred_spans"] == 2  # item model: the field's M and MRI's M
    assert model["leaked_chars"] == 4  # the name


def test_spans_flow_through_a_union_pipeline(store):
    result = score_pipeline(store, make_pipeline("rules+m", ["rules", "ollama:m:7b:3"]), "d", actor="tester")
    stored = store.located_spans(result.run_id)[("r1", 0)]
    # The model's M at both places joins the rules' spans: MRI's M is the model's doing.
    assert sorted((s, e) for _, s, e in stored) == [(SEX, SEX + 1), (MRI, MRI + 1), (NAME, NAME + 4)]
    counts = json.loads(store.report_scores([result.run_id]).iloc[0]["details"])["counts"]
    assert counts["leaked_chars"] == 0 and counts["gold_found"] == 2
    alone = score_pipeline(store, make_pipeline("rules-only", ["rules"]), "d", actor="tester")
    assert sorted((s, e) for _, s, e in store.located_spans(alone.run_id)[("r1", 0)]) == [
        (SEX, SEX + 1),
        (NAME, NAME + 4),
    ]


def test_the_leak_analysis_masks_the_stored_spans(store):
    for run_id in (store.rules_run, store.model_run):
        score_run(store, run_id)
    leaks = {r.backend: r.documents[0] for r in measure_leaks(store, "d")}
    assert leaks["rules"].leaked_chars == 0
    assert leaks["rules"].over_redacted_chars == 0  # MRI untouched
    assert leaks["ollama"].leaked_chars == 4
    assert leaks["ollama"].over_redacted_chars == 1  # MRI's M


def test_exported_predictions_carry_the_spans(store):
    located = located_by_report(store.located_spans(store.rules_run))
    items = {"r1": []}
    record = prediction_records([_report()], items, located)[0]
    assert record["located"] is True
    assert [(s["start"], s["end"], s["text"]) for s in record["spans"]] == [
        (SEX, SEX + 1, "M"),
        (NAME, NAME + 4, "山田太郎"),
    ]


def test_located_records_read_back_as_spans(tmp_path):
    from phi_core.corpus.predictions import read_located_spans, write_predictions_jsonl

    record = prediction_records([_report()], {"r1": []}, {"r1": [("SEX", SEX, SEX + 1)]})[0]
    model = {**record, "id": "r2", "located": False}
    path = tmp_path / "pred.jsonl"
    write_predictions_jsonl([record, model], path)
    spans = read_located_spans(path)
    assert list(spans) == ["r1"] and [(s.start, s.end, s.category) for s in spans["r1"]] == [(SEX, SEX + 1, "SEX")]
