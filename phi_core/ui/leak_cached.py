"""The Residual leak page's numbers, kept until the store changes, and its first screen's chart.

Here (not in the page) so that the app's warm-up (:mod:`phi_core.ui.warmup`)
fills the very cache entries the page reads: the same functions with the
same arguments, the rule built from the page's own defaults.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from phi_core.analysis.residual_leak import ReleaseRule, ResidualLeak, measure_leaks, summarise
from phi_core.figures.leak import leak_bars
from phi_core.ui.cached import figure, stored

# The release rule's inputs as the page first shows them (percentages, as typed).
DEFAULT_MAX_RATE_PCT = 0.5
DEFAULT_MAX_SHARE_PCT = 1.0
# Runs in the on-screen chart: every run's bar with its categories is over a
# thousand bars at study scale, too thin to read and most of the time the
# page took to appear; the download and the tables keep every run.
CHART_RUNS = 20


def rule_from_inputs(no_leak: Sequence[str], max_rate_pct: float, max_share_pct: float | None) -> ReleaseRule:
    """The rule the page's inputs state (None: documents leaking are not limited)."""
    return ReleaseRule(tuple(no_leak), max_rate_pct / 100, None if max_share_pct is None else max_share_pct / 100)


def default_rule() -> ReleaseRule:
    """What the page's inputs say before anyone touches them."""
    return rule_from_inputs(ReleaseRule().no_leak_categories, DEFAULT_MAX_RATE_PCT, None)


@st.cache_data(max_entries=16, show_spinner=False)
def _leak_under(
    _store: Any, version: tuple, dataset: str, split: str | None, rule: ReleaseRule, language: str
) -> ResidualLeak:
    # measure_leaks is kept until the store changes, so editing the rule only redoes the summary.
    return summarise(stored(measure_leaks, _store, dataset, split), rule, language)


def leak_under(store: Any, dataset: str, split: str | None, rule: ReleaseRule, language: str) -> ResidualLeak:
    """Every run's leaks summarised under ``rule`` (cached until the store changes)."""
    return _leak_under(store, store.version(), dataset, split, rule, language)


@st.cache_data(max_entries=16, show_spinner=False)
def _leak_csv(_store: Any, version: tuple, dataset: str, split: str | None, rule: ReleaseRule, language: str):
    return _leak_under(_store, version, dataset, split, rule, language).csv_frame()


def leak_csv(store: Any, dataset: str, split: str | None, rule: ReleaseRule, language: str) -> pd.DataFrame:
    """Every document of every run, as downloaded (cached with the summary it comes from)."""
    return _leak_csv(store, store.version(), dataset, split, rule, language)


def chart_runs(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary rows the on-screen chart shows: the CHART_RUNS that leak least (it is sorted so)."""
    return summary.head(CHART_RUNS)


def screen_leak_bars(by_category: pd.DataFrame, summary: pd.DataFrame, *, language: str = "en") -> go.Figure:
    """leak_bars for the runs of :func:`chart_runs`, without the per-bar notes (the verdict table has them)."""
    shown = chart_runs(summary)
    fig = leak_bars(by_category[by_category["run_id"].isin(shown["run_id"])], shown, language=language)
    # Each note is a text the browser measures and places: with the verdict table right above, they only cost.
    fig.layout.annotations = ()
    return fig


def warm(store: Any, dataset: str, split: str | None, language: str, current: Callable[[], bool]) -> None:
    """Compute the untouched page's first screen into the caches; stops early once ``current()`` is False."""
    # Imported here: the release decision's modules are only needed once the summary is in.
    from phi_core.release.verdict import ReleaseLimits
    from phi_core.ui.release_cached import kinds_and_sizes, run_decision
    from phi_core.ui.release_view import DEFAULT_CATEGORY_SHARE_PCT

    rule = default_rule()
    leak = leak_under(store, dataset, split, rule, language)
    if leak.summary.empty:
        return
    first_run = stored(measure_leaks, store, dataset, split)[0].run_id
    limits = ReleaseLimits(rule, DEFAULT_CATEGORY_SHARE_PCT / 100)
    for step in (
        lambda: figure(screen_leak_bars, leak.by_category, leak.summary, language=language),
        lambda: kinds_and_sizes(store, dataset),
        lambda: run_decision(store, dataset, split, first_run, limits),
        lambda: leak_csv(store, dataset, split, rule, language),
    ):
        if not current():
            return
        step()
