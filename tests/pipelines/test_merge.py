import pytest

from phi_core.pipelines import DEFAULT_PRECEDENCE, LabeledSpan, make_pipeline, merge_spans, parse_part, union_items
from phi_core.pipelines.definition import PipelineError


def test_parts_parse_with_colons_in_the_model_name():
    part = parse_part("ollama:gemma3:27b:3")
    assert (part.backend, part.model, part.phase) == ("ollama", "gemma3:27b", "3")
    assert parse_part("rules").is_rules
    for bad in ("ollama:3", "rules:x:1", "", "pipeline:a:1"):
        with pytest.raises(PipelineError):
            parse_part(bad)


def test_overlapping_spans_join_and_take_the_first_category_in_precedence():
    spans = [
        LabeledSpan(0, 4, "PHYSICIAN_NAME"),
        LabeledSpan(2, 6, "PATIENT_NAME"),
        LabeledSpan(6, 8, "AGE"),
        LabeledSpan(10, 12, "TIME"),
        LabeledSpan(11, 15, "OTHER_DATE"),
    ]
    merged = merge_spans(spans, DEFAULT_PRECEDENCE)
    # 0-4 and 2-6 overlap; 6-8 only touches and stays apart; 10-12 and 11-15 join.
    assert merged == [LabeledSpan(0, 6, "PATIENT_NAME"), LabeledSpan(6, 8, "AGE"), LabeledSpan(10, 15, "OTHER_DATE")]


def test_stated_precedence_changes_the_joined_category():
    pipe = make_pipeline("p", ["rules"], ["PHYSICIAN_NAME"])
    merged = merge_spans([LabeledSpan(0, 4, "PATIENT_NAME"), LabeledSpan(2, 6, "PHYSICIAN_NAME")], pipe.precedence)
    assert merged == [LabeledSpan(0, 6, "PHYSICIAN_NAME")]


def test_union_items_by_hand():
    text = "患者 山田太郎 様、山田 ID 12345、電話 03-1234-5678"
    rules = [("PATIENT_NAME", "山田"), ("PHONE", "03-1234-5678")]
    model = [("NAME", "山田太郎"), ("ID", "12345")]
    items = union_items(text, [rules, model], DEFAULT_PRECEDENCE)
    # 山田 at 3 joins 山田太郎 (same rank: the specific PATIENT_NAME beats the coarse NAME);
    # 山田 at 10 stays alone.
    assert items == [
        ("PATIENT_NAME", "PATIENT_NAME", "山田太郎"),
        ("PATIENT_NAME", "PATIENT_NAME", "山田"),
        ("ID", "PATIENT_ID", "12345"),
        ("PHONE", "PHONE", "03-1234-5678"),
    ]


def test_the_rules_name_is_reserved():
    assert make_pipeline("rules", ["rules"]).parts == (parse_part("rules"),)
    with pytest.raises(PipelineError, match="kept for the rules-only"):
        make_pipeline("rules", ["rules", "ollama:m:1"])
