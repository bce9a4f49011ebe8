"""Adding many datasets in one go, and copying whole datasets from another database."""

import pytest

from phi_core.models import Report, Span
from phi_core.store import DatasetExists, Store, StoreError
from phi_core.store.corpus_import import NewReports


def _report(rid, text="氏名：𠮷田太郎 様", split="dev"):
    return Report(id=rid, text=text, split=split, spans=[Span(start=3, end=7, category="PATIENT_NAME")])


def test_several_datasets_in_one_call_keep_their_order_and_fields(store):
    added = store.add_datasets(
        [
            NewReports("a", [_report("a1"), _report("a2", split="test")], "built-in", "first", "independent"),
            NewReports("b", [_report("b1")], description="second"),
        ]
    )
    assert added == 3
    rows = store.datasets().set_index("name")
    assert rows.loc["a", "provenance"] == "independent" and rows.loc["a", "description"] == "first"
    assert rows.loc["b", "provenance"] == "imported" and rows.loc["a", "test"] == 1
    assert [r.id for r in store.reports("a")] == ["a1", "a2"]
    assert [s.text for s in store.reports("b")[0].spans] == ["𠮷田太郎"]


def test_adding_to_an_existing_dataset_continues_its_order(store):
    store.add_reports("a", [_report("a1")])
    store.add_datasets([NewReports("a", [_report("a2")]), NewReports("b", [_report("b1")])])
    assert [r.id for r in store.reports("a")] == ["a1", "a2"]


def test_one_known_id_refuses_the_whole_call(store):
    store.add_reports("a", [_report("a1")])
    with pytest.raises(DatasetExists, match="'a' already has 1"):
        store.add_datasets([NewReports("b", [_report("b1")]), NewReports("a", [_report("a1")])])
    assert store.dataset_names() == ["a"]


def test_a_dataset_named_twice_is_refused(store):
    with pytest.raises(StoreError, match="named twice"):
        store.add_datasets([NewReports("a", [_report("a1")]), NewReports("a", [_report("a2")])])
    assert store.dataset_names() == []


def test_exported_datasets_copy_into_another_store(tmp_path, store):
    store.add_datasets([NewReports("a", [_report("a1"), _report("a2")], "built-in"), NewReports("b", [_report("b1")])])
    store.save_gold("a", "a1", spans=[], expected_version=1, actor="ann")  # an audit row, which is not copied
    target = tmp_path / "export.duckdb"
    store.export_datasets(target, ["a"])
    with Store(tmp_path / "other.duckdb") as other:
        other.add_reports("mine", [_report("m1")])
        assert other.copy_datasets(target, ["a"]) == 2
        assert other.copy_datasets(target, ["a"]) == 0  # already there: left alone
        assert other.dataset_names() == ["mine", "a"]
        assert [r.id for r in other.reports("a")] == ["a1", "a2"]
        assert other.reports("a")[0].spans == []  # the gold as it was exported
        assert other.audit_log("a").empty
        assert "b" not in other.dataset_names()
