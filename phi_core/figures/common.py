"""Small helpers shared by the figure builders."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from phi_core.figures.theme import apply_theme


def empty_figure(message: str, title: str | None = None) -> go.Figure:
    """A blank chart that says why it is blank, so exports never fail on no data."""
    fig = go.Figure()
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return apply_theme(fig, title)


def finite(value: Any) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def missing_columns(frame: pd.DataFrame | None, columns: tuple[str, ...]) -> list[str]:
    if frame is None:
        return list(columns)
    return [c for c in columns if c not in frame.columns]


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    lacking = missing_columns(frame, columns)
    if lacking:
        raise ValueError(
            f"the {what} frame lacks the columns {', '.join(lacking)}; "
            "build it with the matching phi_core.analysis function"
        )


def phase_sort_key(phase: Any) -> tuple:
    """Natural order: phase2 before phase10, numbers before words."""
    text = str(phase)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part)


def error_bars(center: pd.Series, low: pd.Series, high: pd.Series) -> dict:
    """Asymmetric error bars from interval ends; missing ends draw no bar."""
    plus = (high - center).where(high.notna() & center.notna())
    minus = (center - low).where(low.notna() & center.notna())
    return dict(
        type="data",
        symmetric=False,
        array=plus.clip(lower=0).tolist(),
        arrayminus=minus.clip(lower=0).tolist(),
        thickness=1.5,
        width=4,
    )
