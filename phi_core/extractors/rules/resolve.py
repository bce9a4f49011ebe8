"""Choosing among overlapping candidates.

Preference order: label context first (rank), then the longest span, then the
category's place in the taxonomy. The result is sorted and non-overlapping.
"""

from __future__ import annotations

from bisect import bisect_left

from phi_core.taxonomy import CATEGORY_CODES

from .candidates import Candidate

_PRIORITY = {code: index for index, code in enumerate(CATEGORY_CODES)}


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    ordered = sorted(
        set(candidates),
        key=lambda c: (-c.rank, -c.length, _PRIORITY.get(c.category, len(_PRIORITY)), c.start),
    )
    starts: list[int] = []
    kept: list[Candidate] = []
    for cand in ordered:
        if cand.length <= 0:
            continue
        index = bisect_left(starts, cand.start)
        if index > 0 and kept[index - 1].end > cand.start:
            continue
        if index < len(kept) and kept[index].start < cand.end:
            continue
        starts.insert(index, cand.start)
        kept.insert(index, cand)
    return kept
