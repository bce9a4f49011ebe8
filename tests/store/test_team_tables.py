"""Annotator layers, assignments, adjudication records and the migration that adds them."""

import shutil

import pytest

from phi_core.models import Report, Span
from phi_core.paths import MIGRATIONS_DIR
from phi_core.store import StaleEdit, Store, StoreError
from phi_core.store.database import connect, migrate

TEXT = "氏名 山田太郎 電話 03-1234-5678 です"


def span(text, value, category):
    start = text.index(value)
    return Span(start=start, end=start + len(value), category=category, text=value)


NAME = span(TEXT, "山田太郎", "PATIENT_NAME")
PHONE = span(TEXT, "03-1234-5678", "PHONE")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        s.add_reports(
            "d", [Report(id=f"r{i}", text=TEXT, split="dev", status="silver", spans=[NAME]) for i in range(4)]
        )
        yield s


def test_layers_are_separate_from_the_gold_and_from_each_other(store):
    store.save_layer("d", "r0", annotator="ann", spans=[NAME, PHONE], expected_version=0, actor="ann")
    store.save_layer("d", "r0", annotator="bob", spans=[], expected_version=0, actor="bob")
    assert [s.category for s in store.report("d", "r0").spans] == ["PATIENT_NAME"]
    assert len(store.report_layer("d", "r0", "ann").spans) == 2
    assert store.report_layer("d", "r0", "bob").spans == []
    assert store.report_layer("d", "r0", "ann").meta["version"] == 1


def test_stale_layer_save_is_refused_and_writes_nothing(store):
    store.save_layer("d", "r0", annotator="ann", spans=[NAME], expected_version=0, actor="ann")
    with pytest.raises(StaleEdit):
        store.save_layer("d", "r0", annotator="ann", spans=[PHONE], expected_version=0, actor="ann")
    assert [s.category for s in store.report_layer("d", "r0", "ann").spans] == ["PATIENT_NAME"]


def test_undo_restores_the_layer_not_the_gold(store):
    store.save_layer("d", "r0", annotator="ann", spans=[NAME], expected_version=0, actor="ann")
    store.save_layer("d", "r0", annotator="ann", spans=[NAME, PHONE], expected_version=1, actor="ann")
    gold_before = store.report("d", "r0")
    last = store.audit_log("d", "r0", layer="ann").iloc[0]
    store.undo(int(last["audit_id"]), actor="ann")
    assert len(store.report_layer("d", "r0", "ann").spans) == 1
    assert store.report("d", "r0").meta["version"] == gold_before.meta["version"]
    assert store.audit_log("d", "r0").empty  # the gold's own log is untouched


def test_submitting_the_only_layer_makes_it_the_gold(store):
    store.assign("d", {"r1": ["ann"]}, assigned_by="lead")
    store.save_layer(
        "d", "r1", annotator="ann", spans=[NAME, PHONE], status="approved", expected_version=1, actor="ann"
    )
    gold = store.report("d", "r1")
    assert gold.status == "approved" and len(gold.spans) == 2
    assert store.audit_log("d", "r1").iloc[0]["action"] == "from layer ann"


def test_submitting_one_of_two_layers_leaves_the_gold_alone(store):
    store.assign("d", {"r1": ["ann", "bob"]}, assigned_by="lead")
    store.save_layer(
        "d", "r1", annotator="ann", spans=[NAME, PHONE], status="approved", expected_version=1, actor="ann"
    )
    assert store.report("d", "r1").status == "silver"


def test_queue_holds_only_the_annotators_reports_in_order(store):
    store.assign("d", {"r2": ["ann"], "r0": ["ann", "bob"], "r3": ["bob"]}, assigned_by="lead")
    assert store.queue("d", "ann") == ["r0", "r2"]
    assert store.queue("d", "bob") == ["r0", "r3"]
    assert store.queue("d", "carol") == []


def test_prefilled_assignment_starts_from_the_gold(store):
    store.assign("d", {"r0": ["ann"]}, assigned_by="lead", prefill=True)
    assert [s.category for s in store.report_layer("d", "r0", "ann").spans] == ["PATIENT_NAME"]


def test_a_layer_with_work_cannot_be_unassigned(store):
    store.assign("d", {"r0": ["ann"]}, assigned_by="lead")
    store.save_layer("d", "r0", annotator="ann", spans=[NAME], expected_version=1, actor="ann")
    with pytest.raises(StoreError, match="kept"):
        store.unassign("d", "r0", "ann")
    assert store.queue("d", "ann") == ["r0"]


def test_import_layer_refuses_reports_not_in_the_dataset(store):
    with pytest.raises(StoreError, match="not in dataset"):
        store.import_layer("d", [Report(id="zz", text=TEXT, spans=[])], annotator="ann", actor="ann")


def test_roles_and_settings_round_trip(store):
    store.set_role("Alice@Hospital.example", "adjudicator", updated_by="lead")
    assert store.role_of("alice@hospital.example") == "adjudicator"
    with pytest.raises(StoreError, match="unknown role"):
        store.set_role("bob@x", "boss", updated_by="lead")
    store.set_setting("d", "blind", True)
    assert store.setting("d", "blind") is True and store.setting("d", "other", 5) == 5


def test_migrating_a_database_made_at_the_previous_schema_keeps_every_label(tmp_path):
    old_dir = tmp_path / "old_migrations"
    old_dir.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if int(path.name.split("_", 1)[0]) < 7:
            shutil.copy(path, old_dir / path.name)
    db = tmp_path / "old.duckdb"
    con = connect(db)
    migrate(con, old_dir)
    con.execute("INSERT INTO datasets (name) VALUES ('d')")
    for i in range(3):
        con.execute(
            "INSERT INTO reports (dataset, report_id, text, split, status, version, ordinal) "
            "VALUES ('d', ?, ?, 'dev', 'approved', 3, ?)",
            [f"r{i}", TEXT, i],
        )
        for s in (NAME, PHONE):
            con.execute(
                "INSERT INTO gold_spans (dataset, report_id, start_pos, end_pos, category, span_text) "
                "VALUES ('d', ?, ?, ?, ?, ?)",
                [f"r{i}", s.start, s.end, s.category, s.text],
            )
    con.execute(
        "INSERT INTO gold_audit (dataset, report_id, actor, action, version_before, version_after) "
        "VALUES ('d', 'r0', 'old', 'edit', 2, 3)"
    )
    spans_before = con.execute("SELECT * FROM gold_spans ORDER BY ALL").fetchall()
    con.close()
    with Store(db) as store:
        assert store._rows("SELECT * FROM gold_spans ORDER BY ALL") == spans_before
        assert [len(r.spans) for r in store.reports("d")] == [2, 2, 2]
        assert store.report("d", "r1").meta["version"] == 3
        log = store.audit_log("d", "r0")
        assert list(log["actor"]) == ["old"] and list(log["layer"]) == [""]
        # The old gold keeps working as a layer: edit and undo.
        store.save_gold("d", "r0", spans=[NAME], expected_version=3, actor="me")
        store.undo(int(store.audit_log("d", "r0").iloc[0]["audit_id"]), actor="me")
        assert len(store.report("d", "r0").spans) == 2


def test_deleting_a_dataset_deletes_its_layers_and_adjudications(store):
    store.assign("d", {"r0": ["ann", "bob"]}, assigned_by="lead")
    store.save_layer("d", "r0", annotator="ann", spans=[NAME], expected_version=1, actor="ann")
    store.save_adjudication("d", "r0", spans=[NAME], adjudicator="adj", layers={"ann": 2, "bob": 1}, decisions=[])
    store.set_setting("d", "blind", True)
    store.delete_dataset("d")
    for table in ("annotation_layers", "layer_spans", "adjudications", "gold_audit", "team_settings"):
        assert store._rows(f"SELECT count(*) FROM {table}")[0][0] == 0, table
