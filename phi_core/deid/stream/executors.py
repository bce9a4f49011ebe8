"""Where chunks are de-identified: in this process, in worker processes, in threads, or on Ray.

Every executor takes chunks in input order and yields their results in the
same order, with a bounded number in flight, so memory stays flat however
long the archive is.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import multiprocessing
import os
import threading
from typing import Iterable, Iterator

from phi_core.deid.stream.work import Chunk, ChunkWorker, Done, WorkSpec, process_chunk, worker_init


class InlineExecutor:
    def __init__(self, spec: WorkSpec, store=None):
        self.worker = ChunkWorker(spec, store)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Done]:
        for chunk in chunks:
            yield self.worker.process(chunk)

    def close(self) -> None:
        pass


class PoolExecutor:
    """Worker processes for rule pipelines; threads sharing one detector for pipelines that call models."""

    def __init__(self, spec: WorkSpec, workers: int, *, processes: bool, store=None):
        self.spec = spec
        self.in_flight = workers * 2
        if processes:
            # fork: workers start at once with the detector built here (rules tables
            # loaded, patterns compiled); the main process holds no lock or thread now.
            process_chunk(spec, [])
            context = multiprocessing.get_context("fork")
            self.pool = cf.ProcessPoolExecutor(
                workers, mp_context=context, initializer=worker_init, initargs=(os.getpid(),)
            )
            self.call = lambda chunk: self.pool.submit(process_chunk, spec, chunk)
        else:
            # One detector (its model clients) for all threads; a surrogate book per
            # thread, since a book remembers the document it is rewriting.
            detect = ChunkWorker(spec, store).detect
            local = threading.local()

            def process(chunk: Chunk) -> Done:
                if not hasattr(local, "worker"):
                    local.worker = ChunkWorker(spec, store, detect=detect)
                return local.worker.process(chunk)

            self.pool = cf.ThreadPoolExecutor(workers)
            self.call = lambda chunk: self.pool.submit(process, chunk)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Done]:
        pending: collections.deque[cf.Future] = collections.deque()
        for chunk in chunks:
            pending.append(self.call(chunk))
            while len(pending) >= self.in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_executor(spec: WorkSpec, workers: int, *, engine: str = "local", address: str | None = None, store=None):
    from phi_core.deid.stream.work import runs_on_cpu

    if engine == "ray":
        from phi_core.deid.stream.ray_engine import RayExecutor

        return RayExecutor(spec, workers, address=address)
    if workers <= 1:
        return InlineExecutor(spec, store)
    return PoolExecutor(spec, workers, processes=runs_on_cpu(spec.pipeline), store=store)
