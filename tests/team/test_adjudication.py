"""Adjudication: disagreements in leak-risk order and the gold the decisions make."""

import pytest

from phi_core.models import Span
from phi_core.team.adjudication import BOTH, NEITHER, compare_layers, decision_keys, resolve


def s(start, end, category):
    return Span(start=start, end=end, category=category, text="x" * (end - start))


ANN = [s(0, 4, "PATIENT_NAME"), s(10, 14, "PHONE"), s(20, 24, "AGE"), s(30, 34, "EXAM_DATE")]
BOB = [s(0, 4, "PATIENT_NAME"), s(10, 13, "PHONE"), s(20, 24, "SEX")]


def test_disagreements_come_missing_first_then_boundary_then_category():
    comparison = compare_layers({"ann": ANN, "bob": BOB})
    assert [x.start for x in comparison.agreed] == [0]
    assert [(d.kind, d.start) for d in comparison.disagreements] == [
        ("missing", 30),
        ("boundary", 10),
        ("category", 20),
    ]
    missing = comparison.disagreements[0]
    assert missing.sides["bob"] == [] and missing.sides["ann"] == [ANN[3]]


def test_decisions_make_the_expected_gold():
    comparison = compare_layers({"ann": ANN, "bob": BOB})
    by_kind = {d.kind: d.key for d in comparison.disagreements}
    gold = resolve(comparison, {by_kind["missing"]: "ann", by_kind["boundary"]: "bob", by_kind["category"]: NEITHER})
    assert [(x.start, x.end, x.category) for x in gold] == [
        (0, 4, "PATIENT_NAME"),
        (10, 13, "PHONE"),
        (30, 34, "EXAM_DATE"),
    ]
    both = resolve(comparison, {k: BOTH for k in by_kind.values()})
    assert len(both) == 6


def test_undecided_disagreements_are_refused():
    comparison = compare_layers({"ann": ANN, "bob": BOB})
    with pytest.raises(ValueError, match="not decided"):
        resolve(comparison, {})


def test_identical_layers_have_nothing_to_decide():
    comparison = compare_layers({"ann": ANN, "bob": list(ANN)})
    assert comparison.disagreements == [] and resolve(comparison, {}) == sorted(ANN, key=lambda x: x.start)


def test_keys_take_sides_in_annotator_order():
    assert decision_keys(["ann", "bob"]) == {"1": "ann", "2": "bob", "b": BOTH, "0": NEITHER}


def test_marked_text_shows_agreed_disputed_and_unmarked_stretches():
    from phi_core.team.adjudication import first_undecided, marked_text

    text = "山田太郎 電話 0312"
    ann = [s(0, 4, "PATIENT_NAME"), s(8, 12, "PHONE")]
    bob = [s(0, 4, "PATIENT_NAME")]
    comparison = compare_layers({"ann": ann, "bob": bob})
    assert marked_text(text, "ann", comparison) == "[山田太郎] 電話 ⟦0312⟧#1"
    assert marked_text(text, "bob", comparison) == "[山田太郎] 電話 ⟨0312⟩#1"
    assert first_undecided(comparison, {}) == 0
    assert first_undecided(comparison, {comparison.disagreements[0].key: "ann"}) is None
