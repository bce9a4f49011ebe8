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
blocks finish in. While Ray's first window starts (seconds in which the
machine would mostly idle), the driver rewrites the next chunks itself with
the same function; see :meth:`RayExecutor.map`.

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
from pathlib import Path
from typing import Iterable, Iterator

from phi_core.files import private_dir
from phi_core.deid.stream.work import Chunk, Done, WorkSpec, process_chunk, runs_on_cpu

# Documents per Ray dataset. A dataset costs a fixed planning and scheduling
# time (tenths of a second), so windows are large; the first is two blocks, so
# that every worker of a small machine warms up at once, and they double up to
# this size (the driver covers the first seconds, see RayExecutor.map).
WINDOW_DOCS = 8192
FIRST_WINDOW_DOCS = 1024
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
        # The job draws its own progress bar; Ray's would interleave with it.
        self._quiet_logs()
        self.pool = cf.ThreadPoolExecutor(WINDOWS_IN_FLIGHT, thread_name_prefix="ray-window")
        self.started_here = not ray.is_initialized()
        # Started here, in the main thread: started from another thread, Ray's
        # dashboard and runtime-env agents outlived the job (measured). A wrong
        # address or a Ray that cannot start fails before any output exists.
        if self.started_here:
            self._start(address)
        # A start still under way (None: Ray is up); map() rewrites chunks meanwhile.
        self.ready: cf.Future | None = None

    def _quiet_logs(self) -> None:
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)

    def _start(self, address: str | None) -> None:
        quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        # Workers import phi_core from this checkout (on a cluster: the same path on every node).
        path = os.pathsep.join(p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH")) if p)
        if address:
            self.ray.init(address=address, runtime_env={"env_vars": {"PYTHONPATH": path}}, **quiet)
            self._quiet_logs()  # ray.init sets its own levels
            return
        # A local instance's processes inherit this environment; a runtime_env would
        # instead make Ray start a second set of worker processes for it, leaving the
        # ones it prestarted idle (seconds of imports on every CPU before any work).
        before = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = path
        try:
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
        self._quiet_logs()  # ray.init sets its own levels

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
        if self.ready is not None:
            self.ready.result()  # this thread may have been free before Ray was up
        self._configure()
        starts = range(0, len(docs), BLOCK_DOCS)
        blocks = [_block(docs[start : start + BLOCK_DOCS], seq) for seq, start in enumerate(starts)]
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

    def _ray_ready(self) -> bool:
        if self.ready is None:
            return True
        if not self.ready.done():
            return False
        self.ready.result()  # Ray failed to start: say so now
        return True

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Done]:
        """Results in input order; Ray windows and, until Ray is running, chunks the driver rewrote itself.

        Until the first Ray window comes back (Ray starting, its workers importing
        Ray Data and building the detector), a chunk that finds no free place on
        Ray is rewritten here with the same process_chunk; from then on every
        chunk goes to Ray. The results wait in one queue in input order, so the
        output is the same whoever rewrote a document.
        """
        # Each entry: [chunks, future of a Ray window or None, results or None].
        pending: collections.deque = collections.deque()
        window: list[Chunk] = []
        size, target, warm, on_ray, here = 0, FIRST_WINDOW_DOCS, False, 0, 0

        def ready_entries(block: bool) -> Iterator[Done]:
            nonlocal on_ray, here
            while pending and (block or pending[0][1] is None or pending[0][1].done()):
                window_chunks, future, results = pending.popleft()
                block = False  # only the oldest entry is waited for
                if future is None:
                    here -= sum(len(c) for c in window_chunks)
                    yield results
                    continue
                on_ray -= 1
                out, cursor = future.result(), 0
                for chunk in window_chunks:
                    yield out[cursor : cursor + len(chunk)]
                    cursor += len(chunk)

        def submit() -> None:
            nonlocal window, size, target, on_ray
            docs = [doc for chunk in window for doc in chunk]
            pending.append([window, self.pool.submit(self._run, docs), None])
            on_ray += 1
            window, size, target = [], 0, min(WINDOW_DOCS, target * 2)

        for chunk in chunks:
            warm = warm or any(e[1] is not None and e[1].done() for e in pending)
            ray_free = self._ray_ready() and on_ray < WINDOWS_IN_FLIGHT
            if not warm and not ray_free and here < WINDOW_DOCS:
                pending.append([[chunk], None, process_chunk(self.spec, chunk)])
                here += len(chunk)
            else:
                window.append(chunk)
                size += len(chunk)
                if size >= target:
                    submit()
                while on_ray >= WINDOWS_IN_FLIGHT and (warm or here >= WINDOW_DOCS):
                    yield from ready_entries(block=True)
            yield from ready_entries(block=False)
        if window:
            if self.ready is not None:
                self.ready.result()
            submit()
        while pending:
            yield from ready_entries(block=True)

    def close(self) -> None:
        # Not waiting: a window still running ends with Ray itself, and Ctrl-C should not wait for it.
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.ready is not None:
            cf.wait([self.ready])  # a Ray still starting is shut down once it has started
        if self.started_here and self.ray.is_initialized():
            self.ray.shutdown()
