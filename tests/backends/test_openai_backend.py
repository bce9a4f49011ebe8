"""The openai backend against a loopback stand-in server: every failure the user can meet, the
schema fallback, option mapping and the provenance each reply carries."""

from __future__ import annotations

import pytest

from phi_core.backends import BACKENDS, make_backend
from phi_core.backends.base import (
    BackendError,
    BackendTimeout,
    BadReply,
    ChatMessage,
    ChatRequest,
    GenerationOptions,
    HostUnreachable,
    ModelNotFound,
    ServerError,
)
from phi_core.backends.hosts import configured_openai_hosts, hosts_for, openai_base_url, split_hosts
from phi_core.backends.openai_backend import OpenAIBackend, normalise_finish_reason, split_thinking
from tests.doubles.fake_openai_server import MODEL, FakeOpenAIServer

SCHEMA = {"type": "object", "properties": {"phi_list": {"type": "array"}}, "required": ["phi_list"]}


def request(schema=SCHEMA, **options) -> ChatRequest:
    return ChatRequest(
        messages=(ChatMessage("system", "find PHI"), ChatMessage("user", "患者: 山田")),
        schema=schema,
        options=GenerationOptions(**options),
    )


@pytest.fixture
def server():
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def backend(server, sleeps):
    return OpenAIBackend(server.url, max_retries=2, backoff_s=0.5, sleep=sleeps.append, timeout_s=5)


# -- registration and hosts ---------------------------------------------------------------


def test_registered_and_built_by_name(server):
    assert "openai" in BACKENDS
    built = make_backend("openai", server.url)
    assert isinstance(built, OpenAIBackend) and built.host == server.url


def test_base_urls_are_completed_and_split(monkeypatch):
    assert openai_base_url("gpu1:8000") == "http://gpu1:8000/v1"
    assert openai_base_url("http://gpu1:8000/") == "http://gpu1:8000/v1"
    assert openai_base_url("https://proxy.example/v1/") == "https://proxy.example/v1"
    assert openai_base_url("http://litellm:4000/api/v1") == "http://litellm:4000/api/v1"
    monkeypatch.setenv("PHI_OPENAI_BASE_URL", "gpu1:8000, http://gpu2:8000/v1,gpu1:8000")
    assert configured_openai_hosts() == ["http://gpu1:8000/v1", "http://gpu2:8000/v1"]
    assert hosts_for("openai") == ["http://gpu1:8000/v1", "http://gpu2:8000/v1"]
    assert OpenAIBackend().host == "http://gpu1:8000/v1"
    monkeypatch.delenv("PHI_OPENAI_BASE_URL")
    assert configured_openai_hosts() == ["http://127.0.0.1:8000/v1"]
    assert split_hosts(["http://a:1,http://b:2", "http://a:1"]) == ["http://a:1", "http://b:2"]
    assert hosts_for("openai", ["http://a:1/v1,http://b:2/v1"]) == ["http://a:1/v1", "http://b:2/v1"]
    assert hosts_for("llamacpp") == [] and hosts_for("rules") == []


def test_api_key_comes_from_phi_variable_only(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-real-cloud-key")
    monkeypatch.delenv("PHI_OPENAI_API_KEY", raising=False)
    OpenAIBackend(server.url).chat(MODEL, request())
    monkeypatch.setenv("PHI_OPENAI_API_KEY", "local-secret")
    OpenAIBackend(server.url).chat(MODEL, request())
    sent = [headers.get("authorization") for _, _, _, headers in server.requests]
    assert sent == ["Bearer not-needed", "Bearer local-secret"]


# -- a good reply -------------------------------------------------------------------------


def test_options_map_onto_the_api(backend, server):
    backend.chat(MODEL, request(temperature=0.2, top_p=0.9, seed=7, num_predict=333))
    body = server.chats()[0]
    assert (body["temperature"], body["top_p"], body["seed"], body["max_tokens"]) == (0.2, 0.9, 7, 333)
    assert body["messages"][1] == {"role": "user", "content": "患者: 山田"}
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == SCHEMA
    assert "num_ctx" not in body and "keep_alive" not in body


def test_reply_carries_provenance(backend, server):
    server.finish_reason = "length"
    reply = backend.chat(MODEL, request())
    assert reply.text == '{"phi_list": []}'
    assert (reply.prompt_tokens, reply.completion_tokens) == (321, 12)
    assert reply.seconds > 0 and reply.load_seconds == 0
    m = reply.metrics
    assert m["model_id"] == MODEL and m["system_fingerprint"] == "fp_fake"
    assert m["done_reason"] == "length" and m["finish_reason"] == "length"
    assert m["structured_output"] == "json_schema" and m["thinking"] is None
    assert m["retries"] == 0 and m["wall_seconds"] == reply.seconds and m["host"] == server.url


def test_without_schema_no_response_format_is_sent(backend, server):
    reply = backend.chat(MODEL, request(schema=None))
    assert "response_format" not in server.chats()[0]
    assert reply.metrics["structured_output"] is None


def test_models_are_listed_and_checked(backend, server):
    server.models = ("a-model", MODEL)
    assert [m.name for m in backend.list_models()] == ["a-model", MODEL]
    status = backend.check()
    assert status.reachable and [m.name for m in status.models] == ["a-model", MODEL]
    assert backend.model_info(MODEL).name == MODEL
    with pytest.raises(ModelNotFound, match="it offers: a-model, served-model"):
        backend.model_info("missing")


# -- the schema fallback -------------------------------------------------------------------


def test_json_schema_refused_falls_back_to_json_object_and_is_remembered():
    with FakeOpenAIServer(accepted_forms=("json_object",)) as server:
        backend = OpenAIBackend(server.url, max_retries=0)
        first = backend.chat(MODEL, request())
        second = backend.chat(MODEL, request())
        forms = [body["response_format"]["type"] for body in server.chats()]
        assert forms == ["json_schema", "json_object", "json_object"]
        assert server.chats()[1]["response_format"]["schema"] == SCHEMA
        assert first.metrics["structured_output"] == second.metrics["structured_output"] == "json_object"
        assert backend.schema_form == "json_object"


def test_a_refusal_answered_as_500_also_falls_back():
    with FakeOpenAIServer(accepted_forms=("json_object",)) as server:
        server.refusal_status = 500
        sleeps = []
        backend = OpenAIBackend(server.url, sleep=sleeps.append)
        assert backend.chat(MODEL, request()).metrics["structured_output"] == "json_object"
        assert sleeps == []  # a refusal is not a busy server: no retry of the same request
        server.queue(500, {"error": {"message": "CUDA error"}})
        backend.chat(MODEL, request())
        assert sleeps == [1.0]


def test_fallback_is_per_host():
    with FakeOpenAIServer(accepted_forms=("json_object",)) as old, FakeOpenAIServer() as new:
        on_old, on_new = OpenAIBackend(old.url, max_retries=0), OpenAIBackend(new.url, max_retries=0)
        assert on_old.chat(MODEL, request()).metrics["structured_output"] == "json_object"
        assert on_new.chat(MODEL, request()).metrics["structured_output"] == "json_schema"


def test_a_server_that_refuses_both_forms_says_to_turn_structured_output_off():
    with FakeOpenAIServer(accepted_forms=()) as server:
        backend = OpenAIBackend(server.url, max_retries=0)
        with pytest.raises(BackendError, match="turn structured output off") as caught:
            backend.chat(MODEL, request())
        assert "json_schema" in str(caught.value) and "HTTP 422" in str(caught.value)
        assert backend.schema_form == "json_schema"  # nothing learnt from a failure
        assert backend.chat(MODEL, request(schema=None)).text


def test_a_fixed_form_is_sent_as_configured(server):
    backend = OpenAIBackend(server.url, structured_output="json_object")
    assert backend.chat(MODEL, request()).metrics["structured_output"] == "json_object"
    assert server.chats()[0]["response_format"] == {"type": "json_object", "schema": SCHEMA}
    with pytest.raises(BackendError, match="structured_output must be"):
        OpenAIBackend(server.url, structured_output="yes")


# -- thinking ------------------------------------------------------------------------------


def test_reasoning_content_is_recorded_and_kept_out_of_the_answer(backend, server):
    server.reply = {"content": '{"phi_list": []}', "reasoning_content": "The report names 山田."}
    reply = backend.chat(MODEL, request())
    assert reply.text == '{"phi_list": []}' and reply.metrics["thinking"] == "The report names 山田."


def test_think_blocks_are_stripped(backend, server):
    server.reply = {"content": '<think>look for names</think>\n{"phi_list": []}'}
    reply = backend.chat(MODEL, request())
    assert reply.text == '{"phi_list": []}' and reply.metrics["thinking"] == "look for names"


def test_only_thinking_is_an_empty_answer(backend, server):
    server.reply = {"content": "<think>still thinking when the token cap hit"}
    with pytest.raises(BadReply, match="only produced reasoning text"):
        backend.chat(MODEL, request())


@pytest.mark.parametrize(
    "content, answer, thinking",
    [
        ('{"a": 1}', '{"a": 1}', ""),
        ("<think>x</think>{}", "{}", "x"),
        ("x</think>{}", "{}", "x"),  # opening tag was part of the prompt's template
        ("<think>a</think><think>b</think>{}", "{}", "a\n\nb"),
        ("{}<think>cut", "{}", "cut"),
    ],
)
def test_split_thinking(content, answer, thinking):
    assert split_thinking(content) == (answer, thinking)


def test_finish_reasons_are_normalised():
    assert [normalise_finish_reason(r) for r in ("stop", "eos", "length", "max_tokens", "tool_calls", None)] == [
        "stop",
        "stop",
        "length",
        "length",
        "tool_calls",
        None,
    ]


# -- every way a call fails ------------------------------------------------------------------


def test_refused_connection_is_unreachable_after_retries(sleeps):
    backend = OpenAIBackend("http://127.0.0.1:9/v1", max_retries=2, backoff_s=0.5, sleep=sleeps.append)
    with pytest.raises(HostUnreachable, match="cannot reach the OpenAI-compatible server at http://127.0.0.1:9/v1"):
        backend.chat(MODEL, request())
    assert sleeps == [0.5, 1.0]
    status = backend.check()
    assert not status.reachable and "is it running" in status.error


def test_bad_key_is_not_retried(backend, server, sleeps):
    server.queue(401, {"error": {"message": "Incorrect API key provided"}})
    with pytest.raises(BackendError, match="refused the API key .*PHI_OPENAI_API_KEY") as caught:
        backend.chat(MODEL, request())
    assert not caught.value.retryable and sleeps == []


def test_unknown_model_says_how_to_list_models(backend, server):
    with pytest.raises(ModelNotFound, match="model nope is not served at .*models --backend openai"):
        backend.chat("nope", request())


def test_not_found_on_a_wrong_path_points_at_the_base_url(server, sleeps):
    backend = OpenAIBackend(server.url.removesuffix("/v1") + "/api", sleep=sleeps.append)
    with pytest.raises(BackendError, match="ending in /v1") as caught:
        backend.chat(MODEL, request())
    assert not isinstance(caught.value, ModelNotFound)


def test_busy_server_is_retried_with_backoff(backend, server, sleeps):
    server.queue(429, {"error": {"message": "rate limited"}})
    server.queue(503, b"overloaded", content_type="text/plain")
    reply = backend.chat(MODEL, request())
    assert reply.metrics["retries"] == 2 and sleeps == [0.5, 1.0]


def test_server_errors_give_up_after_the_retries(backend, server, sleeps):
    server.queue(500, b"CUDA out of memory", content_type="text/plain", times=3)
    with pytest.raises(ServerError, match="HTTP 500: CUDA out of memory"):
        backend.chat(MODEL, request())
    assert len(server.chats()) == 3 and sleeps == [0.5, 1.0]


def test_slow_server_times_out_without_retrying(server, sleeps):
    backend = OpenAIBackend(server.url, max_retries=1, backoff_s=0.1, sleep=sleeps.append)
    server.queue(200, {}, delay_s=1.5)
    with pytest.raises(BackendTimeout, match="did not answer in time .*Raise the timeout"):
        backend.chat(MODEL, request(timeout_s=0.3))
    assert sleeps == []  # a hanging host would make every retry wait the whole deadline
    assert len(server.chats()) == 1


@pytest.mark.parametrize(
    "status, body, content_type, message",
    [
        (200, b"<html>proxy login</html>", "text/html", "not a chat reply"),
        (200, b"{not json", "application/json", "not valid"),
        (200, b'{"object": "chat.completion"}', "application/json", "without choices"),
        (200, b'{"choices": [{"index": 0}]}', "application/json", "without a message"),
        (200, b'{"choices": [{"message": {"content": [1, 2]}}]}', "application/json", "is a list, not text"),
    ],
)
def test_garbage_is_a_bad_reply(backend, server, sleeps, status, body, content_type, message):
    server.queue(status, body, content_type=content_type)
    with pytest.raises(BadReply, match=message):
        backend.chat(MODEL, request())
    assert sleeps == []


def test_garbage_model_list_is_a_bad_reply(backend, server):
    server.queue(200, {"object": "list", "data": [{"object": "model"}]})
    with pytest.raises(BadReply, match="model list that cannot be read"):
        backend.list_models()


def test_other_refusals_keep_the_servers_words(backend, server):
    server.queue(400, {"error": {"message": "This model's maximum context length is 2048 tokens"}})
    with pytest.raises(BackendError, match="refused the request .*maximum context length is 2048"):
        backend.chat(MODEL, request(schema=None))
