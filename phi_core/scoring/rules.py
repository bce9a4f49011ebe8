"""The output contract behind the rule-adherence dimension.

Five checks per report. Two of them (parseable, requested_shape) can only be
judged by whoever parsed the model's reply, so they arrive as violation codes;
the other three are also checked here from the items themselves.
"""

from __future__ import annotations

from typing import Iterable

RULE_CHECKS: tuple[str, ...] = (
    "parseable",
    "requested_shape",
    "known_categories",
    "verbatim_values",
    "no_duplicates",
)

# Violation code -> the checks it fails. An unparseable reply has no shape
# either, so it fails both; the item checks then pass vacuously when there
# are no items. Codes missing from this table are kept and listed but fail
# no check, because we cannot tell which rule they break.
VIOLATION_CHECKS: dict[str, tuple[str, ...]] = {
    "unparseable": ("parseable", "requested_shape"),
    # A Self-Refine reply that could not be read: the model broke the contract
    # even though the previous round's items were kept.
    "refine_unparseable": ("parseable",),
    "empty_reply": ("parseable", "requested_shape"),
    "truncated": ("parseable", "requested_shape"),
    "wrong_shape": ("requested_shape",),
    "missing_field": ("requested_shape",),
    "bad_item": ("requested_shape",),
    "non_string_value": ("requested_shape",),
    "unknown_category": ("known_categories",),
    "unknown_label": ("known_categories",),
    "value_not_verbatim": ("verbatim_values",),
    "value_not_in_text": ("verbatim_values",),
    "empty_value": ("verbatim_values",),
    "duplicate_item": ("no_duplicates",),
    "joined_entries": ("no_duplicates",),
    # Several items in one entry break "one item per entry" just like a repeat.
    "mixed_entry": ("no_duplicates",),
}

# Codes this module raises itself after looking at the items.
UNKNOWN_CATEGORY = "unknown_category"
VALUE_NOT_VERBATIM = "value_not_verbatim"
DUPLICATE_ITEM = "duplicate_item"


def failed_checks(codes: Iterable[str]) -> set[str]:
    failed: set[str] = set()
    for code in codes:
        failed.update(VIOLATION_CHECKS.get(code, ()))
    return failed


def unmapped_codes(codes: Iterable[str]) -> list[str]:
    """Codes that fail no check (listed for the user, not scored)."""
    return [c for c in dict.fromkeys(codes) if c not in VIOLATION_CHECKS]


def check_results(codes: Iterable[str]) -> dict[str, bool]:
    """Pass (True) or fail (False) for each of the five checks."""
    failed = failed_checks(codes)
    return {check: check not in failed for check in RULE_CHECKS}
