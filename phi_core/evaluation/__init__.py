"""Turning stored runs into scores and leaderboard rows."""

from phi_core.evaluation.leaderboard import LEADERBOARD_KEYS, latest_runs, leaderboard_row
from phi_core.evaluation.run_scores import score_run

__all__ = ["LEADERBOARD_KEYS", "latest_runs", "leaderboard_row", "score_run"]
