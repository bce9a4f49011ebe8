import pytest

from phi_core.models import Span
from phi_core.scoring.matching import PredictedSpan, best_match, covered_positions, find_occurrences, iou, match_gold


def pred(start, end, label="患者氏名", index=0):
    return PredictedSpan(start, end, label, "v", index)


def test_find_occurrences_all_non_overlapping():
    assert find_occurrences("山田 山田 山田", "山田") == [(0, 2), (3, 5), (6, 8)]
    assert find_occurrences("ああああ", "ああ") == [(0, 2), (2, 4)]  # as str.replace masks
    assert find_occurrences("山田", "") == [] and find_occurrences("山 田", " ") == []
    assert find_occurrences("山田", "田中") == []


def test_find_occurrences_counts_code_points():
    assert find_occurrences("𠮷田 𠮷田", "𠮷田") == [(0, 2), (3, 5)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 4), (0, 4), 1.0), ((3, 7), (0, 7), 4 / 7), ((0, 2), (1, 3), 1 / 3), ((0, 2), (2, 4), 0.0)],
)
def test_iou(a, b, expected):
    assert iou(*a, *b) == pytest.approx(expected)


def test_best_match_prefers_highest_iou():
    gold = Span(start=3, end=7, category="PATIENT_NAME")
    match = best_match(0, gold, [pred(0, 7), pred(3, 6)])  # IoU 4/7 vs 3/4
    assert (match.pred.start, match.pred.end) == (3, 6)
    assert match.iou == pytest.approx(0.75) and match.category_ok


def test_tie_goes_to_covering_label_then_earliest():
    gold = Span(start=2, end=6, category="PATIENT_NAME")
    # both IoU 3/5: (1,5) and (3,7); the later one has the right label
    match = best_match(0, gold, [pred(1, 5, "医師名"), pred(3, 7, "NAME")])
    assert match.pred.start == 3 and match.category_ok
    # same labels: the earliest wins
    match = best_match(0, gold, [pred(3, 7, "医師名", 1), pred(1, 5, "医師名", 0)])
    assert match.pred.start == 1 and not match.category_ok


def test_match_gold_none_when_nothing_overlaps_and_shares_predictions():
    gold = [
        Span(start=0, end=2, category="PATIENT_NAME"),
        Span(start=2, end=4, category="PATIENT_NAME"),
        Span(start=8, end=9, category="AGE"),
    ]
    matches = match_gold(gold, [pred(0, 4)])
    assert matches[0].pred is matches[1].pred and matches[2] is None


def test_covered_positions():
    assert covered_positions([(0, 2), (1, 3), (5, 6)]) == {0, 1, 2, 5}
