"""OllamaBackend -> real ``ollama`` client -> HTTP -> fake Ollama server -> a model.

The canned-model tests run everywhere and check the wire protocol; the ``llm``
tests put the embedded llama.cpp model behind the server so a real model's
output travels the whole path.
"""

from __future__ import annotations

import ollama
import pytest

from phi_core.backends.base import (
    ChatMessage,
    ChatReply,
    ChatRequest,
    HostStatus,
    ModelInfo,
    ModelNotFound,
    ServerError,
)
from phi_core.backends.llamacpp_backend import DEFAULT_MODEL_NAME
from phi_core.backends.ollama_backend import OllamaBackend
from phi_core.llm.parsing import parse_reply
from tests.doubles.fake_ollama_server import FakeOllamaServer

CANNED_MODEL = "canned:1b"
CANNED_TEXT = '{"phi_list": [{"type": "NAME", "value": "佐藤一郎"}]}'


class CannedBackend:
    """Answers every chat with the same text; remembers the requests it got."""

    name = "canned"
    host = "canned"

    def __init__(self) -> None:
        self.requests: list[ChatRequest] = []

    def check(self) -> HostStatus:
        return HostStatus(self.host, True, self.list_models())

    def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(CANNED_MODEL, "sha256:feed", "1B", "Q8_0", "canned", 1234)]

    def model_info(self, model: str) -> ModelInfo:
        return self.list_models()[0]

    def chat(self, model: str, request: ChatRequest) -> ChatReply:
        self.requests.append(request)
        return ChatReply(CANNED_TEXT, 50, 12, seconds=0.25, load_seconds=0.5, prompt_seconds=0.05, eval_seconds=0.2)


@pytest.fixture
def canned_server():
    with FakeOllamaServer(CannedBackend()) as server:
        yield server


def quick_backend(server: FakeOllamaServer) -> tuple[OllamaBackend, list[float]]:
    sleeps: list[float] = []
    return OllamaBackend(server.url, timeout_s=30, sleep=sleeps.append), sleeps


def test_wire_protocol_list_show_and_chat(canned_server):
    backend, _ = quick_backend(canned_server)
    status = backend.check()
    assert status.reachable and [m.name for m in status.models] == [CANNED_MODEL]

    info = backend.model_info(CANNED_MODEL)
    assert (info.digest, info.parameter_size, info.quantization, info.family) == ("sha256:feed", "1B", "Q8_0", "canned")

    schema = {"type": "object", "properties": {"phi_list": {"type": "array"}}}
    request = ChatRequest(messages=(ChatMessage("user", "report"),), schema=schema)
    reply = backend.chat(CANNED_MODEL, request)
    assert reply.text == CANNED_TEXT
    assert (reply.prompt_tokens, reply.completion_tokens) == (50, 12)
    assert reply.seconds == pytest.approx(0.25) and reply.load_seconds == pytest.approx(0.5)

    method, path, body, _ = canned_server.requests[-1]
    assert (method, path) == ("POST", "/api/chat")
    assert body["format"] == schema and body["stream"] is False and body["keep_alive"] == "10m"
    assert canned_server.backend.requests[-1].schema == schema


def test_unknown_model_is_404_and_model_not_found(canned_server):
    backend, sleeps = quick_backend(canned_server)
    with pytest.raises(ModelNotFound, match="ollama pull nope:7b"):
        backend.chat("nope:7b", ChatRequest(messages=(ChatMessage("user", "x"),)))
    assert sleeps == []
    with pytest.raises(ModelNotFound):
        backend.model_info("nope:7b")


def test_server_errors_over_the_wire_are_retried(canned_server):
    backend, sleeps = quick_backend(canned_server)
    canned_server.fail_next(503, times=2)
    reply = backend.chat(CANNED_MODEL, ChatRequest(messages=(ChatMessage("user", "x"),)))
    assert reply.metrics["retries"] == 2 and sleeps == [1.0, 2.0]

    canned_server.fail_next(500, times=4)
    with pytest.raises(ServerError, match="500"):
        backend.chat(CANNED_MODEL, ChatRequest(messages=(ChatMessage("user", "x"),)))


def test_streaming_clients_get_the_text_then_a_done_chunk(canned_server):
    parts = list(
        ollama.Client(host=canned_server.url, timeout=30).chat(
            model=CANNED_MODEL, messages=[{"role": "user", "content": "x"}], stream=True
        )
    )
    assert "".join(p.message.content or "" for p in parts) == CANNED_TEXT
    assert parts[-1].done and parts[-1].eval_count == 12


@pytest.fixture(scope="module")
def embedded_server(embedded_backend):
    with FakeOllamaServer(embedded_backend) as server:
        yield server


@pytest.mark.llm
def test_real_model_through_the_ollama_client(embedded_server, phi_list_request):
    backend = OllamaBackend(embedded_server.url, timeout_s=120, max_retries=0)
    assert [m.name for m in backend.list_models()] == [f"{DEFAULT_MODEL_NAME}:latest"]
    info = backend.model_info(DEFAULT_MODEL_NAME)
    assert (info.parameter_size, info.quantization, info.family) == ("270M", "Q4_K_M", "gemma3")
    assert len(info.digest) == 64

    reply = backend.chat(DEFAULT_MODEL_NAME, phi_list_request)
    parsed = parse_reply(reply.text, expected_shape="phi_list")
    assert parsed.shape == "phi_list", reply.text
    assert "unparseable" not in parsed.violations
    assert reply.prompt_tokens > 0 and reply.completion_tokens > 0
    assert reply.seconds > 0
    assert reply.metrics["total_duration"] >= reply.metrics["eval_duration"] > 0
