"""How long agreement takes on a double-annotated corpus, printed (not asserted).

Two simulated annotators label the 160 built-in reports: one copies the gold,
the other drops, shortens or recategorises a share of the spans. Prints the
time of the figures with 0 and 1000 bootstrap resamples, and the figures.

Usage: .venv/bin/python -m bench.agreement
"""

from __future__ import annotations

import random
import time

from phi_core.agreement import Unit, compute_agreement
from phi_core.corpus.importers import read_corpus
from phi_core.paths import CORPUS_FILE


def perturbed(spans, rng: random.Random):
    out = []
    for start, end, category in spans:
        roll = rng.random()
        if roll < 0.05:
            continue  # missed
        if roll < 0.10 and end - start > 1:
            end -= 1  # boundary
        elif roll < 0.13:
            category = "OTHER_ID"  # category
        out.append((start, end, category))
    return out


def main() -> int:
    reports = read_corpus(CORPUS_FILE, "jsonl", dataset="bench").reports
    rng = random.Random(0)
    units = []
    for r in reports:
        gold = [(s.start, s.end, s.category) for s in r.spans]
        units.append(Unit(r.id, len(r.text), {"a": gold, "b": perturbed(gold, rng)}))
    chars = sum(u.length for u in units)
    print(f"{len(units)} reports, {chars} characters, two annotators")
    for n_boot in (0, 1000):
        started = time.perf_counter()
        result = compute_agreement(units, n_boot=n_boot)
        print(f"agreement with {n_boot} resamples: {time.perf_counter() - started:.2f} s")
    overall = result["overall"]
    print(
        "overall: "
        + ", ".join(
            f"{k} {overall[k]:.3f} [{overall['ci'][k][0]:.3f}, {overall['ci'][k][1]:.3f}]"
            for k in ("exact_f1", "overlap_f1", "kappa", "alpha")
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
