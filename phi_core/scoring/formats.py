"""Counts by value format: how well the gold values of each writing were caught.

A pure function over one report: gold spans that carry a ``format`` (the
styles corpus records one on every span) against the predicted items placed
where the scorer places them, at every verbatim occurrence of their value.
Per (format, gold category) it counts gold spans, those touched by a
prediction, gold characters, gold characters no prediction covers (leaked),
and the characters of the predictions touching those spans with how many of
them lie inside gold (the character precision of what was predicted there).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from phi_core.models import PredictedItem, Span
from phi_core.scoring.matching import find_occurrences

FORMAT_COLUMNS = (
    "format",
    "category",
    "support",
    "found",
    "gold_chars",
    "leaked_chars",
    "pred_chars",
    "pred_chars_inside",
)


def predicted_positions(text: str, items: Iterable[PredictedItem]) -> list[tuple[int, int]]:
    values = dict.fromkeys(item.value for item in items)
    return sorted({span for value in values for span in find_occurrences(text, value)})


def format_rows(text: str, gold: Sequence[Span], items: Iterable[PredictedItem]) -> list[tuple]:
    """One tuple per (format, category) in FORMAT_COLUMNS order; [] when no gold span has a format."""
    formatted = [g for g in gold if g.format]
    if not formatted:
        return []
    predicted = predicted_positions(text, items)
    covered = {pos for start, end in predicted for pos in range(start, end)}
    inside_gold = {pos for g in gold for pos in range(g.start, g.end)}
    groups: dict[tuple[str, str], dict] = {}
    for g in formatted:
        row = groups.setdefault(
            (g.format, g.category), {"support": 0, "found": 0, "gold_chars": 0, "leaked_chars": 0, "preds": set()}
        )
        touching = {(s, e) for s, e in predicted if s < g.end and g.start < e}
        row["support"] += 1
        row["found"] += bool(touching)
        row["gold_chars"] += g.end - g.start
        row["leaked_chars"] += sum(1 for pos in range(g.start, g.end) if pos not in covered)
        row["preds"] |= touching
    out = []
    for (fmt, category), row in sorted(groups.items()):
        chars = sum(e - s for s, e in row["preds"])
        inside = sum(1 for s, e in row["preds"] for pos in range(s, e) if pos in inside_gold)
        out.append((fmt, category, row["support"], row["found"], row["gold_chars"], row["leaked_chars"], chars, inside))
    return out
