"""A stratified random sample of an archive, streamed in two passes (no database here).

Pass 1 counts the documents and keeps a uniform random subset of at most
``FIT_SIZE`` texts (reservoir sampling, Algorithm R), on which the document
kinds are fitted. Pass 2 assigns every document its stratum (its kind, or
the value of a named column) and gives it a random key from the seeded
generator; each stratum keeps the ``n`` documents with the smallest keys
(a bounded heap). The ``m`` smallest keys of a stratum are a uniform random
sample of it for any ``m`` up to ``n``, so once pass 2 knows every stratum's
size, each stratum takes its allocated share from its heap. Memory is bounded
by ``n`` documents per stratum plus the fitting subset, whatever the archive's size.

Allocation: proportional to stratum size (largest remainders), after giving
every stratum ``min(MIN_PER_STRATUM, its size)`` documents when ``n`` allows,
so that small kinds get enough documents to be judged on their own.
"""

from __future__ import annotations

import hashlib
import heapq
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np

from phi_core.deid.io import Document
from phi_core.deid.limits import DeidInputError, max_document_bytes
from phi_core.deid.stream.readers import Source, check_source, documents, folder_files, guess_source_format
from phi_core.release.kinds import FIT_SIZE, METHOD, KindModel, fit_kinds

MIN_PER_STRATUM = 5
ASSIGN_BATCH = 2000


@dataclass
class SampledDoc:
    id: str
    text: str
    kind: str
    style: str | None
    position: int  # 0-based place in the archive


@dataclass
class KindSize:
    kind: str
    name: str
    archive_count: int
    sampled_count: int
    typical_lines: list[str] = field(default_factory=list)


@dataclass
class SampleResult:
    documents: list[SampledDoc]
    kinds: list[KindSize]
    archive_name: str
    archive_format: str
    archive_size: int
    archive_digest: str
    n_requested: int
    seed: int
    strata: str
    method: str
    silhouette: float | None
    seconds: float

    def meta(self) -> dict:
        """What the store keeps about the sampling (everything but the documents)."""
        return {
            "archive_name": self.archive_name,
            "archive_format": self.archive_format,
            "archive_size": self.archive_size,
            "archive_digest": self.archive_digest,
            "n_requested": self.n_requested,
            "n_sampled": len(self.documents),
            "seed": self.seed,
            "strata": self.strata,
            "method": self.method,
            "silhouette": self.silhouette,
        }


def allocate(sizes: dict[str, int], n: int, minimum: int = MIN_PER_STRATUM) -> dict[str, int]:
    """Documents to draw per stratum: a minimum each when ``n`` allows, the rest proportional (pure)."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    base = {k: min(minimum, s) for k, s in sizes.items()}
    if sum(base.values()) > n:
        base = {k: 0 for k in sizes}
    left = n - sum(base.values())
    room = {k: sizes[k] - base[k] for k in sizes}
    room_total = sum(room.values())
    exact = {k: left * room[k] / room_total if room_total else 0.0 for k in sizes}
    out = {k: base[k] + int(exact[k]) for k in sizes}
    short = n - sum(out.values())
    # Largest remainders first; ties by stratum name so the result never depends on dict order.
    for k in sorted(sizes, key=lambda k: (-(exact[k] - int(exact[k])), k)):
        if short <= 0:
            break
        if out[k] < sizes[k]:
            out[k] += 1
            short -= 1
    return out


def _column_of(strata: str) -> str | None:
    if strata == "kind":
        return None
    if strata.startswith("column:") and strata[len("column:") :]:
        return strata[len("column:") :]
    raise ValueError(f"cannot read --strata {strata!r}: write kind or column:NAME")


def read_archive(
    path: Path, fmt: str, *, column: str | None = None, text_column: str | None = None
) -> Iterator[Document]:
    """The archive's documents in a fixed order, read by deid's stream readers with their limits.

    The stratum column travels as the reader's one named field (``doc.patient``);
    a JSONL report's own "style" field in ``doc.extra``.
    """
    if column and fmt in ("zip", "folder", "txt"):
        raise DeidInputError(f"a {fmt} input is plain text with no columns: use --strata kind")
    src = Source(path, fmt, max_document_bytes(), patient_key=column, text_column=text_column)
    if fmt == "jsonl":
        src.extra_fields = ("style",)
    check_source(src)
    return (doc for doc, _ in documents(src))


def _style(doc: Document) -> str | None:
    style = (doc.extra or {}).get("style")
    return style if isinstance(style, str) and style else None


def archive_digest(path: str | Path) -> str:
    """SHA-256 of the archive's bytes (a folder: of each text file's name and bytes, in reading order)."""
    path = Path(path)
    digest = hashlib.sha256()
    files = list(folder_files(path)) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.relative_to(path).as_posix().encode() + b"\0")
        with open(file, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def draw_sample(
    path: str | Path,
    n: int,
    *,
    seed: int = 0,
    strata: str = "kind",
    fmt: str | None = None,
    text_column: str | None = None,
    minimum: int = MIN_PER_STRATUM,
) -> SampleResult:
    """Draw ``n`` documents from the archive, stratified by kind or by a column (see module docstring)."""
    if n < 1:
        raise ValueError("--n must be at least 1")
    started = time.perf_counter()
    path = Path(path)
    fmt = fmt or guess_source_format(path)
    column = _column_of(strata)
    rng = np.random.default_rng(seed)

    # Pass 1: count, and a reservoir of texts to fit the kinds on.
    fit_texts: list[str] = []
    size = 0
    for doc in read_archive(path, fmt, column=column, text_column=text_column):
        if column is None:
            if size < FIT_SIZE:
                fit_texts.append(doc.text)
            else:
                j = int(rng.integers(0, size + 1))
                if j < FIT_SIZE:
                    fit_texts[j] = doc.text
        size += 1
    if size == 0:
        raise ValueError(f"{path.name} holds no documents")
    model: KindModel | None = fit_kinds(fit_texts, seed=seed) if column is None else None
    del fit_texts

    # Pass 2: stratum of every document, and the n smallest random keys per stratum.
    heaps: dict[str, list[tuple[float, int, Document]]] = {}
    counts: dict[str, int] = {}
    position = 0
    for batch in _batches(read_archive(path, fmt, column=column, text_column=text_column), ASSIGN_BATCH):
        labels = model.assign([d.text for d in batch]) if model else [d.patient or "" for d in batch]
        keys = rng.random(len(batch))
        for doc, label, key in zip(batch, labels, keys):
            counts[label] = counts.get(label, 0) + 1
            heap = heaps.setdefault(label, [])
            entry = (-float(key), position, doc)  # max-heap on the key: the largest key leaves first
            if len(heap) < n:
                heapq.heappush(heap, entry)
            elif entry[0] > heap[0][0]:
                heapq.heapreplace(heap, entry)
            position += 1

    shares = allocate(counts, n, minimum)
    chosen: list[SampledDoc] = []
    for label, heap in heaps.items():
        smallest = sorted(heap, key=lambda e: -e[0])[: shares[label]]
        chosen.extend(SampledDoc(d.id, d.text, label, _style(d), pos) for _, pos, d in smallest)
    chosen.sort(key=lambda d: d.position)

    names = {k.kind: k for k in model.kinds} if model else {}
    kinds = [
        KindSize(
            label,
            names[label].name if label in names else (label or "(empty)"),
            counts[label],
            shares[label],
            names[label].typical_lines if label in names else [],
        )
        for label in sorted(counts)
    ]
    method = (
        f"stratified by document kind ({METHOD}); " if model else f"stratified by the column {column!r}; "
    ) + f"within each stratum a uniform random sample (seeded keys, two streamed passes); minimum {minimum} per stratum"
    return SampleResult(
        documents=chosen,
        kinds=kinds,
        archive_name=path.name,
        archive_format=fmt,
        archive_size=size,
        archive_digest=archive_digest(path),
        n_requested=n,
        seed=seed,
        strata=strata,
        method=method,
        silhouette=model.silhouette if model else None,
        seconds=time.perf_counter() - started,
    )
