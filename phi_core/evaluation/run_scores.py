"""Score a stored run against the current gold labels and store the scores.

Scoring is separate from running so that a gold correction can be followed
by a re-score without calling any model again.
"""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import groupby
from typing import Any

from phi_core.models import PredictedItem, Report
from phi_core.scoring import DIMENSIONS, ReportScore, ScoringConfig, load_scoring_config, score_report
from phi_core.store import Store, StoreError

# Reports whose labels nobody has given yet cannot be scored.
UNSCORED_STATUSES = frozenset({"unlabeled"})


def score_run(store: Store, run_id: str, *, config: ScoringConfig | None = None,
              include_unlabeled: bool = False) -> int:
    """(Re)compute report scores of a run; returns the number of reports scored."""
    run = store.run(run_id)
    if run is None:
        raise StoreError(f"there is no run {run_id!r}: list runs with `python -m phi_core runs`")
    config = config or load_scoring_config()
    results = store.result_records(run_id)
    items: dict[tuple[str, int], list[PredictedItem]] = defaultdict(list)
    for report_id, repeat, label, value in store.item_tuples(run_id):
        items[(report_id, repeat)].append(PredictedItem(category=label, value=value))

    reports = {r.id: r for r in store.reports(run.dataset, ids=sorted({r["report_id"] for r in results}))}
    rows = []
    for report_id, group in groupby(results, key=lambda r: r["report_id"]):
        report = reports.get(report_id)
        if report is None or (report.status in UNSCORED_STATUSES and not include_unlabeled):
            continue
        group = list(group)
        repeats = [items[(report_id, r["repeat_idx"])] for r in group]
        scores = [_score_one(report, repeats[i], r, repeats, config) for i, r in enumerate(group)]
        rows.append(_score_row(report_id, scores, [r["seconds"] for r in group]))
    store.replace_scores(run_id, rows)
    return len(rows)


def _score_one(report: Report, items: list[PredictedItem], result: dict[str, Any],
               repeats: list[list[PredictedItem]], config: ScoringConfig) -> ReportScore:
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
    )


def _score_row(report_id: str, scores: list[ReportScore], seconds: list[float | None]) -> dict[str, Any]:
    """Fold the repeats of one report into one row: means of points, first repeat's details."""
    n = len(scores)
    details = scores[0].to_dict()
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
