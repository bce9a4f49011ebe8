"""Run deadlines: hung hosts, Ctrl-C and SIGTERM, runs whose process died."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from phi_core.scoring.stored_runs import score_run
from phi_core.runs import Job, Runner
from phi_core.runs.extractor_factory import build_extractors
from phi_core.runs.manager import JobManager
from phi_core.first_start import initialise
from phi_core.store import Store
from tests.doubles.fake_ollama_server import FakeOllamaServer
from tests.doubles.rules_model import MODEL, RulesModel

ROOT = Path(__file__).resolve().parents[2]


def job(*hosts, limit=4, timeout_s=None) -> Job:
    return Job(
        dataset="synthetic",
        backend="ollama",
        model=MODEL,
        phase="2",
        split="dev",
        limit=limit,
        hosts=tuple(hosts),
        timeout_s=timeout_s,
    )


def run(store, the_job):
    return Runner(store, the_job, build_extractors(the_job, store), scorer=score_run).run()


def test_a_call_past_its_deadline_takes_the_host_out_and_the_others_do_its_work(store):
    with FakeOllamaServer(RulesModel(), hang_s=5) as hung, FakeOllamaServer(RulesModel()) as good:
        started = time.perf_counter()
        summary = run(store, job(hung.url, good.url, timeout_s=0.5))
        elapsed = time.perf_counter() - started
    assert summary.status == "done" and summary.tasks_done == 4
    assert elapsed < 4  # one deadline, not one per report (and no retries of it)
    assert any(hung.url in e and "down for this run" in e for e in summary.errors)
    hung_calls = [r for r in hung.requests if r[1] == "/api/chat"]
    assert len(hung_calls) == 1


def test_with_no_host_left_the_run_stops_with_one_line_and_resumes_later(store):
    with FakeOllamaServer(RulesModel(), hang_s=5) as hung:
        summary = run(store, job(hung.url, timeout_s=0.5))
    assert summary.status == "failed" and summary.tasks_done == 0
    assert summary.errors[0].startswith("stopped: no host is left") and hung.url in summary.errors[0]
    assert "run the same job to resume" in summary.errors[0]
    with FakeOllamaServer(RulesModel()) as good:
        resumed = run(store, job(good.url))
    assert resumed.run_id == summary.run_id and resumed.status == "done" and resumed.tasks_done == 4


def test_a_run_left_running_by_a_dead_process_is_interrupted_when_the_database_opens(tmp_path):
    path = tmp_path / "stale.duckdb"
    with Store(path) as store:
        initialise(store)
        record = store.create_run(
            job_key="k",
            dataset="synthetic",
            split="dev",
            backend="rules",
            model="rules",
            phase="-",
            phase_key=None,
            hosts=("local",),
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=3,
        )
        store.update_run(record.run_id, status="running", owner="12345-0.0")
        mine = store.create_run(
            job_key="k2",
            dataset="synthetic",
            split="dev",
            backend="rules",
            model="rules",
            phase="-",
            phase_key=None,
            hosts=("local",),
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=3,
        )
        from phi_core.store.run_tables import PROCESS_OWNER

        store.update_run(mine.run_id, status="running", owner=PROCESS_OWNER)
    with Store(path) as store:
        assert store.run(record.run_id).status == "interrupted"
        assert "resume" in store.run(record.run_id).error
        assert store.run(mine.run_id).status == "running"  # this process may still be running it
        interrupted = JobManager(store, scorer=None).interrupted()
        assert record.run_id in {w.run_id for w in interrupted}


def _cli(db: Path, host: str, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PHI_DB": str(db)}
    env.pop("OLLAMA_HOST", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "phi_core",
            "run",
            "--backend",
            "ollama",
            "--host",
            host,
            "--model",
            MODEL,
            "--phase",
            "2",
            "--dataset",
            "synthetic",
            "--split",
            "dev",
            "--limit",
            "3",
            "--json",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_a_cli_run_within_seconds_releases_the_database_and_the_run_resumes(tmp_path, sig):
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        initialise(store)
    with FakeOllamaServer(RulesModel(), hang_s=60) as hung:
        process = _cli(db, hung.url)
        deadline = time.monotonic() + 60
        while not [r for r in hung.requests if r[1] == "/api/chat"]:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the run never called the host"
            time.sleep(0.1)
        sent = time.monotonic()
        process.send_signal(sig)
        _, err = process.communicate(timeout=15)
        stopped_in = time.monotonic() - sent
    assert process.returncode == 130, err
    assert stopped_in < 6
    assert "Traceback" not in err and "run the same command again to resume" in err
    with Store(db) as store:  # the lock is free again
        (run,) = store.runs()
        assert run.status == "interrupted"
    with FakeOllamaServer(RulesModel()) as good:
        process = _cli(db, good.url)
        out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert f'"run_id": "{run.run_id}"' in out and '"status": "done"' in out


def test_limit_must_be_a_positive_number(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PHI_DB": str(tmp_path / "x.duckdb")}
    for bad in ("0", "-5", "many"):
        done = subprocess.run(
            [sys.executable, "-m", "phi_core", "run", "--backend", "rules", "--dataset", "d", "--limit", bad],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2 and "--limit" in done.stderr and "Traceback" not in done.stderr
