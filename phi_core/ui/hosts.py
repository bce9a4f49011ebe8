"""Model host status (Ollama and OpenAI-compatible servers) for the sidebar, checked in the background.

A host that is down must never hold up a page: checks run in daemon threads
with a short timeout, results are kept for ``max_age_s`` and the page shows
"checking…" until the first answer arrives. The threads only call the
backend and write into this object; they never touch Streamlit or the store.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from phi_core.backends.hosts import (  # noqa: F401  (re-exported)
    OPENAI_HOSTS_ENV,
    configured_hosts,
    configured_openai_hosts,
    hosted_backends,
    hosts_for,
    normalise_ollama_env,
)

if TYPE_CHECKING:
    from phi_core.backends.base import HostStatus

CHECK_TIMEOUT_S = 3.0


def check_with_ollama(host: str) -> HostStatus:
    from phi_core.backends import OllamaBackend

    return OllamaBackend(host, timeout_s=CHECK_TIMEOUT_S, max_retries=0).check()


def check_with_openai(host: str) -> HostStatus:
    from phi_core.backends import OpenAIBackend

    return OpenAIBackend(host, timeout_s=CHECK_TIMEOUT_S, max_retries=0).check()


# backend -> how one of its hosts is checked.
CHECKS: dict[str, Callable[[str], HostStatus]] = {"ollama": check_with_ollama, "openai": check_with_openai}


def panel_hosts(environ: dict | None = None) -> dict[str, list[str]]:
    """The hosts the sidebar lists, per backend: always Ollama's; OpenAI-compatible ones once configured.

    The OpenAI default (a local server on port 8000) is not listed unless
    PHI_OPENAI_BASE_URL names it, so a team without such a server sees no red row.
    """
    environ = os.environ if environ is None else environ
    panel = {"ollama": configured_hosts()}
    if environ.get(OPENAI_HOSTS_ENV, "").strip():
        panel["openai"] = configured_openai_hosts(environ[OPENAI_HOSTS_ENV])
    return panel


@dataclass
class _Entry:
    status: HostStatus | None = None
    checked_at: float = float("-inf")
    running: bool = False


class HostMonitor:
    """``check`` checks an Ollama host (kept as the first argument for callers that only know Ollama);
    ``checks`` maps each backend to its own check."""

    def __init__(
        self,
        check: Callable[[str], HostStatus] | None = None,
        *,
        checks: dict[str, Callable[[str], HostStatus]] | None = None,
        max_age_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._checks = dict(CHECKS if checks is None else checks)
        if check is not None:
            self._checks["ollama"] = check
        self._clock = clock
        self.max_age_s = max_age_s
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._lock = threading.Lock()

    def statuses(self, hosts: list[str], backend: str = "ollama") -> dict[str, HostStatus | None]:
        """What is known about each host now (None: not yet); stale hosts get re-checked."""
        out = {}
        with self._lock:
            for host in hosts:
                entry = self._entries.setdefault((backend, host), _Entry())
                if not entry.running and self._clock() - entry.checked_at > self.max_age_s:
                    entry.running = True
                    threading.Thread(
                        target=self._run, args=(backend, host), daemon=True, name=f"phi-host-check-{host}"
                    ).start()
                out[host] = entry.status
        return out

    def _run(self, backend: str, host: str) -> None:
        try:
            check = self._checks.get(backend)
            if check is None:
                raise ValueError(f"there is no host check for backend {backend!r}")
            status = check(host)
        except Exception as error:  # a check must never kill the thread silently
            from phi_core.backends.base import HostStatus

            status = HostStatus(host, False, error=str(error) or type(error).__name__)
        with self._lock:
            entry = self._entries[(backend, host)]
            entry.status, entry.checked_at, entry.running = status, self._clock(), False

    def pending(self, hosts: list[str], backend: str = "ollama") -> bool:
        with self._lock:
            return any(self._entries.get((backend, h), _Entry()).status is None for h in hosts)
