"""A report's spans as an editable table, and the table back as spans (or the reasons it cannot be).

Only start, end and category count; the text column is recomputed from the
offsets. Any invalid row makes the whole table invalid, so a typo never
half-saves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from phi_core.models import Span
from phi_core.taxonomy import CATEGORY_CODES, canonical
from phi_core.ui.span_edits import make_span, sort_spans

TABLE_COLUMNS = ("start", "end", "category", "text")


def spans_table(spans: Sequence[Span]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"start": s.start, "end": s.end, "category": s.category, "text": s.text} for s in spans],
        columns=list(TABLE_COLUMNS),
    )


def _as_int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def spans_from_table(text: str, rows: Sequence[Mapping[str, Any]]) -> tuple[list[Span], list[str]]:
    """Spans from the editable table, or the reasons it cannot be saved.

    Only start, end and category count; the text column is recomputed from
    the offsets. Any invalid row makes the whole table invalid, so a typo
    never half-saves.
    """
    spans: list[Span] = []
    errors: list[str] = []
    seen: set[tuple[int, int, str]] = set()
    for number, row in enumerate(rows, start=1):
        raw = [row.get(c) for c in ("start", "end", "category")]
        if all(v is None or (isinstance(v, float) and pd.isna(v)) or v == "" for v in raw):
            continue  # an empty row the editor added and nobody filled in
        start, end = _as_int(row.get("start")), _as_int(row.get("end"))
        label = str(row.get("category") or "").strip()
        where = f"row {number}"
        if start is None or end is None:
            errors.append(f"{where}: start and end must be whole numbers")
            continue
        if not 0 <= start < end:
            errors.append(f"{where}: start ({start}) must be at least 0 and smaller than end ({end})")
            continue
        if end > len(text):
            errors.append(f"{where}: end ({end}) is past the end of the report ({len(text)} characters)")
            continue
        category = canonical(label) if label else None
        if category is None:
            errors.append(
                f"{where}: {label or 'an empty category'!r} is not a PHI category; "
                f"use one of {', '.join(CATEGORY_CODES)}"
            )
            continue
        if (start, end, category) in seen:
            errors.append(f"{where}: the same span ({start}-{end} {category}) is listed twice")
            continue
        seen.add((start, end, category))
        spans.append(make_span(text, start, end, category))
    return sort_spans(spans), errors


def apply_editor_changes(rows: Sequence[Mapping[str, Any]], changes: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The table after st.data_editor's recorded changes (edited, added, deleted rows)."""
    changes = changes or {}
    deleted = {int(i) for i in changes.get("deleted_rows", [])}
    edited = {int(i): dict(v) for i, v in (changes.get("edited_rows") or {}).items()}
    result = []
    for index, row in enumerate(rows):
        if index in deleted:
            continue
        result.append({**dict(row), **edited.get(index, {})})
    result.extend(dict(row) for row in changes.get("added_rows", []) or [])
    return result
