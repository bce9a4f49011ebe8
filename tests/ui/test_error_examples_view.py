"""Error examples as one HTML block, a page at a time; lazily drawn tabs."""

from types import SimpleNamespace

import pandas as pd

from phi_core.ui import lazy
from phi_core.ui.error_examples_view import PAGE_SIZE, example_block, page_count, page_of


def english(en: str, ja: str) -> str:
    return en


def example(**overrides) -> pd.Series:
    row = {
        "report_id": "r1",
        "gold_text": "田中",
        "pred_label": "NAME",
        "pred_value": "田",
        "context_start": 0,
        "context_before": "",
        "context_text": "田中",
        "context_after": "様",
        "gold_start": 0,
        "gold_end": 2,
        "pred_start": 0,
        "pred_end": 1,
    }
    return pd.Series({**row, **overrides})


def test_pages_cover_every_example_once():
    examples = pd.DataFrame({"n": range(23)})
    assert page_count(23) == 3 and page_count(0) == 1 and page_count(PAGE_SIZE) == 1
    seen = [n for page in (1, 2, 3) for n in page_of(examples, page)["n"]]
    assert seen == list(range(23))
    assert list(page_of(examples, 9)["n"]) == list(range(20, 23))  # past the end: the last page


def test_untrusted_text_is_escaped_in_the_block():
    row = example(report_id="<b>x</b>", gold_text="<script>alert(1)</script>", pred_value="a&b")
    block = example_block(
        row, 4, type_label="missed", category_label="<i>name</i>", tr=english, category_name=lambda c: c
    )
    assert "<script>" not in block and "&lt;script&gt;" in block
    assert "<b>x</b>" not in block and "&lt;b&gt;x&lt;/b&gt;" in block
    assert "&lt;i&gt;name&lt;/i&gt;" in block and "a&amp;b" in block
    assert block.count("<div style=") == 3 and "4. <b>" in block


def test_a_tab_is_drawn_when_open_or_when_streamlit_cannot_tell():
    assert lazy.shown(SimpleNamespace(open=True))
    assert lazy.shown(SimpleNamespace(open=None)) and lazy.shown(object())
    assert not lazy.shown(SimpleNamespace(open=False))
