"""Release workflow figures: `sample` on a generated 200,000-document archive (time, peak memory), and how
well layout clustering recovers the styles of synthetic-styles (adjusted Rand index).

    .venv/bin/python -m bench.release [--documents 200000] [--n 400]

Targets: sample under 60 s and under 500 MB; adjusted Rand index >= 0.8.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from phi_core.paths import DATA_DIR

STYLES = DATA_DIR / "corpus" / "synthetic-styles.jsonl"


def generate(path: Path, documents: int) -> None:
    """Documents of synthetic-styles, each with a numbered line added, until the archive is large."""
    source = [json.loads(line) for line in STYLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(documents):
            doc = source[i % len(source)]
            text = doc["text"] + f"\n受付番号 {i}\n"
            handle.write(json.dumps({"id": f"a{i:07d}", "text": text}, ensure_ascii=False) + "\n")


def bench_sample(documents: int, n: int, trace: bool = False) -> None:
    from phi_core.release.sampling import draw_sample
    from phi_core.release.service import sample_archive
    from phi_core.store import Store

    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive.jsonl"
        generate(archive, documents)
        size_mb = archive.stat().st_size / 1e6
        cpu = time.process_time()
        started = time.perf_counter()
        with Store(Path(folder) / "bench.duckdb") as store:
            result = sample_archive(store, "", archive, n=n, dataset="bench-sample", seed=1)
        wall = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"sample: {documents:,} documents ({size_mb:.0f} MB), n={n}: {wall:.1f} s wall, "
            f"{time.process_time() - cpu:.1f} s CPU (target < 60 s); peak RSS of the process {rss:.0f} MB "
            f"(target < 500 MB); {len(result.kinds)} kinds, silhouette {result.silhouette:.3f}"
        )
        print(f"load average after the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        if trace:  # slow: tracemalloc records every allocation
            tracemalloc.start()
            draw_sample(archive, n, seed=1)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            print(f"draw_sample alone: peak Python allocation {peak:.0f} MB (tracemalloc)")


def bench_clustering(seeds: tuple[int, ...]) -> None:
    from sklearn.metrics import adjusted_rand_score

    from phi_core.release.kinds import fit_kinds

    docs = [json.loads(line) for line in STYLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts, truth = [d["text"] for d in docs], [d["style"] for d in docs]
    for seed in seeds:
        started = time.perf_counter()
        model = fit_kinds(texts, seed=seed)
        ari = adjusted_rand_score(truth, model.assign(texts))
        print(
            f"kinds on synthetic-styles (14 styles, 560 documents), seed {seed}: {model.k} kinds, "
            f"adjusted Rand index {ari:.3f} (target >= 0.8), {time.perf_counter() - started:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--tracemalloc", action="store_true", help="also the peak of Python allocations (slow)")
    args = parser.parse_args()
    bench_clustering((0, 1, 2))
    bench_sample(args.documents, args.n, args.tracemalloc)


if __name__ == "__main__":
    main()
