"""Import the project's own JSONL layout (see :mod:`phi_core.corpus.jsonl`).

A record is ``{"id", "text", "split", "status", "spans": [{start, end, category, text, format}], "style", "meta"}``
(``format`` and ``style`` optional).
Structural problems (a line that is not JSON, a missing text, an unknown split
or status, a repeated id) stop the import with the line number, so nothing is
half-imported; problems with single spans become warnings.
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
    read_text,
    summarize,
)
from phi_core.corpus.jsonl import parse_jsonl_lines
from phi_core.models import LABEL_STATUSES, SPLITS, Report, Span

FORMAT = "jsonl"


def read_records(path: Path, what: str, encoding: str | None = None) -> tuple[list[tuple[int, dict]], str]:
    """Every (line number, object) of a JSONL file and the encoding's name, or a CorpusFormatError naming the bad line."""
    decoded = read_text(path, what, encoding)
    try:
        return list(parse_jsonl_lines(decoded.text.splitlines())), decoded.label
    except ValueError as exc:
        raise CorpusFormatError(f"{path}: {exc}; fix that line and import again (nothing was imported)") from None


def record_id(record: dict, path: Path, line: int, seen: dict[str, int]) -> str:
    """The record's id (or ``<file stem>-<line>``), refusing one used on an earlier line."""
    raw = record.get("id")
    report_id = str(raw) if raw not in (None, "") else f"{path.stem}-{line}"
    if report_id in seen:
        raise CorpusFormatError(
            f"{path}: line {line} reuses id {report_id!r} from line {seen[report_id]}; give every report its own id"
        )
    seen[report_id] = line
    return report_id


def record_text(record: dict, path: Path, line: int, *keys: str) -> str:
    for key in keys:
        if isinstance(record.get(key), str):
            return record[key]
    raise CorpusFormatError(f"{path}: line {line} has no {keys[0]!r} string; every record needs its report text")


def _choice(value: Any, allowed: tuple[str, ...], what: str, path: Path, line: int) -> str:
    if value not in allowed:
        raise CorpusFormatError(f"{path}: line {line} has {what} {value!r}; use one of {', '.join(allowed)}")
    return value


def _report(record: dict, line: int, path: Path, split: str | None, seen: dict[str, int]) -> Report:
    report_id = record_id(record, path, line, seen)
    text = record_text(record, path, line, "text")
    report_split = _choice(split or record.get("split") or "dev", SPLITS, "split", path, line)
    status = _choice(record.get("status") or "silver", LABEL_STATUSES, "status", path, line)
    raw_spans = record.get("spans") or []
    if not isinstance(raw_spans, list) or not all(isinstance(s, dict) for s in raw_spans):
        raise CorpusFormatError(f"{path}: line {line} has 'spans' that is not a list of objects; fix that line")
    spans = SpanSet(text)
    for raw in raw_spans:
        add_offset_span(spans, raw.get("start"), raw.get("end"), raw.get("category"), raw.get("text") or None)
    ordered, warnings = spans.finish()
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    style = record.get("style")
    return Report(
        id=report_id,
        text=text,
        split=report_split,
        status=status,
        spans=_with_formats(ordered, raw_spans),
        warnings=warnings,
        meta=meta,
        style=str(style) if style not in (None, "") else None,
    )


def _with_formats(spans: list[Span], raw_spans: list[dict]) -> list[Span]:
    """Give back each span the value format its record named (kept only where the offsets held)."""
    formats = {(raw.get("start"), raw.get("end")): str(raw["format"]) for raw in raw_spans if raw.get("format")}
    if not formats:
        return spans
    return [s.model_copy(update={"format": formats.get((s.start, s.end))}) for s in spans]


def import_jsonl(
    path: str | Path, *, dataset: str, split: str | None = None, encoding: str | None = None
) -> ImportResult:
    check_split(split)
    path = Path(path)
    seen: dict[str, int] = {}
    records, used = read_records(path, "JSONL", encoding)
    reports = [_report(record, line, path, split, seen) for line, record in records]
    mark_duplicate_reports(reports)
    check_encodable(reports)
    return ImportResult(reports, summarize(reports, dataset=dataset, source=path, fmt=FORMAT, encoding=used))
