"""Sampling: reproducible from the seed, stratified as asked, streamed, kinds stored."""

import tracemalloc
from collections import Counter

import pytest

import phi_core.release.kinds as kinds_module
from phi_core.release.sampling import allocate, draw_sample
from phi_core.release.service import sample_archive
from phi_core.store import Store
from tests.release.archives import write_archive

SIZES = {"hl7": 600, "csv": 300, "prose": 100}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    return path, write_archive(path, SIZES)


def test_allocation_is_proportional_with_a_minimum():
    shares = allocate({"a": 900, "b": 90, "c": 10}, 50, 5)
    assert sum(shares.values()) == 50 and shares["c"] == 5 and shares["a"] > shares["b"] >= 5
    assert allocate({"a": 3, "b": 2}, 10) == {"a": 3, "b": 2}


def test_same_seed_same_sample_and_another_seed_another(archive):
    path, _ = archive
    a = draw_sample(path, 60, seed=7)
    b = draw_sample(path, 60, seed=7)
    c = draw_sample(path, 60, seed=8)
    assert [d.id for d in a.documents] == [d.id for d in b.documents]
    assert [d.id for d in a.documents] != [d.id for d in c.documents]
    assert a.archive_digest == c.archive_digest and a.archive_size == sum(SIZES.values())


def test_kinds_recover_the_layouts_and_the_sample_is_stratified_by_them(archive):
    path, truth = archive
    result = draw_sample(path, 60, seed=1)
    by_kind = {k.kind: k for k in result.kinds}
    assert len(by_kind) == 3
    # Every kind is one layout, and its archive count is that layout's size.
    for kind in by_kind.values():
        layouts = {truth[d.id] for d in result.documents if d.kind == kind.kind}
        assert len(layouts) == 1
        assert kind.archive_count == SIZES[layouts.pop()]
    drawn = Counter(truth[d.id] for d in result.documents)
    assert drawn == allocate(SIZES, 60) == {"hl7": 32, "csv": 19, "prose": 9}  # 5 each, the rest proportional


def test_column_strata_take_the_named_column(archive):
    path, truth = archive
    result = draw_sample(path, 30, seed=2, strata="column:dept")
    assert {k.kind: k.archive_count for k in result.kinds} == SIZES
    assert all(truth[d.id] == d.kind for d in result.documents)
    assert Counter(d.kind for d in result.documents) == allocate(SIZES, 30)


def test_memory_does_not_grow_with_the_archive(tmp_path, monkeypatch):
    monkeypatch.setattr(kinds_module, "FIT_SIZE", 300)
    monkeypatch.setattr("phi_core.release.sampling.FIT_SIZE", 300)
    peaks = []
    for scale in (1, 4):
        path = tmp_path / f"a{scale}.jsonl"
        write_archive(path, {k: v * 3 * scale for k, v in SIZES.items()})
        tracemalloc.start()
        draw_sample(path, 30, seed=1)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        size = path.stat().st_size
    assert peaks[1] < 1.5 * peaks[0], peaks
    # A fixed cost (one batch of features, the fitted model), not a cost per document.
    assert peaks[1] < 64e6, (peaks, size)


def test_sample_becomes_a_silver_dataset_with_its_kinds(archive, tmp_path):
    path, truth = archive
    with Store(tmp_path / "s.duckdb") as store:
        result = sample_archive(store, "", path, n=40, dataset="ward-sample", seed=3)
        reports = store.reports("ward-sample")
        assert len(reports) == 40 and {r.status for r in reports} <= {"silver", "unlabeled"}
        assert any(r.spans for r in reports)  # the rules pipeline's spans are the silver layer
        kinds = store.report_kinds("ward-sample")
        assert kinds == {d.id: d.kind for d in result.documents}
        stored = store.sample_kinds("ward-sample")
        assert sum(k["archive_count"] for k in stored) == 1000
        info = store.sample_info("ward-sample")
        assert info["seed"] == 3 and info["provenance"] == "imported by the user" and info["pipeline"] == "rules"
        with pytest.raises(Exception, match="already a dataset"):
            sample_archive(store, "", path, n=5, dataset="ward-sample")
        store.delete_dataset("ward-sample")
        assert store.sample_info("ward-sample") is None


def test_recurring_lines_that_hold_phi_never_name_a_kind():
    from phi_core.release.kinds import typical_lines

    # Without the check the letterhead would be the second name line (as common, as short).
    letterhead = "山田医院"
    docs = [f"{letterhead}\n【画像所見】\n肝S{n}に{n + 3}mmの結節。\n【診断】\n経過観察" for n in range(1, 7)]
    lines = typical_lines(docs)
    assert lines == ["【診断】", "経過観察"]
