"""LLM backends. Importing this package registers every backend in ``BACKENDS``.

The embedded llama.cpp backend imports its optional packages only when used,
so registration works on machines without them.
"""

# The host list must be moved aside before any module below imports the
# ollama package, which cannot parse a comma-separated OLLAMA_HOST.
from phi_core.backends.hosts import configured_hosts, hosts_for, normalise_ollama_env, split_hosts

normalise_ollama_env()

from phi_core.backends import llamacpp_backend, ollama_backend, openai_backend  # noqa: F401,E402  (registers)

from phi_core.backends.base import (  # noqa: E402
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
from phi_core.backends.llamacpp_backend import LlamaCppBackend, llama_cpp_available  # noqa: E402
from phi_core.backends.ollama_backend import OllamaBackend  # noqa: E402
from phi_core.backends.openai_backend import OpenAIBackend  # noqa: E402


def make_backend(name: str, host: str | None = None, **settings) -> LLMBackend:
    """Build a registered backend by name; unknown names get a message listing the choices."""
    try:
        factory = BACKENDS[name]
    except KeyError:
        choices = ", ".join(sorted(BACKENDS))
        raise BackendError(f"unknown backend {name!r}: choose one of {choices}") from None
    return factory(host, **settings)


__all__ = [
    "BACKENDS",
    "BackendError",
    "BackendTimeout",
    "BadReply",
    "ChatMessage",
    "ChatReply",
    "ChatRequest",
    "GenerationOptions",
    "HostStatus",
    "HostUnreachable",
    "LLMBackend",
    "LlamaCppBackend",
    "ModelInfo",
    "ModelNotFound",
    "OllamaBackend",
    "OpenAIBackend",
    "ServerError",
    "configured_hosts",
    "hosts_for",
    "llama_cpp_available",
    "make_backend",
    "normalise_ollama_env",
    "register_backend",
    "split_hosts",
]
