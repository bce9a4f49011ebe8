"""The analysis pages' data layer (contract: docs/analysis_api.md).

Functions return pandas DataFrames or small dataclasses with ``to_dict()``,
never figures; aggregation runs in SQL over the tables score_run writes.
"""

from phi_core.analysis.errors import (
    category_matrix,
    compare_runs,
    compare_runs_items,
    confusion_frame,
    error_examples,
    error_type_counts,
    format_matrix,
    script_recall_frame,
    style_matrix,
    worst_styles,
)
from phi_core.analysis.labels import run_label, series_name
from phi_core.analysis.leaderboard import (
    LEADERBOARD_COLUMNS,
    MEASURED,
    REPORTED,
    leaderboard_frame,
    pareto_mask,
    reference_frame,
    reference_score,
)
from phi_core.analysis.phases import phase_gains, phase_means, phase_scores
from phi_core.analysis.threshold import REPORTED_BAND, ReportedPoint, ThresholdAnalysis, threshold_analysis

__all__ = [
    "LEADERBOARD_COLUMNS",
    "MEASURED",
    "REPORTED",
    "REPORTED_BAND",
    "ReportedPoint",
    "ThresholdAnalysis",
    "category_matrix",
    "compare_runs",
    "compare_runs_items",
    "confusion_frame",
    "error_examples",
    "format_matrix",
    "style_matrix",
    "worst_styles",
    "error_type_counts",
    "leaderboard_frame",
    "pareto_mask",
    "phase_gains",
    "phase_means",
    "phase_scores",
    "reference_frame",
    "reference_score",
    "run_label",
    "script_recall_frame",
    "series_name",
    "threshold_analysis",
]
