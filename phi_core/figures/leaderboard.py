"""Leaderboard figures: composite score with CI, and score against speed.

Rows the paper reported are drawn in their own panel, grey and hatched, and
labelled "reported by the paper": they are context, never part of our ranking.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from phi_core.figures.common import empty_figure, error_bars, require_columns
from phi_core.figures.theme import (
    FRONT_COLOR,
    REFERENCE_COLOR,
    REFERENCE_PATTERN,
    SERIES_COLORS,
    SIDE_LEGEND,
    apply_theme,
    reference_label,
)

MEASURED_TITLE = "Measured on this dataset"
REFERENCE_TITLE = "Reported by the paper (not measured here; our formulas differ)"
# Each text as (English, Japanese).
TEXTS = {
    "measured_title": (MEASURED_TITLE, "このデータセットでの測定値"),
    "reference_title": (REFERENCE_TITLE, "論文の報告値（ここでは測定していません。計算式も異なります）"),
    "bar_title": ("Composite score (0-100)", "総合スコア（0〜100）"),
    "no_runs": ("No scored runs yet", "採点済みの実行はまだありません"),
    "measured": ("measured (95% CI)", "測定値（95%信頼区間）"),
    "score": ("score", "スコア"),
    "reported": ("reported", "報告値"),
    "composite": ("composite score", "総合スコア"),
    "scatter_title": ("Score against seconds per report", "スコアと1件あたりの秒数"),
    "no_timings": ("No scored runs with timings yet", "所要時間のある採点済み実行はまだありません"),
    "front": ("Pareto front", "パレートフロント"),
    "runs": ("runs", "実行"),
    "points": ("points", "点"),
    "per_report": ("s per report", "秒／件"),
    "x_axis": ("seconds per report (lower is better)", "1件あたりの秒数（小さいほど良い）"),
    "y_axis": ("composite score (higher is better)", "総合スコア（大きいほど良い）"),
}


def _text(key: str, language: str) -> str:
    english, japanese = TEXTS[key]
    return japanese if language == "ja" else english


# Screen height per bar of the leaderboard chart.
BAR_ROW_PX = 26
# The score/speed chart labels every run up to this many, else only the Pareto front.
ALL_LABELS_UP_TO = 8


def select_reference_rows(reference: pd.DataFrame, tables: tuple[str, ...] = ("S8",)) -> pd.DataFrame:
    """The paper's rows of the chosen tables, without its means over models (not a model's score)."""
    if reference is None or reference.empty:
        return pd.DataFrame(columns=["label", "score"])
    rows = reference
    if "kind" in rows:
        rows = rows[rows["kind"] != "aggregate"]
    if tables and "source_table" in rows:
        rows = rows[rows["source_table"].isin(tables)]
    return rows.reset_index(drop=True)


def _measured_bars(measured: pd.DataFrame, language: str = "en") -> go.Bar:
    ranked = measured.sort_values("score", ascending=True)  # best at the top of a horizontal bar chart
    lo = ranked["score_lo"] if "score_lo" in ranked else pd.Series(np.nan, index=ranked.index)
    hi = ranked["score_hi"] if "score_hi" in ranked else pd.Series(np.nan, index=ranked.index)
    return go.Bar(
        x=ranked["score"],
        y=ranked["label"],
        orientation="h",
        name=_text("measured", language),
        marker_color=SERIES_COLORS[0],
        error_x=error_bars(ranked["score"], lo, hi),
        text=[f"{s:.1f}" for s in ranked["score"]],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>" + _text("score", language) + " %{x:.2f}<extra></extra>",
    )


def _reference_bars(reference: pd.DataFrame, language: str = "en") -> go.Bar:
    ranked = reference.sort_values("score", ascending=True)
    return go.Bar(
        x=ranked["score"],
        y=ranked["label"],
        orientation="h",
        name=reference_label(language),
        marker=dict(
            color="white",
            line=dict(color=REFERENCE_COLOR, width=2),
            pattern=dict(shape=REFERENCE_PATTERN, fgcolor=REFERENCE_COLOR),
        ),
        text=[f"{s:.2f}" for s in ranked["score"]],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=(
            "%{y}<br>" + _text("reported", language) + " %{x:.2f}<extra>" + reference_label(language) + "</extra>"
        ),
    )


def leaderboard_bar(
    measured: pd.DataFrame, reference: pd.DataFrame | None = None, *, title: str | None = None, language: str = "en"
) -> go.Figure:
    """Horizontal bars of the composite score, measured rows above the paper's rows."""
    title = title or _text("bar_title", language)
    measured = measured.dropna(subset=["score"]) if "score" in measured else measured.iloc[0:0]
    reference = (
        reference.dropna(subset=["score"])
        if reference is not None and "score" in reference
        else pd.DataFrame(columns=["label", "score"])
    )
    if measured.empty and reference.empty:
        return empty_figure(_text("no_runs", language), title)
    require_columns(measured, ("label", "score"), "leaderboard")
    if reference.empty:
        fig = go.Figure(_measured_bars(measured, language))
        fig.update_yaxes(title_text=_text("measured_title", language))
    else:
        sizes = [max(len(measured), 1), max(len(reference), 1)]
        fig = make_subplots(
            rows=2,
            cols=1,
            shared_xaxes=True,
            vertical_spacing=0.12,
            row_heights=[s / sum(sizes) for s in sizes],
            subplot_titles=(_text("measured_title", language), _text("reference_title", language)),
        )
        if not measured.empty:
            fig.add_trace(_measured_bars(measured, language), row=1, col=1)
        fig.add_trace(_reference_bars(reference, language), row=2, col=1)
    fig.update_xaxes(range=[0, 108])
    fig.update_xaxes(title_text=_text("composite", language), row=2 if not reference.empty else None)
    fig.update_yaxes(tickmode="linear", dtick=1)  # every label, not every other one
    # On screen every bar keeps a readable height however many runs there are;
    # the slide copy (presentation_copy) sets its own fixed size.
    rows = len(measured) + len(reference)
    fig.update_layout(bargap=0.25, legend=SIDE_LEGEND, height=max(450, 180 + BAR_ROW_PX * rows))
    return apply_theme(fig, title)


def _front_path(front: pd.DataFrame) -> pd.DataFrame:
    return front.sort_values(["sec_per_report", "score"])


def pareto_scatter(
    measured: pd.DataFrame, on_front: pd.Series | None = None, *, title: str | None = None, language: str = "en"
) -> go.Figure:
    """Each run as a point; the Pareto front (nothing both faster and better) joined by a step line."""
    title = title or _text("scatter_title", language)
    if measured.empty or "sec_per_report" not in measured:
        return empty_figure(_text("no_timings", language), title)
    require_columns(measured, ("label", "score", "sec_per_report"), "leaderboard")
    points = measured.dropna(subset=["score", "sec_per_report"])
    if points.empty:
        return empty_figure(_text("no_timings", language), title)
    mask = (
        on_front.reindex(points.index).fillna(False).astype(bool)
        if on_front is not None
        else pd.Series(False, index=points.index)
    )
    lo = points["score_lo"] if "score_lo" in points else pd.Series(np.nan, index=points.index)
    hi = points["score_hi"] if "score_hi" in points else pd.Series(np.nan, index=points.index)
    fig = go.Figure()
    front = _front_path(points[mask])
    if not front.empty:
        fig.add_trace(
            go.Scatter(
                x=front["sec_per_report"],
                y=front["score"],
                mode="lines",
                name=_text("front", language),
                line=dict(color=FRONT_COLOR, width=2, dash="dash", shape="hv"),
                hoverinfo="skip",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=points["sec_per_report"],
            y=points["score"],
            mode="markers+text",
            name=_text("runs", language),
            # With many runs clustered at LLM speeds every label would overlap, so
            # then only the front is labelled on the chart; hover names every point.
            text=[label if m or len(points) <= ALL_LABELS_UP_TO else "" for label, m in zip(points["label"], mask)],
            customdata=points["label"],
            textposition="top center",
            error_y=error_bars(points["score"], lo, hi),
            marker=dict(
                size=[16 if m else 11 for m in mask],
                color=SERIES_COLORS[0],
                symbol=["star" if m else "circle" for m in mask],
                line=dict(color=[FRONT_COLOR if m else "white" for m in mask], width=2),
            ),
            hovertemplate=(
                "%{customdata}<br>%{y:.2f} "
                + _text("points", language)
                + "<br>%{x:.3g} "
                + _text("per_report", language)
                + "<extra></extra>"
            ),
        )
    )
    seconds = points["sec_per_report"]
    positive = seconds[seconds > 0]
    if len(positive) == len(seconds) and positive.max() / positive.min() > 30:
        fig.update_xaxes(type="log")  # rules take milliseconds, LLMs tens of seconds
    else:
        # From zero with a little room either side: autorange around one point
        # shows negative seconds, and a point at the edge loses its label.
        top = float(seconds.max()) or 1.0
        fig.update_xaxes(range=[-0.04 * top, 1.15 * top], tickformat=".2~g")  # 0.0008, not 800µ
    fig.update_xaxes(title_text=_text("x_axis", language))
    fig.update_yaxes(title_text=_text("y_axis", language))
    fig.update_layout(legend=SIDE_LEGEND)
    return apply_theme(fig, title)
