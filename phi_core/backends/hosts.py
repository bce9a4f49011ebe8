"""Which Ollama hosts are configured, read without importing ollama.

The ollama package builds a default client from OLLAMA_HOST when it is
imported and fails when that names several hosts, so the list is read (and
moved aside) here before anything imports it.
"""

from __future__ import annotations

import os

DEFAULT_HOST = "http://127.0.0.1:11434"
# The full host list when OLLAMA_HOST named several (see normalise_ollama_env).
ALL_HOSTS_ENV = "PHI_OLLAMA_HOSTS"


def configured_hosts(env: str | None = None) -> list[str]:
    """Hosts from OLLAMA_HOST (comma-separated), default the local Ollama."""
    if env is None:
        env = os.environ.get(ALL_HOSTS_ENV) or os.environ.get("OLLAMA_HOST", "")
    hosts = [h.strip() for h in env.split(",") if h.strip()]
    normalised = [h if "://" in h else f"http://{h}" for h in hosts]
    return list(dict.fromkeys(normalised)) or [DEFAULT_HOST]


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
