"""Speed of the analysis pages' queries on a study-sized results table, printed (not asserted).

Builds a temporary database with 14 models x 5 phases x 160 reports x 3
repeats of plausible fake results (bench/study_data.py: model quality varies,
and phase 3 -> 4 carries a threshold effect: models below 87.5 gain about
+6.9, models above gain nothing). Then times each page query; target < 0.5 s.

Usage: .venv/bin/python -m bench.analysis
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.study_data import DATASET, MODELS, PHASES, REPEATS, TRUE_THRESHOLD, build
from phi_core import analysis
from phi_core.analysis.leaderboard_records import leaderboard_records
from phi_core.corpus.importers import read_corpus
from phi_core.paths import CORPUS_FILE, REFERENCE_FILE
from phi_core.scoring import ERROR_TYPES
from phi_core.store import Store

# bench/pages.py and bench/deid.py take the study data from here (analysis.DATASET, analysis.build).
__all__ = ["DATASET", "MODELS", "PHASES", "REPEATS", "TRUE_THRESHOLD", "build", "main", "timed"]


def timed(label: str, fn, repeat: int = 3):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    best = min(times)
    verdict = "MET" if best < 0.5 else "NOT MET"
    print(f"  {label:<22} first {times[0]:6.3f} s, best of {repeat} {best:6.3f} s -> target < 0.5 s: {verdict}")
    return value


def main() -> int:
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        store.add_reports(DATASET, read_corpus(CORPUS_FILE, "jsonl", dataset=DATASET).reports)
        store.load_reference(REFERENCE_FILE)
        started = time.perf_counter()
        sizes = build(store, rng)
        print(f"Built in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
        print(
            f"  ({len(MODELS)} models x {len(PHASES)} phases x 160 reports x {REPEATS} repeats = "
            f"{sizes['run_results']:,} scored tasks)"
        )

        run_ids = list(store.latest_scored_runs(DATASET)["run_id"])
        one_run = run_ids[0]
        print("Page queries over all 70 runs:")
        board = timed("leaderboard_frame", lambda: analysis.leaderboard_frame(store, DATASET))
        timed("reference_frame", lambda: analysis.reference_frame(store))
        timed("category_matrix", lambda: analysis.category_matrix(store, run_ids))
        timed("error_type_counts", lambda: analysis.error_type_counts(store, run_ids))
        timed("confusion_frame", lambda: analysis.confusion_frame(store, run_ids))
        timed("script_recall_frame", lambda: analysis.script_recall_frame(store, run_ids))
        timed("error_examples", lambda: analysis.error_examples(store, one_run, limit=50))
        timed("compare_runs", lambda: analysis.compare_runs(store, run_ids[0], run_ids[1]))
        timed("phase_means", lambda: analysis.phase_means(store, DATASET))
        gains = timed("phase_gains", lambda: analysis.phase_gains(store, DATASET))
        result = timed("threshold_analysis", lambda: analysis.threshold_analysis(store, DATASET))
        print("The command line's leaderboard (same SQL path, plus per-category detail)")
        timed("leaderboard_records", lambda: leaderboard_records(store, DATASET), repeat=1)

        print(
            f"Top of the leaderboard: {board.iloc[0]['label']} {board.iloc[0]['score']:.1f} "
            f"({board.iloc[0]['pct_of_reference']:.1f}% of GPT-4.1)"
        )
        print(
            "Phase gains (all models pooled): "
            + ", ".join(
                f"{r.from_phase}->{r.to_phase} {r.mean_diff:+.1f} (d={r.cohens_d:.2f})" for r in gains.itertuples()
            )
        )
        e = result.estimate
        print(
            f"Threshold ({e.method}): {e.threshold:.1f}, 95% CI {e.threshold_ci[0]:.1f}-{e.threshold_ci[1]:.1f} "
            f"(built in: {TRUE_THRESHOLD}); permutation p={e.test_threshold_exists.p:.3f}"
        )
        print(f"  {e.verdict}")
        assert set(ERROR_TYPES) >= set(store.error_type_totals([one_run], ERROR_TYPES)["type"])
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
