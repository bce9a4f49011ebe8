"""Threshold advisor figure: score before a step against the gain from it, one point per model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from phi_core.figures.common import empty_figure, finite
from phi_core.figures.theme import (
    REFERENCE_COLOR,
    SERIES_COLORS,
    SIDE_LEGEND,
    apply_theme,
    reference_label,
)

BELOW_COLOR, ABOVE_COLOR, FIT_COLOR = "#009E73", "#CC79A7", "#D55E00"


def _field(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if not isinstance(obj, Mapping) and hasattr(obj, name):
            return getattr(obj, name)
    return default


def points_frame(points: Sequence[Any] | pd.DataFrame) -> pd.DataFrame:
    """ModelPoint objects (or their dicts) as a frame: model, x, x_lo, x_hi, y, y_lo, y_hi, n."""
    if isinstance(points, pd.DataFrame):
        points = points.to_dict("records")
    rows = []
    for p in points or ():
        before_ci = _field(p, "before_ci", default=None) or (None, None)
        gain_ci = _field(p, "gain_ci", default=None) or (None, None)
        rows.append(
            {
                "model": str(_field(p, "model", "label", default="")),
                "x": _field(p, "before_mean", "before", "x"),
                "y": _field(p, "gain_mean", "gain", "y"),
                "x_lo": _field(p, "before_lo", default=before_ci[0]),
                "x_hi": _field(p, "before_hi", default=before_ci[1]),
                "y_lo": _field(p, "gain_lo", default=gain_ci[0]),
                "y_hi": _field(p, "gain_hi", default=gain_ci[1]),
                "n": _field(p, "n_reports", "n", default=None),
            }
        )
    frame = pd.DataFrame(rows, columns=["model", "x", "x_lo", "x_hi", "y", "y_lo", "y_hi", "n"])
    numeric = ["x", "x_lo", "x_hi", "y", "y_lo", "y_hi"]
    frame[numeric] = frame[numeric].apply(pd.to_numeric, errors="coerce")
    return frame


def band_limits(band: Any) -> tuple[float, float] | None:
    """(low, high) from a tuple, a dict with low/high, or None."""
    if band is None:
        return None
    low = _field(band, "low", "lo", default=None) if isinstance(band, Mapping) else band[0]
    high = _field(band, "high", "hi", default=None) if isinstance(band, Mapping) else band[1]
    return (float(low), float(high)) if finite(low) and finite(high) else None


def _bars(frame: pd.DataFrame, center: str, low: str, high: str) -> dict:
    plus = (frame[high] - frame[center]).clip(lower=0)
    minus = (frame[center] - frame[low]).clip(lower=0)
    return dict(type="data", symmetric=False, array=plus.tolist(), arrayminus=minus.tolist(), thickness=1.5)


def _add_fit(fig: go.Figure, estimate: Any, x_range: tuple[float, float], language: str = "en") -> None:
    threshold = _field(estimate, "threshold")
    if not _field(estimate, "ok", default=False) or not finite(threshold):
        return
    supported = bool(_field(estimate, "threshold_supported", default=False))
    ci = _field(estimate, "threshold_ci", default=None) or (None, None)
    ja = language == "ja"
    ci_text = ""
    if finite(ci[0]) and finite(ci[1]):
        fig.add_vrect(x0=ci[0], x1=ci[1], fillcolor=FIT_COLOR, opacity=0.12, line_width=0, layer="below")
        ci_text = f"{'、95%信頼区間' if ja else ', 95% CI'} {ci[0]:.1f}-{ci[1]:.1f}"
    if ja:
        fit_text = f"推定閾値 {threshold:.1f}{ci_text}" + ("" if supported else "（根拠不十分）")
    else:
        fit_text = f"fitted threshold {threshold:.1f}{ci_text}" + ("" if supported else " (not supported)")
    fig.add_vline(x=threshold, line=dict(color=FIT_COLOR, width=3, dash="solid" if supported else "dash"))
    fig.add_annotation(
        x=threshold, y=1.0, yref="paper", yanchor="bottom", showarrow=False, text=fit_text, font=dict(color=FIT_COLOR)
    )
    for side, color, x0, x1 in (
        ("below", BELOW_COLOR, x_range[0], threshold),
        ("above", ABOVE_COLOR, threshold, x_range[1]),
    ):
        group = _field(estimate, side)
        mean = _field(group, "mean_gain")
        if group is None or not finite(mean):
            continue
        n = _field(group, "n", default=0)
        if ja:
            name = f"{'閾値未満' if side == 'below' else '閾値以上'}の平均改善幅（{mean:+.1f}、{n}モデル）"
        else:
            name = f"mean gain {side} ({mean:+.1f}, {n} models)"
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[mean, mean],
                mode="lines",
                line=dict(color=color, width=2, dash="dot"),
                name=name,
                hoverinfo="skip",
            )
        )


def threshold_scatter(
    points: Sequence[Any] | pd.DataFrame,
    estimate: Any = None,
    *,
    reported_points: Sequence[Any] | pd.DataFrame | None = None,
    reported_band: Any = None,
    before_label: str | None = None,
    gain_label: str | None = None,
    title: str | None = None,
    language: str = "en",
) -> go.Figure:
    """Models with bootstrap CIs both ways, the fitted threshold and its CI band,
    group means on either side, and the paper's two models and 87-88 band in grey."""
    ja = language == "ja"
    before_label = before_label or ("ステップ前のスコア" if ja else "score before the step")
    gain_label = gain_label or ("ステップによる改善幅" if ja else "gain from the step")
    title = title or (
        "そのステップは効果があるか：改善幅とステップ前のスコア"
        if ja
        else "Does the step pay off? Gain against score before it"
    )
    measured = points_frame(points).dropna(subset=["x", "y"])
    reported = points_frame(reported_points if reported_points is not None else []).dropna(subset=["x", "y"])
    band = band_limits(reported_band)
    if measured.empty and reported.empty:
        return empty_figure(
            "両フェーズのスコアがあるモデルはまだありません" if ja else "No model has scores in both phases yet", title
        )
    fig = go.Figure()
    if band:
        fig.add_vrect(
            x0=band[0],
            x1=band[1],
            fillcolor=REFERENCE_COLOR,
            opacity=0.18,
            line_width=0,
            layer="below",
            annotation_text=f"{'論文の閾値帯' if ja else 'paper' + chr(39) + 's band'} {band[0]:g}-{band[1]:g}",
            annotation_position="bottom left",
        )
    fig.add_hline(y=0, line=dict(color="#888888", width=1))
    xs = pd.concat([measured[["x", "x_lo", "x_hi"]].stack(), reported["x"]]).dropna()
    if band:
        xs = pd.concat([xs, pd.Series(band)])
    x_range = (float(xs.min()) - 1.0, float(xs.max()) + 1.0)
    if estimate is not None:
        _add_fit(fig, estimate, x_range, language)
    if not measured.empty:
        fig.add_trace(
            go.Scatter(
                x=measured["x"],
                y=measured["y"],
                mode="markers+text",
                name="測定したモデル（95%信頼区間）" if ja else "measured models (95% CI)",
                text=measured["model"],
                textposition="top center",
                customdata=measured["n"],
                marker=dict(size=13, color=SERIES_COLORS[0], line=dict(color="white", width=1)),
                error_x=_bars(measured, "x", "x_lo", "x_hi"),
                error_y=_bars(measured, "y", "y_lo", "y_hi"),
                hovertemplate=(
                    "%{text}<br>ステップ前 %{x:.2f}<br>改善幅 %{y:+.2f}<br>n=%{customdata}<extra></extra>"
                    if ja
                    else "%{text}<br>before %{x:.2f}<br>gain %{y:+.2f}<br>n=%{customdata}<extra></extra>"
                ),
            )
        )
    if not reported.empty:
        fig.add_trace(
            go.Scatter(
                x=reported["x"],
                y=reported["y"],
                mode="markers+text",
                name=reference_label(language),
                text=reported["model"],
                textposition="bottom center",
                marker=dict(size=15, symbol="diamond-open", color=REFERENCE_COLOR, line=dict(width=3)),
                hovertemplate=(
                    "%{text}（論文）<br>ステップ前 %{x:.2f}<br>改善幅 %{y:+.2f}<extra></extra>"
                    if ja
                    else "%{text} (paper)<br>before %{x:.2f}<br>gain %{y:+.2f}<extra></extra>"
                ),
            )
        )
    fig.update_xaxes(title_text=before_label, range=list(x_range))
    fig.update_yaxes(title_text=gain_label, zeroline=False)
    fig.update_layout(legend=SIDE_LEGEND)
    return apply_theme(fig, title)
