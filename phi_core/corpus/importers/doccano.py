"""Import doccano's sequence-labelling JSONL export.

A record is ``{"id"?, "text", "label": [[start, end, "LABEL"], ...]}``; newer
exports call the list ``labels`` or ``entities`` and write each entity as
``{"start_offset", "end_offset", "label"}``. Labels may be any spelling the
taxonomy knows. doccano offsets count code points, like ours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from phi_core.corpus.importers.common import (
    CorpusFormatError,
    ImportResult,
    SpanSet,
    add_offset_span,
    check_encodable,
    check_split,
    mark_duplicate_reports,
    summarize,
)
from phi_core.corpus.importers.jsonl import read_records, record_id, record_text
from phi_core.models import Report

FORMAT = "doccano"
_LABEL_LIST_KEYS = ("label", "labels", "entities")


def _entity(entry: Any) -> tuple[Any, Any, Any] | None:
    """(start, end, label) of one doccano entity in either of its spellings."""
    if isinstance(entry, (list, tuple)) and len(entry) == 3:
        return entry[0], entry[1], entry[2]
    if isinstance(entry, dict) and "label" in entry:
        return entry.get("start_offset", entry.get("start")), entry.get("end_offset", entry.get("end")), entry["label"]
    return None


def _report(record: dict, line: int, path: Path, split: str, seen: dict[str, int]) -> Report:
    report_id = record_id(record, path, line, seen)
    text = record_text(record, path, line, "text", "data")
    entries = next((record[key] for key in _LABEL_LIST_KEYS if isinstance(record.get(key), list)), [])
    spans = SpanSet(text)
    if not entries:
        spans.warn("no_labels", "the record has no labels; the report needs annotating")
    for entry in entries:
        entity = _entity(entry)
        if entity is None:
            raise CorpusFormatError(
                f"{path}: line {line} has label entry {entry!r}; expected [start, end, label] "
                f"or {{'start_offset', 'end_offset', 'label'}}"
            )
        add_offset_span(spans, *entity)
    ordered, warnings = spans.finish()
    meta = {"source_id": str(record["id"])} if record.get("id") not in (None, "") else {}
    return Report(
        id=report_id,
        text=text,
        split=split,
        status="silver" if ordered else "unlabeled",
        spans=ordered,
        warnings=warnings,
        meta=meta,
    )


def import_doccano(
    path: str | Path, *, dataset: str, split: str | None = None, encoding: str | None = None
) -> ImportResult:
    check_split(split)
    path = Path(path)
    seen: dict[str, int] = {}
    records, used = read_records(path, "doccano", encoding)
    reports = [_report(record, line, path, split or "dev", seen) for line, record in records]
    mark_duplicate_reports(reports)
    check_encodable(reports)
    return ImportResult(reports, summarize(reports, dataset=dataset, source=path, fmt=FORMAT, encoding=used))
