"""Phase progression: mean score by phase per model, and the gain of each step."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from phi_core.figures.common import (
    empty_figure,
    error_bars,
    finite,
    phase_sort_key,
    require_columns,
)
from phi_core.figures.theme import (
    REFERENCE_COLOR,
    SERIES_COLORS,
    SIDE_LEGEND,
    apply_theme,
    reference_label,
    series_colors,
)


def reported_phase_means(reference_scores: pd.DataFrame | None) -> pd.DataFrame:
    """The paper's mean over models per phase (table S6 rows of kind 'aggregate')."""
    if reference_scores is None or reference_scores.empty or "kind" not in reference_scores:
        return pd.DataFrame(columns=["phase", "mean"])
    rows = reference_scores[reference_scores["kind"] == "aggregate"]
    score = "overall" if "overall" in rows else "score"
    if score not in rows:
        return pd.DataFrame(columns=["phase", "mean"])
    return pd.DataFrame({"phase": rows["phase"].astype(str), "mean": rows[score].astype(float)}).reset_index(drop=True)


def phase_lines(
    means: pd.DataFrame, reported: pd.DataFrame | None = None, *, title: str | None = None, language: str = "en"
) -> go.Figure:
    """One line per model with 95% CIs; the paper's phase means as a grey dashed line when given."""
    ja = language == "ja"
    if title is None:
        title = "フェーズ別の平均スコア" if ja else "Mean score by phase"
    if means.empty:
        return empty_figure(
            "複数のフェーズにまたがる実行はまだありません" if ja else "No runs in more than one phase yet", title
        )
    require_columns(means, ("model", "phase", "mean", "lo", "hi"), "phase means")
    frame = means.assign(phase=means["phase"].astype(str))
    reported = reported if reported is not None else pd.DataFrame(columns=["phase", "mean"])
    phases = sorted(set(frame["phase"]) | set(reported["phase"].astype(str)), key=phase_sort_key)
    fig = go.Figure()
    # "series" tells apart the same model name on two backends; plain frames have only "model".
    key = "series" if "series" in frame else "model"
    for model, color in series_colors(frame[key]).items():
        part = frame[frame[key] == model].sort_values("phase", key=lambda s: s.map(phase_sort_key))
        n = part["n"] if "n" in part else [None] * len(part)
        fig.add_trace(
            go.Scatter(
                x=part["phase"],
                y=part["mean"],
                mode="lines+markers",
                name=str(model),
                line=dict(color=color, width=3),
                marker=dict(size=10),
                error_y=error_bars(part["mean"], part["lo"], part["hi"]),
                customdata=list(n),
                hovertemplate=f"{model}<br>{'フェーズ' if ja else 'phase'} %{{x}}: %{{y:.2f}} (n=%{{customdata}})<extra></extra>",
            )
        )
    if not reported.empty:
        ordered = reported.assign(phase=reported["phase"].astype(str)).sort_values(
            "phase", key=lambda s: s.map(phase_sort_key)
        )
        fig.add_trace(
            go.Scatter(
                x=ordered["phase"],
                y=ordered["mean"],
                mode="lines+markers",
                name=("モデル平均（論文の報告値）" if ja else f"mean over models, {reference_label(language)}"),
                line=dict(color=REFERENCE_COLOR, dash="dash", width=2),
                marker=dict(symbol="diamond-open", size=11),
            )
        )
    fig.update_xaxes(
        title_text="フェーズ" if ja else "phase", type="category", categoryorder="array", categoryarray=phases
    )
    fig.update_yaxes(title_text="総合スコアの平均" if ja else "mean composite score")
    fig.update_layout(legend=SIDE_LEGEND)
    return apply_theme(fig, title)


def phase_start(means: pd.DataFrame, phase: str, model: str | None = None) -> float | None:
    """Mean score in ``phase`` (one model, or all models weighted by their report counts)."""
    if means.empty:
        return None
    rows = means[means["phase"].astype(str) == str(phase)]
    if model is not None:
        rows = rows[(rows["model"] == model) | (rows.get("series", rows["model"]) == model)]
    rows = rows.dropna(subset=["mean"])
    if rows.empty:
        return None
    weights = rows["n"].astype(float) if "n" in rows and rows["n"].notna().all() and rows["n"].sum() > 0 else None
    if weights is None:
        return float(rows["mean"].mean())
    return float((rows["mean"] * weights).sum() / weights.sum())


def _gain_text(row: pd.Series) -> str:
    text = f"{row['mean_diff']:+.1f}"
    if finite(row.get("ci_lo")) and finite(row.get("ci_hi")):
        text += f" [{row['ci_lo']:+.1f}, {row['ci_hi']:+.1f}]"
    return text


def gains_waterfall(
    gains: pd.DataFrame,
    *,
    start: float | None = None,
    start_label: str | None = None,
    title: str | None = None,
    language: str = "en",
) -> go.Figure:
    """Each bar is one step's mean paired gain; with ``start`` the first bar is the first phase's mean.

    The last bar is the start plus the summed gains. Steps are paired over
    the reports both phases share, so the sum need not equal the mean of the
    last phase when different models took part in different phases.
    """
    ja = language == "ja"
    if title is None:
        title = (
            "フェーズ移行ごとの改善幅（同一レポートで対応）"
            if ja
            else "Gain per phase transition (paired over reports)"
        )
    no_pairs = (
        "対応するレポートのあるフェーズ移行はまだありません" if ja else "No phase transition has paired reports yet"
    )
    if gains.empty:
        return empty_figure(no_pairs, title)
    require_columns(gains, ("from_phase", "to_phase", "mean_diff"), "phase gains")
    steps = gains.dropna(subset=["mean_diff"])
    if steps.empty:
        return empty_figure(no_pairs, title)
    x, y, measure, text = [], [], [], []
    if start is not None and finite(start):
        first = steps.iloc[0]["from_phase"]
        x.append(start_label or (f"フェーズ{first}" if ja else f"phase {first}"))
        y.append(float(start))
        measure.append("absolute")
        text.append(f"{start:.1f}")
    for _, row in steps.iterrows():
        x.append(f"{row['from_phase']}→{row['to_phase']}")
        y.append(float(row["mean_diff"]))
        measure.append("relative")
        text.append(_gain_text(row))
    if measure[0] == "absolute":
        x.append("開始値＋改善幅" if ja else "start + gains")
    else:
        x.append("改善幅の合計" if ja else "sum of gains")
    y.append(0.0)
    measure.append("total")
    text.append("")
    fig = go.Figure(
        go.Waterfall(
            x=x,
            y=y,
            measure=measure,
            text=text,
            textposition="outside",
            increasing=dict(marker=dict(color="#009E73")),
            decreasing=dict(marker=dict(color="#D55E00")),
            totals=dict(marker=dict(color=SERIES_COLORS[0])),
            connector=dict(line=dict(color="#888888", dash="dot")),
        )
    )
    values = [v for v, m in zip(y, measure) if m == "absolute"]
    if values:
        low = min(values[0], values[0] + steps["mean_diff"].cumsum().min())
        high = max(values[0], values[0] + steps["mean_diff"].cumsum().max())
        fig.update_yaxes(range=[max(0.0, low - 15), min(105.0, high + 8)])
    if values:
        fig.update_yaxes(title_text="総合スコア" if ja else "composite score")
    else:
        fig.update_yaxes(title_text="平均改善幅（点）" if ja else "mean gain (points)")
    fig.update_layout(showlegend=False)
    return apply_theme(fig, title)
