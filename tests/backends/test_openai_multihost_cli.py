"""Several hosts from the command line, as the README tells a user: every host gets a share of the run.

The hosts are the scale-out bench's stand-ins on loopback (bench/standin_hosts.py, through tests/doubles).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from phi_core.cli.main import main
from tests.doubles import StandinFleet

ROOT = Path(__file__).resolve().parents[2]
TASKS = 12


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("multihost") / "template.duckdb"
    assert main(["init", "--db", str(path)]) == 0
    return path


def fresh_db(db: Path, tmp_path: Path) -> str:
    copy = tmp_path / "run.duckdb"
    copy.write_bytes(db.read_bytes())
    return str(copy)


def run_cli(argv: list[str], env: dict[str, str]) -> dict:
    moved = ("OLLAMA_HOST", "PHI_OLLAMA_HOSTS", "PHI_OPENAI_BASE_URL")
    full_env = {k: v for k, v in os.environ.items() if k not in moved}
    full_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-m", "phi_core", *argv], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def run_in_process(argv: list[str], capsys) -> dict:
    assert main(argv) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def assert_spread(fleet: StandinFleet, total: int) -> None:
    shares = fleet.shares()
    assert sum(shares) == total
    # Equal hosts with equal latency: each serves about its fair share, none is left idle.
    fair = total / len(shares)
    assert all(share >= fair / 2 for share in shares), shares


def test_ollama_host_with_several_hosts_spreads_a_cli_run(db, tmp_path):
    with StandinFleet(3, latency_s=0.05) as fleet:
        summary = run_cli(
            [
                "run",
                "--backend",
                "ollama",
                "--model",
                "standin",
                "--phase",
                "2",
                "--dataset",
                "synthetic",
                "--split",
                "dev",
                "--limit",
                str(TASKS),
                "--db",
                fresh_db(db, tmp_path),
                "--json",
            ],
            {"OLLAMA_HOST": ",".join(fleet.urls)},
        )
        assert summary["status"] == "done" and summary["tasks_done"] == TASKS
        assert_spread(fleet, TASKS)


def test_openai_hosts_given_with_commas_spread_a_run(db, tmp_path, capsys):
    with StandinFleet(3, latency_s=0.05, slots=2) as fleet:
        hosts = ",".join(h.openai_url for h in fleet.hosts)
        summary = run_in_process(
            [
                "run",
                "--backend",
                "openai",
                "--host",
                hosts,
                "--model",
                "standin:latest",
                "--phase",
                "2",
                "--dataset",
                "synthetic",
                "--split",
                "dev",
                "--limit",
                str(TASKS),
                "--concurrency",
                "2",
                "--db",
                fresh_db(db, tmp_path),
                "--json",
            ],
            capsys,
        )
        assert summary["status"] == "done" and summary["tasks_done"] == TASKS
        assert_spread(fleet, TASKS)
        assert max(h.peak_busy for h in fleet.hosts) <= 2  # --concurrency is per host


def test_openai_hosts_from_the_environment(db, tmp_path, capsys, monkeypatch):
    with StandinFleet(2, latency_s=0.05) as fleet:
        monkeypatch.setenv("PHI_OPENAI_BASE_URL", ",".join(h.url for h in fleet.hosts))  # /v1 is completed
        assert main(["models", "--backend", "openai"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [row["host"] for row in listed] == [h.openai_url for h in fleet.hosts]
        assert all(row["reachable"] and row["models"][0]["name"] == "standin:latest" for row in listed)
        run_in_process(
            [
                "run",
                "--backend",
                "openai",
                "--model",
                "standin:latest",
                "--phase",
                "2",
                "--dataset",
                "synthetic",
                "--split",
                "dev",
                "--limit",
                "8",
                "--db",
                fresh_db(db, tmp_path),
                "--json",
            ],
            capsys,
        )
        assert_spread(fleet, 8)


def test_a_dead_host_in_the_list_does_not_stop_the_others(db, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PHI_OLLAMA_HOSTS", raising=False)
    with StandinFleet(1, latency_s=0.01) as fleet:
        monkeypatch.setenv("OLLAMA_HOST", f"{fleet.urls[0]},http://127.0.0.1:9")
        summary = run_in_process(
            [
                "run",
                "--backend",
                "ollama",
                "--model",
                "standin",
                "--phase",
                "2",
                "--dataset",
                "synthetic",
                "--split",
                "dev",
                "--limit",
                "4",
                "--db",
                fresh_db(db, tmp_path),
                "--json",
            ],
            capsys,
        )
        assert summary["tasks_done"] == 4 and fleet.shares() == [4]
