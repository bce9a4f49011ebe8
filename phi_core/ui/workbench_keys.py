"""The workbench's keyboard: one key per action and per PHI category, and the category legend."""

from __future__ import annotations

from collections.abc import Sequence

from phi_core.taxonomy import CATEGORIES, CATEGORY_CODES

# (key shown on screen, action sent by the component, what it does). The
# component reads the same table, so the help text can never drift from it.
ACTION_SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("n", "next", "next report"),
    ("p", "previous", "previous report"),
    ("a", "approve", "mark approved"),
    ("r", "in_review", "mark in review"),
    ("u", "undo", "undo the last change of this report"),
    ("x", "accept_all", "accept all predictions of the overlay run"),
    ("Enter", "accept", "accept the clicked prediction (all its occurrences)"),
    ("Delete", "delete", "delete the clicked span (Backspace too)"),
    ("Escape", "clear", "clear the selection"),
)
RESERVED_KEYS = frozenset(key for key, _, _ in ACTION_SHORTCUTS if len(key) == 1)
# Digits first, then letters on the home rows that no action uses.
_CATEGORY_KEY_POOL = "1234567890qwetyiosdfghjklzcvbm"


def category_keys(codes: Sequence[str] = CATEGORY_CODES) -> dict[str, str]:
    """Category code -> the key that assigns it, in taxonomy order."""
    pool = [k for k in _CATEGORY_KEY_POOL if k not in RESERVED_KEYS]
    if len(codes) > len(pool):
        raise ValueError(f"{len(codes)} categories but only {len(pool)} free keys")
    return dict(zip(codes, pool))


def legend() -> list[dict[str, str]]:
    keys = category_keys()
    return [
        {"code": c.code, "name_ja": c.name_ja, "name_en": c.name_en, "color": c.color, "key": keys[c.code]}
        for c in CATEGORIES
    ]
