"""Error examples drawn as one block of escaped HTML, a page at a time.

Twenty bordered boxes of columns, text and buttons made the browser spend
about a second on Error analysis at study scale; one block holding the same
lines costs it little. Every value in the block comes from reports, models or
files, so each one is escaped (the highlighting of phi_core.ui.error_drilldown
escapes its own text).
"""

from __future__ import annotations

import html
from typing import Callable

import pandas as pd

from phi_core.ui.error_drilldown import highlight_html

PAGE_SIZE = 10
_BOX = "border:1px solid rgba(128,128,128,.35);border-radius:.5rem;padding:.5rem .75rem;margin-bottom:.5rem"
_CAPTION = "color:rgba(100,100,100,.9);font-size:.85em"


def page_count(n_examples: int, size: int = PAGE_SIZE) -> int:
    """How many pages ``n_examples`` fill (at least one)."""
    return max(1, -(-n_examples // size))


def page_of(examples: pd.DataFrame, page: int, size: int = PAGE_SIZE) -> pd.DataFrame:
    """The examples of page ``page`` (1-based; out-of-range pages give the last one)."""
    page = min(max(1, page), page_count(len(examples), size))
    return examples.iloc[(page - 1) * size : page * size]


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def example_block(
    row: pd.Series,
    number: int,
    *,
    type_label: str,
    category_label: str,
    tr: Callable[[str, str], str],
    category_name: Callable[[str], str],
) -> str:
    """One example: its number, report, error type and category, the text in context, gold and predicted."""
    gold = f"«{_text(row['gold_text'])}»" if _text(row["gold_text"]) else "—"
    value, label = _text(row["pred_value"]), row["pred_label"]
    pred = (
        tr(f"«{value}» as {label}", f"«{value}»（{category_name(label)}）") if value else "—"  # noqa: RUF001
    )
    head = f"{number}. <b>{html.escape(str(row['report_id']))}</b> · {html.escape(type_label)} · {html.escape(category_label)}"
    lines = tr(f"gold {gold} · predicted {pred}", f"正解 {gold} · 予測 {pred}")
    return (
        f"<div style='{_BOX}'><div>{head}</div>"
        f"<div style='font-size:1.05em;line-height:1.9'>{highlight_html(row)}</div>"
        f"<div style='{_CAPTION}'>{html.escape(lines)}</div></div>"
    )
