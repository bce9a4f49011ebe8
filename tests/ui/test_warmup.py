"""The background warm-up of the slow pages' first screens, and the lighter first-screen figures."""

from __future__ import annotations

import functools
import shutil
import threading

import pandas as pd
import pytest

from phi_core.analysis.residual_leak import ReleaseRule
from phi_core.store import Store
from phi_core.ui import error_first_screen, leak_cached
from phi_core.ui.warmup import Warmer
from tests.figures.analysis_data import DATASET, populate


class FakeStore:
    """Only the change stamp the warmer reads."""

    def __init__(self) -> None:
        self.changes = 0

    def version(self) -> tuple:
        return ("fake", self.changes)


def recording(calls: list, fail: bool = False):
    def warm(store, dataset, split, language, current):
        calls.append((store.version(), dataset, split, language))
        if fail:
            raise RuntimeError("broken page data")

    return warm


def test_warms_each_page_once_per_store_state():
    calls: list = []
    warmer = Warmer({"page": recording(calls)}, quiet_s=0.01)
    store = FakeStore()
    warmer.request(store, "ward", None, "en")
    assert warmer.wait_idle(5)
    warmer.request(store, "ward", None, "en")  # nothing changed: nothing to do
    assert warmer.wait_idle(5)
    assert calls == [(("fake", 0), "ward", None, "en")]
    store.changes += 1
    warmer.request(store, "ward", None, "en")
    assert warmer.wait_idle(5)
    assert calls[-1] == (("fake", 1), "ward", None, "en") and len(calls) == 2


def test_waits_until_the_store_stands_still():
    calls: list = []
    warmer = Warmer({"page": recording(calls)}, quiet_s=0.3)
    store = FakeStore()
    for _ in range(5):  # saves in quick succession, as while annotating
        store.changes += 1
        warmer.request(store, "ward", "dev", "ja")
    assert warmer.wait_idle(5)
    assert calls == [(("fake", 5), "ward", "dev", "ja")]


def test_a_failing_page_does_not_stop_the_others_and_no_dataset_asks_nothing():
    calls: list = []
    warmer = Warmer({"broken": recording([], fail=True), "page": recording(calls)}, quiet_s=0.01)
    warmer.request(FakeStore(), None, None, "en")
    assert warmer._thread is None
    warmer.request(FakeStore(), "ward", None, "en")
    assert warmer.wait_idle(5)
    assert len(calls) == 1


def test_stops_between_steps_once_the_store_moves():
    store = FakeStore()
    started, release = threading.Event(), threading.Event()
    later: list = []

    def slow(store_, dataset, split, language, current):
        started.set()
        release.wait(5)
        if current():
            later.append("stale step")

    warmer = Warmer({"page": slow}, quiet_s=0.01)
    warmer.request(store, "ward", None, "en")
    assert started.wait(5)
    store.changes += 1  # an annotator saved meanwhile
    release.set()
    assert warmer.wait_idle(5)
    assert later == []


def test_the_page_rule_and_the_warmed_rule_are_the_same_cache_key():
    assert leak_cached.default_rule() == ReleaseRule()
    as_typed = leak_cached.rule_from_inputs(
        list(ReleaseRule().no_leak_categories), leak_cached.DEFAULT_MAX_RATE_PCT, None
    )
    assert as_typed == leak_cached.default_rule()
    assert leak_cached.rule_from_inputs(["PHONE"], 1.0, 2.5) == ReleaseRule(("PHONE",), 0.01, 0.025)


def _matrix(runs: int, categories: int) -> pd.DataFrame:
    rows = [
        {"label": f"run {r}", "category": c, "relaxed_recall": 0.5, "support": 3}
        for r in range(runs)
        for c in ("PATIENT_NAME", "PATIENT_ID", "PHONE", "AGE", "DATE", "HOSPITAL")[:categories]
    ]
    return pd.DataFrame(rows)


def test_heatmap_cells_carry_numbers_only_while_few():
    few = error_first_screen.screen_heatmap(_matrix(4, 6), "relaxed_recall")
    assert error_first_screen.has_cell_text(few)
    many_runs = error_first_screen.MAX_TEXT_CELLS // 6 + 1
    many = error_first_screen.screen_heatmap(_matrix(many_runs, 6), "relaxed_recall")
    assert not error_first_screen.has_cell_text(many)
    assert len(many.data[0].y) == many_runs  # every run is still drawn, only the cell text goes


@pytest.fixture(scope="module")
def study_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("warmup") / "filled.duckdb"
    shutil.copy(populate(path, split=None), path.with_name("copy.duckdb"))
    with Store(path.with_name("copy.duckdb")) as store:
        yield store


def test_leak_warm_up_fills_the_cache_the_page_reads(study_store, monkeypatch):
    leak_cached._leak_under.clear()
    leak_cached.warm(study_store, DATASET, None, "en", lambda: True)
    calls = []
    original = leak_cached.summarise
    monkeypatch.setattr(leak_cached, "summarise", lambda *a, **k: calls.append(a) or original(*a, **k))
    # What the untouched page asks for: its inputs as typed.
    rule = leak_cached.rule_from_inputs(list(ReleaseRule().no_leak_categories), leak_cached.DEFAULT_MAX_RATE_PCT, None)
    leak = leak_cached.leak_under(study_store, DATASET, None, rule, "en")
    assert calls == [] and not leak.summary.empty
    leak_cached.leak_under(study_store, DATASET, None, rule, "ja")  # another language is another entry
    assert len(calls) == 1


def test_leak_chart_shows_the_runs_that_leak_least_without_notes(study_store):
    leak = leak_cached.leak_under(study_store, DATASET, None, leak_cached.default_rule(), "en")
    fig = leak_cached.screen_leak_bars(leak.by_category, leak.summary, language="en")
    shown = {label for trace in fig.data for label in trace.y}
    assert shown == set(leak_cached.chart_runs(leak.summary)["label"])
    assert len(shown) == min(leak_cached.CHART_RUNS, len(leak.summary))
    assert not fig.layout.annotations


def test_error_analysis_warm_up_fills_the_examples_the_page_reads(study_store, monkeypatch):
    runs = error_first_screen.runs_frame(study_store, DATASET, None)
    first = error_first_screen.default_runs(runs)[0]
    error_first_screen.warm(study_store, DATASET, None, "en", lambda: True)
    calls = []
    original = error_first_screen.error_examples

    @functools.wraps(original)  # same name, hence the same cache key as the warmed entry
    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(error_first_screen, "error_examples", counted)
    # The untouched page's filters: the first chosen run, missed spans, any category, style and format.
    error_first_screen.examples(study_store, first, "missed", None, None, None)
    assert calls == []
    error_first_screen.examples(study_store, first, "spurious", None, None, None)
    assert len(calls) == 1


def test_every_registered_page_warmer_resolves():
    from phi_core.ui import warmup

    for name in warmup.WARMERS.values():
        assert callable(warmup._resolved(name)), name


def _counting(original, calls):
    @functools.wraps(original)  # same module and name, hence the same cache key as the warmed entry
    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    return counted


def test_ranking_warm_ups_fill_what_leaderboard_and_phase_progression_read(study_store):
    from phi_core.analysis import leaderboard_frame, phase_gains, reference_frame
    from phi_core.ui import ranking_first_screen as ranking
    from phi_core.ui.cached import stored

    ranking.warm_leaderboard(study_store, DATASET, None, "en", lambda: True)
    ranking.warm_phase_progression(study_store, DATASET, None, "en", lambda: True)
    names = ranking.reference_names(stored(reference_frame, study_store)) or [ranking.DEFAULT_REFERENCE]
    reference = names[ranking.default_reference_index(names)]
    calls: list = []
    # What the untouched pages ask for: the default reference, all models pooled.
    stored(_counting(leaderboard_frame, calls), study_store, DATASET, None, reference=reference)
    stored(_counting(phase_gains, calls), study_store, DATASET, None, model=None)
    assert calls == []
    stored(_counting(phase_gains, calls), study_store, DATASET, None, model="another model")
    assert len(calls) == 1


def test_the_default_reference_is_gpt_4_1_when_the_paper_reports_it():
    from phi_core.ui import ranking_first_screen as ranking

    reported = pd.DataFrame({"model": ["A", "GPT-4.1", "mean"], "kind": ["model", "model", "aggregate"]})
    names = ranking.reference_names(reported)
    assert names == ["A", "GPT-4.1"] and names[ranking.default_reference_index(names)] == "GPT-4.1"
    assert ranking.default_reference_index(["A", "B"]) == 0
    assert ranking.reference_names(pd.DataFrame()) == []
