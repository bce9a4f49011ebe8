"""Predictions as files: what a run found, and predictions made elsewhere.

A prediction file uses the corpus JSONL layout; each line may carry
``items: [{"category", "value"}]`` (what an extractor returned) instead of,
or next to, ``spans``. Spans given without items become items of their text.

On export, a run of an extractor that knew where its values were (the rules,
a pipeline of them) writes the spans it found, as they are, and marks the
record ``"located": true``; a model's run writes its items and every
verbatim occurrence of them (the study's item model), ``"located": false``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Sequence

from phi_core.corpus.jsonl import iter_jsonl_records
from phi_core.corpus.locate import locate_value
from phi_core.files import open_private, write_csv_rows
from phi_core.models import PredictedItem, Report, Span


def read_prediction_file(path: str | Path) -> dict[str, list[PredictedItem]]:
    """Items per report id. Raises ValueError naming the line that is wrong."""
    out: dict[str, list[PredictedItem]] = {}
    for number, record in iter_jsonl_records(path):
        report_id = record.get("id")
        if report_id is None:
            raise ValueError(f'line {number} has no "id": every prediction must name its report')
        items = record.get("items")
        if items is None:
            # Several spans of one value are one item: the value masks them all.
            pairs = {(s.get("category", ""), s.get("text", "")): None for s in record.get("spans", [])}
            items = [{"category": c, "value": v} for c, v in pairs]
        parsed = []
        for item in items:
            if not isinstance(item, dict) or "value" not in item:
                raise ValueError(f'line {number}: each item needs a "category" and a "value"')
            parsed.append(PredictedItem(category=str(item.get("category", "")), value=str(item["value"])))
        out[str(report_id)] = parsed
    return out


def read_located_spans(path: str | Path) -> dict[str, list[Span]]:
    """Spans of the records marked ``"located": true`` (written where they were found), per report id."""
    out: dict[str, list[Span]] = {}
    for number, record in iter_jsonl_records(path):
        if record.get("located") is not True:
            continue
        try:
            out[str(record["id"])] = [
                Span(start=int(s["start"]), end=int(s["end"]), category=str(s.get("category", "")))
                for s in record.get("spans", [])
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"line {number}: a located span needs whole-number start < end ({exc})") from None
    return out


def prediction_records(
    reports: Sequence[Report],
    items: dict[str, list[PredictedItem]],
    located: dict[str, list[tuple[str, int, int]]] | None = None,
) -> list[dict]:
    """``located``: report id -> (label, start, end) spans found where they are (first repeat)."""
    located = located or {}
    records = []
    for report in reports:
        report_items = items.get(report.id, [])
        spans = []
        if report.id in located:
            for label, start, end in located[report.id]:
                spans.append({"start": start, "end": end, "category": label, "text": report.text[start:end]})
        else:
            for item in report_items:
                for start, end in locate_value(report.text, item.value):
                    spans.append({"start": start, "end": end, "category": item.category, "text": item.value})
        records.append(
            {
                "id": report.id,
                "text": report.text,
                "split": report.split,
                "status": report.status,
                "items": [{"category": i.category, "value": i.value} for i in report_items],
                "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
                "located": report.id in located,
            }
        )
    return records


def write_predictions_jsonl(records: Sequence[dict], path: str | Path, *, force: bool = False) -> int:
    with open_private(path, "w", force=force, newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)


def write_predictions_paper_csv(records: Sequence[dict], path: str | Path, *, force: bool = False) -> int:
    """The study's CSV layout, with the items in the phi_items column."""
    from phi_core.corpus.importers.paper_csv import encode_report_text

    def row(record: dict) -> list[str]:
        phi = {"phi_items": [{"type": i["category"], "value": i["value"]} for i in record["items"]]}
        return [encode_report_text(record["text"]), json.dumps(phi, ensure_ascii=False)]

    with open_private(path, "w", force=force, newline="") as out:
        write_csv_rows(out, [["report_text", "phi_items"], *(row(r) for r in records)])
    return len(records)


PREDICTION_WRITERS = {"jsonl": write_predictions_jsonl, "paper-csv": write_predictions_paper_csv}


def located_by_report(
    located: dict[tuple[str, int], list[tuple[str, int, int]]],
) -> dict[str, list[tuple[str, int, int]]]:
    """First-repeat spans per report, from Store.located_spans()."""
    return {report_id: spans for (report_id, repeat), spans in located.items() if repeat == 0}


def items_by_report(frame) -> dict[str, list[PredictedItem]]:
    """Items of the first repeat of each report, from Store.predicted_items()."""
    grouped: dict[str, list[PredictedItem]] = defaultdict(list)
    for report_id, repeat, label, value in frame[["report_id", "repeat_idx", "label", "value"]].itertuples(index=False):
        if int(repeat) == 0:
            grouped[report_id].append(PredictedItem(category=label, value=value))
    return dict(grouped)
