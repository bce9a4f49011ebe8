"""Throughput of `deid` with the rules pipeline on the built-in corpus, printed (target >= 300 documents/s).

Times the whole job as the command runs it (read the JSONL bytes, find spans,
rewrite, write the output and the mapping) for each mode, best of a few
repeats so a busy shared machine does not decide the figure.

With --leak it also times the Residual leak page's data on the synthetic
70-run store of bench/analysis.py (14 models x 5 phases x 160 reports): the
measurement the page keeps, and the summary it redraws when the rule changes.

Usage: .venv/bin/python -m bench.deid [--repeats N] [--leak]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from phi_core.deid import MODES, WRITERS, deidentify, pipeline_detector, read_documents
from phi_core.paths import CORPUS_FILE
from phi_core.pipelines import make_pipeline

TARGET = 300.0


def one_job(data: bytes, mode: str) -> tuple[int, float, float]:
    """Documents, wall seconds and CPU seconds of one whole job."""
    started, cpu = time.perf_counter(), time.process_time()
    docs = read_documents(data, CORPUS_FILE.name, "jsonl")
    result = deidentify(docs, pipeline_detector(make_pipeline("rules", ["rules"])), mode)
    WRITERS["jsonl"](docs, result.texts)
    result.mapping_csv()
    return len(docs), time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--leak", action="store_true", help="also time the residual-leak data on 70 runs")
    args = parser.parse_args()
    data = CORPUS_FILE.read_bytes()
    one_job(data, "tags")  # warm-up: imports and compiled patterns
    print(
        f"deid, rules pipeline, built-in corpus ({CORPUS_FILE.name}), best of {args.repeats}; "
        "CPU seconds beside wall seconds, since a busy shared machine stretches the wall clock"
    )
    for mode in MODES:
        runs = [one_job(data, mode) for _ in range(args.repeats)]
        n = runs[0][0]
        wall = min(r[1] for r in runs)
        cpu = min(r[2] for r in runs)
        rate = n / wall
        verdict = "meets" if rate >= TARGET else "BELOW"
        print(
            f"  {mode:<10} {n} documents in {wall:.3f}s = {rate:,.0f} documents/s ({verdict} target {TARGET:.0f}); "
            f"{n / cpu:,.0f} documents per CPU second"
        )
    if args.leak:
        leak_timing()


def leak_timing() -> None:
    import tempfile

    import numpy as np

    from bench.analysis import DATASET, build  # bench/analysis.py: the same synthetic runs as the analysis bench
    from phi_core.analysis.residual_leak import ReleaseRule, measure_leaks, summarise
    from phi_core.corpus.importers import read_corpus
    from phi_core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "leak.duckdb")
        store.add_reports(DATASET, read_corpus(CORPUS_FILE, "jsonl", dataset=DATASET).reports)
        build(store, np.random.default_rng(7))
        started = time.perf_counter()
        measured = measure_leaks(store, DATASET)
        measure_s = time.perf_counter() - started
        started = time.perf_counter()
        summarise(measured, ReleaseRule())
        summary_s = time.perf_counter() - started
        store.close()
    print(
        f"residual leak on {len(measured)} runs x 160 reports: measure {measure_s:.2f}s (kept by the page), "
        f"summarise with a rule {summary_s:.2f}s"
    )


if __name__ == "__main__":
    main()
