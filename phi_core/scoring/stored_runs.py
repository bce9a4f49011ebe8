"""Score a stored run against the current gold labels and store the scores.

Scoring is separate from running so that a gold correction can be followed
by a re-score without calling any model again.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import groupby
from typing import Any

import pandas as pd

from phi_core.models import PredictedItem, Report, Span
from phi_core.scoring.formats import FORMAT_COLUMNS, format_rows
from phi_core.scoring import DIMENSIONS, ReportScore, ScoringConfig, load_scoring_config, score_report
from phi_core.store import Store, StoreError

# Reports whose labels nobody has given yet cannot be scored.
UNSCORED_STATUSES = frozenset({"unlabeled"})


def score_run(
    store: Store, run_id: str, *, config: ScoringConfig | None = None, include_unlabeled: bool = False
) -> int:
    """(Re)compute report scores of a run; returns the number of reports scored."""
    run = store.run(run_id)
    if run is None:
        raise StoreError(f"there is no run {run_id!r}: list runs with `python -m phi_core runs`")
    config = config or load_scoring_config()
    results = store.result_records(run_id)
    items: dict[tuple[str, int], list[PredictedItem]] = defaultdict(list)
    for report_id, repeat, label, value in store.item_tuples(run_id):
        items[(report_id, repeat)].append(PredictedItem(category=label, value=value))
    # Tasks of an extractor that knows where its values are: scored from those spans.
    located = store.located_spans(run_id)

    reports = {r.id: r for r in store.reports(run.dataset, ids=sorted({r["report_id"] for r in results}))}
    rows = []
    analysis = AnalysisRows()
    for report_id, group in groupby(results, key=lambda r: r["report_id"]):
        report = reports.get(report_id)
        if report is None or (report.status in UNSCORED_STATUSES and not include_unlabeled):
            continue
        group = list(group)
        repeats = [items[(report_id, r["repeat_idx"])] for r in group]
        spans = [_spans(report, located.get((report_id, r["repeat_idx"]))) for r in group]
        scores = [_score_one(report, repeats[i], r, repeats, config, spans[i]) for i, r in enumerate(group)]
        rows.append(_score_row(report_id, scores, [r["seconds"] for r in group]))
        analysis.add(report_id, scores[0])  # the first repeat, like the stored details
        analysis.add_formats(report_id, format_rows(report.text, report.spans, repeats[0] if repeats else []))
    store.replace_scores(run_id, rows, analysis.frames())
    return len(rows)


def _score_one(
    report: Report,
    items: list[PredictedItem],
    result: dict[str, Any],
    repeats: list[list[PredictedItem]],
    config: ScoringConfig,
    spans: list[Span] | None = None,
) -> ReportScore:
    scope = report.meta.get("label_scope")
    return score_report(
        report.text,
        report.spans,
        items,
        violations=result["violations"],
        repeats=repeats,
        seconds=result["seconds"],
        input_tokens=result["input_tokens"],
        scope=set(scope) if scope else None,
        config=config,
        spans=spans,
    )


def _spans(report: Report, found: list[tuple[str, int, int]] | None) -> list[Span] | None:
    if found is None:
        return None
    return [
        Span(start=s, end=e, category=label, text=report.text[s:e]) for label, s, e in found if e <= len(report.text)
    ]


def _score_row(report_id: str, scores: list[ReportScore], seconds: list[float | None]) -> dict[str, Any]:
    """Fold the repeats of one report into one row: means of points, first repeat's details."""
    n = len(scores)
    # Shallow: only top-level keys change below and json.dumps reads the rest as it is
    # (a deep copy cost a sixth of a rules run's time).
    details = {name: getattr(scores[0], name) for name in scores[0].__dataclass_fields__}
    composite = sum(s.score for s in scores) / n
    points: dict[str, float | None] = {}
    for dim in DIMENSIONS:
        values = [s.points.get(dim) for s in scores if s.points.get(dim) is not None]
        points[dim] = sum(values) / len(values) if values else None
    details["score"] = composite
    details["points"] = points
    details["repeats"] = n
    timed = [s for s in seconds if s is not None]
    return {
        "report_id": report_id,
        "score": composite,
        **points,
        "rescaled": any(s.rescaled for s in scores),
        "seconds": sum(timed) / len(timed) if timed else None,
        "details": json.dumps(details, ensure_ascii=False),
    }


_CATEGORY_COUNTERS = ("support", "strict_tp", "strict_fp", "strict_fn", "relaxed_tp", "relaxed_fp", "relaxed_fn")
_COUNT_KEYS = ("gold", "gold_found", "pred_items", "pred_items_correct", "matched", "gold_chars", "leaked_chars")
_ERROR_COLUMNS = (
    "report_id",
    "type",
    "category",
    "gold_text",
    "pred_label",
    "pred_value",
    "start_pos",
    "end_pos",
    "gold_start",
    "gold_end",
    "pred_start",
    "pred_end",
)
# Errors whose start/end point at the gold span; the rest point at the predicted one.
_GOLD_SIDE_ERRORS = frozenset({"missed", "boundary", "wrong_category"})


class AnalysisRows:
    """Rows of the analysis tables (db/migrations/002_analysis.sql), collected
    per report as plain tuples and turned into one frame per table at the end,
    because one bulk insert per table is what keeps scoring fast."""

    def __init__(self) -> None:
        self.counts: list[tuple] = []
        self.categories: list[tuple] = []
        self.scripts: list[tuple] = []
        self.errors: list[tuple] = []
        self.pairs: list[tuple] = []
        self.formats: list[tuple] = []

    def add_formats(self, report_id: str, rows: list[tuple]) -> None:
        self.formats.extend((report_id, *row) for row in rows)

    def add(self, report_id: str, score: ReportScore) -> None:
        counts = score.counts
        self.counts.append((report_id, *(int(counts.get(key) or 0) for key in _COUNT_KEYS)))
        for category, row in score.per_category.items():
            self.categories.append((report_id, category, *(row[key] for key in _CATEGORY_COUNTERS)))
        for script, row in score.per_script.items():
            self.scripts.append((report_id, script, row["found"], row["total"]))
        pred_at_gold = {(p["gold_start"], p["gold_end"], p["gold_category"]): p for p in score.pairs}
        for e in score.errors:
            self.errors.append((report_id, *_error_positions(e, pred_at_gold)))
        for (gold, pred), n in Counter((p["gold_category"], p["pred_category"]) for p in score.pairs).items():
            self.pairs.append((report_id, gold, pred, n))

    def frames(self) -> dict[str, pd.DataFrame]:
        return {
            "score_counts": pd.DataFrame(self.counts, columns=["report_id", *_COUNT_KEYS]),
            "score_categories": pd.DataFrame(self.categories, columns=["report_id", "category", *_CATEGORY_COUNTERS]),
            "score_scripts": pd.DataFrame(self.scripts, columns=["report_id", "script", "found", "total"]),
            "score_errors": _nullable_ints(pd.DataFrame(self.errors, columns=list(_ERROR_COLUMNS)), _ERROR_COLUMNS[6:]),
            "score_pairs": pd.DataFrame(self.pairs, columns=["report_id", "gold_category", "pred_category", "n"]),
            "score_formats": pd.DataFrame(self.formats, columns=["report_id", *FORMAT_COLUMNS]),
        }


def _error_positions(error: dict, pred_at_gold: dict[tuple, dict]) -> tuple:
    start, end = error["start"], error["end"]
    gold_start = gold_end = pred_start = pred_end = None
    if error["type"] in _GOLD_SIDE_ERRORS:
        gold_start, gold_end = start, end
        pair = pred_at_gold.get((start, end, error["category"]))
        if pair is not None:
            pred_start, pred_end = pair["pred_start"], pair["pred_end"]
    elif start is not None:
        pred_start, pred_end = start, end
    return (
        error["type"],
        error["category"],
        error["gold_text"],
        error["pred_label"],
        error["pred_value"],
        start,
        end,
        gold_start,
        gold_end,
        pred_start,
        pred_end,
    )


def _nullable_ints(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    # Positions are missing for not_in_text; keep them integers, not floats with NaN.
    for column in columns:
        frame[column] = pd.array(frame[column], dtype="Int64")
    return frame
