"""The eight scoring dimensions of the study: their keys, order and display names.

The one home of the list. It imports nothing from the project, so the store
(its columns), the scorer (its rules and weights), the leaderboard (its
columns) and the pages (their labels) all read the same tuple.
"""

from __future__ import annotations

# The order is the study's order and the display order everywhere.
DIMENSIONS: tuple[str, ...] = (
    "recall",
    "precision",
    "boundary_fidelity",
    "information_purity",
    "category_classification",
    "rule_adherence",
    "stability",
    "efficiency",
)

# Dimension -> (English, Japanese) name as the pages and figures show it.
DIMENSION_NAMES: dict[str, tuple[str, str]] = {
    "recall": ("recall", "再現率"),
    "precision": ("precision", "適合率"),
    "boundary_fidelity": ("boundary fidelity", "境界の正確さ"),
    "information_purity": ("information purity", "情報の純度"),
    "category_classification": ("category classification", "カテゴリ分類"),
    "rule_adherence": ("rule adherence", "ルール遵守"),
    "stability": ("stability", "安定性"),
    "efficiency": ("efficiency", "効率"),
}
assert tuple(DIMENSION_NAMES) == DIMENSIONS
