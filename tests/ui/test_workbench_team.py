from phi_core.ui.guidelines import guideline_points
from phi_core.ui.workbench_list import GOLD_LAYER, layer_options

DOC = """# Annotation guidelines

Intro text.

- not a key point

## Key points / 要点

- **Mark every** name, even kana readings
- Dates: include the era (令和)
1. Do not include titles such as `Dr.`

## Details

- detail
"""


def test_key_points_come_from_the_key_points_section_without_markdown():
    assert guideline_points(DOC) == [
        "Mark every name, even kana readings",
        "Dates: include the era (令和)",
        "Do not include titles such as Dr.",
    ]


def test_without_a_key_points_heading_the_first_bullets_are_used():
    assert guideline_points("- a\n- b\n- c", limit=2) == ["a", "b"]


def test_layer_options_put_the_queue_first_and_hide_the_gold_from_annotators():
    assert layer_options(layer_name="ann", may_edit_gold=False, has_queue=True) == ["ann"]
    assert layer_options(layer_name="ann", may_edit_gold=True, has_queue=True) == ["ann", GOLD_LAYER]
    assert layer_options(layer_name="me", may_edit_gold=True, has_queue=False) == [GOLD_LAYER, "me"]
    assert layer_options(layer_name="", may_edit_gold=True, has_queue=False) == [GOLD_LAYER]


def test_layer_view_shows_the_layers_spans_and_status_not_the_golds():
    from phi_core.models import Report, Span
    from phi_core.store.team import LayerState
    from phi_core.ui.workbench_list import layer_view

    span = Span(start=0, end=2, category="AGE", text="32")
    reports = [Report(id="a", text="32歳", status="approved", spans=[span]), Report(id="b", text="x", status="silver")]
    layers = {"a": {"ann": LayerState("ann", "in_review", 3, [])}}
    view = layer_view(reports, layers, "ann")
    assert [(r.status, len(r.spans)) for r in view] == [("in_review", 0), ("unlabeled", 0)]
    assert reports[0].status == "approved"  # the input is not changed
