"""Planning who annotates which report: balanced load, a chosen share done twice."""

from __future__ import annotations

import random
from typing import Sequence


def plan_assignments(
    report_ids: Sequence[str], annotators: Sequence[str], *, double_share: float, seed: int = 0
) -> dict[str, list[str]]:
    """report id -> annotators. round(double_share * n) reports (drawn with ``seed``) get two annotators.

    Each report goes to the least-loaded annotators (ties broken by a seeded
    order), so loads differ by at most one report.
    """
    annotators = list(dict.fromkeys(a.strip() for a in annotators if a.strip()))
    if not annotators:
        raise ValueError("name at least one annotator to assign reports to")
    if not 0 <= double_share <= 1:
        raise ValueError(f"the share annotated twice is {double_share}; give a fraction between 0 and 1")
    if double_share > 0 and len(annotators) < 2:
        raise ValueError("annotating reports twice needs at least two annotators")
    rng = random.Random(seed)
    ids = list(dict.fromkeys(report_ids))
    doubled = set(rng.sample(ids, round(double_share * len(ids))))
    tie_order = {a: rng.random() for a in annotators}
    load = {a: 0 for a in annotators}
    plan: dict[str, list[str]] = {}
    for report_id in ids:
        wanted = 2 if report_id in doubled else 1
        picked = sorted(annotators, key=lambda a: (load[a], tie_order[a]))[:wanted]
        for a in picked:
            load[a] += 1
        plan[report_id] = picked
    return plan
