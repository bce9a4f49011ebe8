"""The app's timing notes for the page bench: written only when asked for, one JSON line per event."""

from __future__ import annotations

import gc
import json

import pytest

from phi_core.ui import trace


@pytest.fixture
def traced(tmp_path, monkeypatch):
    path = tmp_path / "trace.jsonl"
    monkeypatch.setenv(trace.ENV, str(path))
    monkeypatch.setattr(trace, "_fd", None)
    yield path
    if trace._on_gc in gc.callbacks:
        gc.callbacks.remove(trace._on_gc)
    monkeypatch.setattr(trace, "_fd", None)


def events(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_script_runs_spans_and_full_collections_are_noted(traced):
    trace.install()
    run = trace.ScriptRun()
    with trace.span("computed", name="leaderboard_frame"):
        sum(range(1000))
    gc.collect()
    run.end("leaderboard")
    kinds = [e["kind"] for e in events(traced)]
    assert kinds[0] == "process"
    assert {"computed", "gc", "script"} <= set(kinds)
    script = next(e for e in events(traced) if e["kind"] == "script")
    assert script["page"] == "leaderboard" and script["seconds"] >= 0 and script["peak_mb"] > 0
    assert any(e["kind"] == "gc" and e["gen"] == 2 for e in events(traced))


def test_nothing_is_written_or_watched_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(trace.ENV, raising=False)
    trace.install()
    assert trace._on_gc not in gc.callbacks
    trace.ScriptRun().end("overview")
    with trace.span("computed", name="x"):
        pass
    assert list(tmp_path.iterdir()) == []
