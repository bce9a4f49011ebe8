import pandas as pd
import pytest

from phi_core.models import ImportWarning, Report, Span
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.ui import (
    gold_comparison,
    span_diff,
    span_edits,
    span_events,
    span_table,
    workbench_keys,
    workbench_list,
    workbench_text,
)

TEXT = "患者名：𠮷田太郎\n主治医：山本一郎\n連絡先：03-1234-5678 𠮷田太郎"


def span(start, end, category, text=TEXT):
    return Span(start=start, end=end, category=category, text=text[start:end])


NAME_1 = span(4, 8, "PATIENT_NAME")
DOCTOR = span(13, 17, "PHYSICIAN_NAME")
PHONE = span(22, 34, "PHONE")
GOLD = [NAME_1, DOCTOR, PHONE]


def report(rid, status="silver", spans=(), warnings=()):
    return Report(id=rid, text=TEXT, status=status, spans=list(spans), warnings=list(warnings))


def test_fixture_offsets_point_at_the_intended_text():
    assert (NAME_1.text, DOCTOR.text, PHONE.text) == ("𠮷田太郎", "山本一郎", "03-1234-5678")


# ---------------------------------------------------------------- keyboard


def test_every_category_has_its_own_key_and_none_collides_with_an_action():
    keys = workbench_keys.category_keys()
    assert list(keys) == list(CATEGORY_CODES)
    assert len(set(keys.values())) == len(CATEGORY_CODES)
    assert list(keys.values())[:10] == list("1234567890")
    assert not set(keys.values()) & workbench_keys.RESERVED_KEYS


def test_shortcut_help_lists_actions_and_categories():
    rows = workbench_text.shortcut_rows("en", str)
    assert ("a", "approve (submit your layer)") in rows
    assert ("1", "label the selection " + CATEGORY_CODES[0]) in rows
    assert len(rows) == len(workbench_keys.ACTION_SHORTCUTS) + len(CATEGORY_CODES)


# ------------------------------------------------------------------ list view


def test_filters_combine_status_warnings_run_and_search():
    warned = report("w", warnings=[ImportWarning(kind="value_not_found", message="x")])
    reports = [report("a", "approved"), report("b", "silver"), warned, report("u", "unlabeled")]
    assert [
        r.id for r in workbench_list.filter_reports(reports, workbench_list.ReportFilter(statuses=("silver",)))
    ] == ["b", "w"]
    assert [r.id for r in workbench_list.filter_reports(reports, workbench_list.ReportFilter(warnings_only=True))] == [
        "w",
        "u",
    ]
    only_b = workbench_list.ReportFilter(disagreeing_ids=frozenset({"b"}))
    assert [r.id for r in workbench_list.filter_reports(reports, only_b)] == ["b"]
    assert [r.id for r in workbench_list.filter_reports(reports, workbench_list.ReportFilter(search="山本"))] == [
        "a",
        "b",
        "w",
        "u",
    ]
    assert workbench_list.filter_reports(reports, workbench_list.ReportFilter(search="nowhere")) == []


def test_status_counts_cover_every_status():
    counts = workbench_list.status_counts([report("a", "approved"), report("b", "approved"), report("c", "in_review")])
    assert counts == {"unlabeled": 0, "silver": 0, "in_review": 1, "approved": 2}


def test_navigation_stops_at_the_ends_and_recovers_from_a_filtered_out_id():
    ids = ["a", "b", "c"]
    assert workbench_list.step_id(ids, "a", 1) == "b"
    assert workbench_list.step_id(ids, "c", 1) == "c"
    assert workbench_list.step_id(ids, "a", -1) == "a"
    assert workbench_list.step_id(ids, "gone", 1) == "a"
    assert workbench_list.step_id([], "a", 1) is None


def test_review_queue_lists_warnings_and_unlabeled_reports():
    warned = report("w", warnings=[ImportWarning(kind="unmapped_label", message="m", label="FOO")])
    rows = workbench_list.warning_rows([warned, report("u", "unlabeled"), report("ok", "approved")])
    assert [(r["report_id"], r["kind"]) for r in rows] == [("w", "unmapped_label"), ("u", "no_labels")]


# ---------------------------------------------------------------- predictions

ITEMS = [
    {"label": "患者氏名", "category": "PATIENT_NAME", "value": "𠮷田太郎"},  # matches both occurrences
    {"label": "PHONE", "category": "PHONE", "value": "主治医"},  # spurious
    {"label": "AGE", "category": "AGE", "value": "山本一郎"},  # right place, wrong category
    {"label": "PATIENT_ID", "category": "PATIENT_ID", "value": "ID-999"},  # invented
]


def test_comparison_marks_matches_misses_spurious_and_invented_items():
    gold = [NAME_1, DOCTOR, PHONE]
    result = gold_comparison.compare_with_gold(TEXT, gold, ITEMS)
    verdicts = {(p.start, p.end): p.verdict for p in result.predictions}
    assert verdicts[(4, 8)] == "match"
    assert verdicts[(35, 39)] == "spurious"  # second 𠮷田太郎 is not gold
    assert verdicts[(9, 12)] == "spurious"
    assert verdicts[(13, 17)] == "wrong_category"
    assert [s.category for s in result.missed] == ["PHYSICIAN_NAME", "PHONE"]
    assert [i["value"] for i in result.not_found] == ["ID-999"]
    assert result.disagrees


def test_coarse_labels_match_any_category_they_cover():
    result = gold_comparison.compare_with_gold(
        TEXT, [PHONE], [{"label": "PHONE", "category": None, "value": "03-1234-5678"}]
    )
    assert [p.verdict for p in result.predictions] == ["match"] and not result.disagrees


def test_disagreeing_ids_uses_first_repeat_and_only_processed_reports():
    items = pd.DataFrame(
        [
            {
                "report_id": "same",
                "repeat_idx": 0,
                "item_idx": 0,
                "label": "PHONE",
                "category": "PHONE",
                "value": "03-1234-5678",
            },
            {"report_id": "same", "repeat_idx": 1, "item_idx": 0, "label": "AGE", "category": "AGE", "value": "主治医"},
        ]
    )
    reports = [report("same", spans=[PHONE]), report("unrun", spans=[PHONE]), report("empty")]
    assert gold_comparison.disagreeing_ids(reports, items) == frozenset({"unrun"})  # no items and gold: all missed
    assert gold_comparison.disagreeing_ids(reports, items, processed=["same", "empty"]) == frozenset()


# ---------------------------------------------------------------- span edits


def test_add_span_trims_spaces_and_line_breaks_of_the_selection():
    spans = span_edits.add_span(TEXT, [], 12, 18, "PHYSICIAN_NAME")  # "：山本一郎\n" minus the line break
    assert [(s.start, s.end, s.text) for s in spans] == [(12, 17, "：山本一郎")]


def test_add_span_relabels_the_same_stretch_and_refuses_exact_duplicates():
    spans = span_edits.add_span(TEXT, [DOCTOR], 13, 17, "PATIENT_NAME")
    assert [(s.start, s.end, s.category) for s in spans] == [(13, 17, "PATIENT_NAME")]
    with pytest.raises(span_edits.EditError, match="already labelled"):
        span_edits.add_span(TEXT, [DOCTOR], 13, 17, "PHYSICIAN_NAME")


@pytest.mark.parametrize(
    "start,end,category,message",
    [
        (5, 5, "AGE", "not inside"),
        (0, 999, "AGE", "not inside"),
        (8, 9, "AGE", "only spaces"),
        (0, 2, "NOT_A_CATEGORY", "not a PHI category"),
    ],
)
def test_add_span_refuses_bad_input_with_a_reason(start, end, category, message):
    with pytest.raises(span_edits.EditError, match=message):
        span_edits.add_span(TEXT, [], start, end, category)


def test_add_span_accepts_alias_spellings_of_categories():
    assert span_edits.add_span(TEXT, [], 13, 17, "医師名")[0].category == "PHYSICIAN_NAME"


def test_remove_and_recategorize():
    assert span_edits.remove_span(GOLD, 13, 17, "PHYSICIAN_NAME") == [NAME_1, PHONE]
    with pytest.raises(span_edits.EditError):
        span_edits.remove_span(GOLD, 13, 17, "AGE")
    changed = span_edits.recategorize(TEXT, GOLD, 22, 34, "PHONE", "EMERGENCY_CONTACT")
    assert [s.category for s in changed] == ["PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT"]


def test_accept_prediction_labels_every_verbatim_occurrence():
    spans, changed = span_edits.accept_prediction(TEXT, [NAME_1], "𠮷田太郎", "PATIENT_NAME")
    assert changed == 1
    assert [(s.start, s.end) for s in spans] == [(4, 8), (35, 39)]
    with pytest.raises(span_edits.EditError, match="does not occur"):
        span_edits.accept_prediction(TEXT, [], "鈴木", "PATIENT_NAME")


def test_accept_all_keeps_existing_gold_and_skips_labels_without_one_category():
    items = [*ITEMS, {"label": "NAME", "category": None, "value": "山本一郎"}]
    spans, changed, skipped = span_edits.accept_all(TEXT, [DOCTOR], items)
    keys = {(s.start, s.end, s.category) for s in spans}
    assert (13, 17, "PHYSICIAN_NAME") in keys and (13, 17, "AGE") not in keys  # gold wins in accept-all
    assert {(4, 8, "PATIENT_NAME"), (35, 39, "PATIENT_NAME"), (9, 12, "PHONE")} <= keys
    assert changed == 3
    assert any("ID-999" in note for note in skipped) and any("NAME" in note for note in skipped)


def test_suggested_category_for_coarse_labels_is_the_first_covered_in_taxonomy_order():
    assert span_edits.suggested_category("NAME") == "PATIENT_NAME"
    assert span_edits.suggested_category("医師名") == "PHYSICIAN_NAME"
    assert span_edits.suggested_category("nonsense") is None


# --------------------------------------------------------------- table edits


def test_table_rows_become_spans_with_text_from_the_offsets():
    rows = span_table.spans_table(GOLD).to_dict("records")
    rows[0]["text"] = "ignored"
    spans, errors = span_table.spans_from_table(TEXT, rows)
    assert errors == [] and spans == GOLD


def test_invalid_table_rows_are_reported_one_by_one():
    rows = [
        {"start": 5, "end": 3, "category": "AGE"},
        {"start": 0, "end": 999, "category": "AGE"},
        {"start": 0, "end": 2, "category": "BOGUS"},
        {"start": "x", "end": 2, "category": "AGE"},
        {"start": 13, "end": 17, "category": "PHYSICIAN_NAME"},
        {"start": 13, "end": 17, "category": "PHYSICIAN_NAME"},
        {"start": None, "end": float("nan"), "category": None},  # an untouched new row
    ]
    spans, errors = span_table.spans_from_table(TEXT, rows)
    assert [e.split(":")[0] for e in errors] == ["row 1", "row 2", "row 3", "row 4", "row 6"]
    assert "smaller than end" in errors[0] and "past the end" in errors[1] and "not a PHI category" in errors[2]


def test_editor_changes_apply_edits_additions_and_deletions():
    rows = span_table.spans_table(GOLD).to_dict("records")
    changes = {
        "edited_rows": {"0": {"category": "NAME_READING"}},
        "deleted_rows": [1],
        "added_rows": [{"start": 0, "end": 2, "category": "OTHER_ID"}],
    }
    result = span_table.apply_editor_changes(rows, changes)
    assert [(r["start"], r["category"]) for r in result] == [(4, "NAME_READING"), (22, "PHONE"), (0, "OTHER_ID")]


def test_table_event_refuses_the_whole_table_when_one_row_is_wrong():
    rows = [*span_table.spans_table(GOLD).to_dict("records"), {"start": 1, "end": 0, "category": "AGE"}]
    with pytest.raises(span_edits.EditError, match="row 4"):
        span_events.apply_event(TEXT, GOLD, "silver", {"action": "table", "rows": rows})


# ------------------------------------------------------------ diff/conflict


def test_diff_tells_added_removed_and_changed_apart():
    after = [span(4, 8, "NAME_READING"), PHONE, span(0, 3, "OTHER_ID")]
    diff = span_diff.diff_spans(GOLD, after)
    assert [s.start for s in diff.added] == [0]
    assert [s.category for s in diff.removed] == ["PHYSICIAN_NAME"]
    assert [(a.category, b.category) for a, b in diff.changed] == [("PATIENT_NAME", "NAME_READING")]
    assert span_diff.describe_diff(span_diff.diff_spans(GOLD, GOLD)) == ["no span changes"]


def test_reapply_replays_my_change_on_top_of_theirs():
    base = GOLD
    mine = span_edits.add_span(TEXT, base, 35, 39, "PATIENT_NAME")  # I added the second name
    theirs = span_edits.remove_span(base, 22, 34, "PHONE")  # they removed the phone
    merged = span_diff.reapply(base, mine, theirs)
    assert {(s.start, s.category) for s in merged} == {
        (4, "PATIENT_NAME"),
        (13, "PHYSICIAN_NAME"),
        (35, "PATIENT_NAME"),
    }


def test_status_events_and_unknown_actions():
    edit = span_events.apply_event(TEXT, GOLD, "silver", {"action": "approve"})
    assert edit.status == "approved" and edit.spans == GOLD
    with pytest.raises(span_edits.EditError, match="already approved"):
        span_events.apply_event(TEXT, GOLD, "approved", {"action": "approve"})
    with pytest.raises(span_edits.EditError, match="unknown"):
        span_events.apply_event(TEXT, GOLD, "silver", {"action": "explode"})
