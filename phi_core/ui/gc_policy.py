"""Keep Python's full garbage collections out of the way of the app's pages.

A full (generation 2) collection walks every container object the process
holds and stops every thread meanwhile, the script runs drawing pages
included. The app process holds mostly objects that live as long as it does:
imported modules (Streamlit, Plotly, pandas), the store, the cached frames
and figures the pages read. Walking them again finds nothing to free, yet
at study scale such a walk came at a random moment every few page visits
and made that visit slow (bench/pages.py, trace of the app process).

So once they exist, after a warm-up has filled the caches at a quiet moment,
they are moved out of the collector's sight (``gc.freeze``); collections
then walk only what later page visits create. A frozen object that later
becomes cyclic garbage (an evicted figure, a closed session) is reclaimed
when the frozen set is released and collected once, again at a quiet moment:
at most every REFREEZE_S, so the memory it can hold back stays bounded.
"""

from __future__ import annotations

import gc
import sys
import threading
import time

from phi_core.ui import trace

# At most this often the frozen objects are released and collected once (seconds).
REFREEZE_S = 600.0

_lock = threading.Lock()
_last_full: float | None = None
_modules_at_settle = 0
_taken_over = False


def take_over() -> None:
    """Turn off Streamlit's full collection after every script run (once per process).

    Streamlit collects all generations after each run, by default, to keep
    memory low on hosted apps; here that walk cost 0.1-0.5 s after every page
    visit and every click, and it holds the interpreter while the server is
    still sending the page to the browser. Python's own generational
    collections still run, and :func:`settle` collects everything now and then.
    """
    global _taken_over
    if _taken_over:
        return
    from streamlit import config

    config.set_option("runner.postScriptGC", False)
    _taken_over = True


def after_run() -> None:
    """At the end of a script run: freeze the modules a page imported for the first time.

    Before the first warm-up has settled the process this does nothing; after
    it, a page visited for the first time (and its imports, e.g. SciPy) would
    otherwise stay in every later collection's walk.
    """
    if _last_full is not None and len(sys.modules) > _modules_at_settle:
        settle()


def settle(now: float | None = None) -> str:
    """Freeze what the process holds now; returns what was done ("full" or "freeze").

    Call at a quiet moment, after the caches the pages read have been filled.
    The first call, and any call REFREEZE_S after the last full one, first
    collects everything (frozen objects too), so no garbage is frozen for long.
    """
    global _last_full, _modules_at_settle
    now = time.monotonic() if now is None else now
    with _lock:
        full = _last_full is None or now - _last_full >= REFREEZE_S
        with trace.span("gc_settle", full=full):
            if full:
                gc.unfreeze()
                gc.collect()
                _last_full = now
            else:  # the young generations only: short, and frees most fresh garbage before it is frozen
                gc.collect(1)
            gc.freeze()
            _modules_at_settle = len(sys.modules)
    return "full" if full else "freeze"


def reset() -> None:
    """Release the frozen objects and forget the last settle (for tests)."""
    global _last_full, _modules_at_settle
    with _lock:
        gc.unfreeze()
        _last_full = None
        _modules_at_settle = 0
