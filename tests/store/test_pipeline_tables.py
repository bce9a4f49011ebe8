import pytest

from phi_core.store import StoreError, TaskResult


def test_pipelines_are_saved_replaced_listed_and_deleted(store):
    store.save_pipeline("a", {"parts": ["rules"]})
    store.save_pipeline("b", {"parts": ["rules", "ollama:m:3"]})
    with pytest.raises(StoreError, match="already a pipeline called 'a'"):
        store.save_pipeline("a", {"parts": ["ollama:m:3"]})
    assert store.pipeline_definition("a") == {"parts": ["rules"]}
    store.save_pipeline("a", {"parts": ["ollama:m:3"]}, replace=True)
    assert store.pipeline_definition("a") == {"parts": ["ollama:m:3"]}
    assert [name for name, _ in store.pipeline_definitions()] == ["a", "b"]
    assert store.delete_pipeline("a") and not store.delete_pipeline("a")
    assert store.pipeline_definition("a") is None


def test_first_repeat_values_are_distinct_per_run_and_report(store):
    run = store.create_run(
        job_key="k",
        dataset="d",
        split=None,
        backend="rules",
        model="rules",
        phase="-",
        phase_key=None,
        hosts=(),
        model_digest="",
        model_meta={},
        options={},
        provenance={},
        repeats=2,
        tasks_total=2,
    )
    items = [("A", None, "x"), ("B", None, "x"), ("A", None, "y")]
    store.save_task_results(
        run.run_id,
        [
            TaskResult("r", 0, "done", "", items, [], [], 0.0, None, None, None, 0, None),
            TaskResult("r", 1, "done", "", [("A", None, "z")], [], [], 0.0, None, None, None, 0, None),
        ],
    )
    assert store.first_repeat_values([run.run_id]) == {(run.run_id, "r"): ["x", "y"]}
    assert store.first_repeat_values([]) == {}
