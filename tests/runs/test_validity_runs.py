"""Validity of every call, end to end: runner -> factory -> OllamaBackend -> HTTP -> stand-in Ollama host."""

from __future__ import annotations

import pytest

from phi_core.backends import ollama_backend
from phi_core.scoring.stored_runs import score_run
from phi_core.llm.validity import PromptTooLong
from phi_core.models import Report
from phi_core.runs import Job, Runner
from phi_core.runs.extractor_factory import build_extractors
from phi_core.violations import VALIDITY_CODES
from tests.doubles.fake_ollama_server import FakeOllamaServer
from tests.doubles.rules_model import MODEL, RulesModel


def run(store, *hosts, limit=3, **job_fields):
    job = Job(
        dataset="synthetic",
        backend="ollama",
        model=MODEL,
        phase="2",
        split="dev",
        limit=limit,
        hosts=tuple(hosts),
        **job_fields,
    )
    return Runner(store, job, build_extractors(job, store), scorer=score_run).run()


def nonzero(validity: dict) -> dict:
    return {code: n for code, n in validity.items() if n}


@pytest.fixture(autouse=True)
def quick_digest_checks(monkeypatch):
    monkeypatch.setattr(ollama_backend, "DIGEST_REFRESH_S", 0.0)


def test_an_honest_host_gives_a_clean_run_with_a_context_that_fits(store):
    with FakeOllamaServer(RulesModel()) as server:
        summary = run(store, server.url)
    assert summary.status == "done" and summary.validity == dict.fromkeys(VALIDITY_CODES, 0)
    assert server.truncated == 0
    sent = [r.body for r in server.requests if r.path == "/api/chat"]
    assert len(sent) == 3 and all(body["options"]["num_ctx"] >= 8192 for body in sent)
    assert store.run_validity([summary.run_id])[summary.run_id]["validity"] == summary.validity


def test_a_host_that_truncates_like_ollama_is_caught(store):
    # The host's tokenizer needs eight tokens a character: far more than the estimate
    # the run sized num_ctx by, so every prompt overflows and loses its start.
    with FakeOllamaServer(RulesModel(), tokens_per_char=8.0) as server:
        summary = run(store, server.url)
    assert server.truncated == 3
    assert nonzero(summary.validity) == {"prompt_truncated": 3, "output_truncated": 3}
    stored = store.task_results(summary.run_id)
    assert stored["prompt_truncated"].tolist() == [1, 1, 1]


def test_reasoning_text_is_counted(store):
    with FakeOllamaServer(RulesModel(thinking="まず氏名を探します…")) as server:
        summary = run(store, server.url, limit=2)
    assert nonzero(summary.validity) == {"thinking_text": 2}


def test_a_reply_that_ignores_the_schema_is_counted_and_all_garbage_is_a_failed_run(store):
    with FakeOllamaServer(RulesModel(garbage=True)) as server:
        summary = run(store, server.url, limit=2)
    assert nonzero(summary.validity) == {"schema_ignored": 2}
    assert summary.unparseable_replies == 2 and summary.first_parse_error
    assert summary.status == "failed" and "none of the 2 replies could be read" in summary.errors[0]


def test_a_model_that_changes_mid_run_stops_the_run(store):
    with FakeOllamaServer(RulesModel(change_digest_after=2)) as server:
        summary = run(store, server.url, limit=6)
    assert summary.status == "failed"
    assert "model changed" in summary.errors[0] and "sha256:bbb" in summary.errors[0]
    assert summary.validity["model_changed"] >= 1
    # Nothing from the second model was kept as a finished task.
    assert summary.tasks_done == 2


def test_num_ctx_grows_for_a_long_report_and_refuses_over_the_ceiling(store):
    long_text = "患者氏名：山田太郎。" + "所見なし。" * 3000  # ~15,000 characters
    store.add_reports(
        "long",
        [Report(id="short-1", text="患者：佐藤一郎", split="dev"), Report(id="long-7", text=long_text, split="dev")],
    )
    with FakeOllamaServer(RulesModel()) as server:
        job = Job(dataset="long", backend="ollama", model=MODEL, phase="2", split="dev", hosts=(server.url,))
        extractors = build_extractors(job, store)
        assert extractors[0].options.num_ctx >= len(long_text) + 1024
        assert extractors[0].options.num_ctx % 1024 == 0

        small = Job(
            dataset="long", backend="ollama", model=MODEL, phase="2", split="dev", hosts=(server.url,), max_num_ctx=8192
        )
        with pytest.raises(PromptTooLong, match="report 'long-7'.*8,192.*Nothing was sent"):
            build_extractors(small, store)
        # A run that would not send the long report is not refused, and sizes
        # num_ctx by the whole split so that it stays the same job.
        first_only = Job(
            dataset="long",
            backend="ollama",
            model=MODEL,
            phase="2",
            split="dev",
            hosts=(server.url,),
            max_num_ctx=8192,
            limit=1,
        )
        assert build_extractors(first_only, store)[0].options.num_ctx == 8192
    assert not [r for r in server.requests if r[1] == "/api/chat"]
