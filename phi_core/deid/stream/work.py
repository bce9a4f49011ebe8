"""The unit of work of an archive job: a chunk of documents in, their de-identified texts and mapping rows out.

The same function runs in this process, in worker processes and on Ray
workers. A document's output depends on the document, the pipeline, the mode
and the key only (the surrogate book forgets each document before the next),
so it does not matter which worker rewrites it, or in which order.
"""

from __future__ import annotations

from dataclasses import dataclass

from phi_core.deid.job import rewrite
from phi_core.deid.modes import MODES, ModeContext
from phi_core.pipelines.definition import Pipeline

# Backends that call a host (or run a model in-process): their parts are not
# worth a process each; everything else (rules, rule profiles) is CPU work.
MODEL_BACKENDS = frozenset({"ollama", "openai", "llamacpp"})

# (id, text, patient) in; (text, mapping rows) out.
Chunk = list[tuple[str, str, str | None]]
Done = list[tuple[str, list[tuple]]]


@dataclass(frozen=True)
class WorkSpec:
    pipeline: Pipeline
    mode: str
    key: bytes
    english_tags: bool = False


def runs_on_cpu(pipeline: Pipeline) -> bool:
    """True when no part calls a model: the job can use worker processes (or Ray CPU workers)."""
    return not any(part.backend in MODEL_BACKENDS for part in pipeline.parts)


class ChunkWorker:
    def __init__(self, spec: WorkSpec, store=None, detect=None):
        from phi_core.deid.job import pipeline_detector
        from phi_core.deid.surrogate import SurrogateBook

        self.spec = spec
        self.detect = detect or pipeline_detector(spec.pipeline, store)
        self.book = SurrogateBook(key=spec.key, track_offsets=False) if spec.mode == "surrogate" else None
        self.rewrite_mode = MODES[spec.mode]

    def process(self, chunk: Chunk) -> Done:
        out = []
        for doc_id, text, patient in chunk:
            if self.book is not None:
                self.book.start_document()
            spans = self.detect(text)
            # No patient key: each document is its own patient.
            who = patient if patient is not None else f"document:{doc_id}"
            ctx = ModeContext(patient=who, english_tags=self.spec.english_tags, book=self.book)
            new_text, replaced = rewrite(text, spans, self.rewrite_mode(text, spans, ctx))
            # The mapping rows travel back even without --mapping: they are how spans are counted.
            rows = [(doc_id, who, r.category, r.start, r.end, r.original, r.replacement) for r in replaced]
            out.append((new_text, rows))
        return out


# One worker per process, built on the first chunk (worker processes and Ray workers reuse it).
_WORKERS: dict[WorkSpec, ChunkWorker] = {}


def process_chunk(spec: WorkSpec, chunk: Chunk) -> Done:
    worker = _WORKERS.get(spec)
    if worker is None:
        _WORKERS.clear()
        worker = _WORKERS[spec] = ChunkWorker(spec)
    return worker.process(chunk)


def worker_init(parent: int) -> None:
    """Worker processes leave Ctrl-C to the main process, which stops the job cleanly, and die with it.

    A main process killed with -9 cannot stop its workers; without this they
    would wait for work forever, holding its terminal and pipes.
    """
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
