from phi_core.store import TaskResult


def test_task_results_replace_failed_rows(store):
    row = TaskResult("r1", 0, "failed", "", [], [], [], 0.0, None, None, None, 1, "boom")
    store.save_task_results("run", [row])
    assert store.finished_tasks("run") == set()
    ok = TaskResult("r1", 0, "done", "{}", [("NAME", None, "𠮷田")], [], [], 0.5, 10, 5, 10, 1, None)
    store.save_task_results("run", [ok])
    assert store.finished_tasks("run") == {("r1", 0)}
    assert list(store.predicted_items("run")["value"]) == ["𠮷田"]
    assert len(store.task_results("run")) == 1


def test_runs_are_created_found_and_updated(store):
    run = store.create_run(
        job_key="k1",
        dataset="d",
        split="dev",
        backend="rules",
        model="rules",
        phase="1",
        phase_key=None,
        host="",
        model_digest="",
        model_meta={},
        options={"seed": 1},
        provenance={"by": "test"},
        repeats=1,
        tasks_total=3,
    )
    run_id = run.run_id
    found = store.find_run("k1")
    assert found.run_id == run_id and found.status != "done" and found.options == {"seed": 1}
    store.update_run(run_id, status="done")
    assert store.run(run_id).status == "done"
    assert [r.run_id for r in store.runs("d")] == [run_id]
    assert store.runs("other") == []
