"""Hand-computed cases for score_report (the arithmetic is in the comments)."""

import json

import pytest

from phi_core.models import PredictedItem, Span
from phi_core.scoring import DIMENSIONS, ReportScore, ScoringConfig, load_scoring_config, score_report

# 氏0 名1 ：2 山3 田4 太5 郎6 ' '7 検8 査9 日10 ：11 2(12) 0 2 4 年16 3 月18 1 日20
TEXT = "氏名：山田太郎 検査日：2024年3月1日"
NAME = Span(start=3, end=7, category="PATIENT_NAME")
DATE = Span(start=12, end=21, category="EXAM_DATE")
GOLD = [NAME, DATE]


def item(label: str, value: str) -> PredictedItem:
    return PredictedItem(category=label, value=value)


PERFECT = [item("患者氏名", "山田太郎"), item("検査日", "2024年3月1日")]


def test_fixture_offsets_are_what_the_comments_say():
    assert TEXT[3:7] == "山田太郎" and TEXT[12:21] == "2024年3月1日"


def test_perfect_prediction_scores_100():
    # Every fraction is 1: timing 1.0 s / 100 tokens equals the target, two identical repeats.
    r = score_report(TEXT, GOLD, PERFECT, repeats=[PERFECT, list(PERFECT)], seconds=1.0, input_tokens=100)
    assert r.score == pytest.approx(100.0)
    assert r.fractions == {d: pytest.approx(1.0) for d in DIMENSIONS}
    assert r.points["recall"] == 20 and r.points["precision"] == 15
    assert not r.rescaled and r.unmeasured == []
    assert r.errors == [] and r.violations == []
    assert (r.counts["strict_tp"], r.counts["strict_fp"], r.counts["strict_fn"]) == (2, 0, 0)
    assert r.counts["leaked_chars"] == 0 and r.counts["gold_chars"] == 13


def test_empty_prediction():
    # recall 0, precision 0 (gold exists), boundary/purity/category 0, rules 5/5 -> 10 points.
    # stability and efficiency unmeasured -> 10 * 100 / 80 = 12.5
    r = score_report(TEXT, GOLD, [])
    assert r.fractions["recall"] == 0 and r.fractions["precision"] == 0
    assert r.fractions["boundary_fidelity"] == 0 and r.fractions["information_purity"] == 0
    assert r.fractions["category_classification"] == 0 and r.fractions["rule_adherence"] == 1
    assert r.score == pytest.approx(12.5)
    assert r.rescaled and r.unmeasured == ["stability", "efficiency"]
    assert [e["type"] for e in r.errors] == ["missed", "missed"]
    assert r.counts["leaked_chars"] == r.counts["gold_chars"] == 13
    assert (r.counts["relaxed_tp"], r.counts["relaxed_fn"]) == (0, 2)


def test_value_including_the_label_loses_purity_and_boundary():
    # "氏名：山田太郎" covers 0-7, gold 3-7: IoU 4/7. boundary = (4/7 + 1)/2 = 11/14
    # purity = (4 + 9) / (7 + 9) = 13/16
    items = [item("患者氏名", "氏名：山田太郎"), item("検査日", "2024年3月1日")]
    r = score_report(TEXT, GOLD, items)
    perfect = score_report(TEXT, GOLD, PERFECT)
    assert r.fractions["boundary_fidelity"] == pytest.approx(11 / 14)
    assert r.fractions["information_purity"] == pytest.approx(13 / 16)
    assert perfect.points["boundary_fidelity"] - r.points["boundary_fidelity"] == pytest.approx(15 * 3 / 14)
    assert perfect.points["information_purity"] - r.points["information_purity"] == pytest.approx(10 * 3 / 16)
    assert r.fractions["recall"] == 1 and r.fractions["precision"] == 1
    assert {e["type"] for e in r.errors} == {"boundary", "impure"}
    impure = next(e for e in r.errors if e["type"] == "impure")
    assert (impure["start"], impure["end"], impure["gold_text"]) == (0, 7, "山田太郎")
    # strict: the name is not exact -> tp 1 (date), fp 1, fn 1
    assert (r.counts["strict_tp"], r.counts["strict_fp"], r.counts["strict_fn"]) == (1, 1, 1)


def test_value_not_in_text_is_a_violation_and_a_false_positive():
    items = [*PERFECT, item("電話番号", "090-0000-0000")]
    r = score_report(TEXT, GOLD, items)
    # precision 2/3; checks: verbatim_values fails -> 4/5
    assert r.fractions["precision"] == pytest.approx(2 / 3)
    assert r.fractions["rule_adherence"] == pytest.approx(0.8)
    assert "value_not_verbatim" in r.violations
    assert r.errors == [
        {
            "type": "not_in_text",
            "category": None,
            "gold_text": None,
            "pred_label": "電話番号",
            "pred_value": "090-0000-0000",
            "start": None,
            "end": None,
        }
    ]
    assert r.per_category["PHONE"]["strict_fp"] == 1 and r.per_category["PHONE"]["relaxed_fp"] == 1


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_value_is_not_verbatim(blank):
    r = score_report(TEXT, GOLD, [*PERFECT, item("患者氏名", blank)])
    assert "value_not_verbatim" in r.violations and r.counts["not_in_text"] == 1


def test_wrong_category():
    # The name found as a physician: category 1/2 -> 5 points; with timing at target and no repeats:
    # 20 + 15 + 15 + 10 + 5 + 10 + 10 = 85 of 90 measured -> 94.444...
    items = [item("医師名", "山田太郎"), item("検査日", "2024年3月1日")]
    r = score_report(TEXT, GOLD, items, seconds=1.0, input_tokens=100)
    assert r.fractions["category_classification"] == pytest.approx(0.5)
    assert r.fractions["recall"] == 1 and r.fractions["precision"] == 1
    assert r.score == pytest.approx(85 * 100 / 90)
    assert [e["type"] for e in r.errors] == ["wrong_category"]
    assert r.per_category["PATIENT_NAME"]["strict_fn"] == 1
    assert r.per_category["PHYSICIAN_NAME"]["strict_fp"] == 1
    assert r.per_category["PATIENT_NAME"]["relaxed_tp"] == 1


def test_coarse_label_counts_as_correct_category():
    items = [item("NAME", "山田太郎"), item("DATE", "2024年3月1日")]
    r = score_report(TEXT, GOLD, items)
    assert r.fractions["category_classification"] == 1
    assert r.counts["strict_tp"] == 2 and r.counts["strict_fp"] == 0
    assert set(r.per_category) == {"PATIENT_NAME", "EXAM_DATE"}


def test_value_occurring_twice_gives_two_spans():
    # 山0 田1 太2 郎3 様4 の5 検6 査7 。8 山9 田10 太11 郎12 様13
    text = "山田太郎様の検査。山田太郎様、異常なし。"
    gold = [Span(start=0, end=4, category="PATIENT_NAME"), Span(start=9, end=13, category="PATIENT_NAME")]
    r = score_report(text, gold, [item("患者氏名", "山田太郎")])
    assert r.counts["pred_spans"] == 2 and r.counts["pred_items"] == 1
    assert r.fractions["recall"] == 1 and r.counts["gold_found"] == 2
    assert r.counts["strict_tp"] == 2 and r.counts["strict_fp"] == 0


def test_second_occurrence_outside_gold_costs_purity_only():
    # Gold annotates only the first 山田太郎; the masker also masks the second (4 chars outside gold):
    # purity 4/8, precision still 1 (the item hits gold), relaxed fp 1 for the stray span.
    text = "山田太郎様の検査。山田太郎様、異常なし。"
    gold = [Span(start=0, end=4, category="PATIENT_NAME")]
    r = score_report(text, gold, [item("患者氏名", "山田太郎")])
    assert r.fractions["information_purity"] == pytest.approx(0.5)
    assert r.fractions["precision"] == 1
    assert r.counts["relaxed_fp"] == 1


def test_phi_free_text_without_predictions_is_perfect():
    r = score_report("特記すべき異常所見なし。", [], [])
    assert all(r.fractions[d] == 1 for d in DIMENSIONS[:6])
    assert r.score == pytest.approx(100.0) and r.rescaled


def test_phi_free_text_with_a_prediction_loses_precision():
    # recall 1, precision 0, boundary/purity/category 1 (nothing to match), rules 1:
    # 20 + 0 + 15 + 10 + 10 + 10 = 65 of 80 -> 81.25
    r = score_report("特記すべき異常所見なし。", [], [item("患者氏名", "異常")])
    assert r.fractions["recall"] == 1 and r.fractions["precision"] == 0
    assert r.score == pytest.approx(81.25)
    assert [e["type"] for e in r.errors] == ["spurious"]
    assert r.errors[0]["start"] == 5 and r.errors[0]["end"] == 7


def test_stability_with_differing_repeats():
    # A = {name, date}, B = {name}, C = {name, date}: J(A,B) = 1/2, J(A,C) = 1, J(B,C) = 1/2 -> 2/3
    a, b, c = PERFECT, PERFECT[:1], list(PERFECT)
    r = score_report(TEXT, GOLD, a, repeats=[a, b, c])
    assert r.fractions["stability"] == pytest.approx(2 / 3)
    assert r.points["stability"] == pytest.approx(20 / 3)


def test_stability_ignores_label_spelling():
    other = [item("PATIENT_NAME", "山田太郎"), item("Exam Date", "2024年3月1日")]
    r = score_report(TEXT, GOLD, PERFECT, repeats=[PERFECT, other])
    assert r.fractions["stability"] == 1


def test_single_repeat_leaves_stability_unmeasured_and_rescales():
    r = score_report(TEXT, GOLD, PERFECT, repeats=[PERFECT], seconds=1.0, input_tokens=100)
    assert r.points["stability"] is None and r.unmeasured == ["stability"]
    assert r.rescaled and r.score == pytest.approx(100.0)


def test_efficiency_per_100_tokens_and_fallback():
    # 2.0 s for 100 tokens against a 1.0 s target -> 0.5; 20 s per report against 10 s -> 0.5
    assert score_report(TEXT, GOLD, PERFECT, seconds=2.0, input_tokens=100).points["efficiency"] == 5
    assert score_report(TEXT, GOLD, PERFECT, seconds=20.0).points["efficiency"] == 5
    assert score_report(TEXT, GOLD, PERFECT, seconds=0.5, input_tokens=100).points["efficiency"] == 10
    assert score_report(TEXT, GOLD, PERFECT, input_tokens=100).points["efficiency"] is None


def test_negative_seconds_are_refused():
    with pytest.raises(ValueError, match="seconds"):
        score_report(TEXT, GOLD, PERFECT, seconds=-1.0)


@pytest.mark.parametrize(
    ("violations", "items", "expected"),
    [
        (["unparseable"], [], 3 / 5),  # parseable and shape fail; the item checks pass vacuously
        (["wrong_shape"], PERFECT, 4 / 5),
        ([], [*PERFECT, PERFECT[0]], 4 / 5),  # identical pair twice
        ([], [*PERFECT, item("趣味", "山田太郎")], 4 / 5),  # unknown label
        (["code_fence"], PERFECT, 1.0),  # unmapped code: listed, not scored
    ],
)
def test_rule_adherence(violations, items, expected):
    r = score_report(TEXT, GOLD, items, violations=violations)
    assert r.fractions["rule_adherence"] == pytest.approx(expected)
    assert set(violations) <= set(r.violations)


def test_duplicates_count_once_for_precision():
    r = score_report(TEXT, GOLD, [*PERFECT, PERFECT[0]])
    assert r.counts["pred_items"] == 2 and r.counts["duplicates"] == 1
    assert r.fractions["precision"] == 1 and "duplicate_item" in r.violations


def test_scope_ignores_items_of_unannotated_categories():
    # The annotation covers names only, so the date is not gold.
    gold = [NAME]
    items = [item("患者氏名", "山田太郎"), item("検査日", "2024年3月1日")]
    scoped = score_report(TEXT, gold, items, scope={"PATIENT_NAME"})
    assert scoped.fractions["precision"] == 1 and scoped.counts["out_of_scope"] == 1
    assert scoped.out_of_scope_items == [{"label": "検査日", "value": "2024年3月1日"}]
    assert scoped.errors == [] and scoped.counts["relaxed_fp"] == 0
    unscoped = score_report(TEXT, gold, items)
    assert unscoped.fractions["precision"] == 0.5


def test_scope_never_ignores_unknown_labels_or_items_on_gold():
    gold = [NAME]
    unknown = score_report(
        TEXT, gold, [item("患者氏名", "山田太郎"), item("趣味", "2024年3月1日")], scope={"PATIENT_NAME"}
    )
    assert unknown.fractions["precision"] == 0.5 and unknown.counts["out_of_scope"] == 0
    on_gold = score_report(TEXT, gold, [item("検査日", "山田太郎")], scope={"PATIENT_NAME"})
    assert on_gold.counts["out_of_scope"] == 0 and on_gold.fractions["category_classification"] == 0


def test_non_bmp_character_offsets():
    # 𠮷 is one code point: 𠮷0 田1 病2 院3 ' '4 山5 田6 太7 郎8
    text = "𠮷田病院 山田太郎"
    gold = [Span(start=0, end=4, category="HOSPITAL_NAME"), Span(start=5, end=9, category="PATIENT_NAME")]
    r = score_report(text, gold, [item("医療機関名", "𠮷田病院"), item("患者氏名", "山田太郎")])
    assert r.fractions["boundary_fidelity"] == 1 and r.counts["strict_tp"] == 2
    assert r.counts["gold_chars"] == 8 and r.per_script == {"kanji": {"found": 2, "total": 2}}


def test_per_script_counts_found_and_total():
    text = "山田太郎 やまだ ヤマダ Yamada 03-1234-5678 山田タロウ"
    spans = []
    for value, cat in [
        ("山田太郎", "PATIENT_NAME"),
        ("やまだ", "NAME_READING"),
        ("ヤマダ", "NAME_READING"),
        ("Yamada", "NAME_READING"),
        ("03-1234-5678", "PHONE"),
        ("山田タロウ", "PATIENT_NAME"),
    ]:
        start = text.index(value)
        spans.append(Span(start=start, end=start + len(value), category=cat))
    r = score_report(text, spans, [item("患者氏名", "山田太郎"), item("PHONE", "03-1234-5678")])
    assert r.per_script == {
        "kanji": {"found": 1, "total": 1},
        "hiragana": {"found": 0, "total": 1},
        "katakana": {"found": 0, "total": 1},
        "romaji": {"found": 0, "total": 1},
        "digits": {"found": 1, "total": 1},
        "mixed": {"found": 0, "total": 1},
    }


def test_gold_past_the_end_is_refused_plainly():
    with pytest.raises(ValueError, match="runs past the end"):
        score_report("短い", [Span(start=0, end=5, category="PATIENT_NAME")], [])


def test_round_trip_through_json():
    r = score_report(
        TEXT,
        GOLD,
        [item("NAME", "氏名：山田太郎"), item("X", "nope")],
        repeats=[PERFECT, PERFECT[:1]],
        seconds=3.0,
        input_tokens=250,
    )
    restored = ReportScore.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False)))
    assert restored == r


def test_custom_weights_keep_the_score_out_of_100():
    # All eight weights 1: empty prediction earns rules 1 point of 6 measured -> 16.67
    config = ScoringConfig(weights={d: 1 for d in DIMENSIONS})
    r = score_report(TEXT, GOLD, [], config=config)
    assert r.score == pytest.approx(100 / 6)
    assert load_scoring_config().weights["recall"] == 20


def test_bad_scoring_settings_are_explained(tmp_path):
    from phi_core.scoring import ScoringConfigError

    with pytest.raises(ScoringConfigError, match="Missing: \\['efficiency'\\]"):
        ScoringConfig(weights={d: 1 for d in DIMENSIONS[:-1]})
    with pytest.raises(ScoringConfigError, match="0 or more"):
        ScoringConfig(weights={**{d: 1 for d in DIMENSIONS}, "recall": -1})
    broken = tmp_path / "scoring.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ScoringConfigError, match="not valid JSON"):
        load_scoring_config(broken)
    with pytest.raises(ScoringConfigError, match="does not exist"):
        load_scoring_config(tmp_path / "missing.json")
    good = tmp_path / "ok.json"
    good.write_text(json.dumps({"weights": {d: 5 for d in DIMENSIONS}, "efficiency_target_sec_per_report": 30}))
    config = load_scoring_config(good)
    assert config.total_weight == 40 and config.efficiency_target_sec_per_report == 30


def test_gold_written_with_an_alias_and_nan_timing():
    gold = [Span(start=3, end=7, category="氏名"), DATE]
    r = score_report(TEXT, gold, PERFECT, seconds=float("nan"))
    assert r.counts["strict_tp"] == 2 and "PATIENT_NAME" in r.per_category
    assert r.points["efficiency"] is None and r.counts["seconds"] is None
