"""LLM backends. Importing this package registers every backend in ``BACKENDS``.

The embedded llama.cpp backend imports its optional packages only when used,
so registration works on machines without them.
"""

from phi_core.backends import llamacpp_backend, ollama_backend  # noqa: F401  (registers)
from phi_core.backends.base import (
    BACKENDS,
    BackendError,
    BackendTimeout,
    BadReply,
    ChatMessage,
    ChatReply,
    ChatRequest,
    GenerationOptions,
    HostStatus,
    HostUnreachable,
    LLMBackend,
    ModelInfo,
    ModelNotFound,
    ServerError,
    register_backend,
)
from phi_core.backends.llamacpp_backend import LlamaCppBackend, llama_cpp_available
from phi_core.backends.ollama_backend import OllamaBackend


def make_backend(name: str, host: str | None = None, **settings) -> LLMBackend:
    """Build a registered backend by name; unknown names get a message listing the choices."""
    try:
        factory = BACKENDS[name]
    except KeyError:
        choices = ", ".join(sorted(BACKENDS))
        raise BackendError(f"unknown backend {name!r}: choose one of {choices}") from None
    return factory(host, **settings)


__all__ = [
    "BACKENDS", "BackendError", "BackendTimeout", "BadReply", "ChatMessage", "ChatReply", "ChatRequest",
    "GenerationOptions", "HostStatus", "HostUnreachable", "LLMBackend", "LlamaCppBackend", "ModelInfo",
    "ModelNotFound", "OllamaBackend", "ServerError", "llama_cpp_available", "make_backend", "register_backend",
]
