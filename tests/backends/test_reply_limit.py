"""A host that answers with 100 MB: read up to the limit, stored cut, marked reply_too_large (issue 20, item 6).

Memory is measured with tracemalloc (the peak of what Python allocated while
the call ran), not with time. The host (tests/doubles/huge_reply_host.py)
streams its body from one small buffer, so the peak is the client's alone.
"""

from __future__ import annotations

import json
import tracemalloc

import pytest

from phi_core.backends.base import ChatMessage, ChatRequest, GenerationOptions
from phi_core.backends.bounded import (
    DEFAULT_MAX_REPLY_BYTES,
    ENV_VAR,
    TRUNCATED_KEY,
    max_reply_bytes,
    read_bounded,
    salvage_text,
)
from phi_core.backends.ollama_backend import OllamaBackend
from phi_core.backends.openai_backend import OpenAIBackend
from phi_core.cli.main import main
from phi_core.models import Report
from phi_core.store import Store
from phi_core.violations import REPLY_TOO_LARGE
from tests.doubles.huge_reply_host import REPLY_BYTES, HugeReplyHost

# Generous: the limit (2 MiB) a few times over for buffers and the decoded text, far below the reply.
PEAK_LIMIT = 24 * 1024 * 1024


@pytest.fixture
def host(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    with HugeReplyHost() as serving:
        yield serving


def _request() -> ChatRequest:
    return ChatRequest(messages=[ChatMessage("user", "氏名 山田太郎")], options=GenerationOptions(timeout_s=60))


@pytest.mark.parametrize(
    "make",
    [
        lambda url: OllamaBackend(url, max_retries=0),
        lambda url: OpenAIBackend(url + "/v1", max_retries=0),
    ],
    ids=["ollama", "openai"],
)
def test_a_100_mb_reply_is_read_up_to_the_limit_in_bounded_memory(host, make):
    backend = make(host.url)
    backend.list_models()  # the client library loaded and connected before measuring: its import is no reply
    tracemalloc.start()
    try:
        reply = backend.chat("m", _request())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK_LIMIT, f"peak {peak / 2**20:.1f} MiB while reading a 100 MiB reply"
    assert reply.metrics[TRUNCATED_KEY] == DEFAULT_MAX_REPLY_BYTES
    assert set(reply.text) == {"a"}
    assert DEFAULT_MAX_REPLY_BYTES - 200 < len(reply.text.encode()) <= DEFAULT_MAX_REPLY_BYTES
    assert host.bytes_sent < REPLY_BYTES  # the client hung up; the rest was never read


def test_the_stored_reply_is_cut_and_marked(host, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, "100000")
    db = tmp_path / "phi.duckdb"
    with Store(db) as store:
        store.add_reports("s", [Report(id="r1", text="氏名 山田太郎 電話 03-1234-5678")])
    argv = ["run", "--backend", "ollama", "--model", "m", "--phase", "1", "--host", host.url, "--dataset", "s"]
    code = main([*argv, "--db", str(db), "--json", "--timeout", "60"])
    captured = capsys.readouterr()
    assert captured.out, captured.err
    out = json.loads(captured.out)
    assert code == 1 and out["status"] == "failed"  # every reply unreadable: the run says so
    with Store(db) as store:
        rows = store.task_results(out["run_id"])
    assert len(rows) == 1
    raw = rows["raw_output"].iloc[0]
    assert 99_000 < len(raw.encode()) <= 100_000 and set(raw) == {"a"}
    assert REPLY_TOO_LARGE in json.loads(rows["violations"].iloc[0])


def test_the_limit_is_configurable_and_never_tiny():
    assert max_reply_bytes({}) == DEFAULT_MAX_REPLY_BYTES
    assert max_reply_bytes({ENV_VAR: "8_000_000"}) == 8_000_000
    assert max_reply_bytes({ENV_VAR: "10"}) == 64 * 1024
    with pytest.raises(ValueError, match=ENV_VAR):
        max_reply_bytes({ENV_VAR: "lots"})


def test_reading_stops_at_the_limit_and_the_text_is_salvaged():
    chunks = iter([b"ab", b"cd", b"ef"])
    assert read_bounded(chunks, 3) == (b"abc", True)
    assert next(chunks) == b"ef"  # nothing after the cut was pulled
    assert read_bounded([b"ab"], 3) == (b"ab", False)
    assert salvage_text(b'{"message": {"content": "\\u5c71\\u7530 \\"x\\" \\u5c') == '山田 "x" '
    assert salvage_text(b"not json at all") == "not json at all"
