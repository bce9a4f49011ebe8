"""The De-identify and Residual leak pages render and react (no browser)."""

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.scoring.stored_runs import score_run
from phi_core.models import Report, Span
from phi_core.store import Store, TaskResult
from phi_core.ui.state import get_store
from tests.ui.apptest_support import APP, use_app_database

TEXT = "患者名：山田太郎\n電話：03-1234-5678"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    with Store(path) as store:
        store.add_reports(
            "ward",
            [
                Report(
                    id="w1",
                    text=TEXT,
                    status="approved",
                    spans=[Span(start=4, end=8, category="PATIENT_NAME"), Span(start=12, end=24, category="PHONE")],
                )
            ],
        )
        run = store.create_run(
            job_key="k",
            dataset="ward",
            split=None,
            backend="rules",
            model="rules",
            phase="-",
            phase_key=None,
            hosts=(),
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=1,
        )
        store.save_task_results(
            run.run_id,
            [
                TaskResult(
                    "w1", 0, "done", "", [("PHONE", None, "03-1234-5678")], [], [], 0.1, None, None, None, 0, None
                )
            ],
        )
        score_run(store, run.run_id)
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def _page(name):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(name)
    at.run()
    assert not at.exception, at.exception
    return at


def _counts(at):
    store = get_store()
    return store._rows("SELECT (SELECT count(*) FROM datasets), (SELECT count(*) FROM reports)")[0]


def test_residual_leak_page_gives_a_verdict(db):
    at = _page("pages/residual_leak.py")
    texts = " ".join(t.value for t in at.text)
    assert "no document leaks PATIENT_NAME" in texts
    summary = at.dataframe[0].value
    assert summary.iloc[0]["verdict"] == "fails" and summary.iloc[0]["leaked_chars"] == 4


def test_deidentify_page_rewrites_pasted_text_and_stores_nothing(db):
    at = _page("pages/deidentify.py")
    before = _counts(at)
    at.radio(key="deid_mode").set_value("redact")
    at.text_area(key="deid_paste").input(TEXT)
    at.button(key="deid_go_paste").click()
    at.run()
    assert not at.exception, at.exception
    assert _counts(at) == before
    assert "De-identified" in [t.value for t in at.text]
    drawn = [h.proto.body for h in at.get("html")]
    assert any("■■■■" in h for h in drawn) and not any("■" in h and "山田" in h for h in drawn[1:])
    at.checkbox(key="deid_keep").check()
    at.run()
    at.text_input(key="deid_keep_name").input("kept")
    at.run()
    at.button(key="deid_keep_go").click()
    at.run()
    assert not at.exception, at.exception
    assert _counts(at)[1] == before[1] + 1
