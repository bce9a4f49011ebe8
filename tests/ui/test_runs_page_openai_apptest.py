"""The Runs page offers an OpenAI-compatible server like an Ollama host: its hosts, its models, a run on it."""

import time

import pytest

from phi_core.ui.jobs import get_job_manager
from phi_core.ui.state import get_store
from tests.doubles import STANDIN_MODEL as MODEL, StandinHost
from tests.ui.test_runs_page_apptest import button, db, runs_page  # noqa: F401  (db is a fixture)


@pytest.fixture
def server(monkeypatch):
    with StandinHost(latency_s=0.01) as host:
        monkeypatch.setenv("PHI_OPENAI_BASE_URL", host.url)  # /v1 is completed
        yield host


def settle(at, done, seconds=20):
    """Re-run the page until the background host check has answered."""
    deadline = time.monotonic() + seconds
    while not done(at):
        assert time.monotonic() < deadline, "the page never showed the host's models"
        time.sleep(0.2)
        at.run()
    return at


def test_openai_hosts_and_models_are_offered_and_a_run_goes_to_the_server(db, server):  # noqa: F811
    at = runs_page()
    at.selectbox(key="rn_backend").select("openai").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="rn_hosts").value == [server.openai_url]
    settle(at, lambda page: MODEL in page.multiselect(key="rn_models").options)

    at.multiselect(key="rn_models").select(MODEL).run()
    phases = at.multiselect(key="rn_phases")
    phase2 = next(label.rsplit("· ", 1)[1] for label in phases.options if label.startswith("phase 2 "))
    phases.select(phase2).run()
    assert not at.error, [e.value for e in at.error]
    button(at, "Start").click().run()
    assert not at.exception, at.exception
    deadline = time.monotonic() + 30
    while get_job_manager().busy():
        assert time.monotonic() < deadline, "the openai run did not finish in 30 s"
        time.sleep(0.1)
    runs = get_store().runs()
    assert [(r.backend, r.model, r.status) for r in runs] == [("openai", MODEL, "done")]
    assert runs[0].tasks_total == 4  # the ward's four dev reports
    assert server.served == 1  # they share one text: the other three came from the reply cache
