"""Speed figures of the foundation's building blocks, printed (not asserted).

Usage: .venv/bin/python -m bench.core
"""

from __future__ import annotations

import sys
import time

from phi_core.corpus.generator import generate_reports
from phi_core.corpus.importers import read_corpus
from phi_core.extractors import rules
from phi_core.paths import SHARED_DIR
from phi_core.scoring import aggregate, score_report
from phi_core.stats import estimate_threshold


def timed(label: str, fn, target: str = ""):
    started = time.perf_counter()
    value = fn()
    elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed:.3f} s{f' (target {target})' if target else ''}")
    return value


def main() -> int:
    reports = timed("generate the 160-report synthetic corpus", generate_reports, "< 5 s")
    dev = SHARED_DIR / "data" / "paper_dev_100.csv"
    if dev.exists():
        timed("import the study's 100 dev reports", lambda: read_corpus(dev, "paper-csv", dataset="d"), "< 1 s")
    scores = [score_report(r.text, r.spans, rules.extract(r.text), seconds=0.01) for r in reports]
    many = (scores * (30_000 // len(scores) + 1))[:30_000]
    timed("aggregate 30,000 report scores (with bootstrap CI)", lambda: aggregate(many), "< 1 s")

    import numpy as np

    rng = np.random.default_rng(0)
    x = np.linspace(70, 95, 14)
    y = np.where(x < 87.5, 7.0, 0.0) + rng.normal(0, 0.8, x.size)
    for method in ("segmented", "split"):
        timed(
            f"threshold estimate, 14 models, 2000 resamples ({method})",
            lambda method=method: estimate_threshold(x, y, method=method, n_boot=2000),
            "< 1 s",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
