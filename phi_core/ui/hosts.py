"""Ollama host status for the sidebar, checked in the background.

A host that is down must never hold up a page: checks run in daemon threads
with a short timeout, results are kept for ``max_age_s`` and the page shows
"checking…" until the first answer arrives. The threads only call the
backend and write into this object; they never touch Streamlit or the store.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from phi_core.backends.hosts import configured_hosts, normalise_ollama_env  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from phi_core.backends.base import HostStatus

CHECK_TIMEOUT_S = 3.0


def check_with_ollama(host: str) -> HostStatus:
    from phi_core.backends import OllamaBackend

    return OllamaBackend(host, timeout_s=CHECK_TIMEOUT_S, max_retries=0).check()


@dataclass
class _Entry:
    status: HostStatus | None = None
    checked_at: float = float("-inf")
    running: bool = False


class HostMonitor:
    def __init__(self, check: Callable[[str], HostStatus] = check_with_ollama, *, max_age_s: float = 30.0,
                 clock: Callable[[], float] = time.monotonic):
        self._check = check
        self._clock = clock
        self.max_age_s = max_age_s
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def statuses(self, hosts: list[str]) -> dict[str, HostStatus | None]:
        """What is known about each host now (None: not yet); stale hosts get re-checked."""
        out = {}
        with self._lock:
            for host in hosts:
                entry = self._entries.setdefault(host, _Entry())
                if not entry.running and self._clock() - entry.checked_at > self.max_age_s:
                    entry.running = True
                    threading.Thread(target=self._run, args=(host,), daemon=True,
                                     name=f"phi-host-check-{host}").start()
                out[host] = entry.status
        return out

    def _run(self, host: str) -> None:
        try:
            status = self._check(host)
        except Exception as error:  # a check must never kill the thread silently
            from phi_core.backends.base import HostStatus

            status = HostStatus(host, False, error=str(error) or type(error).__name__)
        with self._lock:
            entry = self._entries[host]
            entry.status, entry.checked_at, entry.running = status, self._clock(), False

    def pending(self, hosts: list[str]) -> bool:
        with self._lock:
            return any(self._entries.get(h, _Entry()).status is None for h in hosts)
