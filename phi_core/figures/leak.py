"""Residual leak: leaked PHI characters per run, stacked by category."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from phi_core.figures.common import empty_figure, require_columns
from phi_core.figures.theme import SIDE_LEGEND, apply_theme, category_color, category_name, category_order


def leak_bars(
    by_category: pd.DataFrame, summary: pd.DataFrame, *, language: str = "en", title: str | None = None
) -> go.Figure:
    """One bar per run (fewest leaks on top), segments by category; the share of
    documents leaking and the verdict sit at the end of each bar."""
    ja = language == "ja"
    title = title or ("カテゴリ別の漏れたPHI文字数" if ja else "Leaked PHI characters by category")
    if by_category.empty or summary.empty:
        return empty_figure(
            "正解ラベルのある採点済み実行はまだありません" if ja else "No scored runs with gold labels yet", title
        )
    require_columns(by_category, ("label", "category", "leaked_chars"), "leak by category")
    require_columns(summary, ("label", "leaked_chars", "document_leak_share"), "leak summary")
    labels = list(summary["label"])
    leaking = by_category[by_category["leaked_chars"] > 0]
    fig = go.Figure()
    for category in category_order(list(dict.fromkeys(leaking["category"]))):
        part = leaking[leaking["category"] == category].groupby("label")["leaked_chars"].sum()
        part = part.reindex(labels, fill_value=0)
        fig.add_trace(
            go.Bar(
                y=labels,
                x=list(part.values),
                orientation="h",
                name=category_name(category, language),
                marker_color=category_color(category),
                hovertemplate="%{y}<br>"
                + category_name(category, language)
                + ": %{x} "
                + ("文字" if ja else "characters")
                + "<extra></extra>",
            )
        )
    notes = []
    for row in summary.itertuples(index=False):
        share = row.document_leak_share
        note = (
            ""
            if share is None or share != share
            else f"  文書の{100 * share:.1f}%で漏れ"
            if ja
            else f"  {100 * share:.1f}% of documents leak"
        )
        if hasattr(row, "verdict"):
            note += "  ✓" if row.verdict else "  ✗"
        notes.append(dict(y=row.label, x=row.leaked_chars, text=note, showarrow=False, xanchor="left"))
    # All at once: add_annotation re-validates every earlier note, which made many runs cost seconds.
    fig.update_layout(barmode="stack", legend=SIDE_LEGEND, annotations=notes)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="漏れたPHI文字数" if ja else "leaked PHI characters")
    return apply_theme(fig, title)
