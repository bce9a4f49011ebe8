"""The same archive job on Ray Data: the driver reads and writes, Ray workers de-identify in blocks.

The driver streams the input in windows of documents; each window becomes a
Ray dataset whose blocks are chunks of documents, and each block is one
``map_batches`` task running :func:`phi_core.deid.stream.work.process_chunk`
on the cluster's CPU workers (each worker process builds its detector once
and reuses it for every later block and window). Two windows are in flight:
while Ray rewrites one, the driver writes the one before and reads the one
after, so neither side waits for the other. Every block carries its place in
the window and the driver puts results back in that order, so the output,
checkpoint and resume are the local engine's, byte for byte, whatever order
blocks finish in.

A block is one row holding its chunk pickled (and one row of results back):
Ray Data moves and schedules blocks, it never looks inside a document, so a
column per field would only add conversions of every document and mapping
row (to Arrow, and JSON for the rows) on both sides.

The key and the documents travel to the workers over Ray's own connections:
run a cluster only on a network you trust with PHI (or with Ray's TLS settings).
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import logging
import os
import pickle
import tempfile
import threading
from pathlib import Path
from typing import Iterable, Iterator

from phi_core.files import private_dir
from phi_core.deid.stream.ray_local import lean_head, light_ray_data, stop_autoscaler_monitor
from phi_core.deid.stream.work import Chunk, Done, WorkSpec, process_chunk, runs_on_cpu

# Documents per Ray dataset. A dataset costs a fixed planning and scheduling
# time (tenths of a second), so windows are large; they start small so that
# the first documents reach the output at once, and double up to this size.
WINDOW_DOCS = 8192
FIRST_WINDOW_DOCS = 256
# Documents per block, i.e. per Ray task: enough work to hide a task's overhead,
# small enough that a window spreads over every CPU.
BLOCK_DOCS = 512
WINDOWS_IN_FLIGHT = 2
# A local instance's object store: two windows in and out are tens of MB; Ray's
# default (30% of RAM) only reserves shared memory this job never touches.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def local_temp_dir() -> Path:
    """Where a local Ray instance keeps its sockets, logs and spilled objects.

    Ray's default (/tmp/ray) is readable by everyone, and a full object store
    spills blocks (documents with their PHI) there; an owner-only folder keeps
    them to the user running the job. Short, because Ray puts sockets in it.
    """
    return private_dir(Path(tempfile.gettempdir()) / f"phi-ray-{os.getuid()}")


class RayEngineError(ValueError):
    """Ray cannot run this job; the message says what to do."""


def block_docs(window: int, workers: int) -> int:
    """Documents per block: BLOCK_DOCS, less in a small window (the first ones) so that every worker gets a block.

    Each worker's first block also builds its detector; with one block in the
    first window the other workers would wait for the next window to start.
    """
    return max(1, min(BLOCK_DOCS, -(-window // max(1, workers))))


def _import_ray_data() -> None:
    try:
        import pyarrow  # noqa: F401
        import ray.data  # noqa: F401
    except Exception:  # anything amiss here is met (and reported) again where Ray Data is first used
        pass


def _deid_block(table, spec: WorkSpec):
    import pyarrow as pa

    done = [pickle.dumps(process_chunk(spec, pickle.loads(cell)), 5) for cell in table.column("chunk").to_pylist()]
    return pa.table({"seq": table.column("seq"), "done": pa.array(done, pa.large_binary())})


def _block(docs: list, seq: int):
    import pyarrow as pa

    # Pickle keeps None and "" apart for the patient key (an empty key is still a key).
    return pa.table({"seq": pa.array([seq], pa.int64()), "chunk": pa.array([pickle.dumps(docs, 5)], pa.large_binary())})


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
        self.undo_light = None
        # ray.init mostly waits for Ray's processes to come up; Ray Data and pyarrow
        # (a second of imports) load meanwhile instead of before the first window.
        preload = threading.Thread(target=_import_ray_data, daemon=True)
        preload.start()
        if self.started_here:
            self._start(address)
        preload.join()
        if self.started_here and not address:
            # An instance of this job's own: no stats or autoscaling actors for Ray Data either.
            self.undo_light = light_ray_data(ray)
        # The job draws its own progress bar; Ray's would interleave with it.
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self.pool = cf.ThreadPoolExecutor(WINDOWS_IN_FLIGHT, thread_name_prefix="ray-window")

    def _start(self, address: str | None) -> None:
        quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        # Workers import phi_core from this checkout (on a cluster: the same path on every node).
        path = os.pathsep.join(p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH")) if p)
        if address:
            self.ray.init(address=address, runtime_env={"env_vars": {"PYTHONPATH": path}}, **quiet)
            return
        # A local instance's processes inherit this environment; a runtime_env would
        # instead make Ray start a second set of worker processes for it, leaving the
        # ones it prestarted idle (seconds of imports on every CPU before any work).
        before = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = path
        try:
            with lean_head(self.ray):  # no API server, autoscaler monitor or log monitor
                self.ray.init(
                    num_cpus=self.workers,
                    object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                    _temp_dir=str(local_temp_dir()),
                    **quiet,
                )
        finally:
            if before is None:
                os.environ.pop("PYTHONPATH", None)
            else:
                os.environ["PYTHONPATH"] = before

    def _configure(self) -> None:
        # Set in the thread that runs the dataset, in case the context is per thread.
        context = self.ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        # Order comes from the "seq" column, so blocks may come back as they finish.
        context.execution_options.preserve_order = False
        # Ray Data keeps half the CPUs in reserve for other operators of a dataset;
        # this one has a single operator, and with the reserve it ran one task at a
        # time (one core busy of two whenever a single window was in flight).
        context.op_resource_reservation_enabled = False

    def _run(self, docs: list) -> list[tuple[str, list]]:
        self._configure()
        size = block_docs(len(docs), self.workers)
        starts = range(0, len(docs), size)
        blocks = [_block(docs[start : start + size], seq) for seq, start in enumerate(starts)]
        dataset = self.ray.data.from_arrow(blocks).map_batches(
            _deid_block,
            fn_kwargs={"spec": self.spec},
            batch_size=None,  # a whole block per call: one task per block
            batch_format="pyarrow",
            zero_copy_batch=True,
            num_cpus=1,
        )
        done: list = [None] * len(blocks)
        for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
            for seq, cell in zip(batch.column("seq").to_pylist(), batch.column("done").to_pylist()):
                done[seq] = pickle.loads(cell)
        return [result for block in done for result in block]

    @staticmethod
    def _windows(chunks: Iterable[Chunk]) -> Iterator[list[Chunk]]:
        target, window, size = FIRST_WINDOW_DOCS, [], 0
        for chunk in chunks:
            window.append(chunk)
            size += len(chunk)
            if size >= target:
                yield window
                target, window, size = min(WINDOW_DOCS, target * 2), [], 0
        if window:
            yield window

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Done]:
        pending: collections.deque = collections.deque()

        def finish() -> Iterator[Done]:
            window, future = pending.popleft()
            out, cursor = future.result(), 0
            for chunk in window:
                yield out[cursor : cursor + len(chunk)]
                cursor += len(chunk)

        for window in self._windows(chunks):
            pending.append((window, self.pool.submit(self._run, [doc for chunk in window for doc in chunk])))
            while len(pending) >= WINDOWS_IN_FLIGHT:
                yield from finish()
        while pending:
            yield from finish()

    def close(self) -> None:
        # Not waiting: a window still running ends with Ray itself, and Ctrl-C should not wait for it.
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.started_here and self.ray.is_initialized():
            stop_autoscaler_monitor(self.ray)
            self.ray.shutdown()
        if self.undo_light is not None:
            self.undo_light()
            self.undo_light = None
