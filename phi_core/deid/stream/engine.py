"""One archive job from start (or from its checkpoint) to the end of its output.

Reads the input as a stream, sends chunks to an executor, writes results in
input order, and every second or so commits: the output and mapping are
fsync'd, then the checkpoint records how far they go. Ctrl-C or SIGTERM stop
after the chunk at hand and commit; kill -9 or a full disk lose at most what
came after the last commit, which the next run redoes identically.
"""

from __future__ import annotations

import itertools
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from phi_core.deid.keys import key_id
from phi_core.deid.stream import checkpoint
from phi_core.deid.stream.executors import make_executor
from phi_core.deid.stream.readers import Source, documents, prepare
from phi_core.deid.stream.work import WorkSpec
from phi_core.deid.stream.writers import WRITERS, MappingWriter
from phi_core.files import OutputExists, refuse_same_file

COMMIT_EVERY_S = 1.0
CHUNK = 64


class ForeignOutput(OutputExists):
    """The output holds another job's partial output (its checkpoint names other input or options)."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.args = (
            f"{path} holds the partial output of another de-identification job (other input, options or key); "
            "nothing was written. Choose another output, or add --force to start this job over it.",
        )
        self.ja = (
            f"{path} には別の匿名化ジョブ（入力・設定・鍵が異なる）の途中出力があるため、何も書き込みませんでした。"
            "別の出力先を指定するか、上書きして始める場合は --force を付けてください。"
        )


@dataclass
class ArchiveJob:
    source: Source
    out: Path
    spec: WorkSpec
    mapping: Path | None = None
    workers: int = 1
    engine: str = "local"
    address: str | None = None
    force: bool = False
    pipeline_name: str = ""
    store: object | None = None
    progress: bool = True
    chunk: int = CHUNK
    keep: list | None = None  # when set, (document, mapping rows) of every document are collected here


@dataclass
class ArchiveSummary:
    documents: int
    resumed_from: int
    spans: int
    seconds: float
    stopped: str | None = None  # "SIGINT"/"SIGTERM" when interrupted
    first_new_s: float | None = None
    extra: dict = field(default_factory=dict)


def _options(job: ArchiveJob) -> dict:
    spec = job.spec
    return {
        "format": job.source.fmt,
        "mode": spec.mode,
        "pipeline": job.pipeline_name,
        "parts": spec.pipeline.to_dict(),
        "key_id": key_id(spec.key),
        "english_tags": spec.english_tags,
        "patient_key": job.source.patient_key,
        "text_column": job.source.text_column,
        "max_bytes": job.source.max_bytes,
        "mapping": str(job.mapping.resolve()) if job.mapping else None,
    }


def _resume_state(job: ArchiveJob, identity: dict) -> dict | None:
    """The checkpoint to resume from, None for a fresh job; refuses to replace what is not this job's."""
    saved = checkpoint.load(job.out)
    if saved is not None and saved.get("version") == checkpoint.VERSION and saved.get("job") == identity:
        if saved.get("out") is None or job.mapping is None or job.mapping.exists():
            return saved
    outputs = [p for p in (job.out, job.mapping) if p is not None]
    taken = [p for p in outputs if p.exists() and not (p.is_dir() and not any(p.iterdir()))]
    if saved is not None and not job.force:
        raise ForeignOutput(job.out)
    if taken and not job.force:
        raise OutputExists(taken[0])
    if job.force:
        checkpoint.remove(job.out)
    return None


@contextmanager
def _stop_on_signals(stop: threading.Event, why: list):
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}

    def ask(signum, _frame):
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        why.append(signal.Signals(signum).name)
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, ask)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _chunks(items: Iterator, size: int, stop: threading.Event) -> Iterator[list]:
    # The first chunks are small (1, 2, 4, ...): a started or resumed job shows its first
    # document at once. Documents are rewritten independently, so chunking changes no byte.
    current = 1
    while not stop.is_set():
        batch = list(itertools.islice(items, current))
        if not batch:
            return
        yield batch
        current = min(size, current * 2)


def _bar(job: ArchiveJob, initial: int):
    from tqdm import tqdm

    return tqdm(
        total=job.source.total,
        initial=initial,
        unit="doc",
        file=sys.stderr,
        # A bar only on a terminal: in a log or a pipe it would be noise.
        disable=not job.progress or not sys.stderr.isatty(),
        mininterval=0.5,
        dynamic_ncols=True,
    )


def run_archive(job: ArchiveJob) -> ArchiveSummary:
    started = time.perf_counter()
    refuse_same_file(job.source.path, job.out, job.mapping)
    if job.source.path.is_dir() and any(
        p is not None and p.resolve().is_relative_to(job.source.path.resolve()) for p in (job.out, job.mapping)
    ):
        raise ValueError(f"the output is inside the input folder {job.source.path}: choose an output outside it")
    if job.mapping is not None and job.mapping.resolve() == job.out.resolve():
        raise ValueError("--mapping and --out name the same file: the mapping holds the originals, keep it apart")
    prepare(job.source)
    identity = checkpoint.fingerprint(job.source.path, _options(job))
    saved = _resume_state(job, identity)
    done = saved["documents"] if saved else 0
    # Before any output exists: an engine that cannot start (Ray) leaves nothing behind.
    executor = make_executor(job.spec, job.workers, engine=job.engine, address=job.address, store=job.store)
    try:
        if saved is None or saved.get("out") is None:
            # The checkpoint comes first, so a file this job creates is never taken for
            # someone else's; after it, the outputs are this job's to (re)create.
            checkpoint.save(job.out, {"job": identity, "documents": 0, "position": None, "out": None})
            saved = None
        fresh = saved is None
        writer = WRITERS[job.source.fmt](job.out, None if fresh else saved["out"], True, job.source.layout)
        mapping = MappingWriter(job.mapping, None if fresh else saved["mapping"], True) if job.mapping else None
    except BaseException:
        executor.close()
        raise
    position = saved["position"] if saved else None

    def commit() -> None:
        state = {"job": identity, "documents": done, "position": position, "out": writer.commit()}
        state["mapping"] = mapping.commit() if mapping else None
        checkpoint.save(job.out, state)

    commit()
    stop, why = threading.Event(), []
    spans, first_new, resumed_from = 0, None, done
    reading = documents(job.source, position)
    positions: list = []  # positions of the chunks in flight, in order

    def chunk_docs() -> Iterator[list]:
        for batch in _chunks(reading, job.chunk, stop):
            positions.append(batch)
            yield [(doc.id, doc.text, doc.patient) for doc, _ in batch]

    bar = _bar(job, done)
    try:
        with _stop_on_signals(stop, why):
            last_commit = time.monotonic()
            for results in executor.map(chunk_docs()):
                batch = positions.pop(0)
                for (doc, _), (text, rows) in zip(batch, results):
                    writer.write(doc, text)
                    if mapping:
                        mapping.write_rows(rows)
                    if job.keep is not None:
                        job.keep.append((doc, rows))
                    spans += len(rows)
                done += len(batch)
                position = batch[-1][1]
                bar.update(len(batch))
                if first_new is None or time.monotonic() - last_commit >= COMMIT_EVERY_S:
                    commit()
                    last_commit = time.monotonic()
                if first_new is None:
                    first_new = time.perf_counter() - started
            commit()
    except BaseException:
        bar.close()
        executor.close()
        writer.abort()
        if mapping:
            mapping.abort()
        raise
    bar.close()
    executor.close()
    if stop.is_set():
        writer.abort()
        if mapping:
            mapping.abort()
        return ArchiveSummary(
            done, resumed_from, spans, time.perf_counter() - started, why[0] if why else "stop", first_new
        )
    writer.finish()
    if mapping:
        mapping.finish()
    checkpoint.remove(job.out)
    return ArchiveSummary(done, resumed_from, spans, time.perf_counter() - started, None, first_new)
