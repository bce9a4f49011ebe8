"""Which hosts each hosted backend is configured with, read without importing any client.

The ollama package builds a default client from OLLAMA_HOST when it is
imported and fails when that names several hosts, so the list is read (and
moved aside) here before anything imports it. OpenAI-compatible servers are
listed in PHI_OPENAI_BASE_URL the same way (comma-separated).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

DEFAULT_HOST = "http://127.0.0.1:11434"
# The full host list when OLLAMA_HOST named several (see normalise_ollama_env).
ALL_HOSTS_ENV = "PHI_OLLAMA_HOSTS"

OPENAI_HOSTS_ENV = "PHI_OPENAI_BASE_URL"
# The key an OpenAI-compatible server may ask for (read by the backend, named in its refusals).
OPENAI_API_KEY_ENV = "PHI_OPENAI_API_KEY"
# vLLM's and llama-cpp-python's default port; other servers are named with --host.
DEFAULT_OPENAI_HOST = "http://127.0.0.1:8000/v1"


def split_hosts(values: str | Iterable[str] | None) -> list[str]:
    """Host URLs from one comma-separated string or several of them, in order, without repeats."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    hosts = [h.strip() for value in values for h in str(value).split(",") if h.strip()]
    return list(dict.fromkeys(hosts))


def _with_scheme(host: str) -> str:
    return host if "://" in host else f"http://{host}"


def configured_hosts(env: str | None = None) -> list[str]:
    """Hosts from OLLAMA_HOST (comma-separated), default the local Ollama."""
    if env is None:
        env = os.environ.get(ALL_HOSTS_ENV) or os.environ.get("OLLAMA_HOST", "")
    normalised = [_with_scheme(h) for h in split_hosts(env)]
    return list(dict.fromkeys(normalised)) or [DEFAULT_HOST]


def openai_base_url(host: str) -> str:
    """A server's API root: scheme added when missing, ``/v1`` when no path is given.

    vLLM, SGLang, llama.cpp and LM Studio all serve the API under ``/v1``; a
    bare ``http://gpu1:8000`` is what people type, so it is completed.
    """
    url = _with_scheme(host.strip()).rstrip("/")
    if urlsplit(url).path in ("", "/"):
        url = f"{url}/v1"
    return url


def configured_openai_hosts(env: str | None = None) -> list[str]:
    """Base URLs from PHI_OPENAI_BASE_URL (comma-separated), default a local server on port 8000."""
    if env is None:
        env = os.environ.get(OPENAI_HOSTS_ENV, "")
    normalised = [openai_base_url(h) for h in split_hosts(env)]
    return list(dict.fromkeys(normalised)) or [DEFAULT_OPENAI_HOST]


# backend name -> where its configured hosts come from when none are given.
HOST_SOURCES: dict[str, Callable[[], list[str]]] = {
    "ollama": configured_hosts,
    "openai": configured_openai_hosts,
}


def hosted_backends() -> tuple[str, ...]:
    return tuple(HOST_SOURCES)


def hosts_for(backend: str, given: str | Iterable[str] | None = None) -> list[str]:
    """The hosts a job of ``backend`` should spread over: the given ones (commas allowed), else the configured.

    Backends without hosts (rules, the embedded model) get an empty list.
    """
    hosts = split_hosts(given)
    if hosts:
        return hosts
    source = HOST_SOURCES.get(backend)
    return source() if source else []


def normalise_ollama_env(environ: dict | None = None) -> None:
    """Keep a comma-separated OLLAMA_HOST from breaking ``import ollama``.

    The ollama package builds a default client from OLLAMA_HOST when it is
    imported and fails on a list. The list moves to PHI_OLLAMA_HOSTS and
    OLLAMA_HOST keeps the first host; call this before anything imports ollama.
    """
    environ = os.environ if environ is None else environ
    raw = environ.get("OLLAMA_HOST", "")
    if "," in raw:
        hosts = configured_hosts(raw)
        environ[ALL_HOSTS_ENV] = ",".join(hosts)
        environ["OLLAMA_HOST"] = hosts[0]
