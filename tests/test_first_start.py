"""A newcomer's first start: `init` leaves a scored rules run that every page can show."""

from __future__ import annotations

import json
from pathlib import Path

from phi_core.analysis import leaderboard_frame
from phi_core.analysis.errors import error_examples
from phi_core.cli.main import main
from phi_core.paths import BUILTIN_DATASET
from phi_core.first_start import initialise
from phi_core.store import Store


def test_init_adds_one_rules_run_over_all_splits_and_times_it(tmp_path, capsys):
    db = tmp_path / "phi.duckdb"
    assert main(["init", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["rules_run"]["status"] == "done" and summary["rules_run"]["reports"] == 160
    assert summary["seconds"] >= summary["rules_run"]["seconds"] > 0
    assert "rules run on the built-in corpus: 160 reports in" in captured.err
    with Store(db) as store:
        frame = leaderboard_frame(store, BUILTIN_DATASET, None, n_boot=0)  # the sidebar's default: all splits
        assert list(frame["backend"]) == ["rules"] and frame.iloc[0]["n_reports"] == 160
        assert not error_examples(store, frame.iloc[0]["run_id"], limit=5).empty
        again = initialise(store, seed=True, rules_run=True)
    assert again["rules_run"] is None and again["reports_added"] == 0


def test_no_seed_means_no_run(tmp_path, capsys):
    db = tmp_path / "empty.duckdb"
    assert main(["init", "--no-seed", "--db", str(db)]) == 0
    assert "rules_run" not in json.loads(capsys.readouterr().out)


def _small_builtins(tmp_path, monkeypatch, count=2):
    """Stand-ins for the built-in sets: small files, and a cache folder of the test's own."""
    from phi_core.corpus import provenance

    builtins = []
    for index in range(count):
        path = tmp_path / f"set{index}.jsonl"
        record = {"id": f"s{index}-1", "text": "氏名 山田太郎", "split": "test", "status": "approved"}
        record["spans"] = [{"start": 3, "end": 7, "category": "PATIENT_NAME"}]
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        builtins.append(provenance.BuiltinDataset(f"set{index}", path, provenance.INDEPENDENT, f"set {index}"))
    monkeypatch.setattr(provenance, "BUILTIN_DATASETS", tuple(builtins))
    return builtins, tmp_path / "cache"


def _reads_counted(monkeypatch) -> list:
    from phi_core.corpus import importers

    reads = []
    original = importers.read_corpus
    monkeypatch.setattr(importers, "read_corpus", lambda *a, **k: reads.append(a[0]) or original(*a, **k))
    return reads


def test_the_second_new_database_copies_the_built_in_sets_instead_of_reading_them(tmp_path, monkeypatch):
    from phi_core.first_start import seed_other_builtins

    builtins, cache = _small_builtins(tmp_path, monkeypatch)
    reads = _reads_counted(monkeypatch)
    with Store(tmp_path / "first.duckdb") as store:
        assert seed_other_builtins(store, cache) == 2
    assert len(reads) == 2 and len(list(cache.glob("*.duckdb"))) == 1
    with Store(tmp_path / "second.duckdb") as store:
        assert seed_other_builtins(store, cache) == 2
        assert seed_other_builtins(store, cache) == 0
        assert len(reads) == 2  # nothing read again
        assert store.dataset_provenance("set1") == "independent"
        assert [(s.start, s.end, s.text) for s in store.reports("set0")[0].spans] == [(3, 7, "山田太郎")]
        assert store.datasets().set_index("name").loc["set1", "description"] == "set 1"


def test_a_changed_file_makes_a_new_cache_and_drops_the_old_one(tmp_path, monkeypatch):
    from phi_core.first_start import seed_other_builtins

    builtins, cache = _small_builtins(tmp_path, monkeypatch)
    with Store(tmp_path / "first.duckdb") as store:
        seed_other_builtins(store, cache)
    [old] = cache.glob("*.duckdb")
    builtins[0].file.write_text(builtins[0].file.read_text("utf-8").replace("山田太郎", "佐藤花子"), encoding="utf-8")
    with Store(tmp_path / "second.duckdb") as store:
        seed_other_builtins(store, cache)
        assert store.reports("set0")[0].spans[0].text == "佐藤花子"
    [new] = cache.glob("*.duckdb")
    assert new != old and (new.stat().st_mode & 0o077) == 0


def test_a_damaged_cache_is_read_around_and_made_again(tmp_path, monkeypatch):
    from phi_core.first_start import seed_other_builtins

    builtins, cache = _small_builtins(tmp_path, monkeypatch)
    with Store(tmp_path / "first.duckdb") as store:
        seed_other_builtins(store, cache)
    [made] = cache.glob("*.duckdb")
    made.write_bytes(b"not a database at all" * 100)
    with Store(tmp_path / "second.duckdb") as store:
        assert seed_other_builtins(store, cache) == 2
        assert store.reports("set1")[0].spans[0].text == "山田太郎"
    with Store(tmp_path / "third.duckdb") as store:
        assert seed_other_builtins(store, cache) == 2


def test_a_store_with_some_sets_gets_only_the_others(tmp_path, monkeypatch):
    from phi_core.first_start import seed_other_builtins

    builtins, cache = _small_builtins(tmp_path, monkeypatch, count=3)
    with Store(tmp_path / "first.duckdb") as store:
        seed_other_builtins(store, cache)
    with Store(tmp_path / "second.duckdb") as store:
        store.add_reports("set1", [store_report := _one_report()])
        assert seed_other_builtins(store, cache) == 2
        assert [r.id for r in store.reports("set1")] == [store_report.id]
        assert sorted(store.dataset_names()) == ["set0", "set1", "set2"]


def _one_report():
    from phi_core.models import Report

    return Report(id="mine-1", text="所見なし")


def test_a_build_name_tells_its_builder():
    from phi_core.corpus.builtin_cache import builder_pid, building_path

    final = building_path(Path("/x/abc.duckdb"), 4242)
    assert builder_pid(final) == 4242
    assert builder_pid(final.with_name(final.name + ".wal")) == 4242
    assert builder_pid(Path("/x/abc.duckdb")) is None
