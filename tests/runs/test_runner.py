import threading

import pytest

from phi_core.extractors.base import CallRecord, ExtractionOutcome
from phi_core.models import PredictedItem, Report, Span
from phi_core.runs import Job, Runner
from phi_core.store import Store, StoreError


class FakeExtractor:
    backend, model, phase, host = "fake", "fake-1", "2", "h1"

    def __init__(self, crash_after=None, fail_ids=()):
        self.calls = []
        self.crash_after = crash_after
        self.fail_ids = set(fail_ids)
        self.lock = threading.Lock()

    def provenance(self):
        return {"options": {"temperature": 0}}

    def identity(self):
        return {"v": 1}

    def extract(self, report, *, repeat=0):
        with self.lock:
            self.calls.append((report.id, repeat))
            if self.crash_after is not None and len(self.calls) > self.crash_after:
                raise KeyboardInterrupt  # a crash the runner must not swallow
        if report.id in self.fail_ids:
            return ExtractionOutcome(items=[], error="host went away")
        name = report.spans[0].text if report.spans else "x"
        return ExtractionOutcome(
            items=[PredictedItem(category="NAME", value=name)],
            raw="{}",
            seconds=0.01,
            calls=[CallRecord(step="extract", request_hash="h", raw="{}")],
        )


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "r.duckdb")
    reports = [
        Report(id=f"r{i}", text=f"氏名：山田{i}郎", spans=[Span(start=3, end=6, category="PATIENT_NAME")])
        for i in range(6)
    ]
    s.add_reports("d", reports)
    yield s
    s.close()


def test_run_writes_every_task_and_rerun_makes_no_calls(store):
    job = Job(dataset="d", backend="fake", model="fake-1", phase="2", repeats=2)
    ext = FakeExtractor()
    first = Runner(store, job, [ext]).run()
    assert (first.tasks_total, first.tasks_done, first.backend_calls) == (12, 12, 12)
    assert sorted(ext.calls) == sorted((f"r{i}", k) for i in range(6) for k in range(2))
    again = FakeExtractor()
    second = Runner(store, job, [again]).run()
    assert second.run_id == first.run_id
    assert again.calls == [] and second.backend_calls == 0 and second.cached == 12


def test_crashed_run_resumes_without_losing_or_duplicating(store):
    job = Job(dataset="d", backend="fake", model="fake-1", phase="2")
    with pytest.raises(KeyboardInterrupt):
        Runner(store, job, [FakeExtractor(crash_after=3)]).run()
    run = store.find_run(Runner(store, job, [FakeExtractor()]).prepare(store.reports("d")).job_key)
    saved = store.finished_tasks(run.run_id)
    assert 0 < len(saved) <= 3
    ext = FakeExtractor()
    summary = Runner(store, job, [ext]).run()
    assert {rid for rid, _ in ext.calls}.isdisjoint({rid for rid, _ in saved})
    assert summary.tasks_done == 6
    assert len(store.task_results(run.run_id)) == 6


def test_failed_tasks_are_recorded_and_retried_on_resume(store):
    job = Job(dataset="d", backend="fake", model="fake-1", phase="2")
    summary = Runner(store, job, [FakeExtractor(fail_ids={"r2"})]).run()
    assert summary.status == "failed" and summary.tasks_failed == 1
    assert "host went away" in summary.errors[0]
    ext = FakeExtractor()
    resumed = Runner(store, job, [ext]).run()
    assert ext.calls == [("r2", 0)] and resumed.status == "done"


def test_cancel_is_honoured_between_tasks(store):
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done >= 2:
            cancel.set()

    job = Job(dataset="d", backend="fake", model="fake-1", phase="2")
    summary = Runner(store, job, [FakeExtractor()], progress=progress, cancel=cancel).run()
    assert summary.status == "cancelled"
    assert 2 <= summary.tasks_done < 6


def test_work_is_spread_over_hosts(store):
    a, b = FakeExtractor(), FakeExtractor()
    job = Job(dataset="d", backend="fake", model="fake-1", phase="2", concurrency=2)
    Runner(store, job, [a, b]).run()
    assert len(a.calls) + len(b.calls) == 6


def test_unknown_dataset_says_what_exists(store):
    with pytest.raises(StoreError, match="known: d"):
        Runner(store, Job(dataset="nope", backend="fake"), [FakeExtractor()]).run()


class DyingHost(FakeExtractor):
    def extract(self, report, *, repeat=0):
        if len(self.calls) >= 1:
            self.calls.append((report.id, repeat))
            return ExtractionOutcome(items=[], error="cannot reach Ollama at h1", host_down=True)
        return super().extract(report, repeat=repeat)


def test_a_host_that_dies_mid_run_stops_getting_work_and_the_job_resumes(store):
    job = Job(dataset="d", backend="fake", model="fake-1", phase="2")
    dying = DyingHost()
    summary = Runner(store, job, [dying]).run()
    assert summary.status == "failed" and len(dying.calls) == 2
    # The task the host dropped is not a failure: it waits for a host.
    assert summary.tasks_done == 1 and summary.tasks_failed == 0
    assert "no host is left" in summary.errors[0] and "h1" in summary.errors[0]
    healthy = FakeExtractor()
    resumed = Runner(store, job, [healthy]).run()
    assert resumed.status == "done" and len(healthy.calls) == 5
