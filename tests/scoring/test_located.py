"""Predictions with positions are scored where they were found."""

from __future__ import annotations

import pytest

from phi_core.extractors import rules
from phi_core.extractors.rules_extractor import RulesExtractor
from phi_core.models import PredictedItem, Report, Span
from phi_core.scoring import score_report

TEXT = "性別：M　年齢：45歳\nMRIにて異常なし。"


def _gold() -> list[Span]:
    at = TEXT.index("M")
    return [
        Span(start=at, end=at + 1, category="SEX"),
        Span(start=TEXT.index("45歳"), end=TEXT.index("45歳") + 3, category="AGE"),
    ]


def test_a_sex_code_found_in_its_field_counts_and_mri_stays_untouched():
    found = [Span(start=s.start, end=s.end, category=s.category) for s in _gold()]
    score = score_report(TEXT, _gold(), [], spans=found)
    assert score.counts["gold_found"] == 2 and score.counts["leaked_chars"] == 0
    assert score.counts["pred_spans"] == 2
    # The item model cannot say which M: string search also hits MRI.
    as_items = score_report(TEXT, _gold(), [PredictedItem(category="SEX", value="M")])
    assert as_items.counts["pred_spans"] == 2 and as_items.counts["gold_found"] == 1


def test_the_rules_extractor_returns_the_spans_it_found():
    outcome = RulesExtractor().extract(Report(id="x", text=TEXT, status="unlabeled"))
    assert outcome.spans is not None
    located = {(s.start, s.end, s.category) for s in outcome.spans}
    at = TEXT.index("M")
    assert (at, at + 1, "SEX") in located
    assert not any(s.start == TEXT.index("MRI") for s in outcome.spans)
    assert "M" not in {i.value for i in outcome.items}  # too short for the item model
    score = score_report(TEXT, _gold(), outcome.items, spans=outcome.spans)
    assert score.counts["leaked_chars"] == 0


def test_spans_outside_the_text_are_refused():
    with pytest.raises(ValueError, match="outside the text"):
        score_report(TEXT, _gold(), [], spans=[Span(start=0, end=len(TEXT) + 5, category="SEX")])


def test_every_item_occurrence_is_a_located_span_too():
    text = "氏名：山田太郎\n山田太郎さんは来院した。"
    spans, items = rules.extract_located(text)
    name_spans = [(s.start, s.end) for s in spans if s.text == "山田太郎"]
    assert len(name_spans) == 2 and any(i.value == "山田太郎" for i in items)
