"""Scale-out figures, printed (not asserted): does work spread over several hosts?

The runner is driven the way the README tells a user to: ``python -m
phi_core run`` with the hosts in ``OLLAMA_HOST`` (comma-separated) for the
ollama backend, or ``--host a,b,...`` for the openai backend. The hosts are
stand-ins on loopback (tests/standin_hosts.py) that answer after a fixed
latency and serve ``slots`` requests at once each, so one host's throughput
is known: slots / latency calls per second.

For 1, 2, 4 and 8 hosts, and for per-host concurrency 1 and a higher one, it
prints calls per second over the hosts' serving window (first call received
to last call answered: the runner's dispatching, without process start-up,
host checks and scoring), the same end to end (the run's own elapsed time),
and each host's share of the calls.

Target: throughput with N hosts >= 0.9 x N x one host's (same concurrency).

Usage: .venv/bin/python bench/scaleout.py [--latency 0.3] [--concurrency 1 4] [--hosts 1 2 4 8]
       [--calls-per-slot 12] [--backend ollama|openai]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.standin_hosts import StandinFleet  # noqa: E402

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

    @property
    def throughput(self) -> float:
        return self.calls / self.window_s if self.window_s else 0.0

    @property
    def end_to_end(self) -> float:
        return self.calls / self.elapsed_s if self.elapsed_s else 0.0


def template_db(tmp: Path) -> Path:
    """One seeded database, copied for every configuration (the same job must not resume)."""
    path = tmp / "template.duckdb"
    subprocess.run([sys.executable, "-m", "phi_core", "init", "--db", str(path)], cwd=ROOT, check=True,
                   capture_output=True)
    return path


def run_once(backend: str, hosts: int, concurrency: int, *, latency: float, calls_per_slot: int, tmp: Path,
             template: Path) -> Row:
    calls = max(hosts * concurrency * calls_per_slot, 8)
    repeats = -(-calls // DATASET_REPORTS)
    limit = -(-calls // repeats)
    db = tmp / f"{backend}-{hosts}-{concurrency}.duckdb"
    shutil.copy(template, db)
    with StandinFleet(hosts, latency_s=latency, slots=concurrency) as fleet:
        env = dict(os.environ)
        argv = [sys.executable, "-m", "phi_core", "run", "--backend", backend, "--phase", "2", "--dataset",
                "synthetic", "--split", "dev", "--limit", str(limit), "--repeats", str(repeats), "--concurrency", str(concurrency),
                "--json", "--db", str(db)]
        if backend == "ollama":
            env["OLLAMA_HOST"] = ",".join(fleet.urls)  # as the README says
            argv += ["--model", "standin"]
        else:
            argv += ["--model", "standin:latest", "--host", ",".join(h.openai_url for h in fleet.hosts)]
        proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"the run failed ({proc.returncode}): {proc.stderr[-1000:]}")
        summary = json.loads(proc.stdout)
        if summary["tasks_done"] != limit * repeats:
            raise SystemExit(f"the run did not finish every task: {summary}")
        return Row(backend, hosts, concurrency, sum(fleet.shares()), fleet.serving_window_s(),
                   summary["elapsed_s"], fleet.shares(), [h.peak_busy for h in fleet.hosts])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per call on a stand-in host")
    parser.add_argument("--hosts", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4],
                        help="calls at once per host (the stand-in serves as many at once)")
    parser.add_argument("--calls-per-slot", type=int, default=12, help="calls per host slot in each run")
    parser.add_argument("--backend", choices=("ollama", "openai"), default="ollama")
    args = parser.parse_args()

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        template = template_db(tmp)
        for concurrency in args.concurrency:
            for hosts in args.hosts:
                row = run_once(args.backend, hosts, concurrency, latency=args.latency,
                               calls_per_slot=args.calls_per_slot, tmp=tmp, template=template)
                rows.append(row)
                print(f"  ran {hosts} host(s) x {concurrency}: {row.calls} calls", file=sys.stderr, flush=True)

    ideal_one = 1 / args.latency
    print(f"\n{args.backend} backend, stand-in hosts answering in {args.latency:.2f} s, "
          f"one host serving c calls at once = {ideal_one:.2f} x c calls/s at best\n")
    header = (f"{'hosts':>5} {'c':>3} {'calls':>6} {'calls/s':>8} {'target':>8} {'ratio':>6} {'met':>4} "
              f"{'of ideal':>8} {'end-to-end/s':>13}  per-host calls (peak at once)")
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
        print(f"{row.hosts:>5} {row.concurrency:>3} {row.calls:>6} {row.throughput:>8.2f} {target:>8.2f} "
              f"{ratio:>6.2f} {'yes' if met else 'NO':>4} {of_ideal:>8.2f} {row.end_to_end:>13.2f}  {shares}")
    print("\nratio = throughput / (hosts x one host's, measured); of ideal = throughput / (hosts x c / latency)")
    print("target ratio >= 0.90 -> "
          + ("MET for every row" if met_all else "NOT MET for some rows"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
