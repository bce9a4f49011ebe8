"""Property-based: the scorer scores any gold and predicted span lists, or refuses gold past the text
with its documented ValueError."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phi_core.llm import VIOLATION_CODES
from phi_core.models import PredictedItem, Span
from phi_core.scoring import DIMENSIONS, score_report
from phi_core.taxonomy import CATEGORY_CODES
from tests.hypothesis_strategies import JAPANESE, LABELS, TEXT, examples


@st.composite
def scored_cases(draw):
    text = draw(st.text(st.one_of(JAPANESE, st.characters(max_codepoint=0x7F)), min_size=1, max_size=60))
    gold = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        gold.append(Span(start=start, end=end, category=draw(st.sampled_from(CATEGORY_CODES))))
    values = st.one_of(
        TEXT, st.builds(lambda a, b: text[min(a, b) : max(a, b)], st.integers(0, len(text)), st.integers(0, len(text)))
    )
    items = draw(st.lists(st.builds(PredictedItem, category=LABELS, value=values), max_size=8))
    repeats = draw(st.lists(st.lists(st.builds(PredictedItem, category=LABELS, value=values), max_size=4), max_size=3))
    scope = draw(st.one_of(st.none(), st.sets(st.sampled_from(CATEGORY_CODES))))
    return text, gold, items, repeats, scope


@examples(300)
@given(
    case=scored_cases(),
    violations=st.lists(st.sampled_from([*VIOLATION_CODES, "made_up"]), max_size=4),
    seconds=st.one_of(st.none(), st.floats(min_value=0, max_value=1e4), st.just(float("nan"))),
)
def test_the_scorer_scores_any_span_lists(case, violations, seconds):
    text, gold, items, repeats, scope = case
    score = score_report(
        text,
        gold,
        items,
        violations=violations,
        repeats=[items, *repeats] if repeats else (),
        seconds=seconds,
        input_tokens=100,
        scope=scope,
    )
    assert 0 <= score.score <= 100
    for name in DIMENSIONS:
        points = score.points[name]
        assert points is None or points >= 0, name
    json.dumps(score.to_dict(), allow_nan=False)


@examples(100)
@given(text=st.text(max_size=20), start=st.integers(0, 40), width=st.integers(1, 10))
def test_the_scorer_refuses_gold_past_the_text_with_its_documented_error(text, start, width):
    span = Span(start=start, end=start + width, category="AGE")
    if span.end <= len(text):
        score_report(text, [span], [])
    else:
        with pytest.raises(ValueError, match="runs past the end of the text"):
            score_report(text, [span], [])
