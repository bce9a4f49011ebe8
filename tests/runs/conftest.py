"""Fixtures of the engine tests: the scripted LLM backend (tests/doubles/scripted_backend.py) and a store."""

from __future__ import annotations

import pytest

from phi_core.backends.base import BACKENDS
from phi_core.first_start import initialise
from phi_core.store import Store
from tests.doubles.scripted_backend import ScriptedLLM


@pytest.fixture
def scripted(monkeypatch):
    monkeypatch.setitem(BACKENDS, "scripted", ScriptedLLM)
    ScriptedLLM.instances = []
    ScriptedLLM.reachable = True
    ScriptedLLM.die_after = None
    ScriptedLLM.calls = 0
    yield ScriptedLLM


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "engine.duckdb") as s:
        initialise(s)
        yield s
