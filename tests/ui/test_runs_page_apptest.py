"""The Runs page on a temporary database: it renders, starts a rules run and shows it finished."""

import time

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.backends import HostStatus, ModelInfo
from phi_core.models import Report, Span
from phi_core.store import Store
from phi_core.ui.jobs import get_job_manager
from phi_core.ui.plain import unescape
from phi_core.ui.state import get_host_monitor, get_store
from tests.ui.apptest_support import APP, use_app_database

TEXT = "患者名：山田太郎\n電話：03-1234-5678"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "runs.duckdb"
    with Store(path) as store:
        store.add_reports(
            "ward",
            [
                Report(id=f"w{i}", text=TEXT, split="dev", spans=[Span(start=4, end=8, category="PATIENT_NAME")])
                for i in range(4)
            ]
            + [Report(id="t1", text=TEXT, split="test", spans=[Span(start=4, end=8, category="PATIENT_NAME")])],
        )
    use_app_database(path, monkeypatch)
    yield path
    get_job_manager().shutdown()
    get_store.clear()


def runs_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/runs.py")  # straight to the Runs page, without drawing the default page first
    at.run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, label: str) -> AppTest:
    """Only the open tab is drawn: open another one as a click on it would."""
    at.session_state["rn_tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_page_renders_the_form_history_and_editor(db):
    at = runs_page()
    assert at.title[0].value == "Runs"
    assert at.selectbox(key="rn_backend").value == "rules"
    assert at.selectbox(key="rn_split").value == "dev"
    assert "No runs yet." not in [i.value for i in at.info]  # the history is not drawn until opened
    open_tab(at, "History")
    assert "No runs yet." in [i.value for i in at.info]
    assert not [s for s in at.selectbox if s.key == "rn_backend"]
    open_tab(at, "Phase editor")
    assert at.selectbox(key="pe_phase").value.startswith("p1-v1-")


def test_starting_a_rules_run_completes_and_shows_in_history(db):
    at = runs_page()
    button(at, "Start").click().run()
    assert not at.exception, at.exception
    assert any("queued 1 job" in unescape(s.value) for s in at.success)
    deadline = time.monotonic() + 20
    while get_job_manager().busy():
        assert time.monotonic() < deadline, "the rules run did not finish in 20 s"
        time.sleep(0.1)
    open_tab(at, "History")
    [job] = get_job_manager().jobs()
    assert (job.status, job.done, job.total) == ("done", 4, 4)
    history = next(d.value for d in at.dataframe if "phase_key" in d.value.columns)
    assert list(history["status"]) == ["done"] and list(history["done"]) == [4]
    assert history["score"].notna().all()
    assert at.selectbox(key="rn_drill_run").value == job.run_id
    assert any("4/4 reports" in p.proto.text for p in at.get("progress"))


def test_ollama_form_checks_then_a_dead_host_is_refused_and_nothing_is_queued(db, monkeypatch):
    at = runs_page()
    at.selectbox(key="rn_backend").select("ollama").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="rn_split").value == "from phase"  # preselected from each phase's definition
    assert any("choose at least one model" in unescape(e.value) for e in at.error)
    assert button(at, "Start").disabled
    # The monitor saw the host up a moment ago; by the time Start is pressed it is gone.
    host = "http://127.0.0.1:9"
    monkeypatch.setattr(
        get_host_monitor(),
        "statuses",
        lambda hosts, backend="ollama": {h: HostStatus(h, True, models=[ModelInfo("tiny:1b")]) for h in hosts},
    )
    at.run()
    at.multiselect(key="rn_models").select("tiny:1b").run()
    phases = at.multiselect(key="rn_phases")
    phase5 = next(label.rsplit("· ", 1)[1] for label in phases.options if label.startswith("phase 5 "))
    phases.select(phase5).run()
    at.selectbox(key="rn_split").select("dev").run()
    assert any("meant for the test split, not dev" in unescape(w.value) for w in at.warning)
    at.selectbox(key="rn_split").select("from phase").run()
    assert at.multiselect(key="rn_hosts").value == [host]
    button(at, "Start").click().run()
    assert not at.exception, at.exception
    assert any("was not queued" in unescape(e.value) and "127.0.0.1:9" in unescape(e.value) for e in at.error), [
        e.value for e in at.error
    ]
    assert get_job_manager().jobs() == [] and get_store().stored_jobs() == []


def test_phase_edit_is_saved_as_a_new_version_with_its_diff(db):
    at = open_tab(runs_page(), "Phase editor")
    key = at.selectbox(key="pe_phase").value
    area = at.text_area(key=f"pe_{key}_prompts.system")
    area.input(area.value + "\n必ずJSONのみを返すこと。").run()
    assert not at.exception, at.exception
    assert any("+必ずJSONのみを返すこと。" in c.value for c in at.code)
    button(at, "Save as a new version").click().run()
    assert not at.exception, at.exception
    new_key = at.selectbox(key="pe_phase").value
    assert new_key.startswith("p1-v2-") and new_key != key
    row = get_store().phases().set_index("phase_key").loc[new_key]
    assert row["source"] == "edited" and row["parent_hash"]
    assert any("+必ずJSONのみを返すこと。" in c.value for c in at.code)  # diff against its parent
    open_tab(at, "Start a run")
    at.selectbox(key="rn_backend").select("ollama").run()
    assert any(label.endswith(new_key) and "edited" in label for label in at.multiselect(key="rn_phases").options)


def test_work_left_unfinished_by_a_stopped_app_is_shown_interrupted_and_resumes(db):
    from phi_core.extractors.rules_extractor import RulesExtractor
    from phi_core.runs import Job, Runner

    with Store(db) as store:  # a run the previous app process left "running"
        run_id = (
            Runner(store, Job(dataset="ward", backend="rules", split="dev", limit=2), [RulesExtractor()]).run().run_id
        )
        store.update_run(run_id, status="running")
    at = open_tab(runs_page(), "History")
    assert any("**Interrupted**" in m.value for m in at.markdown)
    history = next(d.value for d in at.dataframe if "phase_key" in d.value.columns)
    assert list(history["status"]) == ["interrupted"]
    button(at, "Resume").click().run()
    assert not at.exception, at.exception
    deadline = time.monotonic() + 20
    while get_job_manager().busy():
        assert time.monotonic() < deadline, "the resumed run did not finish in 20 s"
        time.sleep(0.1)
    open_tab(at, "History")
    [job] = get_job_manager().jobs()
    assert (job.run_id, job.status, job.skipped) == (run_id, "done", 2)  # same run, the 2 done reports skipped
    assert not any("**Interrupted**" in m.value for m in at.markdown)
