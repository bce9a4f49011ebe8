"""Statistics for phase comparisons and the Self-Refine threshold advisor.

Pure functions over sequences / numpy arrays; every result is a frozen
dataclass with ``to_dict()`` for JSON. Methods in plain words: docs/statistics.md.
"""

from .advice import advise
from phi_core.scoring.bootstrap import bootstrap_means, percentile_interval
from .effect import cohens_dz, t_interval
from .hypothesis import StatTest, StatTestPair
from .model_points import ModelPoint, model_step_points
from .multiple import holm_correction
from .paired import PairedResult, TransitionResult, paired_comparison, phase_transitions
from .threshold import GroupStats, ThresholdEstimate, estimate_threshold
from .breakpoints import BREAKPOINT_MODELS

__all__ = [
    "BREAKPOINT_MODELS",
    "GroupStats",
    "ModelPoint",
    "PairedResult",
    "StatTest",
    "StatTestPair",
    "ThresholdEstimate",
    "TransitionResult",
    "advise",
    "bootstrap_means",
    "cohens_dz",
    "estimate_threshold",
    "holm_correction",
    "model_step_points",
    "paired_comparison",
    "percentile_interval",
    "phase_transitions",
    "t_interval",
]
