"""The first screens of Leaderboard and Phase progression: their defaults, and a warm-up that fills them.

A new tab opened on Leaderboard computed the ranking (about 0.3-0.4 s at study
scale) before drawing; the warm-up thread (phi_core/ui/warmup.py) now calls the
same cached functions with the same defaults once the store stands still, so a
visitor finds them ready. The pages take their defaults from here, so the two
cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from phi_core.analysis import leaderboard_frame, phase_gains, phase_means, reference_frame, reference_score
from phi_core.ui.cached import stored

# The reference model the Leaderboard compares with unless the user picks another.
DEFAULT_REFERENCE = "GPT-4.1"


def reference_names(reported: pd.DataFrame) -> list[str]:
    """The models the paper reported on their own (not aggregates), in its order."""
    if reported.empty:
        return []
    return list(dict.fromkeys(reported.loc[reported["kind"] != "aggregate", "model"]))


def default_reference_index(names: list[str]) -> int:
    return names.index(DEFAULT_REFERENCE) if DEFAULT_REFERENCE in names else 0


def warm_leaderboard(store: Any, dataset: str, split: str | None, language: str, current: Callable[[], bool]) -> None:
    """The ranking and its reference rows for the default reference."""
    names = reference_names(stored(reference_frame, store)) or [DEFAULT_REFERENCE]
    reference = names[default_reference_index(names)]
    steps = (
        lambda: stored(reference_score, store, reference),
        lambda: stored(leaderboard_frame, store, dataset, split, reference=reference),
        lambda: stored(reference_frame, store, reference=reference),
    )
    for step in steps:
        if not current():
            return
        try:
            step()
        except ValueError:  # no reference loaded: the page says so itself
            pass


def warm_phase_progression(
    store: Any, dataset: str, split: str | None, language: str, current: Callable[[], bool]
) -> None:
    """The phase means and the pooled gains the page shows first."""
    if current() and not stored(phase_means, store, dataset, split).empty and current():
        stored(phase_gains, store, dataset, split, model=None)
