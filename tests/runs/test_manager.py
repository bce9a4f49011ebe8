import threading
import time

import pytest

from phi_core.extractors.base import CallRecord, ExtractionOutcome
from phi_core.models import PredictedItem, Report, Span
from phi_core.runs import Job, Runner
from phi_core.runs.manager import JobManager, JobRejected
from phi_core.store import Store

N_REPORTS = 6

LEAD = "tester"  # single-user mode: a local lead


class GatedExtractor:
    """Extracts one report each time the test opens the gate (or at once when open)."""

    backend, model, phase, host = "fake", "fake-1", "2", "h1"

    def __init__(self, open_gate: bool = False):
        self.gate = threading.Semaphore(10_000 if open_gate else 0)
        self.calls: list[str] = []
        self.lock = threading.Lock()

    def release(self, n: int = 1) -> None:
        for _ in range(n):
            self.gate.release()

    def provenance(self):
        return {"options": {"temperature": 0}, "phase_key": "p2-v1-test"}

    def identity(self):
        return {"v": 1}

    def extract(self, report, *, repeat=0):
        if not self.gate.acquire(timeout=10):
            return ExtractionOutcome(items=[], error="test gate never opened")
        with self.lock:
            self.calls.append(report.id)
        if report.id == "r5":
            return ExtractionOutcome(items=[], error="model said nonsense")
        return ExtractionOutcome(
            items=[PredictedItem(category="NAME", value=report.spans[0].text)],
            raw="{}",
            seconds=0.5,
            calls=[CallRecord(step="extract", request_hash="h", raw="{}")],
        )


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "jobs.duckdb")
    s.add_reports(
        "d",
        [
            Report(
                id=f"r{i}", text=f"氏名：山田{i}郎", split="dev", spans=[Span(start=3, end=6, category="PATIENT_NAME")]
            )
            for i in range(N_REPORTS)
        ],
    )
    yield s
    s.close()


def fake_job(**overrides) -> Job:
    return Job(**{"dataset": "d", "backend": "fake", "model": "fake-1", "phase": "2", "split": "dev", **overrides})


def manager_with(store, extractor, **kwargs) -> JobManager:
    return JobManager(store, build_extractors=lambda job, s: [extractor], **kwargs)


def wait_until(predicate, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


def test_rules_job_runs_in_the_background_and_is_scored(store):
    manager = JobManager(store)  # the real registry: rules needs no model
    started = manager.submit(Job(dataset="d", backend="rules", split="dev"), actor=LEAD)
    assert started.status in ("queued", "running")
    final = manager.wait(started.job_id, timeout_s=20)
    assert (final.status, final.done, final.total, final.failed) == ("done", N_REPORTS, N_REPORTS, 0)
    assert store.run(final.run_id).status == "done"
    assert len(store.report_scores([final.run_id])) == N_REPORTS
    assert store.stored_jobs()[0]["status"] == "done"
    assert store.stored_jobs()[0]["run_id"] == final.run_id


def test_progress_failures_and_last_error_are_visible_while_running(store):
    ext = GatedExtractor()
    manager = manager_with(store, ext)
    job_id = manager.submit(fake_job(), actor=LEAD).job_id
    ext.release(2)
    wait_until(lambda: manager.job(job_id).done == 2)
    mid = manager.job(job_id)
    assert mid.status == "running" and mid.total == N_REPORTS and mid.run_id
    assert manager.busy()
    ext.release(N_REPORTS)
    final = manager.wait(job_id, timeout_s=10)
    assert (final.status, final.done, final.failed, final.last_error) == ("failed", 5, 1, "model said nonsense")
    assert final.fraction == 1.0 and not final.active


def test_cancel_stops_a_running_job_and_drops_a_queued_one(store):
    ext = GatedExtractor()
    manager = manager_with(store, ext)
    first = manager.submit(fake_job(), actor=LEAD).job_id
    second = manager.submit(fake_job(repeats=2), actor=LEAD).job_id
    assert manager.job(second).status == "queued"  # one at a time by default
    ext.release(1)
    wait_until(lambda: manager.job(first).done == 1)
    assert manager.cancel(second, actor=LEAD) and manager.job(second).status == "cancelled"
    assert manager.cancel(first, actor=LEAD)
    ext.release(1)  # the task in flight may finish; nothing new is sent
    final = manager.wait(first, timeout_s=10)
    assert final.status == "cancelled"
    assert len(ext.calls) <= 2
    assert store.run(final.run_id).status == "cancelled"
    assert not manager.cancel(first, actor=LEAD)  # already over


def test_queue_runs_jobs_one_after_another_or_side_by_side(store):
    ext = GatedExtractor(open_gate=True)
    manager = manager_with(store, ext)
    a, b = manager.submit(fake_job(), actor=LEAD).job_id, manager.submit(fake_job(repeats=2), actor=LEAD).job_id
    assert manager.wait(b, timeout_s=10).status == "failed"  # r5 fails in every job
    assert manager.job(a).finished_at <= manager.job(b).started_at
    gated = GatedExtractor()
    parallel = manager_with(store, gated, max_parallel=2)
    c, d = (
        parallel.submit(fake_job(repeats=3), actor=LEAD).job_id,
        parallel.submit(fake_job(repeats=4), actor=LEAD).job_id,
    )
    assert parallel.job(c).status == parallel.job(d).status == "running"
    gated.release(100)
    parallel.wait(c, 10), parallel.wait(d, 10)


def test_problems_before_start_queue_nothing(store):
    def dead_host(job, s):
        raise RuntimeError("cannot reach ollama at http://127.0.0.1:9: start Ollama")

    manager = JobManager(store, build_extractors=dead_host)
    with pytest.raises(JobRejected, match="cannot reach ollama"):
        manager.submit(fake_job(), actor=LEAD)
    with pytest.raises(JobRejected, match="no dataset called 'nope'"):
        manager.submit(fake_job(dataset="nope"), actor=LEAD)
    with pytest.raises(JobRejected, match="no reports in test"):
        manager.submit(fake_job(split="test"), actor=LEAD)
    assert manager.jobs() == [] and store.stored_jobs() == []


def test_the_same_job_cannot_be_queued_twice(store):
    ext = GatedExtractor()
    manager = manager_with(store, ext)
    manager.submit(fake_job(), actor=LEAD)
    with pytest.raises(JobRejected, match="already running"):
        manager.submit(fake_job(), actor=LEAD)
    ext.release(100)
    manager.shutdown()


def test_restart_shows_interrupted_work_and_resume_continues_the_same_run(store):
    ext = GatedExtractor()
    before = manager_with(store, ext)
    job_id = before.submit(fake_job(), actor=LEAD).job_id
    ext.release(3)
    wait_until(lambda: before.job(job_id).done == 3)
    before.cancel(job_id, actor=LEAD)
    ext.release(1)  # a task already in flight may finish
    run_id = before.wait(job_id, 10).run_id
    finished = sorted(r for r, _ in store.finished_tasks(run_id))
    assert len(finished) in (3, 4)
    # Make it look like the app died mid-run: the store still says running.
    store.update_run(run_id, status="running")
    store.update_job(job_id, status="running")

    again = GatedExtractor(open_gate=True)
    after = manager_with(store, again)  # "restart": a new manager over the same database
    interrupted = after.interrupted()
    assert [(w.key, w.run_id, w.done, w.total) for w in interrupted] == [(job_id, run_id, len(finished), N_REPORTS)]
    assert store.stored_jobs(statuses=["interrupted"])[0]["job_id"] == job_id

    resumed = after.resume(job_id, actor=LEAD)
    final = after.wait(resumed.job_id, timeout_s=10)
    assert final.run_id == run_id  # the job key led back to the same run
    assert sorted(again.calls) == [f"r{i}" for i in range(len(finished), N_REPORTS)]  # finished ones skipped
    assert after.interrupted() == []
    assert {r["job_id"]: r["status"] for r in store.stored_jobs()}[job_id] == "resumed"


def test_a_run_started_elsewhere_and_left_running_can_be_resumed(store):
    ext = GatedExtractor(open_gate=True)
    job = fake_job(phase="2")
    summary = Runner(store, job, [ext]).run()
    store.update_run(summary.run_id, status="running")  # e.g. the CLI was killed
    manager = manager_with(store, ext)
    [work] = manager.interrupted()
    assert work.key == work.run_id == summary.run_id
    assert (work.job.dataset, work.job.backend, work.job.phase) == ("d", "fake", "2")
    final = manager.wait(manager.resume(work.key, actor=LEAD).job_id, timeout_s=10)
    assert final.run_id == summary.run_id and final.skipped == 5  # only the failed task ran again


def test_a_runner_crash_is_reported_and_the_run_marked_failed(store):
    class CrashingRunner(Runner):
        def run(self):
            record = self.prepare(self.select_reports())
            self.progress and self.progress(_progress(record.run_id))
            raise RuntimeError("disk full")

    manager = manager_with(store, GatedExtractor(open_gate=True), runner_factory=CrashingRunner)
    final = manager.wait(manager.submit(fake_job(), actor=LEAD).job_id, timeout_s=10)
    assert (final.status, final.error) == ("error", "disk full")
    assert store.run(final.run_id).status == "failed"
    assert manager.interrupted() == []


def _progress(run_id):
    from phi_core.runs import Progress

    return Progress(
        run_id=run_id,
        total=N_REPORTS,
        done=0,
        failed=0,
        skipped=0,
        backend_calls=0,
        cached=0,
        elapsed_s=0.0,
        eta_s=None,
    )


def test_several_jobs_are_queued_all_together_or_not_at_all(store):
    ext = GatedExtractor(open_gate=True)
    manager = manager_with(store, ext)
    with pytest.raises(JobRejected) as refused:
        manager.submit_all([fake_job(), fake_job(split="test")], actor=LEAD)
    assert "no reports in test" in str(refused.value) and "none of the 2 jobs was queued" in str(refused.value)
    assert manager.jobs() == [] and store.stored_jobs() == []
    with pytest.raises(JobRejected, match="listed twice"):
        manager.submit_all([fake_job(), fake_job()], actor=LEAD)
    started = manager.submit_all([fake_job(), fake_job(repeats=2)], actor=LEAD)
    assert [manager.wait(s.job_id, 10).status for s in started] == ["failed", "failed"]  # r5 always fails
