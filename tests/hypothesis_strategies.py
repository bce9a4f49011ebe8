"""Hypothesis settings and strategies shared by the property-based tests.

About 2,700 examples in all across tests/corpus, tests/llm and tests/scoring
(well under a minute on a quiet machine); PHI_HYPOTHESIS_SCALE=10 hunts longer.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from phi_core.taxonomy import CATEGORY_CODES

SCALE = float(os.environ.get("PHI_HYPOTHESIS_SCALE", "1"))


def examples(n: int) -> settings:
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


JAPANESE = st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF)
# Lone surrogates too: JSON files can spell them as \udXXX escapes.
TEXT = st.text(st.one_of(st.characters(), JAPANESE, st.sampled_from(["\ud800", "\udfff"])), max_size=80)
LABELS = st.one_of(st.sampled_from([*CATEGORY_CODES, "NAME", "氏名", "Patient Name", "DATE", "ID"]), TEXT)
JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False), TEXT
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(
            st.one_of(
                TEXT,
                st.sampled_from(
                    [
                        "id",
                        "text",
                        "spans",
                        "start",
                        "end",
                        "category",
                        "label",
                        "split",
                        "status",
                        "meta",
                        "type",
                        "value",
                        "phi_items",
                        "entities",
                        "start_offset",
                        "end_offset",
                        "items",
                    ]
                ),
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)
