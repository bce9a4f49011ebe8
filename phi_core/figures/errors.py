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
METRIC_TITLES_JA = {
    "relaxed_recall": "カテゴリ別の再現率（緩和一致）",
    "relaxed_precision": "カテゴリ別の適合率（緩和一致）",
    "strict_recall": "カテゴリ別の再現率（境界の完全一致）",
    "strict_precision": "カテゴリ別の適合率（境界の完全一致）",
}
ERROR_TYPE_LABELS_JA = {
    "missed": "見逃し",
    "spurious": "過検出",
    "boundary": "境界のずれ",
    "wrong_category": "カテゴリ誤り",
    "impure": "値に余分な文字",
    "not_in_text": "本文にない値",
}
SCRIPT_NAMES_JA = {
    "kanji": "漢字",
    "hiragana": "ひらがな",
    "katakana": "カタカナ",
    "romaji": "ローマ字",
    "mixed": "混在",
    "digits": "数字",
}
# Every other text of these charts as (English, Japanese).
TEXTS = {
    "recall": ("recall", "再現率"),
    "precision": ("precision", "適合率"),
    "leak_rate": ("leak rate", "漏れ率"),
    "gold_spans": ("gold spans", "正解スパン数"),
    "no_categories": ("No per-category results yet", "カテゴリ別の結果はまだありません"),
    "types_title": ("Error types per run", "実行ごとのエラーの種類"),
    "no_errors": ("No errors counted yet", "数えたエラーはまだありません"),
    "count": ("count", "件数"),
    "confusion_title": ("Gold category against predicted label", "正解カテゴリと予測ラベル"),
    "no_matches": ("No matched spans yet", "一致したスパンはまだありません"),
    "spans": ("spans", "スパン数"),
    "gold": ("gold", "正解"),
    "predicted": ("predicted", "予測"),
    "script_title": ("Recall by script of the PHI value", "PHIの値の文字種別の再現率"),
    "no_script": ("No gold spans to measure recall by script", "文字種別の再現率を測る正解スパンがありません"),
    "no_shared": ("The two runs share no gold spans", "2つの実行に共通する正解スパンがありません"),
    "fixed": ("fixed (found only by B)", "改善（Bだけが検出）"),
    "broken": ("broken (found only by A)", "悪化（Aだけが検出）"),
    "broken_hover": ("broken", "悪化"),
}


def _text(key: str, language: str) -> str:
    english, japanese = TEXTS[key]
    return japanese if language == "ja" else english


def error_type_label(error_type: str, language: str = "en") -> str:
    """An error type's name in the language (the code for unknown types)."""
    names = ERROR_TYPE_LABELS_JA if language == "ja" else ERROR_TYPE_LABELS
    return names.get(error_type, error_type)


def _percent_text(z: np.ndarray) -> list[list[str]]:
    return [["" if np.isnan(v) else f"{100 * v:.0f}%" for v in row] for row in z]


def category_heatmap(
    matrix: pd.DataFrame, metric: str = "relaxed_recall", *, language: str = "en", title: str | None = None
) -> go.Figure:
    """Runs down, categories across, cell = the metric (blank where the run had nothing to measure)."""
    title = title or (METRIC_TITLES_JA if language == "ja" else METRIC_TITLES).get(metric, metric)
    if matrix.empty:
        return empty_figure(_text("no_categories", language), title)
    require_columns(matrix, ("label", "category", metric), "category matrix")
    table = matrix.pivot_table(index="label", columns="category", values=metric, aggfunc="mean")
    columns = category_order(list(table.columns))
    table = table[columns]
    z = table.to_numpy(dtype=float)
    customdata = None
    if "support" in matrix:
        support = matrix.pivot_table(index="label", columns="category", values="support", aggfunc="sum")
        customdata = support.reindex(index=table.index, columns=columns).fillna(0).to_numpy()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=list(table.index),
            zmin=0,
            zmax=1,
            colorscale=SEQUENTIAL_SCALE,
            text=_percent_text(z),
            texttemplate="%{text}",
            customdata=customdata,
            xgap=2,
            ygap=2,
            colorbar=dict(
                title=dict(
                    text=_text(metric.split("_")[-1], language)
                    if metric.split("_")[-1] in TEXTS
                    else metric.split("_")[-1]
                ),
                tickformat=".0%",
            ),
            hovertemplate=(
                "%{y}<br>%{x}<br>%{z:.1%}"
                + (f"<br>{_text('gold_spans', language)} %{{customdata}}" if customdata is not None else "")
                + "<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(
        tickmode="array",
        tickvals=columns,
        ticktext=[category_tick(c, language) for c in columns],
        tickangle=-35,
        showgrid=False,
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return apply_theme(fig, title)


def error_type_bars(counts: pd.DataFrame, *, title: str | None = None, language: str = "en") -> go.Figure:
    """Stacked bars: how each run goes wrong."""
    title = title or _text("types_title", language)
    if counts.empty:
        return empty_figure(_text("no_errors", language), title)
    require_columns(counts, ("label", "type", "count"), "error type")
    fig = go.Figure()
    types = [t for t in ERROR_TYPE_COLORS if t in set(counts["type"])]
    types += sorted(set(counts["type"]) - set(types))
    labels = list(dict.fromkeys(counts["label"]))
    for error_type in types:
        part = counts[counts["type"] == error_type].groupby("label")["count"].sum().reindex(labels, fill_value=0)
        name = error_type_label(error_type, language)
        fig.add_trace(
            go.Bar(
                x=labels,
                y=part.values,
                name=name,
                marker_color=ERROR_TYPE_COLORS.get(error_type),
                customdata=[error_type] * len(labels),
                hovertemplate="%{x}<br>" + name + ": %{y}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend=SIDE_LEGEND)
    fig.update_yaxes(title_text=_text("count", language))
    return apply_theme(fig, title)


def confusion_heatmap(confusion: pd.DataFrame, *, language: str = "en", title: str | None = None) -> go.Figure:
    """Counts of matched spans; off-diagonal cells are classification mistakes."""
    title = title or _text("confusion_title", language)
    if confusion.empty:
        return empty_figure(_text("no_matches", language), title)
    require_columns(confusion, ("gold_category", "predicted_category", "count"), "confusion")
    table = confusion.pivot_table(
        index="gold_category", columns="predicted_category", values="count", aggfunc="sum", fill_value=0
    )
    rows = category_order(list(table.index))
    columns = category_order(list(table.columns))
    table = table.reindex(index=rows, columns=columns, fill_value=0)
    z = table.to_numpy(dtype=float)
    text = [[f"{int(v)}" if v else "" for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            colorscale=COUNT_SCALE,
            text=text,
            texttemplate="%{text}",
            xgap=1,
            ygap=1,
            colorbar=dict(title=dict(text=_text("spans", language))),
            hovertemplate=(
                f"{_text('gold', language)} %{{y}}<br>{_text('predicted', language)} %{{x}}<br>"
                f"%{{z}} {_text('spans', language)}<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(
        title_text=_text("predicted", language),
        tickmode="array",
        tickvals=columns,
        ticktext=[category_tick(c, language) for c in columns],
        tickangle=-35,
        showgrid=False,
    )
    fig.update_yaxes(
        title_text=_text("gold", language),
        tickmode="array",
        tickvals=rows,
        ticktext=[category_tick(c, language) for c in rows],
        autorange="reversed",
        showgrid=False,
    )
    return apply_theme(fig, title)


def script_recall_bars(frame: pd.DataFrame, *, title: str | None = None, language: str = "en") -> go.Figure:
    """Grouped bars per script, one colour per run; the text says found/total."""
    title = title or _text("script_title", language)
    if frame.empty:
        return empty_figure(_text("no_script", language), title)
    require_columns(frame, ("label", "script", "found", "total", "recall"), "script recall")
    scripts = [s for s in SCRIPT_ORDER if s in set(frame["script"])]
    scripts += sorted(set(frame["script"]) - set(scripts))
    colors = series_colors(frame["label"])
    fig = go.Figure()
    for label, color in colors.items():
        part = frame[frame["label"] == label].set_index("script").reindex(scripts)
        text = [f"{int(f)}/{int(t)}" if pd.notna(t) and t else "" for f, t in zip(part["found"], part["total"])]
        fig.add_trace(
            go.Bar(
                x=scripts,
                y=part["recall"],
                name=label,
                marker_color=color,
                text=text,
                textposition="outside",
                hovertemplate=label + "<br>%{x}: %{y:.1%} (%{text})<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", legend=SIDE_LEGEND)
    if language == "ja":
        fig.update_xaxes(tickmode="array", tickvals=scripts, ticktext=[SCRIPT_NAMES_JA.get(s, s) for s in scripts])
    fig.update_yaxes(range=[0, 1.12], tickformat=".0%", title_text=_text("recall", language))
    return apply_theme(fig, title)


def fixed_broken_bars(
    comparison: pd.DataFrame,
    *,
    label_a: str = "run A",
    label_b: str = "run B",
    language: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Per category: gold spans run B found that run A missed (fixed, up) and the reverse (broken, down)."""
    title = title or (
        f"{label_a} から {label_b} への変化" if language == "ja" else f"What changed from {label_a} to {label_b}"
    )
    if comparison.empty:
        return empty_figure(_text("no_shared", language), title)
    require_columns(comparison, ("category", "fixed", "broken"), "run comparison")
    frame = comparison.set_index("category").reindex(category_order(list(comparison["category"]))).reset_index()
    ticks = [category_tick(c, language) for c in frame["category"]]
    fig = go.Figure(
        [
            go.Bar(
                x=frame["category"],
                y=frame["fixed"],
                name=_text("fixed", language),
                marker_color="#009E73",
                text=frame["fixed"],
                textposition="outside",
            ),
            go.Bar(
                x=frame["category"],
                y=-frame["broken"],
                name=_text("broken", language),
                marker_color="#D55E00",
                text=frame["broken"],
                textposition="outside",
                customdata=frame["broken"],
                hovertemplate="%{x}<br>" + _text("broken_hover", language) + " %{customdata}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(barmode="relative", legend=SIDE_LEGEND)
    fig.update_xaxes(tickmode="array", tickvals=list(frame["category"]), ticktext=ticks, tickangle=-35)
    fig.update_yaxes(title_text=_text("gold_spans", language), zeroline=True, zerolinecolor="#888888")
    return apply_theme(fig, title)


BREAKDOWN_TITLES = {
    ("style", "recall"): "Recall by document style",
    ("style", "precision"): "Precision by document style",
    ("style", "leak_rate"): "Leaked PHI characters by document style",
    ("format", "recall"): "Recall by value format",
    ("format", "precision"): "Precision by value format (characters of predictions touching it)",
    ("format", "leak_rate"): "Leaked PHI characters by value format",
}
BREAKDOWN_TITLES_JA = {
    ("style", "recall"): "文書の種類別の再現率",
    ("style", "precision"): "文書の種類別の適合率",
    ("style", "leak_rate"): "文書の種類別の漏れたPHI文字の割合",
    ("format", "recall"): "値の書式別の再現率",
    ("format", "precision"): "値の書式別の適合率（その値に触れる予測の文字）",
    ("format", "leak_rate"): "値の書式別の漏れたPHI文字の割合",
}


def breakdown_heatmap(
    matrix: pd.DataFrame,
    by: str = "style",
    metric: str = "recall",
    *,
    limit: int | None = 30,
    title: str | None = None,
    language: str = "en",
) -> go.Figure:
    """Document styles (or value formats) against runs, cell = recall, precision or leak rate.

    ``matrix`` is phi_core.analysis.style_matrix or format_matrix. Styles run
    across with runs down, like the category heatmap; value formats are many,
    so they run down (runs across) and only the ``limit`` weakest are drawn
    (the table beside the figure has them all). Weakest first, by the mean
    over runs. A leak rate is better low, so its colour scale runs the other way.
    """
    if by not in ("style", "format") or metric not in ("recall", "precision", "leak_rate"):
        raise ValueError(
            f"breakdown by {by!r} of {metric!r} is not drawn; by: style or format, "
            "metric: recall, precision or leak_rate"
        )
    ja = language == "ja"
    title = title or (BREAKDOWN_TITLES_JA if ja else BREAKDOWN_TITLES)[(by, metric)]
    if matrix.empty:
        return empty_figure(
            ("文書の種類" if by == "style" else "値の書式") + "の内訳はまだありません。それを記録した"
            "データセット（例：synthetic-styles）で実行を採点してください"
            if ja
            else f"No {by} breakdown yet: score a run on a dataset whose reports record it (e.g. synthetic-styles)",
            title,
        )
    require_columns(matrix, ("label", by, metric), f"{by} matrix")
    table = matrix.pivot_table(index="label", columns=by, values=metric, aggfunc="mean", dropna=False)
    weakest = table.mean(axis=0).sort_values(ascending=metric != "leak_rate", kind="stable", na_position="last")
    keys = list(weakest.index)
    if limit and len(keys) > limit:
        title = f"{title} — {len(keys)}件中の弱い{limit}件" if ja else f"{title} — the {limit} weakest of {len(keys)}"
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
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list(grid.columns),
            y=list(grid.index),
            zmin=0,
            zmax=1,
            colorscale=SEQUENTIAL_SCALE,
            reversescale=metric == "leak_rate",
            text=_percent_text(z),
            texttemplate="%{text}",
            customdata=customdata,
            xgap=2,
            ygap=2,
            colorbar=dict(title=dict(text=_text(metric, language)), tickformat=".0%"),
            hovertemplate=(
                "%{y}<br>%{x}<br>%{z:.1%}"
                + (f"<br>{_text('gold_spans', language)} %{{customdata}}" if customdata is not None else "")
                + "<extra></extra>"
            ),
        )
    )
    # Every row and column named: Plotly would otherwise skip labels on a crowded axis.
    fig.update_xaxes(
        tickmode="array",
        tickvals=list(grid.columns),
        tickangle=-35 if across else 0,
        showgrid=False,
        side="bottom" if across else "top",
    )
    fig.update_yaxes(tickmode="array", tickvals=list(grid.index), autorange="reversed", showgrid=False, automargin=True)
    return apply_theme(fig, title)
