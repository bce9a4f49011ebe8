"""The four analysis pages render on a temporary database (no browser, no image export)."""

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.first_start import initialise
from phi_core.store import Store
from phi_core.ui.plain import unescape
from phi_core.ui.state import get_store
from tests.ui.apptest_support import APP, use_app_database
from tests.figures.analysis_data import DATASET, populate

PAGES = ("pages/leaderboard.py", "pages/error_analysis.py", "pages/phase_progression.py", "pages/threshold_advisor.py")


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory):
    return populate(tmp_path_factory.mktemp("analysis_pages") / "filled.duckdb")


@pytest.fixture
def db(filled_db, tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    shutil.copy(filled_db, path)
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis_pages") / "seeded.duckdb"
    with Store(path) as store:
        initialise(store, seed=True)  # the built-in corpus, but no runs
    return path


@pytest.fixture
def empty_db(seeded_db, tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    shutil.copy(seeded_db, path)
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["phi_dataset"], at.session_state["phi_split"] = DATASET, "dev"
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "success", "subheader", "title", "text")
        for e in getattr(at, kind)
    ]
    return unescape("\n".join(str(p) for p in parts))


def test_leaderboard_keeps_reported_rows_apart_and_offers_downloads(db):
    at = open_page("pages/leaderboard.py")
    body = texts(at)
    assert "Measured here" in body and "Reported by the paper (not measured here)" in body
    assert "our own definitions" in body
    assert at.selectbox(key="lb_reference").value == "GPT-4.1"
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"PNG", "SVG", "PDF", "CSV"} <= set(labels)
    assert any(label.startswith("Export all figures on this page") for label in labels)


def test_error_analysis_shows_examples_and_compares_phases(db):
    at = open_page("pages/error_analysis.py")
    assert "Examples" in texts(at)
    assert at.selectbox(key="ea_type").value == "missed"
    at.session_state["ea_tab"] = "Compare two runs"  # only the open tab is drawn
    at.run()
    # The default comparison is two phases of one model.
    a, b = at.selectbox(key="ea_cmp_a"), at.selectbox(key="ea_cmp_b")
    assert a.value != b.value and a.format_func(a.value).split(" · ")[0] == b.format_func(b.value).split(" · ")[0]
    at.selectbox(key="ea_type").select("spurious").run()
    assert not at.exception


def test_error_analysis_draws_only_the_open_tab_and_zips_them_all(db):
    at = open_page("pages/error_analysis.py")
    # The first tab is open: its heatmaps are drawn, the comparison (last tab) is not.
    assert at.selectbox(key="ea_type").value == "missed"
    assert not [s for s in at.selectbox if s.key == "ea_cmp_a"]
    zipped = next(b for b in at.get("download_button") if "Export all figures" in b.proto.label)
    # Every tab's figures still go into the zip, made when it is downloaded.
    assert "(6 figures, 5 tables)" in zipped.proto.label  # as when every tab was drawn
    at.session_state["ea_tab"] = "Compare two runs"
    at.run()
    assert not at.exception, at.exception
    assert [s for s in at.selectbox if s.key == "ea_cmp_a"]


def test_error_analysis_opens_a_report_in_the_workbench(db):
    at = open_page("pages/error_analysis.py")
    run_id = next(r.run_id for r in get_store().runs(DATASET) if (r.model, r.phase) == ("alpha:7b", "3"))
    at.session_state["ea_run"] = run_id  # a weak run: it has misses to show
    at.run()
    opener = next(b for b in at.button if b.label == "Open in workbench")
    opener.click().run()
    assert not at.exception, at.exception
    assert at.session_state["wb_run"] == run_id
    assert at.session_state["wb_pick"] == at.session_state["wb_report_id"]


def test_phase_progression_tables_gains_with_holm(db):
    at = open_page("pages/phase_progression.py")
    assert "Gain per phase transition" in texts(at)
    at.selectbox(key="pp_model").select("alpha:7b").run()
    assert not at.exception


def test_threshold_advisor_gives_advice_per_model(db):
    at = open_page("pages/threshold_advisor.py")
    body = texts(at)
    assert "alpha:7b" in body and "Self-Refine" in body
    at.radio(key="ta_method").set_value("segmented").run()
    assert not at.exception


@pytest.mark.parametrize("page", PAGES)
def test_pages_without_runs_say_what_to_do(empty_db, page):
    at = open_page(page)
    assert "python -m phi_core run" in texts(at)
