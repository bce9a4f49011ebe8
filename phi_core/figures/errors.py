"""Error analysis figures: per-category, per-style and per-format heatmaps, error types, confusion, script recall."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from phi_core.figures.common import empty_figure, require_columns
from phi_core.figures.theme import (
    COUNT_SCALE,
    ERROR_TYPE_COLORS,
    ERROR_TYPE_LABELS,
    SEQUENTIAL_SCALE,
    SIDE_LEGEND,
    apply_theme,
    category_order,
    category_tick,
    series_colors,
)

SCRIPT_ORDER = ("kanji", "hiragana", "katakana", "romaji", "mixed", "digits")
METRIC_TITLES = {
    "relaxed_recall": "Recall by category (relaxed match)",
    "relaxed_precision": "Precision by category (relaxed match)",
    "strict_recall": "Recall by category (exact boundaries)",
    "strict_precision": "Precision by category (exact boundaries)",
}


def _percent_text(z: np.ndarray) -> list[list[str]]:
    return [["" if np.isnan(v) else f"{100 * v:.0f}%" for v in row] for row in z]


def category_heatmap(matrix: pd.DataFrame, metric: str = "relaxed_recall", *, language: str = "en",
                     title: str | None = None) -> go.Figure:
    """Runs down, categories across, cell = the metric (blank where the run had nothing to measure)."""
    title = title or METRIC_TITLES.get(metric, metric)
    if matrix.empty:
        return empty_figure("No per-category results yet", title)
    require_columns(matrix, ("label", "category", metric), "category matrix")
    table = matrix.pivot_table(index="label", columns="category", values=metric, aggfunc="mean")
    columns = category_order(list(table.columns))
    table = table[columns]
    z = table.to_numpy(dtype=float)
    customdata = None
    if "support" in matrix:
        support = matrix.pivot_table(index="label", columns="category", values="support", aggfunc="sum")
        customdata = support.reindex(index=table.index, columns=columns).fillna(0).to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=columns, y=list(table.index), zmin=0, zmax=1, colorscale=SEQUENTIAL_SCALE,
        text=_percent_text(z), texttemplate="%{text}", customdata=customdata, xgap=2, ygap=2,
        colorbar=dict(title=dict(text=metric.split("_")[-1]), tickformat=".0%"),
        hovertemplate=("%{y}<br>%{x}<br>%{z:.1%}" + ("<br>gold spans %{customdata}" if customdata is not None
                                                    else "") + "<extra></extra>"),
    ))
    fig.update_xaxes(tickmode="array", tickvals=columns, ticktext=[category_tick(c, language) for c in columns],
                     tickangle=-35, showgrid=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return apply_theme(fig, title)


def error_type_bars(counts: pd.DataFrame, *, title: str = "Error types per run") -> go.Figure:
    """Stacked bars: how each run goes wrong."""
    if counts.empty:
        return empty_figure("No errors counted yet", title)
    require_columns(counts, ("label", "type", "count"), "error type")
    fig = go.Figure()
    types = [t for t in ERROR_TYPE_COLORS if t in set(counts["type"])]
    types += sorted(set(counts["type"]) - set(types))
    labels = list(dict.fromkeys(counts["label"]))
    for error_type in types:
        part = counts[counts["type"] == error_type].groupby("label")["count"].sum().reindex(labels, fill_value=0)
        fig.add_trace(go.Bar(x=labels, y=part.values, name=ERROR_TYPE_LABELS.get(error_type, error_type),
                             marker_color=ERROR_TYPE_COLORS.get(error_type), customdata=[error_type] * len(labels),
                             hovertemplate="%{x}<br>" + ERROR_TYPE_LABELS.get(error_type, error_type)
                             + ": %{y}<extra></extra>"))
    fig.update_layout(barmode="stack", legend=SIDE_LEGEND)
    fig.update_yaxes(title_text="count")
    return apply_theme(fig, title)


def confusion_heatmap(confusion: pd.DataFrame, *, language: str = "en",
                      title: str = "Gold category against predicted label") -> go.Figure:
    """Counts of matched spans; off-diagonal cells are classification mistakes."""
    if confusion.empty:
        return empty_figure("No matched spans yet", title)
    require_columns(confusion, ("gold_category", "predicted_category", "count"), "confusion")
    table = confusion.pivot_table(index="gold_category", columns="predicted_category", values="count",
                                  aggfunc="sum", fill_value=0)
    rows = category_order(list(table.index))
    columns = category_order(list(table.columns))
    table = table.reindex(index=rows, columns=columns, fill_value=0)
    z = table.to_numpy(dtype=float)
    text = [[f"{int(v)}" if v else "" for v in row] for row in z]
    fig = go.Figure(go.Heatmap(
        z=z, x=columns, y=rows, colorscale=COUNT_SCALE, text=text, texttemplate="%{text}", xgap=1, ygap=1,
        colorbar=dict(title=dict(text="spans")),
        hovertemplate="gold %{y}<br>predicted %{x}<br>%{z} spans<extra></extra>",
    ))
    fig.update_xaxes(title_text="predicted", tickmode="array", tickvals=columns,
                     ticktext=[category_tick(c, language) for c in columns], tickangle=-35, showgrid=False)
    fig.update_yaxes(title_text="gold", tickmode="array", tickvals=rows,
                     ticktext=[category_tick(c, language) for c in rows], autorange="reversed", showgrid=False)
    return apply_theme(fig, title)


def script_recall_bars(frame: pd.DataFrame, *, title: str = "Recall by script of the PHI value") -> go.Figure:
    """Grouped bars per script, one colour per run; the text says found/total."""
    if frame.empty:
        return empty_figure("No gold spans to measure recall by script", title)
    require_columns(frame, ("label", "script", "found", "total", "recall"), "script recall")
    scripts = [s for s in SCRIPT_ORDER if s in set(frame["script"])]
    scripts += sorted(set(frame["script"]) - set(scripts))
    colors = series_colors(frame["label"])
    fig = go.Figure()
    for label, color in colors.items():
        part = frame[frame["label"] == label].set_index("script").reindex(scripts)
        text = [f"{int(f)}/{int(t)}" if pd.notna(t) and t else "" for f, t in zip(part["found"], part["total"])]
        fig.add_trace(go.Bar(x=scripts, y=part["recall"], name=label, marker_color=color, text=text,
                             textposition="outside",
                             hovertemplate=label + "<br>%{x}: %{y:.1%} (%{text})<extra></extra>"))
    fig.update_layout(barmode="group", legend=SIDE_LEGEND)
    fig.update_yaxes(range=[0, 1.12], tickformat=".0%", title_text="recall")
    return apply_theme(fig, title)


def fixed_broken_bars(comparison: pd.DataFrame, *, label_a: str = "run A", label_b: str = "run B",
                      language: str = "en", title: str | None = None) -> go.Figure:
    """Per category: gold spans run B found that run A missed (fixed, up) and the reverse (broken, down)."""
    title = title or f"What changed from {label_a} to {label_b}"
    if comparison.empty:
        return empty_figure("The two runs share no gold spans", title)
    require_columns(comparison, ("category", "fixed", "broken"), "run comparison")
    frame = comparison.set_index("category").reindex(category_order(list(comparison["category"]))).reset_index()
    ticks = [category_tick(c, language) for c in frame["category"]]
    fig = go.Figure([
        go.Bar(x=frame["category"], y=frame["fixed"], name="fixed (found only by B)", marker_color="#009E73",
               text=frame["fixed"], textposition="outside"),
        go.Bar(x=frame["category"], y=-frame["broken"], name="broken (found only by A)", marker_color="#D55E00",
               text=frame["broken"], textposition="outside", customdata=frame["broken"],
               hovertemplate="%{x}<br>broken %{customdata}<extra></extra>"),
    ])
    fig.update_layout(barmode="relative", legend=SIDE_LEGEND)
    fig.update_xaxes(tickmode="array", tickvals=list(frame["category"]), ticktext=ticks, tickangle=-35)
    fig.update_yaxes(title_text="gold spans", zeroline=True, zerolinecolor="#888888")
    return apply_theme(fig, title)


BREAKDOWN_TITLES = {
    ("style", "recall"): "Recall by document style",
    ("style", "precision"): "Precision by document style",
    ("style", "leak_rate"): "Leaked PHI characters by document style",
    ("format", "recall"): "Recall by value format",
    ("format", "precision"): "Precision by value format (characters of predictions touching it)",
    ("format", "leak_rate"): "Leaked PHI characters by value format",
}


def breakdown_heatmap(matrix: pd.DataFrame, by: str = "style", metric: str = "recall", *,
                      limit: int | None = 30, title: str | None = None) -> go.Figure:
    """Document styles (or value formats) against runs, cell = recall, precision or leak rate.

    ``matrix`` is phi_core.analysis.style_matrix or format_matrix. Styles run
    across with runs down, like the category heatmap; value formats are many,
    so they run down (runs across) and only the ``limit`` weakest are drawn
    (the table beside the figure has them all). Weakest first, by the mean
    over runs. A leak rate is better low, so its colour scale runs the other way.
    """
    if by not in ("style", "format") or metric not in ("recall", "precision", "leak_rate"):
        raise ValueError(f"breakdown by {by!r} of {metric!r} is not drawn; by: style or format, "
                         "metric: recall, precision or leak_rate")
    title = title or BREAKDOWN_TITLES[(by, metric)]
    if matrix.empty:
        return empty_figure(f"No {by} breakdown yet: score a run on a dataset whose reports record it "
                            "(e.g. synthetic-styles)", title)
    require_columns(matrix, ("label", by, metric), f"{by} matrix")
    table = matrix.pivot_table(index="label", columns=by, values=metric, aggfunc="mean", dropna=False)
    weakest = table.mean(axis=0).sort_values(ascending=metric != "leak_rate", kind="stable", na_position="last")
    keys = list(weakest.index)
    if limit and len(keys) > limit:
        title = f"{title} — the {limit} weakest of {len(keys)}"
        keys = keys[:limit]
    table = table[keys]
    size = "support" if "support" in matrix else "gold" if "gold" in matrix else None
    counts = None
    if size:
        counts = matrix.pivot_table(index="label", columns=by, values=size, aggfunc="sum")
        counts = counts.reindex(index=table.index, columns=keys).fillna(0)
    across = by == "style"
    grid = table if across else table.T
    z = grid.to_numpy(dtype=float)
    customdata = None if counts is None else (counts if across else counts.T).to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=list(grid.columns), y=list(grid.index), zmin=0, zmax=1, colorscale=SEQUENTIAL_SCALE,
        reversescale=metric == "leak_rate", text=_percent_text(z), texttemplate="%{text}", customdata=customdata,
        xgap=2, ygap=2, colorbar=dict(title=dict(text=metric.replace("_", " ")), tickformat=".0%"),
        hovertemplate=("%{y}<br>%{x}<br>%{z:.1%}" + ("<br>gold spans %{customdata}" if customdata is not None
                                                    else "") + "<extra></extra>"),
    ))
    # Every row and column named: Plotly would otherwise skip labels on a crowded axis.
    fig.update_xaxes(tickmode="array", tickvals=list(grid.columns), tickangle=-35 if across else 0,
                     showgrid=False, side="bottom" if across else "top")
    fig.update_yaxes(tickmode="array", tickvals=list(grid.index), autorange="reversed", showgrid=False,
                     automargin=True)
    return apply_theme(fig, title)
