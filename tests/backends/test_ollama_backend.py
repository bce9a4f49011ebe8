"""OllamaBackend against a scripted stand-in for ``ollama.Client``: every error path."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import ollama
import pydantic
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
from phi_core.backends.ollama_backend import DEFAULT_HOST, OllamaBackend
from phi_core.backends.retry import RetryPolicy, call_with_retry

HOST = "http://gpu-box:11434"
MODEL = "qwen3:8b"


def chat_body(content: Any = '{"phi_list": []}', **overrides) -> dict:
    body = {
        "model": MODEL,
        "created_at": "2025-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": content},
        "done": True,
        "done_reason": "stop",
        "total_duration": 3_000_000_000,
        "load_duration": 1_000_000_000,
        "prompt_eval_count": 120,
        "prompt_eval_duration": 500_000_000,
        "eval_count": 40,
        "eval_duration": 1_500_000_000,
    }
    body.update(overrides)
    return body


class ScriptedClient:
    """Plays back outcomes per method: an exception is raised, anything else returned.

    The last outcome of a method repeats for every further call.
    """

    def __init__(self, chat=(), list=(), show=()) -> None:
        self.script = {"chat": [*chat], "list": [*list], "show": [*show]}
        self.calls: dict[str, list[dict]] = {"chat": [], "list": [], "show": []}

    def _play(self, method: str, kwargs: dict) -> Any:
        self.calls[method].append(kwargs)
        outcome = self.script[method].pop(0) if len(self.script[method]) > 1 else self.script[method][0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def chat(self, **kwargs):
        return self._play("chat", kwargs)

    def list(self):
        return self._play("list", {})

    def show(self, model):
        return self._play("show", {"model": model})


def make(client: ScriptedClient, **kwargs) -> tuple[OllamaBackend, list[float]]:
    sleeps: list[float] = []
    backend = OllamaBackend(HOST, client=client, sleep=sleeps.append, **kwargs)
    return backend, sleeps


def request(schema: dict | None = None, **options) -> ChatRequest:
    return ChatRequest(
        messages=(ChatMessage("system", "extract PHI"), ChatMessage("user", "患者 山田太郎")),
        schema=schema,
        options=GenerationOptions(**options),
    )


def response_error(status: int, text: str = "boom") -> ollama.ResponseError:
    return ollama.ResponseError(f'{{"error": "{text}"}}', status)


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


# -- models and host status ------------------------------------------------------------------

LISTING = {
    "models": [
        {
            "model": "qwen3:8b",
            "digest": "abc123",
            "size": 5_200_000_000,
            "details": {"family": "qwen3", "parameter_size": "8.2B", "quantization_level": "Q4_K_M"},
        },
        {"model": "small:latest", "digest": "def456", "size": 1000},
    ]
}
SHOW = {
    "details": {"family": "qwen3", "parameter_size": "8.2B", "quantization_level": "Q4_K_M"},
    "model_info": {"general.architecture": "qwen3"},
}


@pytest.mark.parametrize("as_pydantic", [False, True], ids=["dict", "pydantic"])
def test_list_models_and_model_info(as_pydantic):
    listing = ollama.ListResponse(**LISTING) if as_pydantic else LISTING
    shown = ollama.ShowResponse(**SHOW) if as_pydantic else SHOW
    client = ScriptedClient(list=[listing], show=[shown])
    backend, _ = make(client)
    models = backend.list_models()
    assert [m.name for m in models] == ["qwen3:8b", "small:latest"]
    assert models[0].size_bytes == 5_200_000_000 and models[1].parameter_size == ""

    info = backend.model_info("qwen3:8b")
    assert (info.digest, info.parameter_size, info.quantization, info.family) == ("abc123", "8.2B", "Q4_K_M", "qwen3")
    assert client.calls["show"] == [{"model": "qwen3:8b"}]


def test_model_info_matches_implicit_latest_tag():
    backend, _ = make(ScriptedClient(list=[LISTING], show=[SHOW]))
    assert backend.model_info("small").digest == "def456"


def test_older_servers_name_field_is_read():
    backend, _ = make(ScriptedClient(list=[{"models": [{"name": "old:7b", "digest": "d"}]}]))
    assert [m.name for m in backend.list_models()] == ["old:7b"]


def test_model_info_for_a_missing_model():
    backend, _ = make(ScriptedClient(show=[response_error(404, "model 'nope' not found")], list=[LISTING]))
    with pytest.raises(ModelNotFound, match="ollama pull nope"):
        backend.model_info("nope")


def test_check_reports_models_or_the_error_and_never_raises():
    ok = make(ScriptedClient(list=[LISTING]))[0].check()
    assert ok.reachable and ok.host == HOST and len(ok.models) == 2

    for failure in (ConnectionError("refused"), RuntimeError("something odd"), response_error(503)):
        status = make(ScriptedClient(list=[failure]))[0].check()
        assert status.reachable is False and status.error


def test_host_comes_from_argument_then_environment_then_default(monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", "http://from-env:11434")
    assert OllamaBackend("http://explicit:1").host == "http://explicit:1"
    assert OllamaBackend().host == "http://from-env:11434"
    monkeypatch.delenv("OLLAMA_HOST")
    assert OllamaBackend().host == DEFAULT_HOST


def test_real_client_gets_an_explicit_timeout():
    backend = OllamaBackend("http://127.0.0.1:9", timeout_s=42)
    assert backend._client()._client.timeout.read == 42
    # A run's own timeout applies to its chat calls.
    assert backend._client(7)._client.timeout.read == 7


def test_registered_and_buildable_by_name():
    assert BACKENDS["ollama"] is OllamaBackend
    assert make_backend("ollama", "http://h:1").host == "http://h:1"
    with pytest.raises(BackendError, match="choose one of"):
        make_backend("nope")


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


# -- what the validity checks read (phi_core/llm/validity.py) ------------------------


def listing(digest: str) -> dict:
    return {"models": [{"model": MODEL, "digest": digest, "size": 1, "details": {}}]}


def show_body(*capabilities: str) -> dict:
    return {"details": {"family": "qwen3"}, "capabilities": list(capabilities)}


def test_think_is_sent_off_to_a_model_that_can_think_and_left_out_otherwise():
    client = ScriptedClient(chat=[chat_body()], list=[listing("sha256:a")], show=[show_body("completion", "thinking")])
    backend, _ = make(client)
    backend.model_info(MODEL)
    backend.chat(MODEL, request())
    assert client.calls["chat"][-1]["think"] is False
    backend.chat(MODEL, request(think=True))
    assert client.calls["chat"][-1]["think"] is True

    plain = ScriptedClient(chat=[chat_body()], list=[listing("sha256:a")], show=[show_body("completion")])
    backend, _ = make(plain)
    backend.model_info(MODEL)
    backend.chat(MODEL, request())
    assert "think" not in plain.calls["chat"][-1]


def test_reply_carries_done_reason_thinking_structured_output_and_the_digest():
    body = chat_body(done_reason="length")
    body["message"]["thinking"] = "first the names..."
    client = ScriptedClient(chat=[body], list=[listing("sha256:a")])
    backend, _ = make(client)
    reply = backend.chat(MODEL, request(schema={"type": "object"}))
    assert reply.metrics["done_reason"] == "length"
    assert reply.metrics["thinking"] == "first the names..."
    assert reply.metrics["structured_output"] == "format"
    assert reply.metrics["model_id"] == "sha256:a"
    assert backend.chat(MODEL, request()).metrics["structured_output"] is None


def test_the_digest_is_looked_up_again_so_a_re_pulled_tag_shows():
    client = ScriptedClient(chat=[chat_body()], list=[listing("sha256:a"), listing("sha256:b")])
    backend, _ = make(client, digest_refresh_s=0.0)
    assert backend.chat(MODEL, request()).metrics["model_id"] == "sha256:a"
    assert backend.chat(MODEL, request()).metrics["model_id"] == "sha256:b"
    cached, _ = make(ScriptedClient(chat=[chat_body()], list=[listing("sha256:a"), listing("sha256:b")]))
    assert [cached.chat(MODEL, request()).metrics["model_id"] for _ in range(2)] == ["sha256:a", "sha256:a"]


def test_a_failed_digest_lookup_does_not_fail_the_answered_call():
    client = ScriptedClient(chat=[chat_body()], list=[httpx.ConnectError("gone")])
    backend, _ = make(client)
    assert backend.chat(MODEL, request()).metrics["model_id"] == ""
