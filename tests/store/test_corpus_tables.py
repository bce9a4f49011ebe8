import pytest

from phi_core.models import Report, Span
from phi_core.store import DatasetExists, StaleEdit, StoreError


def _report(rid="r1", text="氏名：𠮷田太郎 電話 03-1234-5678", spans=None, **kw):
    if spans is None:
        spans = [Span(start=3, end=7, category="PATIENT_NAME"), Span(start=11, end=23, category="PHONE")]
    return Report(id=rid, text=text, spans=spans, **kw)


def test_reports_round_trip_with_code_point_offsets(store):
    store.add_reports("d", [_report(), _report("r2", "所見なし", [], status="approved")])
    got = store.reports("d")
    assert [r.id for r in got] == ["r1", "r2"]
    assert [(s.start, s.end, s.text) for s in got[0].spans] == [(3, 7, "𠮷田太郎"), (11, 23, "03-1234-5678")]
    assert got[1].spans == [] and got[1].status == "approved"
    assert store.report_counts("d") == {"silver": 1, "approved": 1}


def test_import_with_existing_ids_writes_nothing(store):
    store.add_reports("d", [_report()])
    with pytest.raises(DatasetExists):
        store.add_reports("d", [_report("r9"), _report("r1")])
    assert [r.id for r in store.reports("d")] == ["r1"]


def test_failed_import_leaves_earlier_data_intact(store):
    store.add_reports("d", [_report()])
    with pytest.raises(StoreError):
        store.add_reports("d", [_report("x"), _report("x")])
    assert len(store.reports("d")) == 1


def test_stale_save_is_refused_and_nothing_is_overwritten(store):
    store.add_reports("d", [_report()])
    first = store.save_gold(
        "d", "r1", spans=[Span(start=3, end=7, category="PATIENT_NAME")], expected_version=1, actor="alice"
    )
    assert first == 2
    with pytest.raises(StaleEdit) as info:
        store.save_gold("d", "r1", spans=[], expected_version=1, actor="bob")
    assert info.value.current_version == 2
    assert len(store.report("d", "r1").spans) == 1


def test_every_change_is_audited_and_can_be_undone(store):
    store.add_reports("d", [_report()])
    store.save_gold("d", "r1", spans=[], status="in_review", expected_version=1, actor="alice")
    log = store.audit_log("d", "r1")
    assert list(log["actor"]) == ["alice"]
    store.undo(int(log["audit_id"][0]), actor="bob")
    restored = store.report("d", "r1")
    assert len(restored.spans) == 2 and restored.status == "silver"
    assert list(store.audit_log("d", "r1")["actor"]) == ["bob", "alice"]
    with pytest.raises(StoreError):
        store.undo(int(log["audit_id"][0]), actor="bob")


def test_split_counts_count_reports_per_split(store):
    store.add_reports("d", [_report("a", split="dev"), _report("b", split="dev"), _report("c", split="test")])
    assert store.split_counts("d") == {"dev": 2, "test": 1}
    assert store.split_counts("other") == {}


def test_report_ids_follow_import_order_per_dataset(store):
    store.add_reports("b", [_report("b2"), _report("b1")])
    store.add_reports("a", [_report("a9")])
    assert store.report_ids("b") == ["b2", "b1"]
    assert store.report_ids() == ["a9", "b2", "b1"]
    assert store.report_ids("none") == []
