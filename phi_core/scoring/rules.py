"""The output contract behind the rule-adherence dimension.

Five checks per report. Two of them (parseable, requested_shape) can only be
judged by whoever parsed the model's reply, so they arrive as violation codes;
the other three are also checked here from the items themselves.
"""

from __future__ import annotations

from typing import Iterable

from phi_core import violations

RULE_CHECKS: tuple[str, ...] = (
    "parseable",
    "requested_shape",
    "known_categories",
    "verbatim_values",
    "no_duplicates",
)

# Violation code -> the checks it fails, from the one registry of codes. An
# unparseable reply has no shape either, so it fails both; the item checks
# then pass vacuously when there are no items. Codes missing from this table
# are kept and listed but fail no check, because we cannot tell which rule
# they break.
VIOLATION_CHECKS: dict[str, tuple[str, ...]] = {
    code: entry.fails for code, entry in violations.REPLY_VIOLATIONS.items() if entry.fails
}

# Codes this module raises itself after looking at the items.
UNKNOWN_CATEGORY = violations.UNKNOWN_CATEGORY
VALUE_NOT_VERBATIM = violations.VALUE_NOT_VERBATIM
DUPLICATE_ITEM = violations.DUPLICATE_ITEM


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
