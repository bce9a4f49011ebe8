"""The Residual leak page's release decision, in English and Japanese (no browser)."""

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.scoring.stored_runs import score_run
from phi_core.models import Report, Span
from phi_core.store import Store, TaskResult
from phi_core.ui.i18n import LANGUAGE_KEY
from phi_core.ui.state import get_store
from tests.ui.apptest_support import APP, use_app_database

TEXT = "患者名：山田太郎\n年齢：45歳"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    with Store(path) as store:
        reports = [
            Report(
                id=f"w{i}",
                text=TEXT,
                status="approved",
                spans=[Span(start=4, end=8, category="PATIENT_NAME"), Span(start=12, end=15, category="AGE")],
            )
            for i in range(20)
        ]
        store.add_reports("ward", reports)
        run = store.create_run(
            job_key="k",
            dataset="ward",
            split=None,
            backend="rules",
            model="rules",
            phase="-",
            phase_key=None,
            hosts=[],
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=20,
        )
        results = [
            TaskResult(
                f"w{i}",
                0,
                "done",
                "",
                [("PATIENT_NAME", None, "山田太郎"), ("AGE", None, "45歳")],
                [],
                [],
                0.1,
                None,
                None,
                None,
                0,
                None,
            )
            for i in range(20)
        ]
        store.save_task_results(run.run_id, results)
        score_run(store, run.run_id)
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def _page(language):
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state[LANGUAGE_KEY] = language
    at.run()
    at.switch_page("pages/residual_leak.py")
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    "language,heading,advice",
    [
        ("en", "Release decision with 95% confidence", "not enough evidence yet: annotate about 280 more documents"),
        ("ja", "95% の信頼度での公開判定", "あと約 280 件の文書に正解ラベルを付けてください"),
    ],
)
def test_release_decision_shows_bounds_verdict_and_advice(db, language, heading, advice):
    at = _page(language)
    assert heading in [s.value for s in at.subheader]
    texts = " ".join(t.value for t in at.text)
    assert advice in texts
    frames = [d.value for d in at.dataframe]
    criteria = next(f for f in frames if f.columns[0] in ("criterion", "基準"))
    assert len(criteria) == 4 and (criteria.iloc[:, 3] > 0).all()  # upper bounds, never 0 with 20 documents
    kinds = next(f for f in frames if f.columns[0] in ("kind", "種類"))
    assert len(kinds) == 1
    labels = [b.proto.label for b in at.get("download_button")]
    assert any("HTML" in label for label in labels) and any("PDF" in label for label in labels)


def test_leak_chart_is_drawn_only_on_request_and_zipped_either_way(db):
    at = _page("en")
    assert not at.get("plotly_chart")
    # The verdict is on the first screen whatever is shown below it.
    assert "Verdict per pipeline" in [s.value for s in at.subheader]
    zip_label = next(b.proto.label for b in at.get("download_button") if "zip" in b.proto.label)
    at.toggle(key="leak_fig_open").set_value(True).run()
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) == 1
    assert next(b.proto.label for b in at.get("download_button") if "zip" in b.proto.label) == zip_label
