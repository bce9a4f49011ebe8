"""Error analysis frames: per-category rates, error types, confusions, scripts,
examples in context, and a gold-span diff between two runs.

All pooling is done in SQL over the analysis tables that score_run writes.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from phi_core.analysis.labels import label_runs
from phi_core.scoring import ERROR_TYPES
from phi_core.store import Store, StoreError
from phi_core.taxonomy import resolve

EXAMPLE_COLUMNS = (
    "report_id",
    "type",
    "category",
    "gold_text",
    "pred_label",
    "pred_value",
    "start",
    "end",
    "context_before",
    "context_text",
    "context_after",
)
# Whether gold span was found by run a / run b -> what changed from a to b.
_CHANGES = {(False, True): "fixed", (True, False): "broken", (True, True): "both_found", (False, False): "both_missed"}
CHANGE_KINDS = ("fixed", "broken", "both_found", "both_missed")


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    num, den = numerator.astype(float), denominator.astype(float)
    return (num / den.where(den > 0)).astype(float)


def _labelled(store: Store, frame: pd.DataFrame, run_ids: Sequence[str]) -> pd.DataFrame:
    return label_runs(frame, store.run_identities(list(run_ids)))


def category_matrix(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """run_id, label, category, support, relaxed/strict recall and precision (and F1).

    Rows with support 0 are labels a run predicted but no gold span has (their
    precision is still meaningful: all of them are false positives).
    """
    totals = store.category_totals(list(run_ids))
    out = totals[["run_id", "category", "support"]].copy()
    for mode in ("relaxed", "strict"):
        tp, fp, fn = (totals[f"{mode}_{k}"] for k in ("tp", "fp", "fn"))
        out[f"{mode}_recall"] = _ratio(tp, tp + fn)
        out[f"{mode}_precision"] = _ratio(tp, tp + fp)
        out[f"{mode}_f1"] = _ratio(2 * tp, 2 * tp + fp + fn)
    return _labelled(store, out, run_ids)


def error_type_counts(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """run_id, label, type, count: every error type for every run, zeros included."""
    return _labelled(store, store.error_type_totals(list(run_ids), ERROR_TYPES), run_ids)


def confusion_frame(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """gold_category, predicted_category, count over matched spans of the runs together.

    predicted_category is the label's canonical category, or the coarse or
    unknown label itself (e.g. "NAME") when it names no single category.
    """
    return store.pair_totals(list(run_ids))


def script_recall_frame(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """run_id, label, script, found, total, recall (gold spans by writing system)."""
    return _labelled(store, store.script_totals(list(run_ids)), run_ids)


def style_matrix(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """run_id, label, style, reports, recall, precision, leak_rate (and the counts behind them).

    recall = gold spans touched by a prediction / gold spans; precision =
    predicted items that touch gold / predicted items; leak_rate = gold
    characters no prediction covers / gold characters, pooled over the run's
    reports of that document style. Reports without a style are left out.
    """
    totals = store.style_totals(list(run_ids))
    out = totals.copy()
    out["recall"] = _ratio(totals["gold_found"], totals["gold"])
    out["precision"] = _ratio(totals["pred_items_correct"], totals["pred_items"])
    out["leak_rate"] = _ratio(totals["leaked_chars"], totals["gold_chars"])
    return _labelled(store, out, run_ids)


def format_matrix(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """run_id, label, format, support, recall, precision, leak_rate (and the counts behind them).

    recall = gold spans of the format touched by a prediction / support;
    precision = characters of those predictions inside gold / their characters
    (a prediction carries no format, so precision here is measured on the
    predictions that touched spans of the format); leak_rate = characters of
    spans of the format that no prediction covers / their characters.
    """
    totals = store.format_totals(list(run_ids))
    out = totals.copy()
    out["recall"] = _ratio(totals["found"], totals["support"])
    out["precision"] = _ratio(totals["pred_chars_inside"], totals["pred_chars"])
    out["leak_rate"] = _ratio(totals["leaked_chars"], totals["gold_chars"])
    return _labelled(store, out, run_ids)


def worst_styles(store: Store, run_ids: Sequence[str]) -> pd.DataFrame:
    """run_id, worst_style, worst_style_leak_rate: the style that leaks the largest share of its characters."""
    matrix = style_matrix(store, run_ids)
    matrix = matrix[matrix["leak_rate"].notna()]
    if matrix.empty:
        return pd.DataFrame(columns=["run_id", "worst_style", "worst_style_leak_rate"])
    # Ties go to the alphabetically first style so the answer never depends on row order.
    ordered = matrix.sort_values(["run_id", "leak_rate", "style"], ascending=[True, False, True])
    worst = ordered.groupby("run_id", sort=True).head(1)
    return worst.rename(columns={"style": "worst_style", "leak_rate": "worst_style_leak_rate"})[
        ["run_id", "worst_style", "worst_style_leak_rate"]
    ].reset_index(drop=True)


def error_examples(
    store: Store,
    run_id: str,
    *,
    error_type: str | None = None,
    category: str | None = None,
    limit: int = 50,
    context: int = 30,
    style: str | None = None,
    value_format: str | None = None,
) -> pd.DataFrame:
    """Errors of one run with the report text around them, in report order.

    ``context_text`` covers the gold span and the predicted span together
    (the error's own span when only one exists), ``context_before``/``after``
    add up to ``context`` characters either side. Absolute offsets come in
    start/end (as in ReportScore.errors), gold_start/gold_end, pred_start/pred_end
    and context_start, so the page can highlight each side and open the report.
    not_in_text errors have no position and an empty context. ``style`` and
    ``value_format`` narrow the errors to one document style or one writing
    of the gold value (the drill-down of the style and format heatmaps).
    """
    if error_type is not None and error_type not in ERROR_TYPES:
        raise ValueError(f"there is no error type {error_type!r}; choose one of: {', '.join(ERROR_TYPES)}")
    if limit < 1 or context < 0:
        raise ValueError("limit must be at least 1 and context 0 or more characters")
    run = store.run(run_id)
    if run is None:
        raise StoreError(f"there is no run {run_id!r}: list runs with `python -m phi_core runs`")
    rows = store.error_rows(
        run_id, error_type=error_type, category=category, limit=limit, style=style, value_format=value_format
    )
    windows = [
        _window(text, row, context)
        for text, row in zip(
            rows["report_text"],
            rows[["start", "end", "gold_start", "gold_end", "pred_start", "pred_end"]].itertuples(index=False),
        )
    ]
    out = rows.drop(columns=["report_text"])
    for i, name in enumerate(("context_start", "context_before", "context_text", "context_after")):
        out[name] = [w[i] for w in windows]
    out.insert(0, "dataset", run.dataset)
    out.insert(1, "run_id", run_id)
    return out[
        ["dataset", "run_id", *EXAMPLE_COLUMNS, "gold_start", "gold_end", "pred_start", "pred_end", "context_start"]
    ].reset_index(drop=True)


def _window(text: str | None, row, context: int) -> tuple[int | None, str, str, str]:
    points = [int(v) for v in row if v is not None and not pd.isna(v)]
    if not text or not points:
        return None, "", "", ""
    lo, hi = min(points), max(points)
    before = max(0, lo - context)
    return before, text[before:lo], text[lo:hi], text[hi : hi + context]


def compare_runs_items(store: Store, run_a: str, run_b: str) -> pd.DataFrame:
    """Every gold span of the reports both runs scored, found by a and by b, and the change.

    ``change`` is fixed (found by b, not a), broken, both_found or both_missed.
    """
    for run_id in (run_a, run_b):
        if store.run(run_id) is None:
            raise StoreError(f"there is no run {run_id!r}: list runs with `python -m phi_core runs`")
    items = store.gold_span_outcomes(run_a, run_b)
    items["category"] = _canonical(items["category"])
    items["change"] = [_CHANGES[(bool(a), bool(b))] for a, b in zip(items["found_a"], items["found_b"])]
    return items


def compare_runs(store: Store, run_a: str, run_b: str) -> pd.DataFrame:
    """Per category: fixed, broken, both_found, both_missed gold spans going from run a to run b."""
    items = compare_runs_items(store, run_a, run_b)
    if items.empty:
        return pd.DataFrame(columns=["category", *CHANGE_KINDS])
    table = pd.crosstab(items["category"], items["change"]).reindex(columns=list(CHANGE_KINDS), fill_value=0)
    table.columns.name = None
    return table.reset_index().astype({k: int for k in CHANGE_KINDS})


def _canonical(categories: pd.Series) -> pd.Series:
    """Gold written with an alias is scored under its canonical category; show that one."""
    mapping = {c: resolve(c).category or c for c in categories.dropna().unique()}
    return categories.map(mapping).astype(object) if mapping else categories


__all__ = [
    "CHANGE_KINDS",
    "EXAMPLE_COLUMNS",
    "category_matrix",
    "compare_runs",
    "compare_runs_items",
    "confusion_frame",
    "error_examples",
    "error_type_counts",
    "format_matrix",
    "script_recall_frame",
    "style_matrix",
    "worst_styles",
]
