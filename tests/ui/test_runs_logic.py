import pandas as pd
import pytest

from phi_core.scoring.stored_runs import score_run
from phi_core.extractors.rules_extractor import RulesExtractor
from phi_core.models import Report, Span
from phi_core.phases import default_registry
from phi_core.runs import Job, Runner
from phi_core.store import Store
from phi_core.ui import run_history
from phi_core.ui import run_start as start
from phi_core.ui.phase_preview import phase_preview
from phi_core.ui.run_start import PhaseChoice, RunForm

PHASES = {
    "p1-k": PhaseChoice("p1-k", 1, 1, "baseline", "dev"),
    "p5-k": PhaseChoice("p5-k", 5, 1, "validation", "test"),
}
HOST_A, HOST_B = "http://a:11434", "http://b:11434"


def llm_form(**overrides) -> RunForm:
    fields = {
        "backend": "ollama",
        "dataset": "d",
        "hosts": (HOST_A,),
        "models": ("qwen3:8b",),
        "phases": ("p1-k", "p5-k"),
    }
    return RunForm(**{**fields, **overrides})


def test_split_comes_from_the_phase_unless_fixed():
    assert start.split_for(start.PHASE_SPLIT, "test") == "test"
    assert start.split_for("dev", "test") == "dev"
    assert start.split_for(start.ALL_SPLITS, "dev") is None
    assert start.default_split_choice("ollama") == start.PHASE_SPLIT
    assert start.default_split_choice("rules") == "dev"
    assert start.PHASE_SPLIT not in start.split_choices("rules")


def test_a_complete_llm_form_passes_and_plans_one_job_per_model_and_phase():
    form = llm_form(models=("qwen3:8b", "gemma3:4b"), hosts=(HOST_A, HOST_B), repeats=2)
    check = start.check_form(
        form, PHASES, {HOST_A: ["qwen3:8b", "gemma3:4b"], HOST_B: None}, split_counts={"dev": 3, "test": 2}
    )
    assert check.ok and check.warnings == []
    jobs = start.plan_jobs(form, PHASES)
    assert [(j.model, j.phase, j.split) for j in jobs] == [
        ("qwen3:8b", "p1-k", "dev"),
        ("qwen3:8b", "p5-k", "test"),
        ("gemma3:4b", "p1-k", "dev"),
        ("gemma3:4b", "p5-k", "test"),
    ]
    assert all(j.hosts == (HOST_A, HOST_B) and j.repeats == 2 for j in jobs)


def test_missing_choices_and_a_model_not_on_the_host_are_errors():
    check = start.check_form(llm_form(hosts=(), models=(), phases=()), PHASES)
    assert check.errors == ["choose at least one host", "choose at least one model", "choose at least one phase"]
    check = start.check_form(llm_form(models=("mistral-small3.2:24b",)), PHASES, {HOST_A: ["qwen3:8b"]})
    assert len(check.errors) == 1 and "not on http://a:11434" in check.errors[0]
    assert "ollama pull mistral-small3.2:24b" in check.errors[0]
    # ":latest" is what Ollama calls an untagged model.
    assert start.check_form(llm_form(models=("llama3",)), PHASES, {HOST_A: ["llama3:latest"]}).ok


def test_a_fixed_split_that_differs_from_the_phase_is_warned_about():
    check = start.check_form(llm_form(split_choice="dev"), PHASES)
    assert check.ok
    assert len(check.warnings) == 1 and "phase 5 (validation) is meant for the test split, not dev" in check.warnings[0]
    every = start.check_form(llm_form(split_choice=start.ALL_SPLITS), PHASES)
    assert len(every.warnings) == 2 and "held-out test" in every.warnings[0]


def test_empty_splits_and_bad_numbers_are_errors():
    check = start.check_form(llm_form(), PHASES, split_counts={"dev": 10})
    assert check.errors == ["the dataset has no reports in the test split: choose another split"]
    bad = start.check_form(RunForm(backend="rules", dataset="", repeats=0, concurrency=99, limit=0), PHASES)
    assert len(bad.errors) == 4


def test_rules_is_a_single_job_without_model_phase_or_hosts():
    form = RunForm(backend="rules", dataset="d", split_choice="test", hosts=(HOST_A,), models=("x",))
    assert start.check_form(form, PHASES, split_counts={"test": 1}).ok
    [job] = start.plan_jobs(form, PHASES)
    assert job == Job(dataset="d", backend="rules", split="test")


def test_models_per_host_from_describe_rows():
    rows = [
        {"host": HOST_A, "reachable": True, "models": [{"name": "b:1"}, {"name": "a:1"}]},
        {"host": HOST_B, "reachable": False, "error": "refused", "models": []},
    ]
    models, down = start.models_on_hosts(rows)
    assert models == {HOST_A: ["b:1", "a:1"], HOST_B: None} and down == {HOST_B: "refused"}
    assert start.model_union(models, [HOST_A, HOST_B]) == ["a:1", "b:1"]


HISTORY = pd.DataFrame(
    [
        {"backend": "ollama", "model": "qwen3:8b", "phase": "2", "tasks": 10, "seconds": 40.0},
        {"backend": "ollama", "model": "gemma3:4b", "phase": "1", "tasks": 30, "seconds": 60.0},
        {"backend": "rules", "model": "rules", "phase": "-", "tasks": 100, "seconds": 1.0},
    ]
)


def test_estimate_prefers_the_same_model_and_phase_then_the_backend():
    same = start.estimate_duration(HISTORY, backend="ollama", model="qwen3:8b", phase="2", tasks=50)
    assert same.seconds == pytest.approx(200.0) and "phase 2" in same.basis
    backend = start.estimate_duration(
        HISTORY, backend="ollama", model="qwen3:8b", phase="4", tasks=50, parallel_hosts=2
    )
    assert backend.seconds == pytest.approx(100 / 40 * 50 / 2) and "any model" in backend.basis
    rules = start.estimate_duration(HISTORY, backend="rules", model="", phase="-", tasks=100)
    assert rules.seconds == pytest.approx(1.0)
    unknown = start.estimate_duration(HISTORY, backend="llamacpp", model="g", phase="1", tasks=5)
    assert unknown.seconds is None and unknown.text().startswith("unknown")
    assert start.estimate_duration(pd.DataFrame(), backend="rules", model="", phase="-", tasks=1).seconds is None


@pytest.fixture
def scored_run(tmp_path):
    store = Store(tmp_path / "start.duckdb")
    store.add_reports(
        "d",
        [
            Report(
                id="a",
                text="患者氏名：山田太郎 電話：03-1234-5678",
                split="dev",
                spans=[Span(start=5, end=9, category="PATIENT_NAME")],
            ),
            Report(id="b", text="所見：特記事項なし", split="dev"),
        ],
    )
    summary = Runner(store, Job(dataset="d", backend="rules", repeats=2), [RulesExtractor()], scorer=score_run).run()
    yield store, summary.run_id
    store.close()


def test_history_rows_carry_provenance_and_mark_orphans_interrupted(scored_run):
    store, run_id = scored_run
    [row] = run_history.history_rows(store.runs(), store.run_task_counts(), store.run_score_means(), set())
    assert (row["run"], row["status"], row["done"], row["total"], row["backend"]) == (run_id, "done", 4, 4, "rules")
    assert row["score"] is not None and row["host"] == "local"
    store.update_run(run_id, status="running")
    run = store.run(run_id)
    assert run_history.shown_status(run, set()) == "interrupted"
    assert run_history.shown_status(run, {run_id}) == "running"
    what = {r["what"]: r["value"] for r in run_history.provenance_rows(run)}
    assert what["job key"] == run.job_key and what["extractor"] == "rules"


def test_report_rows_and_drill_down_show_items_reply_and_score(scored_run):
    store, run_id = scored_run
    results, items, scores = store.task_results(run_id), store.predicted_items(run_id), store.report_scores([run_id])
    rows = run_history.report_rows(results, items, scores)
    assert [(r["report"], r["repeat"]) for r in rows] == [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    first = rows[0]
    assert first["status"] == "done" and first["items"] >= 2 and first["score"] is not None
    detail = run_history.report_detail("a", results, items, scores)
    assert [r["repeat"] for r in detail["repeats"]] == [0, 1]
    values = {i["value"] for i in detail["repeats"][0]["items"]}
    assert "山田太郎" in values
    assert detail["score"]["score"] == first["score"] and "recall" in detail["score"]
    assert run_history.report_rows(results.iloc[0:0], items, scores) == []


def test_phase_preview_shows_the_variant_and_additions_a_model_would_get():
    registry = default_registry()
    small = phase_preview(registry.get(2), "gemma3:270m")
    big = phase_preview(registry.get(2), "mistral-small3.2:24b")
    assert (small["variant"], big["variant"]) == ("light", "strong")
    assert "{report}" in small["user"] and small["split"] == "dev"
    assert small["options"]["temperature"] == 0.0
    phase4 = phase_preview(registry.get(4), "mistral-small3.2:24b")
    assert phase4["refine"] is not None and "{previous_json}" in phase4["refine"]["user"]
    assert phase4["additions"]  # phase 3's model-specific rules or the defaults
    assert phase_preview(registry.get(5), "x")["split"] == "test"


def test_history_rows_show_validity_counts_and_unreadable_replies(scored_run):
    store, run_id = scored_run
    checks = {run_id: {"validity": {"prompt_truncated": 2, "thinking_text": 1}, "unparseable_replies": 3}}
    [row] = run_history.history_rows(store.runs(), store.run_task_counts(), store.run_score_means(), set(), checks)
    assert (row["invalid_calls"], row["prompt_truncated"], row["thinking_text"], row["model_changed"]) == (3, 2, 1, 0)
    assert row["unparseable_replies"] == 3
    [clean] = run_history.history_rows(
        store.runs(), store.run_task_counts(), store.run_score_means(), set(), store.run_validity([run_id])
    )
    assert clean["invalid_calls"] == 0


def test_the_call_timeout_reaches_every_planned_job():
    jobs = start.plan_jobs(llm_form(timeout_s=45.0), PHASES)
    assert jobs and all(job.timeout_s == 45.0 for job in jobs)


def test_openai_jobs_carry_the_chosen_hosts():
    assert "openai" in start.HOSTED_BACKENDS
    form = start.RunForm(
        backend="openai", dataset="d", split_choice="dev", hosts=("http://a:8000/v1",), models=("m",), phases=("p2",)
    )
    phases = {"p2": start.PhaseChoice("p2", 2, 1, "two", "dev", "shipped")}
    assert start.plan_jobs(form, phases)[0].hosts == ("http://a:8000/v1",)
    check = start.check_form(form, phases, {"http://a:8000/v1": ["other"]})
    assert any("not served at http://a:8000/v1" in e for e in check.errors)
    assert start.check_form(
        start.RunForm(backend="openai", dataset="d", models=("m",), phases=("p2",)), phases, {}
    ).errors == ["choose at least one host"]
