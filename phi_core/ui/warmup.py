"""The slow pages' first screens, computed ahead in a background thread of the app process.

At study scale the first visit to Residual leak, Error analysis, Leaderboard or
Phase progression after the store changes spent up to a second computing
(leaks of every run, category matrices, the ranking) before it could draw. The app asks for a warm-up on every script
run (:func:`request`); a single daemon thread waits until the store has stood
still for a moment, then calls the pages' own cached functions with the
pages' defaults, so the cache entries it fills are the ones the pages read.

Waiting first matters: while someone annotates, every save moves the store's
change stamp, and recomputing after each would take the CPU from the person
working. A warm-up stops between steps once the store has moved on.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from typing import Any, Callable

from phi_core.ui import gc_policy, trace

log = logging.getLogger(__name__)

# Seconds the store must stand still before the warm-up starts.
QUIET_S = 1.5
# Page -> "module:function" warming its first screen: (store, dataset, split, language, still_current) -> None.
# Named, not imported: the app imports this module on its first request, and
# Plotly and the analysis modules would add a second or more to it; the
# warm-up thread imports them once the store stands still.
WARMERS: dict[str, str] = {
    "residual_leak": "phi_core.ui.leak_cached:warm",
    "error_analysis": "phi_core.ui.error_first_screen:warm",
    "leaderboard": "phi_core.ui.ranking_first_screen:warm_leaderboard",
    "phase_progression": "phi_core.ui.ranking_first_screen:warm_phase_progression",
}
# Warm-ups remembered as done (a few: the stamp moves on, and old ones are never asked for again).
REMEMBERED = 16


class Warmer:
    """One background thread that warms the latest requested (store state, dataset, split, language)."""

    def __init__(
        self,
        warmers: dict[str, Callable | str] | None = None,
        quiet_s: float = QUIET_S,
        settle: Callable[[], Any] | None = None,
    ) -> None:
        self.warmers = WARMERS if warmers is None else warmers
        self.quiet_s = quiet_s
        # Called after a warm-up that finished undisturbed: the caches are full and the store is still.
        self.settle = settle
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._wanted: tuple[tuple, Any] | None = None
        self._done: list[tuple] = []
        self._thread: threading.Thread | None = None

    def request(self, store: Any, dataset: str | None, split: str | None, language: str) -> None:
        """Warm these pages for the store as it is now (returns at once; nothing happens if already done)."""
        if not dataset:
            return
        key = (store.version(), dataset, split, language)
        with self._lock:
            if key in self._done or (self._wanted is not None and self._wanted[0] == key):
                return
            self._wanted = (key, store)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._serve, name="phi-page-warmup", daemon=True)
                self._thread.start()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Until nothing is asked for or being warmed (for tests); False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if self._wanted is None:
                    return True
            time.sleep(0.02)
        return False

    def _serve(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            time.sleep(self.quiet_s)
            if self._wake.is_set():  # asked again meanwhile: the store is still moving
                continue
            with self._lock:
                wanted = self._wanted
            if wanted is None:
                continue
            key, store = wanted
            with trace.span("warmup", dataset=key[1]):
                finished = self._warm(key, store)
            if finished and self.settle is not None and not self._wake.is_set():
                self.settle()
            with self._lock:
                if self._wanted is wanted:
                    self._wanted = None
                if finished:
                    self._done = [*self._done, key][-REMEMBERED:]

    def _warm(self, key: tuple, store: Any) -> bool:
        """Whether every page was warmed (or failed trying) before the store moved on."""
        version, dataset, split, language = key

        def current() -> bool:
            return store.version() == version and not self._wake.is_set()

        started = time.perf_counter()
        for page, warm in self.warmers.items():
            if not current():
                return False
            try:
                _resolved(warm)(store, dataset, split, language, current)
            except Exception:  # a warm-up only saves time: the page will compute (and report) it itself
                log.debug("warming %s failed", page, exc_info=True)
        log.debug("warmed %s for %s in %.2f s", ", ".join(self.warmers), dataset, time.perf_counter() - started)
        return current()


def _resolved(warm: Callable | str) -> Callable:
    if callable(warm):
        return warm
    module, _, name = warm.partition(":")
    return getattr(importlib.import_module(module), name)


_WARMER = Warmer(settle=gc_policy.settle)


def request(store: Any, dataset: str | None, split: str | None, language: str) -> None:
    """Ask the app's warmer to compute the slow pages' first screens for this store state."""
    _WARMER.request(store, dataset, split, language)
