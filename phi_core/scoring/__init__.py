"""Scoring engine: one report out of 100 on eight dimensions, and run summaries.

Pure functions only; definitions and worked examples are in docs/scoring.md.
"""

from phi_core.scoring.aggregate import aggregate, prf
from phi_core.scoring.bootstrap import bootstrap_ci
from phi_core.scoring.config import DIMENSIONS, ScoringConfig, ScoringConfigError, load_scoring_config
from phi_core.scoring.report import ReportScore, score_report
from phi_core.scoring.report_breakdown import ERROR_TYPES
from phi_core.scoring.rules import RULE_CHECKS, VIOLATION_CHECKS
from phi_core.scoring.scripts import SCRIPTS, script_of

__all__ = [
    "DIMENSIONS",
    "ERROR_TYPES",
    "RULE_CHECKS",
    "SCRIPTS",
    "VIOLATION_CHECKS",
    "ReportScore",
    "ScoringConfig",
    "ScoringConfigError",
    "aggregate",
    "bootstrap_ci",
    "load_scoring_config",
    "prf",
    "score_report",
    "script_of",
]
