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
        hosts=(),
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


def _run_on(store, backend, hosts, key):
    return store.create_run(
        job_key=key,
        dataset="d",
        split=None,
        backend=backend,
        model="m",
        phase="1",
        phase_key=None,
        hosts=hosts,
        model_digest="",
        model_meta={},
        options={},
        provenance={},
        repeats=1,
        tasks_total=1,
    )


def test_a_runs_hosts_come_back_exactly_for_every_backend(store):
    from phi_core.runs.interrupted_work import job_from_run

    # A comma inside a URL (a query string) is kept: the list is stored, not a joined string.
    hosts = ("http://gpu1:8000/v1", "http://gpu2:8000/v1?a=1,2", "http://gpu3:8000/v1")
    for backend in ("ollama", "openai"):
        run = _run_on(store, backend, hosts, f"k-{backend}")
        assert store.run(run.run_id).hosts == hosts
        assert job_from_run(store.run(run.run_id)).hosts == hosts
    embedded = _run_on(store, "llamacpp", ("embedded",), "k-llamacpp")
    assert store.run(embedded.run_id).hosts == ("embedded",)
    assert job_from_run(store.run(embedded.run_id)).hosts == ()  # the embedded model chooses no host
    rules = _run_on(store, "rules", ("",), "k-rules")
    assert store.run(rules.run_id).hosts == () and store.run(rules.run_id).host == ""


def test_old_joined_hosts_are_split_by_the_migration(tmp_path):
    import json
    import shutil

    import duckdb

    from phi_core.store.database import MIGRATIONS_DIR, migrate

    before = tmp_path / "before"
    before.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if int(path.name[:3]) < 10:
            shutil.copy(path, before)
    con = duckdb.connect()
    migrate(con, before)
    con.execute(
        "INSERT INTO runs (run_id, job_key, dataset, backend, model, phase, host, status) VALUES "
        "('a', 'k1', 'd', 'openai', 'm', '1', 'http://a:8000/v1, http://b:8000/v1', 'done'), "
        "('b', 'k2', 'd', 'rules', 'rules', '-', '', 'done')"
    )
    assert 10 in migrate(con)
    rows = {run_id: json.loads(hosts) for run_id, hosts in con.execute("SELECT run_id, hosts FROM runs").fetchall()}
    assert rows == {"a": ["http://a:8000/v1", "http://b:8000/v1"], "b": []}
