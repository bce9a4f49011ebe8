"""Runner figures, printed (not asserted).

1. Overhead: wall time of a run divided by the sum of its backend call times,
   with the embedded llama.cpp model on 10 reports (target <= 1.05).
2. A repeated run of a finished job: backend calls made and wall time, for the
   same 10-report job and for a 160-report job (target: 0 calls, < 1 s).
   The 160-report job is first filled by an instant stand-in backend, since
   running the embedded model over 160 reports takes hours on 2 cores; the
   re-run path measured is the same.

Usage: .venv/bin/python -m bench.runner [--reports 10] [--phase 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


from phi_core.backends.base import BACKENDS, ChatReply, HostStatus, ModelInfo
from phi_core.runs.extractor_factory import build_phase_extractors
from phi_core.scoring.stored_runs import score_run
from phi_core.runs import Job, Runner
from phi_core.first_start import initialise
from phi_core.store import Store


class InstantBackend:
    """Answers every request at once with an empty list (fills a job quickly)."""

    def __init__(self, host=None, **_):
        self.host = host or "instant"

    def check(self):
        return HostStatus(self.host, True, [self.model_info("instant")])

    def list_models(self):
        return [self.model_info("instant")]

    def model_info(self, model):
        return ModelInfo(name="instant", digest="instant-1", parameter_size="24B")

    def chat(self, model, request):
        return ChatReply(text=json.dumps({"phi_list": []}), prompt_tokens=1000, completion_tokens=5, seconds=0.0)


def timed_run(store: Store, job: Job) -> tuple[float, object]:
    started = time.perf_counter()
    summary = Runner(store, job, build_phase_extractors(job, store), scorer=score_run).run()
    return time.perf_counter() - started, summary


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("--phase", default="2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        initialise(store)

        job = Job(dataset="synthetic", backend="llamacpp", phase=args.phase, split="dev", limit=args.reports)
        wall, summary = timed_run(store, job)
        results = store.task_results(summary.run_id)
        call_seconds = sum(c["seconds"] for calls in results["calls"] for c in json.loads(calls))
        print(
            f"embedded model, phase {args.phase}, {args.reports} reports: wall {wall:.1f} s, "
            f"backend call time {call_seconds:.1f} s, {summary.backend_calls} calls"
        )
        ratio = wall / call_seconds if call_seconds else float("inf")
        print(
            f"  runner overhead (wall / call time): {ratio:.3f} -> target <= 1.05: "
            f"{'MET' if ratio <= 1.05 else 'NOT MET'}"
        )
        print(f"  mean seconds per report: {results['seconds'].mean():.1f}")
        wall, again = timed_run(store, job)
        print(f"  repeated run: {again.backend_calls} backend calls, {wall:.3f} s")

        BACKENDS["instant"] = InstantBackend
        big = Job(dataset="synthetic", backend="instant", model="instant", phase=args.phase)
        timed_run(store, big)
        wall, again = timed_run(store, big)
        print(
            f"repeated run of a finished 160-report job: {again.backend_calls} backend calls, {wall:.3f} s "
            f"-> target 0 calls and < 1 s: {'MET' if again.backend_calls == 0 and wall < 1 else 'NOT MET'}"
        )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
