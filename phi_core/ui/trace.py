"""Timing notes from the app process for the page bench, written only when it asks for them.

``bench/pages.py`` sets ``PHI_UI_TRACE`` to a file in its temporary folder;
then every script run (its page, session, wall and CPU time), every cache
computation (a miss), every warm-up and every slow or full garbage collection
is appended to it as one JSON line, so a slow page can be told apart: the
script working, Python collecting garbage, a cache entry computed again, or
the browser. Without the variable every function here returns at once.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

ENV = "PHI_UI_TRACE"
# Collections of younger generations shorter than this are not worth a line.
SLOW_GC_S = 0.01

_lock = threading.Lock()
_fd: int | None = None
_gc_started: list[float] = []


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def note(kind: str, **fields: Any) -> None:
    """Append one event (a JSON line; O_APPEND keeps lines from threads whole)."""
    global _fd
    path = os.environ.get(ENV)
    if not path:
        return
    line = (json.dumps({"kind": kind, **fields}, default=str) + "\n").encode()
    with _lock:
        if _fd is None:
            _fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.write(_fd, line)


def _on_gc(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_started.append(time.time())
        return
    if not _gc_started:
        return
    started = _gc_started.pop()
    seconds = time.time() - started
    if info.get("generation") == 2 or seconds >= SLOW_GC_S:
        note(
            "gc",
            gen=info.get("generation"),
            start=started,
            seconds=round(seconds, 4),
            collected=info.get("collected"),
            thread=threading.current_thread().name,
        )


def install() -> None:
    """Watch garbage collections in this process (once; only while tracing)."""
    if enabled() and _on_gc not in gc.callbacks:
        gc.callbacks.append(_on_gc)
        note("process", pid=os.getpid(), start=time.time(), gc_thresholds=gc.get_threshold())


def session_id() -> str:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        return ctx.session_id if ctx else ""
    except Exception:  # outside a script run
        return ""


class ScriptRun:
    """One run of app.py: started at construction, noted by :meth:`end`."""

    def __init__(self) -> None:
        self.start = time.time()
        self.cpu = time.thread_time()

    def end(self, page: str) -> None:
        if enabled():
            now = time.time()
            note(
                "script",
                page=page,
                session=session_id(),
                start=self.start,
                seconds=round(now - self.start, 4),
                cpu=round(time.thread_time() - self.cpu, 4),
                # Peak resident memory so far: shows whether the garbage-collection policy lets memory grow.
                peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                frozen=gc.get_freeze_count(),
            )


@contextmanager
def span(kind: str, **fields: Any) -> Iterator[None]:
    """Note how long the block took (wall and this thread's CPU) when tracing."""
    if not enabled():
        yield
        return
    start, cpu = time.time(), time.thread_time()
    try:
        yield
    finally:
        note(
            kind,
            start=start,
            seconds=round(time.time() - start, 4),
            cpu=round(time.thread_time() - cpu, 4),
            thread=threading.current_thread().name,
            **fields,
        )
