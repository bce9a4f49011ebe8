"""Property-based: the reply parser reads any string (its public API only) and names only known violations."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phi_core.llm import VIOLATION_CODES, parse_reply
from phi_core.models import PredictedItem
from tests.hypothesis_strategies import JSON_VALUES, TEXT, examples


@examples(500)
@given(
    reply=st.one_of(
        TEXT,
        st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
        JSON_VALUES.map(lambda v: json.dumps(v, ensure_ascii=False)),
        st.builds(lambda v, cut: json.dumps(v, ensure_ascii=False)[:cut], JSON_VALUES, st.integers(0, 200)),
    ),
    shape=st.sampled_from(["category_object", "phi_list"]),
)
def test_the_reply_parser_reads_anything(reply, shape):
    parsed = parse_reply(reply, expected_shape=shape)
    assert set(parsed.violations) <= set(VIOLATION_CODES)
    assert all(isinstance(i, PredictedItem) and isinstance(i.value, str) for i in parsed.items)


def test_the_reply_parser_refuses_an_unknown_shape():
    with pytest.raises(ValueError, match="expected_shape"):
        parse_reply("{}", expected_shape="tree")
