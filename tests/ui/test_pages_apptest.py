"""The pages render and react on a temporary database (no browser needed)."""

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.models import ImportWarning, Report, Span
from phi_core.store import Store
from phi_core.ui.state import get_store
from tests.ui.apptest_support import APP, use_app_database

TEXT = "患者名：𠮷田太郎\n電話：03-1234-5678"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    with Store(path) as store:
        store.add_reports(
            "ward",
            [
                Report(id="w1", text=TEXT, spans=[Span(start=4, end=8, category="PATIENT_NAME")]),
                Report(id="w2", text="所見：特記事項なし", status="unlabeled"),
                Report(
                    id="w3",
                    text=TEXT,
                    warnings=[ImportWarning(kind="value_not_found", message="値 X が本文にない", value="X")],
                ),
            ],
        )
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def workbench(db) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/workbench.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_overview_renders(db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.session_state["phi_dataset"] == "ward"
    assert any("Label progress of ward" in h.value for h in at.subheader)


def test_workbench_lists_reports_and_selects_one(db):
    at = workbench(db)
    pick = at.selectbox(key="wb_pick")
    assert pick.options[0].startswith("w1") and len(pick.options) == 3
    pick.select("w2").run()
    assert not at.exception
    assert at.selectbox(key="wb_pick").value == "w2"
    assert "Report (2 of 3)" in at.selectbox(key="wb_pick").label


def test_review_queue_shows_the_import_warning(db):
    at = workbench(db)
    at.session_state["wb_tab"] = "Review queue"  # only the open tab is drawn
    at.run()
    queue = at.selectbox(key="wb_jump_target")
    assert queue.options == ["w2", "w3"]
    queue.select("w3").run()
    at.button[[b.label for b in at.button].index("Open in editor")].click().run()
    assert at.selectbox(key="wb_pick").value == "w3"


def test_approve_needs_a_name_then_saves(db):
    at = workbench(db)
    approve = next(b for b in at.button if b.label.startswith("Approve"))
    approve.click().run()
    assert any("name" in t.value for t in at.text)
    at.text_input(key="phi_annotator").input("佐藤").run()
    next(b for b in at.button if b.label.startswith("Approve")).click().run()
    assert not at.exception
    assert any("approved 1 " in t.value for t in at.text)
    assert get_store().report("ward", "w1").status == "approved"


def test_stale_save_shows_the_conflict_and_reapplies(db):
    at = workbench(db)
    at.text_input(key="phi_annotator").input("me").run()
    # Someone else saves w1 after this session opened it.
    store = get_store()
    store.save_gold("ward", "w1", spans=[], expected_version=1, actor="them")
    next(b for b in at.button if b.label.startswith("Approve")).click().run()
    assert any("not saved" in t.value for t in at.text)
    assert any("removed PATIENT_NAME" in t.value for t in at.text)
    assert store.report("ward", "w1").status == "silver"  # nothing overwritten
    next(b for b in at.button if b.label == "Reload and re-apply my change").click().run()
    final = store.report("ward", "w1")
    assert final.status == "approved" and final.spans == [] and final.meta["version"] == 3
