"""The small table families: reference numbers, phases, reply cache, jobs."""

import pandas as pd

REFERENCE_CSV = (
    "table,model,kind,phase,stage,overall,recall,precision,boundary_fidelity,information_purity,"
    "category_classification,rule_adherence,stability,efficiency,sec_per_100_tokens,note\n"
    "S1,ModelA,local,1,,73.2,18,12,,,,,,,0.98,first\n"
    "S2,ModelB,cloud,,,93.56,,,,,,,,,,\n"
)


def test_reference_rows_replace_the_previous_load(store, tmp_path):
    path = tmp_path / "ref.csv"
    path.write_text(REFERENCE_CSV, encoding="utf-8")
    assert store.load_reference(path) == 2
    assert store.load_reference(path) == 2
    frame = store.reference_scores()
    assert len(frame) == 2
    row = frame[frame["model"] == "ModelA"].iloc[0]
    assert row["overall"] == 73.2 and row["phase"] == 1 and row["sec_per_100_tokens"] == 0.98
    assert pd.isna(frame[frame["model"] == "ModelB"].iloc[0]["phase"])


def test_a_phase_version_is_stored_once(store):
    kwargs = dict(phase_key="p1@v1", number=1, name="Baseline", version=1, hash="abc", definition={"x": [1, "日本"]})
    assert store.save_phase(**kwargs) is True
    assert store.save_phase(**kwargs) is False
    assert store.phase_definition("p1@v1") == {"x": [1, "日本"]}
    assert store.phase_definition("missing") is None
    assert list(store.phases()["phase_key"]) == ["p1@v1"]


def test_reply_cache_returns_what_was_stored(store):
    assert store.cached_reply("h") is None
    reply = {
        "text": '{"phi": []}',
        "prompt_tokens": 12,
        "completion_tokens": 3,
        "seconds": 0.5,
        "load_seconds": 0.0,
        "metrics": {"done_reason": "stop"},
    }
    store.cache_reply("h", backend="ollama", model="m", model_digest="d", request={"messages": []}, reply=reply)
    assert store.cached_reply("h") == reply
    store.cache_reply("h", backend="ollama", model="m", model_digest="d", request={}, reply={**reply, "text": "x"})
    assert store.cached_reply("h")["text"] == "x"


def test_jobs_survive_and_refuse_unknown_fields(store):
    import pytest

    store.save_job("j1", {"backend": "rules", "phases": [1]}, description="rules run")
    store.save_job("j2", {"backend": "ollama"}, status="done")
    store.update_job("j1", status="running", run_id="r1")
    jobs = {job["job_id"]: job for job in store.stored_jobs()}
    assert jobs["j1"]["status"] == "running" and jobs["j1"]["job"] == {"backend": "rules", "phases": [1]}
    assert [j["job_id"] for j in store.stored_jobs(statuses=["done"])] == ["j2"]
    with pytest.raises(ValueError):
        store.update_job("j1", job="{}")


def test_buffered_replies_are_seen_at_once_and_written_together(tmp_path):
    import threading

    from phi_core.store import Store

    path = tmp_path / "c.duckdb"
    reply = {
        "text": "t",
        "prompt_tokens": 1,
        "completion_tokens": 1,
        "seconds": 0.1,
        "load_seconds": 0.0,
        "metrics": {},
    }
    with Store(path) as store:
        threads = [
            threading.Thread(
                target=store.cache_reply,
                args=(f"h{i}",),
                kwargs=dict(backend="b", model="m", model_digest="d", request={}, reply=reply),
            )
            for i in range(20)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.cached_reply("h7")["text"] == "t"  # visible before it is written
        assert store._rows("SELECT count(*) FROM response_cache")[0][0] == 0
        assert store.flush_cached_replies() == 20
        assert store.flush_cached_replies() == 0
    with Store(path) as again:
        assert again.cached_reply("h19") == reply
