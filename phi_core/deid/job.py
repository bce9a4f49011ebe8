"""A de-identification job: find spans with a pipeline, then rewrite every document.

Spans are found for all documents first, so the surrogate generator knows
every original value of the job and never writes one of them as a surrogate.
Nothing here touches the database; keeping the originals as a dataset is a
separate, explicit call (:func:`keep_documents`).
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from phi_core.deid.modes import MODES, FoundSpan, ModeContext
from phi_core.deid.surrogate import SurrogateBook
from phi_core.pipelines.definition import Pipeline
from phi_core.pipelines.merge import label_category, merge_spans, part_spans

if TYPE_CHECKING:  # the readers of every input format stay out of worker processes
    from phi_core.deid.io import Document

# Categories whose values may hold a name (checked against surrogate names).
NAME_LIKE = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "NAME_READING", "EMERGENCY_CONTACT"})
MAPPING_COLUMNS = ("document_id", "patient", "category", "start", "end", "original", "replacement")


@dataclass
class Replacement:
    start: int  # in the original text
    end: int
    category: str | None
    original: str
    replacement: str
    out_start: int  # in the output text
    out_end: int


@dataclass
class DeidDocument:
    id: str
    original: str
    text: str
    patient: str
    replacements: list[Replacement] = field(default_factory=list)


@dataclass
class DeidResult:
    mode: str
    documents: list[DeidDocument]
    seconds_detect: float
    seconds_rewrite: float
    day_offsets: dict[str, int] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [d.text for d in self.documents]

    def mapping_rows(self) -> list[dict]:
        return [
            {
                "document_id": d.id,
                "patient": d.patient,
                "category": r.category,
                "start": r.start,
                "end": r.end,
                "original": r.original,
                "replacement": r.replacement,
            }
            for d in self.documents
            for r in d.replacements
        ]

    def mapping_csv(self) -> bytes:
        """Original-to-replacement pairs for authorised re-identification; the only place originals go."""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(MAPPING_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.mapping_rows())
        return out.getvalue().encode("utf-8")


Detector = Callable[[str], list[FoundSpan]]


def make_detector(pipeline: Pipeline, extractors: Sequence[Callable[[str], list[tuple[str, str]]]]) -> Detector:
    """Text -> the pipeline's merged spans (the union of its parts, as in scoring)."""

    def detect(text: str) -> list[FoundSpan]:
        spans = [s for extract in extractors for s in part_spans(text, extract(text))]
        return [
            FoundSpan(s.start, s.end, label_category(s.label, pipeline.precedence), s.label)
            for s in merge_spans(spans, pipeline.precedence)
        ]

    return detect


def pipeline_detector(pipeline: Pipeline, store=None, *, actor=None) -> Detector:
    """The pipeline's detector. A pipeline with model parts calls the model hosts:
    starting that work is the ``run`` action, checked when an ``actor`` is given
    (the pages always give one; the command line runs as the local user)."""
    from phi_core.deid.extractors import part_extractor

    if actor is not None and any(not part.is_local for part in pipeline.parts):
        from phi_core.roles import require

        require(actor, "run")
    return make_detector(pipeline, [part_extractor(p, store) for p in pipeline.parts])


def rewrite(text: str, spans: Sequence[FoundSpan], replacements: Sequence[str]) -> tuple[str, list[Replacement]]:
    pieces, done, cursor, shift = [], [], 0, 0
    for span, new in sorted(zip(spans, replacements), key=lambda x: x[0].start):
        pieces.append(text[cursor : span.start])
        out_start = span.start + shift
        pieces.append(new)
        done.append(
            Replacement(
                span.start, span.end, span.category, text[span.start : span.end], new, out_start, out_start + len(new)
            )
        )
        shift += len(new) - (span.end - span.start)
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces), done


def deidentify(
    documents: Sequence[Document], detect: Detector, mode: str, *, english_tags: bool = False, seed: int | None = None
) -> DeidResult:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
    started = time.perf_counter()
    found = [detect(doc.text) for doc in documents]
    detected = time.perf_counter()
    book = None
    if mode == "surrogate":
        originals = {(s.category, doc.text[s.start : s.end]) for doc, spans in zip(documents, found) for s in spans}
        names = {value for category, value in originals if category in NAME_LIKE}
        forbidden = frozenset(v for c, v in originals if (c in NAME_LIKE or c == "HOSPITAL_NAME") and len(v) >= 2)
        book = SurrogateBook(
            seed=seed,
            avoid="\n".join(sorted(v for _, v in originals)),
            name_avoid="\n".join(sorted(names)),
            forbidden=forbidden,
        )
    out = []
    for doc, spans in zip(documents, found):
        # No patient key: each document is its own patient.
        patient = doc.patient if doc.patient is not None else f"document:{doc.id}"
        ctx = ModeContext(patient=patient, english_tags=english_tags, book=book)
        text, replaced = rewrite(doc.text, spans, MODES[mode](doc.text, spans, ctx))
        out.append(DeidDocument(doc.id, doc.text, text, patient, replaced))
    return DeidResult(
        mode, out, detected - started, time.perf_counter() - detected, dict(book.day_offsets) if book else {}
    )


def keep_documents(store, dataset: str, result: DeidResult, *, actor, source: str = "deid") -> int:
    """Store the ORIGINAL documents (real PHI) with the pipeline's spans as silver labels.

    Only called when the user asks ("keep these documents", --keep-dataset):
    they can then be reviewed in the workbench like any imported report.
    ``actor`` must be allowed to keep documents (a new dataset of PHI).
    """
    from phi_core.models import Report, Span
    from phi_core.roles import require

    require(actor, "keep_documents")

    reports = []
    for doc in result.documents:
        spans = [
            Span(start=r.start, end=r.end, category=r.category, text=r.original) for r in doc.replacements if r.category
        ]
        reports.append(
            Report(
                id=doc.id,
                text=doc.original,
                status="silver" if spans else "unlabeled",
                spans=spans,
                meta={"source": source},
            )
        )
    return store.add_reports(dataset, reports, source=source, description="kept from a de-identification job")


def keep_from_rows(store, dataset: str, kept: list, *, actor, source: str = "deid") -> int:
    """:func:`keep_documents` for an archive job: (document, mapping rows) pairs collected as it ran."""
    docs = [
        DeidDocument(
            doc.id,
            doc.text,
            "",
            rows[0][1] if rows else "",
            [Replacement(r[3], r[4], r[2], r[5], r[6], 0, 0) for r in rows],
        )
        for doc, rows in kept
    ]
    return keep_documents(store, dataset, DeidResult("", docs, 0.0, 0.0), actor=actor, source=source)
