"""What the Error analysis page shows before anyone touches it, shared with the app's warm-up.

The page and :mod:`phi_core.ui.warmup` compute the first screen through the
functions here, with the same arguments, so a warmed cache entry is the one
the page reads.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd
import plotly.graph_objects as go

from phi_core.analysis import category_matrix, error_examples, leaderboard_frame
from phi_core.figures import category_heatmap
from phi_core.ui.cached import figure, stored
from phi_core.ui.error_sections import present_breakdowns

# Runs chosen at first: the newest of each model and phase, as many as a heatmap shows legibly.
DEFAULT_RUNS = 16
FIRST_METRIC = "relaxed_recall"
FIRST_ERROR_TYPE = "missed"
EXAMPLES_LIMIT = 200
# Beyond this many cells the heatmap carries no numbers in its cells: the
# browser measures and places every cell's text, which at 16 runs x 18
# categories was half of the page's drawing time. Hovering shows the value,
# and the table below the chart has them all.
MAX_TEXT_CELLS = 120


def runs_frame(store: Any, dataset: str, split: str | None) -> pd.DataFrame:
    """The newest run of each model and phase, without intervals (cached until the store changes)."""
    return stored(leaderboard_frame, store, dataset, split, n_boot=0)


def default_runs(runs: pd.DataFrame) -> list[str]:
    return list(runs["run_id"])[:DEFAULT_RUNS]


def has_cell_text(fig: go.Figure) -> bool:
    """Whether the heatmap shows its values in the cells."""
    return bool(fig.data) and fig.data[0].texttemplate not in (None, "")


def screen_heatmap(matrix: pd.DataFrame, metric: str, *, language: str = "en") -> go.Figure:
    """category_heatmap, with numbers in the cells only while there are at most MAX_TEXT_CELLS."""
    fig = category_heatmap(matrix, metric, language=language)
    z = getattr(fig.data[0], "z", None) if fig.data else None
    if z is not None and sum(len(row) for row in z) > MAX_TEXT_CELLS:
        fig.update_traces(texttemplate=None, text=None)
    return fig


def examples(store: Any, run_id: str, error_type: str | None, category: str | None, style, value_format):
    """The first EXAMPLES_LIMIT errors of a run under the page's filters (cached until the store changes)."""
    return stored(
        error_examples,
        store,
        run_id,
        error_type=error_type,
        category=category,
        limit=EXAMPLES_LIMIT,
        style=style,
        value_format=value_format,
    )


def warm(store: Any, dataset: str, split: str | None, language: str, current: Callable[[], bool]) -> None:
    """Compute the untouched page's first screen into the caches; stops early once ``current()`` is False."""
    runs = runs_frame(store, dataset, split)
    chosen = default_runs(runs)
    steps = (
        lambda: figure(screen_heatmap, stored(category_matrix, store, chosen), FIRST_METRIC, language=language),
        lambda: present_breakdowns(store, chosen),
        lambda: examples(store, chosen[0], FIRST_ERROR_TYPE, None, None, None),
    )
    for step in steps if chosen else ():
        if not current():
            return
        step()
