"""Figures for the rule-based extractor, printed (not asserted).

1. Composite score on the study's development reports (labelled ones only),
   through the same run -> score -> store path as any model.
2. Spurious items per paragraph on PHI-free clinical text.
3. End-to-end throughput (extract, score, store) in reports per second.

Usage: .venv/bin/python -m bench.rules
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


from phi_core.corpus.importers import read_corpus
from phi_core.dimensions import DIMENSIONS
from phi_core.analysis.leaderboard_records import leaderboard_records
from phi_core.scoring.stored_runs import score_run
from phi_core.extractors import rules
from phi_core.extractors.rules_extractor import RulesExtractor
from phi_core.paths import CORPUS_FILE, DATA_DIR, SHARED_DIR
from phi_core.runs import Job, Runner
from phi_core.store import Store

PAPER_DEV = SHARED_DIR / "data" / "paper_dev_100.csv"
PHI_FREE = DATA_DIR / "rules" / "phi_free_findings.txt"


def run_rules(store: Store, dataset: str) -> tuple[dict, float, int]:
    job = Job(dataset=dataset, backend="rules", model="rules")
    started = time.perf_counter()
    summary = Runner(store, job, [RulesExtractor()], scorer=score_run).run()
    elapsed = time.perf_counter() - started
    row = next(r for r in leaderboard_records(store, dataset, None) if r["run_id"] == summary.run_id)
    return row, elapsed, summary.tasks_total


def print_row(title: str, row: dict) -> None:
    lo, hi = row["score_ci"]
    print(f"{title}: composite {row['score']:.2f} (95% CI {lo:.2f}-{hi:.2f}) over {row['n_reports']} reports")
    print("  " + ", ".join(f"{d} {row[d]:.2f}" if row[d] is not None else f"{d} n/a" for d in DIMENSIONS))
    print(
        f"  strict F1 {row['strict_f1']:.3f}, relaxed F1 {row['relaxed_f1']:.3f}, "
        f"char leak rate {row['char_leak_rate']:.3f}"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")

        if PAPER_DEV.exists():
            result = read_corpus(PAPER_DEV, "paper-csv", dataset="paper-dev", split="dev")
            store.add_reports("paper-dev", result.reports, source="paper_dev_100.csv")
            row, elapsed, n = run_rules(store, "paper-dev")
            print_row("Study dev reports (labelled only)", row)
            print(f"  target: >= 85 composite points -> {'MET' if row['score'] >= 85 else 'NOT MET'}")
            print(f"  end to end: {n} reports in {elapsed:.2f} s = {n / elapsed:,.0f} reports/s")
        else:
            print(f"(skipped the study's dev reports: {PAPER_DEV} is not present)")

        corpus = read_corpus(CORPUS_FILE, "jsonl", dataset="synthetic")
        store.add_reports("synthetic", corpus.reports)
        row, elapsed, n = run_rules(store, "synthetic")
        print_row("Built-in synthetic corpus (dev + test)", row)
        rate = n / elapsed
        print(
            f"  end to end (extract, score, store): {n} reports in {elapsed:.2f} s = {rate:,.0f} reports/s "
            f"-> target >= 200: {'MET' if rate >= 200 else 'NOT MET'}"
        )
        store.close()

    paragraphs = [p.strip() for p in PHI_FREE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    spurious = [(p, rules.extract(p)) for p in paragraphs]
    total = sum(len(items) for _, items in spurious)
    per = total / len(paragraphs)
    print(
        f"PHI-free clinical text: {total} spurious items over {len(paragraphs)} paragraphs = {per:.3f} per report "
        f"-> target <= 0.1: {'MET' if per <= 0.1 else 'NOT MET'}"
    )
    for paragraph, items in spurious:
        for item in items:
            print(f"  spurious {item.category}: {item.value!r} in {paragraph[:30]!r}...")

    texts = [r.text for r in corpus.reports] * 10
    started = time.perf_counter()
    for text in texts:
        rules.extract(text)
    elapsed = time.perf_counter() - started
    print(f"Extraction alone: {len(texts) / elapsed:,.0f} reports/s ({len(texts)} reports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
