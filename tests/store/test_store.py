import pytest

from phi_core.models import Report, Span
from phi_core.store import DatabaseLocked, DatasetExists, StaleEdit, Store, StoreError, TaskResult
from phi_core.store.database import connect, migrate


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


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
    first = store.save_gold("d", "r1", spans=[Span(start=3, end=7, category="PATIENT_NAME")],
                            expected_version=1, actor="alice")
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


def test_task_results_replace_failed_rows(store):
    row = TaskResult("r1", 0, "failed", "", [], [], [], 0.0, None, None, None, 1, "boom")
    store.save_task_results("run", [row])
    assert store.finished_tasks("run") == set()
    ok = TaskResult("r1", 0, "done", "{}", [("NAME", None, "𠮷田")], [], [], 0.5, 10, 5, 10, 1, None)
    store.save_task_results("run", [ok])
    assert store.finished_tasks("run") == {("r1", 0)}
    assert list(store.predicted_items("run")["value"]) == ["𠮷田"]
    assert len(store.task_results("run")) == 1


def test_migrations_are_idempotent(tmp_path):
    con = connect(tmp_path / "m.duckdb")
    first = migrate(con)
    assert first and migrate(con) == []


def test_second_writer_process_gets_a_plain_message(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(DatabaseLocked) as info:
            Store(path)
        assert "in use by" in str(info.value) and "--db" in str(info.value)
    finally:
        holder.kill()
        holder.wait()
