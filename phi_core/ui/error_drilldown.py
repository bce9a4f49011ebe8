"""What the Error analysis page computes, without Streamlit: example
highlighting, what a chart click selects, and which two runs to compare first."""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from phi_core.scoring import ERROR_TYPES
from phi_core.taxonomy import CATEGORY_CODES

GOLD_STYLE = "background:#F0E442;border-bottom:3px solid #E69F00"
PRED_STYLE = "outline:2px dashed #0072B2"
# A click on a heatmap cell shows the gold spans of that category the run missed.
CELL_ERROR_TYPE = "missed"


def highlight_html(row: Mapping) -> str:
    """An error example's context with the gold span shaded and the predicted span outlined (escaped HTML)."""
    start = row.get("context_start")
    if start is None or pd.isna(start):
        return "<i>(the predicted value is not in the report)</i>"
    text_start = int(start) + len(row["context_before"])

    def inside(lo, hi, position: int) -> bool:
        return pd.notna(lo) and pd.notna(hi) and int(lo) <= position < int(hi)

    pieces, current, buffer = [], None, ""
    for offset, char in enumerate(row["context_text"]):
        position = text_start + offset
        style = ";".join(
            s
            for s, on in (
                (GOLD_STYLE, inside(row["gold_start"], row["gold_end"], position)),
                (PRED_STYLE, inside(row["pred_start"], row["pred_end"], position)),
            )
            if on
        )
        if style != current and buffer:
            pieces.append((current, buffer))
            buffer = ""
        current, buffer = style, buffer + char
    if buffer:
        pieces.append((current, buffer))
    body = "".join(f"<span style='{s}'>{html.escape(t)}</span>" if s else html.escape(t) for s, t in pieces)
    return f"…{html.escape(row['context_before'])}{body}{html.escape(row['context_after'])}…".replace("\n", " ⏎ ")


def selection_from_click(kind: str, point: Mapping, label_to_run: Mapping[str, str]) -> dict[str, str | None]:
    """What a click picks below the charts: ``run``, ``category`` (None = any) and ``type``.

    kind "cell": a run × category heatmap cell (y = run label, x = category);
    kind "type": an error-type bar (x = run label, customdata = error type).
    Keys are left out when the click does not name a known run, category or type.
    """
    chosen: dict[str, str | None] = {}
    if kind == "cell":
        label, category = point.get("y"), point.get("x")
        if category in CATEGORY_CODES:
            chosen["category"] = category
        chosen["type"] = CELL_ERROR_TYPE
    elif kind == "type":
        label, error_type = point.get("x"), point.get("customdata")
        if error_type in ERROR_TYPES:
            chosen["type"] = error_type
        chosen["category"] = None
    else:
        raise ValueError(f"unknown chart kind {kind!r}")
    if label in label_to_run:
        chosen["run"] = label_to_run[label]
    return chosen


def default_comparison(runs: pd.DataFrame, run_ids: list[str]) -> tuple[str, str]:
    """Two phases of one model when some model has them (its two highest), else the first two runs."""
    for _, part in runs.sort_values("phase").groupby(["backend", "model"]):
        if len(part) >= 2:
            return part["run_id"].iloc[-2], part["run_id"].iloc[-1]
    return run_ids[0], run_ids[min(1, len(run_ids) - 1)]
