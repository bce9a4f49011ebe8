"""A run's predicted items set against a report's gold spans: matches, misses, wrong categories.

Predicted values are located verbatim in the text (every occurrence); a value
found nowhere is kept apart as invented or altered by the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from phi_core.corpus.locate import locate_value
from phi_core.models import Report, Span
from phi_core.taxonomy import canonical, category_matches


@dataclass(frozen=True)
class PredictionSpan:
    """One located occurrence of a predicted item, judged against gold."""

    start: int
    end: int
    label: str
    category: str | None  # canonical category, None for coarse/unknown labels
    value: str
    verdict: str  # match | wrong_category | spurious


@dataclass
class Comparison:
    predictions: list[PredictionSpan] = field(default_factory=list)
    missed: list[Span] = field(default_factory=list)
    # Items whose value is nowhere in the text (invented or altered by the model).
    not_found: list[dict[str, Any]] = field(default_factory=list)

    @property
    def disagrees(self) -> bool:
        return bool(self.missed or self.not_found or any(p.verdict != "match" for p in self.predictions))


def items_by_report(items: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Predicted items of each report, first repeat only (the one a human reviews)."""
    if items.empty:
        return {}
    first = items[items["repeat_idx"] == items.groupby("report_id")["repeat_idx"].transform("min")]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in first.sort_values(["report_id", "item_idx"]).to_dict("records"):
        grouped.setdefault(row["report_id"], []).append(
            {"label": row["label"], "category": row["category"], "value": row["value"]}
        )
    return grouped


def compare_with_gold(text: str, gold: Sequence[Span], items: Sequence[Mapping[str, Any]]) -> Comparison:
    comparison = Comparison()
    seen: set[tuple[int, int, str]] = set()
    found_gold: set[tuple[int, int, str]] = set()
    for item in items:
        value, label = str(item.get("value") or ""), str(item.get("label") or "")
        occurrences = locate_value(text, value)
        if not occurrences:
            comparison.not_found.append(dict(item))
            continue
        category = item.get("category") or canonical(label)
        for start, end in occurrences:
            if (start, end, label) in seen:
                continue
            seen.add((start, end, label))
            same_place = [g for g in gold if g.start == start and g.end == end]
            matching = [g for g in same_place if category_matches(label, g.category) or g.category == category]
            verdict = "match" if matching else ("wrong_category" if same_place else "spurious")
            found_gold.update((g.start, g.end, g.category) for g in matching)
            comparison.predictions.append(PredictionSpan(start, end, label, category, value, verdict))
    comparison.missed = [g for g in gold if (g.start, g.end, g.category) not in found_gold]
    return comparison


def disagreeing_ids(
    reports: Iterable[Report], items: pd.DataFrame, processed: Iterable[str] | None = None
) -> frozenset[str]:
    """Reports where the run's located predictions differ from gold.

    ``processed`` names the reports the run finished (a finished report may
    have no items at all); reports outside it are left out. Without it, a
    report with no items counts as processed.
    """
    grouped = items_by_report(items)
    done = None if processed is None else set(processed)
    return frozenset(
        r.id
        for r in reports
        if (done is None or r.id in done) and compare_with_gold(r.text, r.spans, grouped.get(r.id, [])).disagrees
    )
