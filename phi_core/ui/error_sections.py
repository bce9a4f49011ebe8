"""Error analysis: what a chart click selects, and what the tabs that are not drawn still give.

The page draws only its open tab (phi_core.ui.lazy). The zip of "every
figure on this page" still holds the other tabs' figures and tables: they are
described here as builders, run only when the zip is downloaded, from the
analysis functions directly (the download runs outside the page's script,
where Streamlit's caches are not at hand). The example filters below the tabs
need the styles and formats present, whichever tab is open.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

import pandas as pd
import streamlit as st

from phi_core.analysis import (
    category_matrix,
    compare_runs,
    confusion_frame,
    error_type_counts,
    format_matrix,
    script_recall_frame,
    style_matrix,
)
from phi_core.figures import (
    breakdown_heatmap,
    category_heatmap,
    confusion_heatmap,
    error_type_bars,
    fixed_broken_bars,
    script_recall_bars,
)
from phi_core.ui.cached import stored
from phi_core.ui.error_drilldown import default_comparison, selection_from_click

ANY = "(any)"
# Drill-down widget keys; a click on a chart writes them before the widgets are drawn.
RUN_KEY, TYPE_KEY, CATEGORY_KEY, LAST_CLICK = "ea_run", "ea_type", "ea_category", "ea_last_click"
STYLE_KEY, FORMAT_KEY = "ea_style", "ea_format"
BREAKDOWN_METRIC_KEY = "ea_breakdown_metric"
COMPARE_KEYS = ("ea_cmp_a", "ea_cmp_b")


def present_breakdowns(store: Any, run_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """The document styles and value formats the runs' reports have (cached until the store changes)."""
    styles, formats = stored(style_matrix, store, list(run_ids)), stored(format_matrix, store, list(run_ids))
    return sorted(set(styles.get("style", []))), sorted(set(formats.get("format", [])))


def compared_pair(runs: pd.DataFrame, run_ids: list[str]) -> tuple[str, str]:
    """The two runs the comparison tab shows: the user's last choice, else the default pair."""
    default_a, default_b = default_comparison(runs, run_ids)
    state = st.session_state
    chosen = [state.get(key) for key in COMPARE_KEYS]
    if all(run in run_ids for run in chosen):
        return chosen[0], chosen[1]
    return default_a, default_b


def hidden_exports(
    store: Any,
    run_ids: Sequence[str],
    hidden: Sequence[str],
    language: str,
    run_labels: Mapping[str, str],
    runs: pd.DataFrame,
) -> dict[str, dict[str, Callable[[], Any]]]:
    """``figures`` and ``tables`` builders (for PageExports.later) of the tabs in ``hidden``."""
    ids = list(run_ids)
    figures: dict[str, Callable[[], Any]] = {}
    tables: dict[str, Callable[[], pd.DataFrame]] = {}
    if "category" in hidden:
        for metric, name in (("relaxed_recall", "recall_by_category"), ("relaxed_precision", "precision_by_category")):
            figures[name] = lambda metric=metric: category_heatmap(
                category_matrix(store, ids), metric, language=language
            )
        tables["category_matrix"] = lambda: category_matrix(store, ids)
    if "types" in hidden:
        figures["error_types"] = lambda: error_type_bars(error_type_counts(store, ids), language=language)
        tables["error_types"] = lambda: error_type_counts(store, ids)
    if "confusion" in hidden:
        figures["category_confusion"] = lambda: confusion_heatmap(confusion_frame(store, ids), language=language)
        tables["category_confusion"] = lambda: confusion_frame(store, ids)
    if "script" in hidden:
        figures["recall_by_script"] = lambda: script_recall_bars(script_recall_frame(store, ids), language=language)
        tables["recall_by_script"] = lambda: script_recall_frame(store, ids)
    if "style" in hidden:
        _breakdowns(store, ids, language, figures, tables)
    if "compare" in hidden and len(ids) > 1:
        run_a, run_b = compared_pair(runs[runs["run_id"].isin(ids)], ids)
        if run_a != run_b:
            labels = {"label_a": run_labels.get(run_a, run_a), "label_b": run_labels.get(run_b, run_b)}
            figures["fixed_broken"] = lambda: fixed_broken_bars(
                compare_runs(store, run_a, run_b), **labels, language=language
            )
            tables["fixed_broken_by_category"] = lambda: compare_runs(store, run_a, run_b)
    return {"figures": figures, "tables": tables}


def _breakdowns(store: Any, ids: list[str], language: str, figures: dict, tables: dict) -> None:
    # The section draws nothing when no report records a style or a format; neither does the zip.
    styles, formats = stored(style_matrix, store, ids), stored(format_matrix, store, ids)
    if styles.empty and formats.empty:
        return
    metric = st.session_state.get(BREAKDOWN_METRIC_KEY, "recall")
    figures[f"{metric}_by_style"] = lambda: breakdown_heatmap(styles, "style", metric, language=language)
    figures[f"{metric}_by_format"] = lambda: breakdown_heatmap(formats, "format", metric, language=language)
    tables["style_matrix"] = lambda: styles
    tables["format_matrix"] = lambda: formats


def apply_click(event, label_to_run: dict[str, str], kind: str) -> None:
    """A click on a heatmap cell or an error bar picks run, category or type below (once per click)."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if not points:
        return
    point = points[0]
    click = (kind, str(point.get("x")), str(point.get("y")), str(point.get("customdata")))
    if st.session_state.get(LAST_CLICK) == click:
        return  # the same selection survives reruns; apply it only when it changes
    st.session_state[LAST_CLICK] = click
    chosen = selection_from_click(kind, point, label_to_run)
    for name, key in (("run", RUN_KEY), ("category", CATEGORY_KEY), ("type", TYPE_KEY)):
        if name in chosen:
            st.session_state[key] = ANY if chosen[name] is None else chosen[name]


def apply_breakdown_click(event, label_to_run: dict[str, str], key: str) -> None:
    """A click on a style or format cell picks that run and that style (or format) for the examples."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if not points:
        return
    x, y = str(points[0].get("x")), str(points[0].get("y"))
    click = (key, x, y)
    if st.session_state.get(LAST_CLICK) == click:
        return
    st.session_state[LAST_CLICK] = click
    # Styles run across with runs down; value formats run down with runs across.
    run_label, value = (x, y) if x in label_to_run else (y, x)
    st.session_state[key] = value
    if run_label in label_to_run:
        st.session_state[RUN_KEY] = label_to_run[run_label]
