"""The same archive job on Ray Data: the driver reads and writes, Ray workers de-identify in batches.

The driver streams the input in windows; each window becomes a Ray dataset
whose batches run :func:`phi_core.deid.stream.work.process_chunk` on the
cluster's CPU workers (each builds its detector once and reuses it), and
comes back in input order (``preserve_order``), so the output, checkpoint
and resume are the local engine's, byte for byte. The key and the documents
travel to the workers over Ray's own connections: run a cluster only on a
network you trust with PHI (or with Ray's TLS settings).
"""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path
from typing import Iterable, Iterator

from phi_core.deid.stream.work import Chunk, Done, WorkSpec, process_chunk, runs_on_cpu

# Documents per Ray dataset: large enough to hide a dataset's start-up, small enough to keep memory flat.
WINDOW_CHUNKS = 256
PROJECT_ROOT = Path(__file__).resolve().parents[3]


class RayEngineError(ValueError):
    """Ray cannot run this job; the message says what to do."""


def _deid_batch(batch: dict, spec: WorkSpec) -> dict:
    chunk = [
        (str(i), str(t), None if p is None or p == "" else str(p))
        for i, t, p in zip(batch["id"], batch["text"], batch["patient"])
    ]
    done = process_chunk(spec, chunk)
    import json

    return {
        "text": [text for text, _ in done],
        "rows": [json.dumps(rows, ensure_ascii=False) for _, rows in done],
    }


class RayExecutor:
    def __init__(self, spec: WorkSpec, workers: int, *, address: str | None = None):
        if not runs_on_cpu(spec.pipeline):
            raise RayEngineError(
                "the Ray engine runs pipelines without model parts (rules and rule profiles); for a pipeline that "
                "calls models use --engine local, which calls the hosts concurrently"
            )
        # Ray reports usage statistics to its makers by default; this product sends
        # nothing anywhere but the configured model hosts.
        os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
        try:
            import ray
        except ImportError:
            raise RayEngineError("Ray is not installed: `pip install -r requirements.txt` adds ray[data]") from None
        self.ray = ray
        self.spec = spec
        self.workers = workers
        self.started_here = not ray.is_initialized()
        if self.started_here:
            # Workers import phi_core from this checkout (on a cluster: the same path on every node).
            env = {"env_vars": {"PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")])}}
            options = {"address": address} if address else {"num_cpus": workers}
            ray.init(
                **options,
                runtime_env=env,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.ERROR,
            )
        # The job draws its own progress bar; Ray's would interleave with it.
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Done]:
        import json

        iterator = iter(chunks)
        while True:
            window = list(itertools.islice(iterator, WINDOW_CHUNKS))
            if not window:
                return
            size = max(len(chunk) for chunk in window)  # the first chunks of a job are small
            items = [{"id": i, "text": t, "patient": "" if p is None else p} for chunk in window for i, t, p in chunk]
            dataset = self.ray.data.from_items(items, override_num_blocks=max(1, len(window) // 4))
            results = dataset.map_batches(
                _deid_batch, fn_kwargs={"spec": self.spec}, batch_size=size, batch_format="pandas", num_cpus=1
            )
            out: list = []
            for batch in results.iter_batches(batch_size=None, batch_format="pandas"):
                out.extend(zip(batch["text"], (json.loads(r) for r in batch["rows"])))
            cursor = 0
            for chunk in window:
                yield [(text, [tuple(row) for row in rows]) for text, rows in out[cursor : cursor + len(chunk)]]
                cursor += len(chunk)

    def close(self) -> None:
        if self.started_here and self.ray.is_initialized():
            self.ray.shutdown()
