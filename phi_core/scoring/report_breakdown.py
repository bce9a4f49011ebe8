"""The detail behind a report's score: counts per category and per script, matched pairs, error records.

These feed the analysis tables (error analysis, confusion, recall by script);
they do not change the score.
"""

from __future__ import annotations

from typing import Sequence

from phi_core.models import Span
from phi_core.scoring.dimension_rules import LocatedItem
from phi_core.scoring.matching import Match, PredictedSpan, overlaps
from phi_core.scoring.scripts import script_of
from phi_core.taxonomy import category_matches

CATEGORY_COUNTERS: tuple[str, ...] = (
    "support",
    "strict_tp",
    "strict_fp",
    "strict_fn",
    "relaxed_tp",
    "relaxed_fp",
    "relaxed_fn",
)
ERROR_TYPES: tuple[str, ...] = ("missed", "spurious", "boundary", "wrong_category", "impure", "not_in_text")


def strict_hits(gold: Sequence[Span], preds: Sequence[PredictedSpan]) -> tuple[list[bool], list[bool]]:
    """Exact boundaries and a label that covers the gold category."""

    def same(g: Span, p: PredictedSpan) -> bool:
        return g.start == p.start and g.end == p.end and category_matches(p.label, g.category)

    gold_hit = [any(same(g, p) for p in preds) for g in gold]
    pred_hit = [any(same(g, p) for g in gold) for p in preds]
    return gold_hit, pred_hit


def per_category(
    gold: Sequence[Span],
    items: Sequence[LocatedItem],
    gold_found: Sequence[bool],
    strict_gold: Sequence[bool],
    strict_pred: Sequence[bool],
) -> dict[str, dict[str, int]]:
    """Counts by gold category (support, tp, fn) and by predicted label (fp)."""
    table: dict[str, dict[str, int]] = {}

    def bump(key: str, counter: str) -> None:
        row = table.setdefault(key, dict.fromkeys(CATEGORY_COUNTERS, 0))
        row[counter] += 1

    for g, found, strict in zip(gold, gold_found, strict_gold):
        bump(g.category, "support")
        bump(g.category, "strict_tp" if strict else "strict_fn")
        bump(g.category, "relaxed_tp" if found else "relaxed_fn")
    strict_iter = iter(strict_pred)  # same order as the spans below
    for item in items:
        if not item.spans:
            # A value that is not in the text is one phantom false positive.
            bump(item.label_key, "strict_fp")
            bump(item.label_key, "relaxed_fp")
            continue
        for span in item.spans:
            if not next(strict_iter):
                bump(item.label_key, "strict_fp")
            if not any(overlaps(g, span) for g in gold):
                bump(item.label_key, "relaxed_fp")
    return table


def per_script(gold: Sequence[Span], gold_found: Sequence[bool]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for g, found in zip(gold, gold_found):
        row = table.setdefault(script_of(g.text), {"found": 0, "total": 0})
        row["total"] += 1
        row["found"] += int(found)
    return table


def pairs(gold: Sequence[Span], matches: Sequence[Match | None], located: Sequence[LocatedItem]) -> list[dict]:
    """Gold span and the predicted span chosen for it; pred_category is the
    canonical category of the label, or the normalised label when it has none."""
    return [
        {
            "gold_category": g.category,
            "gold_start": g.start,
            "gold_end": g.end,
            "pred_label": m.pred.label,
            "pred_category": located[m.pred.item_index].label_key,
            "pred_start": m.pred.start,
            "pred_end": m.pred.end,
            "iou": m.iou,
        }
        for g, m in zip(gold, matches)
        if m is not None
    ]


def _error(
    kind: str,
    category: str | None,
    gold_text: str | None,
    label: str | None,
    value: str | None,
    start: int | None,
    end: int | None,
) -> dict:
    return {
        "type": kind,
        "category": category,
        "gold_text": gold_text,
        "pred_label": label,
        "pred_value": value,
        "start": start,
        "end": end,
    }


def errors(
    gold: Sequence[Span],
    items: Sequence[LocatedItem],
    matches: Sequence[Match | None],
    gold_found: Sequence[bool],
    gold_positions: set[int],
) -> list[dict]:
    """One record per mistake; start/end point at the gold span for gold-side
    errors (missed, boundary, wrong_category) and at the predicted span for
    prediction-side ones (spurious, impure); not_in_text has no position."""
    errors: list[dict] = []
    for g, found, match in zip(gold, gold_found, matches):
        if not found:
            errors.append(_error("missed", g.category, g.text, None, None, g.start, g.end))
            continue
        assert match is not None
        label, value = match.pred.label, match.pred.value
        if match.iou < 1.0:
            errors.append(_error("boundary", g.category, g.text, label, value, g.start, g.end))
        if not match.category_ok:
            errors.append(_error("wrong_category", g.category, g.text, label, value, g.start, g.end))
    for item in items:
        if not item.spans:
            errors.append(_error("not_in_text", None, None, item.label, item.value, None, None))
        elif not item.hits_gold:
            first = item.spans[0]
            errors.append(_error("spurious", None, None, item.label, item.value, first.start, first.end))
        else:
            impure = next(
                (s for s in item.spans if any(pos not in gold_positions for pos in range(s.start, s.end))), None
            )
            if impure is not None:
                touched = next((g for g in gold if overlaps(g, impure)), None)
                errors.append(
                    _error(
                        "impure",
                        touched.category if touched else None,
                        touched.text if touched else None,
                        item.label,
                        item.value,
                        impure.start,
                        impure.end,
                    )
                )
    return errors
