"""Scoring stored runs against the current gold labels."""

from phi_core.evaluation.run_scores import score_run

__all__ = ["score_run"]
