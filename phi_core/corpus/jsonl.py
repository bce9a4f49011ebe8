"""The project's own JSONL corpus layout: one report per line.

``{"id", "text", "split", "status", "spans": [{"start", "end", "category", "text"}]}``
plus an optional ``style`` (kind of document), an optional ``format`` on each
span (how the value is written) and an optional ``meta`` object. Shared by the importer, the exporter and the
shipped corpus so the layout is written down once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from phi_core.models import Report


def _span_record(span) -> dict:
    record = {"start": span.start, "end": span.end, "category": span.category, "text": span.text}
    if span.format:
        record["format"] = span.format
    return record


def report_to_record(report: Report, *, with_meta: bool = True) -> dict:
    record = {
        "id": report.id,
        "text": report.text,
        "split": report.split,
        "status": report.status,
        "spans": [_span_record(s) for s in sorted(report.spans, key=lambda s: (s.start, s.end, s.category))],
    }
    # Written only when known, so corpora without styles stay byte-identical.
    if report.style:
        record["style"] = report.style
    if with_meta and report.meta:
        record["meta"] = report.meta
    return record


def write_jsonl(reports: Iterable[Report], path: str | Path, *, with_meta: bool = True) -> int:
    """Write reports one per line (UTF-8, no ASCII escaping); returns the count."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for report in reports:
            out.write(json.dumps(report_to_record(report, with_meta=with_meta), ensure_ascii=False))
            out.write("\n")
            count += 1
    return count


def iter_jsonl_records(path: str | Path) -> Iterator[tuple[int, dict]]:
    """Yield (line number, parsed object) for every non-blank line.

    Raises ValueError naming the line when a line is not a JSON object, so
    callers can tell the user exactly where the file is broken.
    """
    with open(path, encoding="utf-8-sig") as handle:
        yield from parse_jsonl_lines(handle)


def parse_jsonl_lines(lines: Iterable[str]) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every non-blank line of already decoded text; ValueError names a bad line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise ValueError(f"line {number} is nested too deeply to be a report") from None
        if not isinstance(record, dict):
            raise ValueError(f"line {number} holds a JSON {type(record).__name__}, expected an object")
        yield number, record
