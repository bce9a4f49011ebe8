"""Scale-out figures, printed (not asserted): does work spread over several hosts?

The runner is driven the way the README tells a user to: ``python -m
phi_core run`` with the hosts in ``OLLAMA_HOST`` (comma-separated) for the
ollama backend, or ``--host a,b,...`` for the openai backend. The hosts are
stand-ins on loopback (bench/standin_hosts.py) that answer after a fixed
latency and serve ``slots`` requests at once each, so one host's throughput
is known: slots / latency calls per second.

For 1, 2, 4 and 8 hosts, and for per-host concurrency 1 and a higher one, it
prints calls per second over the hosts' serving window (first call received
to last call answered: the runner's dispatching, without process start-up,
host checks and scoring), the same end to end (the run's own elapsed time),
and each host's share of the calls.

Target: throughput with N hosts >= 0.9 x N x one host's (same concurrency).

With --profile the same runs happen inside this process (``main([...])``, the
hosts still from OLLAMA_HOST / --host) and the mean time per call spent in
the backend call, in the reply cache's store lookups and writes (worker
threads, one shared DuckDB connection) and in the whole extraction is
printed, to show where throughput goes when it falls short.

Usage: .venv/bin/python bench/scaleout.py [--latency 0.3] [--concurrency 1 4] [--hosts 1 2 4 8]
       [--calls-per-slot 12] [--backend ollama|openai] [--profile]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import threading
import time
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.standin_hosts import StandinFleet  # noqa: E402

DATASET_REPORTS = 100  # the dev split of the built-in synthetic corpus


@dataclass
class Row:
    backend: str
    hosts: int
    concurrency: int
    calls: int
    window_s: float
    elapsed_s: float
    shares: list[int]
    peak_busy: list[int]
    profile: dict[str, float] | None = None  # label -> mean ms per call

    @property
    def throughput(self) -> float:
        return self.calls / self.window_s if self.window_s else 0.0

    @property
    def end_to_end(self) -> float:
        return self.calls / self.elapsed_s if self.elapsed_s else 0.0


def template_db(tmp: Path) -> Path:
    """One seeded database, copied for every configuration (the same job must not resume)."""
    path = tmp / "template.duckdb"
    subprocess.run(
        [sys.executable, "-m", "phi_core", "init", "--db", str(path)], cwd=ROOT, check=True, capture_output=True
    )
    return path


def run_once(
    backend: str, hosts: int, concurrency: int, *, latency: float, calls_per_slot: int, tmp: Path, template: Path
) -> Row:
    calls = max(hosts * concurrency * calls_per_slot, 8)
    repeats = -(-calls // DATASET_REPORTS)
    limit = -(-calls // repeats)
    db = tmp / f"{backend}-{hosts}-{concurrency}.duckdb"
    shutil.copy(template, db)
    with StandinFleet(hosts, latency_s=latency, slots=concurrency) as fleet:
        env = dict(os.environ)
        argv = [
            sys.executable,
            "-m",
            "phi_core",
            "run",
            "--backend",
            backend,
            "--phase",
            "2",
            "--dataset",
            "synthetic",
            "--split",
            "dev",
            "--limit",
            str(limit),
            "--repeats",
            str(repeats),
            "--concurrency",
            str(concurrency),
            "--json",
            "--db",
            str(db),
        ]
        if backend == "ollama":
            env["OLLAMA_HOST"] = ",".join(fleet.urls)  # as the README says
            argv += ["--model", "standin"]
        else:
            argv += ["--model", "standin:latest", "--host", ",".join(h.openai_url for h in fleet.hosts)]
        profile = None
        if PROFILER.enabled:
            summary, profile = PROFILER.run(argv[3:], env)
        else:
            proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"the run failed ({proc.returncode}): {proc.stderr[-1000:]}")
            summary = json.loads(proc.stdout)
        if summary["tasks_done"] != limit * repeats:
            raise SystemExit(f"the run did not finish every task: {summary}")
        return Row(
            backend,
            hosts,
            concurrency,
            sum(fleet.shares()),
            fleet.serving_window_s(),
            summary["elapsed_s"],
            fleet.shares(),
            [h.peak_busy for h in fleet.hosts],
            profile,
        )


class Profiler:
    """Runs the CLI in this process with timers around the calls a task makes (bench only)."""

    LABELS = ("backend call", "cache lookup (store)", "cache write (store)", "whole extraction")

    def __init__(self) -> None:
        self.enabled = False
        self._totals: dict[str, float] = collections.defaultdict(float)
        self._counts: collections.Counter = collections.Counter()
        self._lock = threading.Lock()

    def install(self) -> None:
        from phi_core.backends.ollama_backend import OllamaBackend
        from phi_core.backends.openai_backend import OpenAIBackend
        from phi_core.phases.engine import PhaseExtractor
        from phi_core.store import Store

        self.enabled = True
        for owner, name, label in (
            (OllamaBackend, "chat", "backend call"),
            (OpenAIBackend, "chat", "backend call"),
            (Store, "cached_reply", "cache lookup (store)"),
            (Store, "cache_reply", "cache write (store)"),
            (PhaseExtractor, "extract", "whole extraction"),
        ):
            setattr(owner, name, self._timed(getattr(owner, name), label))

    def _timed(self, method, label):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                with self._lock:
                    self._totals[label] += time.perf_counter() - started
                    self._counts[label] += 1

        return timed

    def run(self, argv: list[str], env: dict[str, str]) -> tuple[dict, dict[str, float]]:
        from phi_core.cli.main import main

        self._totals.clear()
        self._counts.clear()
        saved = {k: os.environ.get(k) for k in ("OLLAMA_HOST", "PHI_OLLAMA_HOSTS")}
        os.environ.pop("PHI_OLLAMA_HOSTS", None)
        if "OLLAMA_HOST" in env:
            os.environ["OLLAMA_HOST"] = env["OLLAMA_HOST"]
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                code = main(argv)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        if code != 0:
            raise SystemExit(f"the run failed ({code})")
        means = {
            label: 1000 * self._totals[label] / self._counts[label] for label in self.LABELS if self._counts[label]
        }
        return json.loads(out.getvalue()), means


PROFILER = Profiler()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per call on a stand-in host")
    parser.add_argument("--hosts", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument(
        "--concurrency",
        type=int,
        nargs="+",
        default=[1, 4],
        help="calls at once per host (the stand-in serves as many at once)",
    )
    parser.add_argument("--calls-per-slot", type=int, default=12, help="calls per host slot in each run")
    parser.add_argument("--backend", choices=("ollama", "openai"), default="ollama")
    parser.add_argument(
        "--profile", action="store_true", help="run in this process and print where each call's time goes"
    )
    args = parser.parse_args()
    if args.profile:
        PROFILER.install()

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        template = template_db(tmp)
        for concurrency in args.concurrency:
            for hosts in args.hosts:
                row = run_once(
                    args.backend,
                    hosts,
                    concurrency,
                    latency=args.latency,
                    calls_per_slot=args.calls_per_slot,
                    tmp=tmp,
                    template=template,
                )
                rows.append(row)
                print(f"  ran {hosts} host(s) x {concurrency}: {row.calls} calls", file=sys.stderr, flush=True)

    ideal_one = 1 / args.latency
    print(
        f"\n{args.backend} backend, stand-in hosts answering in {args.latency:.2f} s, "
        f"one host serving c calls at once = {ideal_one:.2f} x c calls/s at best\n"
    )
    header = (
        f"{'hosts':>5} {'c':>3} {'calls':>6} {'calls/s':>8} {'target':>8} {'ratio':>6} {'met':>4} "
        f"{'of ideal':>8} {'end-to-end/s':>13}  per-host calls (peak at once)"
    )
    print(header)
    print("-" * len(header))
    met_all = True
    for row in rows:
        one = next(r for r in rows if r.concurrency == row.concurrency and r.hosts == min(args.hosts))
        base = one.throughput / one.hosts
        target = 0.9 * row.hosts * base
        ratio = row.throughput / (row.hosts * base) if base else 0.0
        met = row.throughput >= target
        met_all &= met
        shares = " ".join(f"{s}({p})" for s, p in zip(row.shares, row.peak_busy))
        of_ideal = row.throughput / (row.hosts * row.concurrency * ideal_one)
        print(
            f"{row.hosts:>5} {row.concurrency:>3} {row.calls:>6} {row.throughput:>8.2f} {target:>8.2f} "
            f"{ratio:>6.2f} {'yes' if met else 'NO':>4} {of_ideal:>8.2f} {row.end_to_end:>13.2f}  {shares}"
        )
    if args.profile:
        print("\nmean ms per call, summed over worker threads (store work runs under one lock on one connection)")
        print(f"{'hosts':>5} {'c':>3} " + " ".join(f"{label:>22}" for label in Profiler.LABELS))
        for row in rows:
            values = " ".join(f"{(row.profile or {}).get(label, 0.0):>22.1f}" for label in Profiler.LABELS)
            print(f"{row.hosts:>5} {row.concurrency:>3} {values}")
    print("\nratio = throughput / (hosts x one host's, measured); of ideal = throughput / (hosts x c / latency)")
    print("target ratio >= 0.90 -> " + ("MET for every row" if met_all else "NOT MET for some rows"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
