"""Message building: placeholders, worked examples, additions, schemas."""

from __future__ import annotations

import json

import jsonschema
import pytest

from phi_core.models import PredictedItem, Report, Span
from phi_core.phases import default_registry
from phi_core.phases.loading import parse_phase
from phi_core.phases.prompting import (
    ADDITIONS_HEADING,
    build_first_pass_messages,
    build_refine_messages,
    fill_template,
    gold_items,
    label_for,
    render_answer,
    render_examples,
    render_labels,
)
from phi_core.phases.schemas import response_schema

TEXT = "患者：山田太郎（やまだたろう）\n緊急連絡先：山田花子 090-1234-5678\n検査日：2024年1月2日 10:15\n施設：東都病院"


def span(text: str, category: str, *, after: int = 0) -> Span:
    start = TEXT.index(text, after)
    return Span(start=start, end=start + len(text), category=category)


EXAMPLE = Report(
    id="dev-7",
    text=TEXT,
    spans=[
        span("山田太郎", "PATIENT_NAME"),
        span("やまだたろう", "NAME_READING"),
        span("山田花子", "EMERGENCY_CONTACT"),
        span("090-1234-5678", "EMERGENCY_CONTACT"),
        span("2024年1月2日", "EXAM_DATE"),
        span("10:15", "TIME"),
        span("東都病院", "HOSPITAL_NAME"),
    ],
)


def coarse_phase(**changes):
    data = {
        "number": 2,
        "name": "t",
        "version": 1,
        "output_shape": "phi_list",
        "labels": ["NAME", "DOCTOR", "DATE", "PHONE", "FACILITY"],
        "label_descriptions": {"NAME": "人名"},
        "prompts": {"system": "SYS {labels}", "user": "U\n{examples}\n---\n{report}"},
    }
    data.update(changes)
    return parse_phase(data)


def test_fill_template_replaces_only_known_names_in_one_pass():
    filled = fill_template('{"phi_list": []} {report} {other}', {"report": "text with {report} and {labels}"})
    assert filled == '{"phi_list": []} text with {report} and {labels} {other}'


def test_fill_template_drops_the_line_of_an_empty_placeholder():
    assert fill_template("a\n{examples}\nb {report}", {"examples": "", "report": "R"}) == "a\nb R"
    assert fill_template("a {examples} b", {"examples": ""}) == "a  b"


def test_labels_render_one_per_line_with_descriptions():
    assert render_labels(coarse_phase()).splitlines()[:2] == ["- NAME: 人名", "- DOCTOR"]


def test_gold_spans_map_to_coarse_labels_by_category_and_shape():
    items = [(i.category, i.value) for i in gold_items(EXAMPLE, coarse_phase())]
    assert items == [
        ("NAME", "山田太郎"),
        ("NAME", "やまだたろう"),
        ("NAME", "山田花子"),
        ("PHONE", "090-1234-5678"),
        ("DATE", "2024年1月2日"),
        ("DATE", "10:15"),
        ("FACILITY", "東都病院"),
    ]


def test_gold_spans_map_back_to_phase_1_names_and_drop_unasked_categories():
    p1 = default_registry().get(1)
    items = gold_items(EXAMPLE, p1)
    assert ("患者氏名", "山田太郎") in [(i.category, i.value) for i in items]
    assert ("緊急連絡先", "090-1234-5678") in [(i.category, i.value) for i in items]
    assert all(i.value != "10:15" for i in items)  # TIME has no phase-1 name
    answer = json.loads(render_answer(items, p1))
    assert list(answer) == p1.labels and answer["氏名の読み"] == ["やまだたろう"] and answer["年齢"] == []


def test_label_for_prefers_the_most_specific_label():
    assert label_for("PHONE", "03-1111-2222", ["PHONE", "FACILITY"]) == "PHONE"
    assert label_for("FACILITY_PHONE", "03-1111-2222", ["NAME", "PHONE"]) == "PHONE"
    assert label_for("FACILITY_ADDRESS", "東京都", ["ADDRESS", "FACILITY"]) == "ADDRESS"
    assert label_for("PATIENT_NAME", "x", ["NAME", "PATIENT_NAME"]) == "PATIENT_NAME"
    assert label_for("OTHER_ID", "x", ["NAME"]) is None


def test_render_answer_keeps_unknown_labels_so_a_review_can_fix_them():
    items = [PredictedItem(category="NAME", value="A"), PredictedItem(category="ODD", value="B")]
    assert json.loads(render_answer(items, coarse_phase())) == {
        "phi_list": [{"type": "NAME", "value": "A"}, {"type": "ODD", "value": "B"}]
    }
    p1 = default_registry().get(1)
    assert json.loads(render_answer(items, p1))["ODD"] == ["B"]


def test_first_pass_messages_fill_placeholders_and_render_examples():
    phase = coarse_phase()
    examples = render_examples([EXAMPLE], phase)
    messages = build_first_pass_messages(phase, report_text="REPORT {labels}", examples_text=examples)
    system, user = messages
    assert system.role == "system" and system.content.startswith("SYS - NAME: 人名\n- DOCTOR")
    assert user.role == "user" and user.content.endswith("---\nREPORT {labels}")
    assert "【例1】\n入力:\n" + TEXT in user.content
    assert '{"type": "PHONE", "value": "090-1234-5678"}' in user.content


def test_first_pass_without_examples_leaves_no_gap():
    (_, user) = build_first_pass_messages(coarse_phase(), report_text="R")
    assert user.content == "U\n---\nR"


def test_additions_merge_into_the_system_message():
    phase = coarse_phase()
    system, _ = build_first_pass_messages(phase, report_text="R", additions=["one", "two\nlines"])
    assert system.content.endswith(f"\n\n{ADDITIONS_HEADING}\n1. one\n2. two\nlines")
    no_system = coarse_phase(prompts={"system": "", "user": "{report}"})
    assert [m.role for m in build_first_pass_messages(no_system, report_text="R")] == ["user"]
    system, user = build_first_pass_messages(no_system, report_text="R", additions=["x"])
    assert system.content == f"{ADDITIONS_HEADING}\n1. x" and user.content == "R"


def test_variant_prompts_override_only_what_they_set():
    phase = coarse_phase(variants={"strong": {}, "light": {"prompts": {"user": "LIGHT {report}"}}})
    system, user = build_first_pass_messages(phase, report_text="R", variant="light")
    assert system.content.startswith("SYS") and user.content == "LIGHT R"
    assert build_first_pass_messages(phase, report_text="R", variant="strong")[1].content == "U\n---\nR"


def test_refine_messages_carry_report_and_previous_json():
    p4 = default_registry().get(4)
    for style in ("conservative", "additive"):
        system, user = build_refine_messages(
            p4, style=style, report_text="THE REPORT", previous_json='{"phi_list": []}'
        )
        assert system.role == "system" and "THE REPORT" in user.content
        assert user.content.endswith('{"phi_list": []}') and "- DEPARTMENT" in user.content
    with pytest.raises(ValueError, match="no \\[refine\\]"):
        build_refine_messages(coarse_phase(), style="conservative", report_text="R", previous_json="{}")


def test_schemas_are_bounded_and_accept_rendered_answers():
    for phase in default_registry().all():
        schema = response_schema(phase)
        text = json.dumps(schema)
        assert '"maxItems"' in text and '"maxLength"' in text
        jsonschema.validate(json.loads(render_answer(gold_items(EXAMPLE, phase), phase)), schema)
    p2 = default_registry().get(2)
    too_many = {"phi_list": [{"type": "NAME", "value": "x"}] * (p2.limits.max_items + 1)}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(too_many, response_schema(p2))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"phi_list": [{"type": "EMAIL", "value": "x"}]}, response_schema(p2))
