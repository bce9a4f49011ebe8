from collections import Counter

import pytest

from phi_core.team.assignments import plan_assignments

IDS = [f"r{i}" for i in range(20)]


def test_the_chosen_share_is_annotated_twice_by_two_different_people():
    plan = plan_assignments(IDS, ["ann", "bob", "cho"], double_share=0.25, seed=1)
    doubled = [r for r, who in plan.items() if len(who) == 2]
    assert len(doubled) == 5 and all(len(set(plan[r])) == 2 for r in doubled)
    assert set(plan) == set(IDS)


def test_loads_differ_by_at_most_one():
    plan = plan_assignments(IDS, ["ann", "bob", "cho"], double_share=0.5, seed=2)
    load = Counter(a for who in plan.values() for a in who)
    assert sum(load.values()) == 30 and max(load.values()) - min(load.values()) <= 1


def test_same_seed_same_plan():
    assert plan_assignments(IDS, ["a", "b"], double_share=0.3, seed=7) == plan_assignments(
        IDS, ["a", "b"], double_share=0.3, seed=7
    )


def test_double_annotation_needs_two_annotators():
    with pytest.raises(ValueError, match="two annotators"):
        plan_assignments(IDS, ["ann"], double_share=0.1)
