"""Throughput of `deid` with the rules pipeline on the built-in corpus, printed (target >= 300 documents/s).

Times the whole job as the command runs it (read the JSONL bytes, find spans,
rewrite, write the output and the mapping) for each mode, best of a few
repeats so a busy shared machine does not decide the figure.

Usage: .venv/bin/python bench/deid.py [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from phi_core.deid import MODES, WRITERS, deidentify, pipeline_detector, read_documents  # noqa: E402
from phi_core.paths import CORPUS_FILE  # noqa: E402
from phi_core.pipelines import make_pipeline  # noqa: E402

TARGET = 300.0


def one_job(data: bytes, mode: str) -> tuple[int, float]:
    started = time.perf_counter()
    docs = read_documents(data, CORPUS_FILE.name, "jsonl")
    result = deidentify(docs, pipeline_detector(make_pipeline("rules", ["rules"])), mode)
    WRITERS["jsonl"](docs, result.texts)
    result.mapping_csv()
    return len(docs), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = CORPUS_FILE.read_bytes()
    one_job(data, "tags")  # warm-up: imports and compiled patterns
    print(f"deid, rules pipeline, built-in corpus ({CORPUS_FILE.name}), best of {args.repeats}")
    for mode in MODES:
        best = min(one_job(data, mode)[1] for _ in range(args.repeats))
        n = one_job(data, mode)[0]
        rate = n / best
        verdict = "meets" if rate >= TARGET else "BELOW"
        print(f"  {mode:<10} {n} documents in {best:.3f}s = {rate:,.0f} documents/s ({verdict} target {TARGET:.0f})")


if __name__ == "__main__":
    main()
