"""OllamaBackend against a scripted stand-in for ``ollama.Client``: every error path."""

from __future__ import annotations

import socket

import httpx
import ollama
import pydantic
import pytest

from phi_core.backends.base import (
    BackendError,
    BackendTimeout,
    BadReply,
    HostUnreachable,
    ModelNotFound,
    ServerError,
)
from phi_core.backends.ollama_backend import OllamaBackend
from phi_core.backends.retry import RetryPolicy, call_with_retry
from tests.doubles.scripted_ollama_client import HOST, MODEL, ScriptedClient, chat_body, make, request, response_error


# -- the request we send -----------------------------------------------------------


def test_options_keep_alive_and_messages_are_sent():
    client = ScriptedClient(chat=[chat_body()])
    backend, _ = make(client)
    backend.chat(MODEL, request(temperature=0.3, top_p=0.9, seed=7, num_ctx=4096, num_predict=256, keep_alive="30m"))
    sent = client.calls["chat"][0]
    assert sent["model"] == MODEL
    assert sent["options"] == {"temperature": 0.3, "top_p": 0.9, "seed": 7, "num_ctx": 4096, "num_predict": 256}
    assert sent["keep_alive"] == "30m"
    assert sent["stream"] is False
    assert sent["messages"] == [
        {"role": "system", "content": "extract PHI"},
        {"role": "user", "content": "患者 山田太郎"},
    ]
    assert "format" not in sent


def test_schema_is_sent_as_format():
    schema = {"type": "object", "properties": {"phi_list": {"type": "array"}}}
    client = ScriptedClient(chat=[chat_body()])
    backend, _ = make(client)
    backend.chat(MODEL, request(schema=schema))
    assert client.calls["chat"][0]["format"] == schema


# -- the reply we read ---------------------------------------------------------------


@pytest.mark.parametrize("as_pydantic", [False, True], ids=["dict", "ChatResponse"])
def test_metrics_mapping_excludes_model_load(as_pydantic):
    body = chat_body()
    client = ScriptedClient(chat=[ollama.ChatResponse(**body) if as_pydantic else body])
    backend, _ = make(client)
    reply = backend.chat(MODEL, request())
    assert reply.text == '{"phi_list": []}'
    assert reply.prompt_tokens == 120 and reply.completion_tokens == 40
    assert reply.seconds == pytest.approx(2.0)  # 3 s total minus 1 s load
    assert reply.load_seconds == pytest.approx(1.0)
    assert reply.prompt_seconds == pytest.approx(0.5)
    assert reply.eval_seconds == pytest.approx(1.5)
    assert reply.metrics["total_duration"] == 3_000_000_000
    assert reply.metrics["done_reason"] == "stop"
    assert reply.metrics["retries"] == 0


def test_missing_durations_fall_back_to_wall_clock():
    body = chat_body()
    for key in ("total_duration", "load_duration", "prompt_eval_duration", "eval_duration"):
        del body[key]
    backend, _ = make(ScriptedClient(chat=[body]))
    reply = backend.chat(MODEL, request())
    assert reply.seconds >= 0.0 and reply.load_seconds == 0.0
    assert reply.prompt_seconds is None


def test_thinking_only_reply_is_a_bad_reply_with_advice():
    body = chat_body(content="")
    body["message"]["thinking"] = "Let me think about the report..."
    backend, sleeps = make(ScriptedClient(chat=[body]))
    with pytest.raises(BadReply, match="only produced 'thinking' text.*turn thinking off"):
        backend.chat(MODEL, request())
    assert sleeps == []


def test_empty_reply_without_thinking_is_returned_for_scoring():
    backend, _ = make(ScriptedClient(chat=[chat_body(content="")]))
    assert backend.chat(MODEL, request()).text == ""


@pytest.mark.parametrize(
    "body",
    [
        {"model": MODEL, "done": True},  # no message
        chat_body(content=123),  # text of the wrong type
    ],
    ids=["no-message", "content-not-text"],
)
def test_malformed_body_is_a_bad_reply(body):
    client = ScriptedClient(chat=[body])
    backend, sleeps = make(client)
    with pytest.raises(BadReply):
        backend.chat(MODEL, request())
    assert len(client.calls["chat"]) == 1 and sleeps == []


def test_body_the_client_cannot_validate_is_a_bad_reply():
    try:
        ollama.ChatResponse.model_validate({"message": "not an object"})
    except pydantic.ValidationError as error:
        validation_error = error
    backend, _ = make(ScriptedClient(chat=[validation_error]))
    with pytest.raises(BadReply, match="not valid"):
        backend.chat(MODEL, request())


# -- errors and retries ---------------------------------------------------------------------


def test_unreachable_host_names_the_host_and_the_fix():
    client = ScriptedClient(chat=[ConnectionError("Failed to connect to Ollama")])
    backend, sleeps = make(client, max_retries=2)
    with pytest.raises(HostUnreachable) as caught:
        backend.chat(MODEL, request())
    message = str(caught.value)
    assert HOST in message and "ollama serve" in message
    assert len(client.calls["chat"]) == 3 and sleeps == [1.0, 2.0]


def test_missing_model_says_ollama_pull_and_is_not_retried():
    client = ScriptedClient(chat=[response_error(404, f"model '{MODEL}' not found")])
    backend, sleeps = make(client)
    with pytest.raises(ModelNotFound, match=f"run `ollama pull {MODEL}`"):
        backend.chat(MODEL, request())
    assert len(client.calls["chat"]) == 1 and sleeps == []


def test_server_error_then_success_is_retried_and_counted():
    client = ScriptedClient(chat=[response_error(500), chat_body()])
    backend, sleeps = make(client, backoff_s=0.5)
    reply = backend.chat(MODEL, request())
    assert reply.metrics["retries"] == 1
    assert sleeps == [0.5]
    assert len(client.calls["chat"]) == 2


def test_rate_limit_retries_with_exponential_backoff_then_raises_last_error():
    client = ScriptedClient(chat=[response_error(429, "too many requests")])
    backend, sleeps = make(client, max_retries=3, backoff_s=1.0)
    with pytest.raises(ServerError, match="429"):
        backend.chat(MODEL, request())
    assert sleeps == [1.0, 2.0, 4.0]
    assert len(client.calls["chat"]) == 4


def test_timeout_is_not_retried_so_a_hanging_host_costs_one_deadline():
    client = ScriptedClient(chat=[httpx.ReadTimeout("slow"), chat_body()])
    backend, sleeps = make(client)
    with pytest.raises(BackendTimeout, match="did not answer in time"):
        backend.chat(MODEL, request())
    assert sleeps == []


def test_timeout_every_time_raises_backend_timeout():
    client = ScriptedClient(chat=[httpx.ReadTimeout("slow")])
    backend, _ = make(client, max_retries=1)
    with pytest.raises(BackendTimeout, match="did not answer in time"):
        backend.chat(MODEL, request())


def test_other_client_errors_are_not_retried():
    client = ScriptedClient(chat=[response_error(400, "invalid format")])
    backend, sleeps = make(client)
    with pytest.raises(BackendError, match="invalid format") as caught:
        backend.chat(MODEL, request())
    assert type(caught.value) is BackendError and sleeps == []


def test_request_the_client_refuses_to_send_names_the_fix():
    backend, _ = make(ScriptedClient(chat=[ollama.RequestError("must provide a model")]))
    with pytest.raises(BackendError, match="must provide a model.*choose a model"):
        backend.chat("", request())


def test_real_client_against_a_closed_port_is_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    host = f"http://127.0.0.1:{port}"
    backend = OllamaBackend(host, max_retries=0)
    with pytest.raises(HostUnreachable, match="ollama serve"):
        backend.chat(MODEL, request())
    status = backend.check()
    assert status.reachable is False and host in status.error


# -- retry policy -----------------------------------------------------------------------------


def test_retry_policy_delays_grow_and_are_capped():
    assert list(RetryPolicy(max_retries=5, backoff_s=1, factor=3, max_backoff_s=10).delays()) == [1, 3, 9, 10, 10]
    assert list(RetryPolicy(max_retries=0).delays()) == []


def test_call_with_retry_only_repeats_retryable_errors():
    attempts = []

    def flaky():
        attempts.append(1)
        raise ValueError("not retryable")

    with pytest.raises(ValueError):
        call_with_retry(flaky, RetryPolicy(), sleep=lambda s: None)
    assert len(attempts) == 1
