"""The one small interface every LLM backend implements.

Messages + optional JSON schema + options go in; text + token counts + timings
come out. Backends raise :class:`BackendError` subclasses whose message tells a
non-engineer what happened and what to do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Protocol


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass(frozen=True)
class GenerationOptions:
    """Sampling and context settings; recorded with every run and sent as-is.

    num_ctx is fixed per run because changing it makes Ollama reload the model;
    the runner raises it for a run whose longest prompt would not fit.
    ``think`` asks a reasoning model to think first; off by default because the
    benchmark scores answers, and reasoning text in a reply makes it invalid.
    Backends whose model cannot think leave it unsent.
    """

    temperature: float = 0.0
    top_p: float = 1.0
    seed: int = 42
    num_ctx: int = 8192
    num_predict: int = 1024
    keep_alive: str = "10m"
    timeout_s: float = 300.0
    think: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ChatRequest:
    messages: tuple[ChatMessage, ...]
    schema: dict | None = None
    options: GenerationOptions = field(default_factory=GenerationOptions)


@dataclass
class ChatReply:
    """What a backend answered.

    Every backend fills these ``metrics`` keys, which the validity checks read
    (phi_core/llm/validity.py): ``done_reason`` ("stop" | "length" | other),
    ``model_id`` (the server's identity of the model, e.g. its digest),
    ``thinking`` (reasoning text, if any) and ``structured_output`` (the form of
    structured output actually used, or None).
    """

    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    # Seconds spent answering, excluding model load: this is the latency we score.
    seconds: float = 0.0
    load_seconds: float = 0.0
    prompt_seconds: float | None = None
    eval_seconds: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelInfo:
    name: str
    digest: str = ""
    parameter_size: str = ""
    quantization: str = ""
    family: str = ""
    size_bytes: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class HostStatus:
    host: str
    reachable: bool
    models: list[ModelInfo] = field(default_factory=list)
    error: str = ""


class BackendError(Exception):
    """A failure to show the user as-is: the message says what to do."""

    retryable = False


class HostUnreachable(BackendError):
    retryable = True


class ModelNotFound(BackendError):
    pass


class BackendTimeout(BackendError):
    """The host did not answer within the call's deadline.

    Not retried: a host that hangs would make every attempt wait the full
    deadline. The runner marks the host down for the run instead and lets the
    other hosts take its work.
    """

    retryable = False


class ServerError(BackendError):
    """429 or 5xx from the server: worth retrying with backoff."""

    retryable = True


class BadReply(BackendError):
    """The server answered but the body is not what the protocol promises."""


class LLMBackend(Protocol):
    name: str
    host: str

    def check(self) -> HostStatus: ...

    def list_models(self) -> list[ModelInfo]: ...

    def model_info(self, model: str) -> ModelInfo: ...

    def chat(self, model: str, request: ChatRequest) -> ChatReply: ...


# name -> factory(host: str | None, **settings) -> LLMBackend. Backends add
# themselves on import (see phi_core/backends/__init__.py).
BACKENDS: dict[str, Callable[..., LLMBackend]] = {}


def register_backend(name: str):
    def decorate(factory):
        BACKENDS[name] = factory
        return factory

    return decorate
