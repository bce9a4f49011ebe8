"""De-identifying a generated archive with `python -m phi_core deid`: memory, speed, workers, Ray, resume.

Archives are the built-in corpus repeated with new ids and patient keys
(phi_core/deid/stream/sample.py), written once to a scratch folder. Every
figure comes from the command itself, run as a subprocess with the rules
pipeline (or --pipeline recall-first) in surrogate mode with a key and a
mapping (the heaviest case):

- peak memory: resident memory of the command and its worker processes
  together, sampled every 50 ms (target: under 500 MB, and the same within
  10% for 50,000 and 500,000 documents);
- documents per second with --workers 1 and 2 (target: at least 1.8 times
  with 2 on a 2-core machine), with CPU seconds beside, since a busy shared
  machine stretches the wall clock;
- --engine ray (a local Ray instance with 2 CPUs) against --workers 2
  (target: at least 0.8 of its throughput), Ray's start-up and shutdown
  included; with --repeat N both run N times, alternating, and the median
  of the pairs' ratios is printed (other work on a shared machine moves
  single figures by more than the engines differ);
- resume: the 2-worker job killed (-9) once half its documents are
  committed, then started again; time from the start to the first new
  document written (target: under 5 s).

Usage: .venv/bin/python -m bench.archive [--docs 50000] [--large] [--skip ...] [--dir PATH]
       [--repeat N] [--pipeline rules|recall-first]
(--large adds the 500,000-document archive: about 20-40 minutes on 2 busy cores).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from phi_core.deid.keys import write_key
from phi_core.deid.stream.checkpoint import progress_path
from phi_core.deid.stream.sample import write_jsonl_archive

ROOT = Path(__file__).resolve().parents[1]


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def _rss(pid: int) -> int:
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def _cpu(pid: int) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError):
            pass
    return total


def deid_command(
    source: Path, out: Path, key: Path, workers: int, engine: str = "local", pipeline: str = "rules"
) -> list[str]:
    return [
        sys.executable, "-m", "phi_core", "deid", "--pipeline", pipeline, "--mode", "surrogate",
        "--key", str(key), "--patient-key", "patient", "--in", str(source), "--out", str(out),
        "--mapping", str(out.with_suffix(".map.csv")), "--workers", str(workers), "--engine", engine,
        "--no-progress",
    ]  # fmt: skip


def run(cmd: list[str], *, kill_at_share: float | None = None, total: int = 0) -> dict:
    """Run the command, sampling memory and CPU; optionally kill -9 it once that share of documents is committed."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, cpu, killed_at = 0, 0.0, None
    out = Path(cmd[cmd.index("--out") + 1])
    while process.poll() is None:
        peak = max(peak, _rss(process.pid))
        cpu = max(cpu, _cpu(process.pid))
        if kill_at_share is not None:
            try:
                done = json.loads(progress_path(out).read_text())["documents"]
            except (OSError, ValueError, KeyError):
                done = 0
            if done >= kill_at_share * total:
                process.kill()
                killed_at = done
        time.sleep(0.05)
    err = process.stderr.read()
    return {
        "seconds": time.perf_counter() - started,
        "peak_mb": peak / 1e6,
        "cpu_s": cpu,
        "code": process.returncode,
        "killed_at": killed_at,
        "stderr": err.strip().splitlines()[-1:] if err else [],
    }


def first_new_document(cmd: list[str]) -> dict:
    """Start a resumed job and time its first new document: the output growing past the committed offset."""
    out = Path(cmd[cmd.index("--out") + 1])
    committed = json.loads(progress_path(out).read_text())["out"]["offset"]
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first = None
    while process.poll() is None:
        if first is None and out.stat().st_size > committed:
            first = time.perf_counter() - started
        time.sleep(0.01)
    err = process.stderr.read().strip().splitlines()
    return {
        "first_new_s": first,
        "seconds": time.perf_counter() - started,
        "code": process.returncode,
        "said": err[-1:],
    }


def _clean(out: Path) -> None:
    for path in (out, out.with_suffix(".map.csv"), progress_path(out)):
        path.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--large", action="store_true", help="also the 500,000-document archive (memory)")
    parser.add_argument("--large-docs", type=int, default=500_000)
    parser.add_argument("--skip", nargs="*", default=[], choices=["workers1", "ray", "resume"])
    parser.add_argument("--dir", help="scratch folder (default: a temporary one)")
    parser.add_argument("--pipeline", default="rules", choices=["rules", "recall-first"])
    parser.add_argument(
        "--repeat", type=int, default=1, help="run --workers 2 and Ray this many times each, alternating (median ratio)"
    )
    args = parser.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="phi-archive-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    key = folder / "bench.key"
    if not key.exists():
        write_key(key)
    sizes = [args.docs] + ([args.large_docs] if args.large else [])
    archives = {}
    for n in sizes:
        path = folder / f"archive-{n}.jsonl"
        if not path.exists():
            t = time.perf_counter()
            write_jsonl_archive(path, n)
            print(f"generated {n:,} documents ({path.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - t:.1f}s")
        archives[n] = path
    print(
        f"cores: {os.cpu_count()}; {args.pipeline} pipeline, surrogate mode, key and mapping; figures on a shared machine"
    )
    n = args.docs
    out = folder / "out.jsonl"
    results = {}
    plan = [("workers1", 1, "local")] if "workers1" not in args.skip else []
    # Alternating (w, r, r, w, w, r, ...) so a load that rises or falls on a shared
    # machine weighs on both engines alike; the ratio of each pair is reported.
    for round_ in range(max(1, args.repeat)):
        pair = [("workers2", 2, "local")] + ([("ray", 2, "ray")] if "ray" not in args.skip else [])
        plan += pair[::-1] if round_ % 2 else pair
    for label, workers, engine in plan:
        _clean(out)
        r = run(deid_command(archives[n], out, key, workers, engine, args.pipeline))
        r["load"] = os.getloadavg()[0]
        results.setdefault(label, []).append(r)
        print(
            f"{n:>9,} docs  {label:<9} {r['seconds']:7.1f}s  {n / r['seconds']:7.0f} docs/s  "
            f"{n / r['cpu_s'] if r['cpu_s'] else 0:6.0f} docs/CPU-s  peak {r['peak_mb']:6.0f} MB  exit {r['code']}  "
            f"(load {r['load']:.1f})"
        )
    if "workers1" in results:
        ratio = results["workers1"][0]["seconds"] / results["workers2"][0]["seconds"]
        print(f"  2 workers / 1 worker: {ratio:.2f}x (target >= 1.8)")
    if "ray" in results:
        shares = sorted(w["seconds"] / r["seconds"] for w, r in zip(results["workers2"], results["ray"]))
        print(
            f"  ray / --workers 2 throughput: median {statistics.median(shares):.2f} of {len(shares)} pairs "
            f"({', '.join(f'{x:.2f}' for x in shares)}); target >= 0.8; includes Ray's start-up and shutdown"
        )
    if "resume" not in args.skip:
        _clean(out)
        cmd = deid_command(archives[n], out, key, 2, pipeline=args.pipeline)
        killed = run(cmd, kill_at_share=0.5, total=n)
        resumed = first_new_document(cmd)
        print(
            f"  resume: killed (-9) at {killed['killed_at']:,} committed documents; the same command wrote its "
            f"first new document {resumed['first_new_s']:.2f}s after it started (target < 5 s), "
            f"finished in {resumed['seconds']:.1f}s, exit {resumed['code']}"
        )
        print(f"    the command said: {' '.join(resumed['said'])}")
    for big in sizes[1:]:
        _clean(out)
        r = run(deid_command(archives[big], out, key, 2, pipeline=args.pipeline))
        small = results["workers2"][0]["peak_mb"] if "workers2" in results else None
        versus = f" ({r['peak_mb'] / small:.2f} x the {n:,}-document peak; target within 10%)" if small else ""
        print(
            f"{big:>9,} docs  workers2  {r['seconds']:7.1f}s  {big / r['seconds']:7.0f} docs/s  "
            f"peak {r['peak_mb']:6.0f} MB{versus}  exit {r['code']}"
        )
    _clean(out)


if __name__ == "__main__":
    main()
