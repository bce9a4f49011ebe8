from phi_core.models import Report, Span
from phi_core.ui.gold_comparison import compare_with_gold
from phi_core.ui.components.span_annotator import component_data, segments

TEXT = "氏名：𠮷田太郎 様"
GOLD = Report(id="r", text=TEXT, spans=[Span(start=3, end=7, category="PATIENT_NAME")]).spans


def test_segments_carry_utf16_offsets_and_what_covers_them():
    pieces = segments(TEXT, GOLD, [(4, 6)])
    assert [(p["s"], p["e"], p["text"], p["g"], p["p"]) for p in pieces] == [
        (0, 3, "氏名：", [], []),
        (3, 5, "𠮷", [0], []),
        (5, 7, "田太", [0], [0]),
        (7, 8, "郎", [0], []),
        (8, 10, " 様", [], []),
    ]


def test_component_data_marks_spurious_predictions_and_missed_gold():
    comparison = compare_with_gold(TEXT, GOLD, [{"label": "NAME", "category": None, "value": "田太"}])
    data = component_data("r", TEXT, GOLD, comparison, version=3, status="silver")
    assert data["gold"][0] | {"color": None} == {
        "s": 3,
        "e": 8,
        "category": "PATIENT_NAME",
        "text": "𠮷田太郎",
        "missed": True,
        "color": None,
    }
    assert [(p["s"], p["e"], p["verdict"]) for p in data["predictions"]] == [(5, 7, "spurious")]
    assert [c["key"] for c in data["categories"]][:3] == ["1", "2", "3"]
    assert component_data("r", TEXT, GOLD, None, version=3, status="silver")["overlay"] is False
