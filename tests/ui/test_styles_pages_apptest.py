"""The error analysis page breaks results down by document style and value format; the
workbench filters by style and shows the annotation guidelines."""

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.scoring.stored_runs import score_run
from phi_core.runs import Job, Runner
from phi_core.store import Store
from phi_core.ui.state import get_store
from tests.analysis.test_styles_analysis import REPORTS, FakeExtractor
from tests.ui.apptest_support import APP, use_app_database


@pytest.fixture
def styled_db(tmp_path, monkeypatch):
    path = tmp_path / "styled.duckdb"
    with Store(path) as store:
        store.add_reports("d", REPORTS)
        Runner(
            store,
            Job(dataset="d", backend="fake", model="m", phase="2", split="dev"),
            [FakeExtractor()],
            scorer=score_run,
        ).run()
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["phi_dataset"], at.session_state["phi_split"] = "d", "dev"
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def test_error_analysis_offers_style_and_format_drill_down(styled_db):
    at = open_page("pages/error_analysis.py")
    # The example filters offer the styles and formats while the breakdown tab is closed.
    assert at.selectbox(key="ea_style").options == ["(any)", "hl7", "nursing"]
    assert "compact date" in at.selectbox(key="ea_format").options
    at.session_state["ea_tab"] = "By style and format"
    at.run()
    assert at.radio(key="ea_breakdown_metric").value == "recall"
    assert at.selectbox(key="ea_style").options == ["(any)", "hl7", "nursing"]
    at.selectbox(key="ea_style").set_value("nursing").run()
    assert not at.exception, at.exception
    at.radio(key="ea_breakdown_metric").set_value("leak_rate").run()
    assert not at.exception, at.exception


def test_workbench_filters_by_style_and_shows_the_guidelines(styled_db):
    at = open_page("pages/workbench.py")
    assert at.multiselect(key="wb_styles").options == ["hl7", "nursing"]
    at.multiselect(key="wb_styles").set_value(["nursing"]).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="wb_pick").options == ["r3"] or at.selectbox(key="wb_pick").value == "r3"
    expanders = [e.label for e in at.expander]
    assert "Guidelines: key points" in expanders
    assert any("Examination dates versus other dates" in m.value for m in at.markdown)
