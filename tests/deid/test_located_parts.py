"""deid takes a span-aware part's spans as they are: the field's M is masked, MRI stays whole."""

from __future__ import annotations

from phi_core.deid import pipeline_detector
from phi_core.pipelines import make_pipeline
from phi_core.pipelines.merge import LabeledSpan, part_spans


def test_the_rules_part_masks_the_sex_code_where_it_was_found():
    text = "性別：M　年齢：45歳\nMRIにて異常なし。"
    found = pipeline_detector(make_pipeline("rules", ["rules"]))(text)
    sex = text.index("M")
    assert any((s.start, s.end) == (sex, sex + 1) for s in found)
    assert not any(s.start <= text.index("MRI") < s.end for s in found)


def test_a_part_gives_spans_as_they_are_and_items_at_every_occurrence():
    text = "M MRI M"
    assert part_spans(text, [LabeledSpan(0, 1, "SEX")]) == [LabeledSpan(0, 1, "SEX")]
    assert [(s.start, s.end) for s in part_spans(text, [("SEX", "M")])] == [(0, 1), (2, 3), (6, 7)]
