"""OllamaBackend's model listing, host status and what the validity checks read, against a scripted client."""

from __future__ import annotations

import httpx
import ollama
import pytest

from phi_core.backends import BACKENDS, make_backend
from phi_core.backends.base import BackendError, ModelNotFound
from phi_core.backends.ollama_backend import DEFAULT_HOST, OllamaBackend
from tests.doubles.scripted_ollama_client import HOST, MODEL, ScriptedClient, chat_body, make, request, response_error


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
