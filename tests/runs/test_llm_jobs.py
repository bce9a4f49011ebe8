"""LLM jobs through the real runner, factory and cache, with a scripted backend."""

import pytest

from phi_core.backends.base import HostUnreachable
from phi_core.scoring.stored_runs import score_run
from phi_core.phases import PhaseError, derive_version
from phi_core.runs import Job, Runner
from phi_core.runs.extractor_factory import build_phase_extractors, resolve_phase

MODEL = "mistral-small3.2:24b"  # tests/doubles/scripted_backend.py serves this model


def run(store, phase, limit=4, **kw):
    job = Job(dataset="synthetic", backend="scripted", model=MODEL, phase=phase, split="dev", limit=limit, **kw)
    return Runner(store, job, build_phase_extractors(job, store), scorer=score_run).run()


def test_a_phase_run_records_calls_tokens_and_scores(scripted, store):
    summary = run(store, "2")
    assert summary.status == "done" and summary.backend_calls == 4
    results = store.task_results(summary.run_id)
    assert (results["prompt_tokens"] > 0).all() and results["raw_output"].str.contains("phi_list").all()
    scores = store.report_scores([summary.run_id])
    assert len(scores) == 4 and scores["score"].min() > 50
    run_record = store.run(summary.run_id)
    assert run_record.model_digest == "sha256:abc" and run_record.phase_key.startswith("p2-")
    assert run_record.provenance["variant"] == "strong"


def test_rerun_is_answered_from_the_store(scripted, store):
    first = run(store, "2")
    again = run(store, "2")
    assert again.run_id == first.run_id and again.backend_calls == 0 and again.cached == 4
    assert scripted.calls == 4


def test_phase_four_reuses_phase_three_first_passes(scripted, store):
    run(store, "3")
    assert scripted.calls == 4
    summary = run(store, "4")
    # Only the Self-Refine rounds reach the model; the first passes come from phase 3.
    assert scripted.calls == 8 and summary.backend_calls == 4
    steps = store.task_results(summary.run_id)["calls"].iloc[0]
    assert '"cached": true' in steps and '"refine-1"' in steps


def test_repeats_are_real_calls_not_cache_hits(scripted, store):
    summary = run(store, "2", limit=2, repeats=2)
    assert summary.backend_calls == 4


def test_dead_host_is_detected_before_anything_is_queued(scripted, store):
    scripted.reachable = False
    with pytest.raises(HostUnreachable, match="Nothing was queued"):
        build_phase_extractors(Job(dataset="synthetic", backend="scripted", model=MODEL, phase="2"), store)
    assert store.runs() == []


def test_crash_mid_run_resumes_without_repeating_calls(scripted, store):
    scripted.die_after = 2
    failed = run(store, "2")
    assert failed.status == "failed" and failed.tasks_done == 2
    scripted.die_after = None
    before = scripted.calls
    resumed = run(store, "2")
    assert resumed.run_id == failed.run_id and resumed.status == "done"
    assert scripted.calls - before == 2  # only the two reports that were not finished


def test_examples_from_the_test_split_are_refused(scripted, store):
    phase = resolve_phase(store, "2")
    leaky = derive_version(
        phase,
        {
            "variants": {"light": {"examples": ["syn-test-001"]}},
            "variant_rule": {"light_models": ["mistral-small*"], "strong_models": []},
        },
    )
    store.save_phase(
        phase_key=leaky.key,
        number=leaky.number,
        name=leaky.name,
        version=leaky.version,
        hash=leaky.hash,
        definition=leaky.canonical_dict(),
        parent_hash=leaky.parent,
        source="edited",
    )
    with pytest.raises(PhaseError, match="test"):
        build_phase_extractors(Job(dataset="synthetic", backend="scripted", model=MODEL, phase=leaky.key), store)
