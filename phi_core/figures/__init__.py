"""Figures for the analysis pages, the `figure` command and exports.

Builders take the DataFrames of phi_core.analysis and return Plotly figures
in the shared theme; export.py turns them into PNG/SVG/PDF bytes.
"""

from phi_core.figures.errors import (
    breakdown_heatmap,
    category_heatmap,
    confusion_heatmap,
    error_type_bars,
    fixed_broken_bars,
    script_recall_bars,
)
from phi_core.figures.leaderboard import leaderboard_bar, pareto_scatter
from phi_core.figures.phases import gains_waterfall, phase_lines, phase_start, reported_phase_means
from phi_core.figures.threshold import threshold_scatter

__all__ = [
    "breakdown_heatmap",
    "category_heatmap",
    "confusion_heatmap",
    "error_type_bars",
    "fixed_broken_bars",
    "gains_waterfall",
    "leaderboard_bar",
    "pareto_scatter",
    "phase_lines",
    "phase_start",
    "reported_phase_means",
    "script_recall_bars",
    "threshold_scatter",
]
