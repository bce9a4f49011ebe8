"""recall-first as a built-in pipeline and run backend; dataset provenance stored, exported and shown."""

from __future__ import annotations

import json

import pytest

from phi_core.nlp import sudachi_available
from phi_core.pipelines import LOCAL_PARTS, PipelineError, load_pipeline, make_pipeline, parse_part
from phi_core.ui.provenance_note import generated_only_message


def test_recall_first_is_a_local_part_and_a_reserved_name():
    assert "recall-first" in LOCAL_PARTS
    part = parse_part("recall-first")
    assert part.is_local and part.spec() == "recall-first"
    with pytest.raises(PipelineError):
        make_pipeline("recall-first", ["rules"])
    union = make_pipeline("both", ["rules", "recall-first"])
    assert [p.spec() for p in union.parts] == ["rules", "recall-first"]


def test_builtin_pipelines_need_no_stored_definition():
    class NoStore:
        def pipeline_definition(self, name):
            raise AssertionError("a built-in pipeline must not read the store")

    assert load_pipeline(NoStore(), "recall-first").parts == (parse_part("recall-first"),)


def test_generated_only_notice():
    assert generated_only_message("generated")
    assert generated_only_message("independent") is None
    assert generated_only_message("imported") is None


def test_provenance_stored_on_init_and_import_and_exported(tmp_path):
    from phi_core.cli.main import main
    from phi_core.store import Store

    db = tmp_path / "p.duckdb"
    assert main(["init", "--db", str(db), "--no-seed"]) == 0
    source = tmp_path / "mine.jsonl"
    source.write_text(json.dumps({"id": "r1", "text": "山田様", "status": "approved", "spans": []}) + "\n", "utf-8")
    assert main(["import", str(source), "--format", "jsonl", "--dataset", "mine", "--db", str(db)]) == 0
    out = tmp_path / "gold.jsonl"
    assert main(["export", "gold", "--dataset", "mine", "--out", str(out), "--db", str(db)]) == 0
    assert json.loads(out.read_text("utf-8").splitlines()[0])["meta"]["provenance"] == "imported"
    with Store(db) as store:
        from phi_core.first_start import seed_builtin_corpus

        seed_builtin_corpus(store)
        assert store.dataset_provenance("synthetic") == "generated"
        assert store.dataset_provenance("mine") == "imported"
        assert store.dataset_provenance("nothing") is None
        assert "provenance" in store.datasets().columns


def test_blind_sets_load_as_written_independently(tmp_path, monkeypatch):
    from phi_core.corpus import provenance
    from phi_core.first_start import seed_other_builtins
    from phi_core.store import Store

    blind = tmp_path / "blind-dev.jsonl"
    blind.write_text(json.dumps({"id": "b1", "text": "佐藤さん", "status": "approved", "spans": []}) + "\n", "utf-8")
    registry = tuple(
        provenance.BuiltinDataset(
            b.name, blind if b.name == "blind-dev" else tmp_path / "absent.jsonl", b.provenance, ""
        )
        for b in provenance.BUILTIN_DATASETS
    )
    monkeypatch.setattr(provenance, "BUILTIN_DATASETS", registry)
    with Store(tmp_path / "b.duckdb") as store:
        assert seed_other_builtins(store, tmp_path / "cache") == 1
        assert store.dataset_provenance("blind-dev") == "independent"
        assert not store.has_dataset("blind-final")


@pytest.mark.skipif(not sudachi_available(), reason="SudachiPy is not installed")
def test_deid_defaults_to_recall_first_without_a_database(tmp_path):
    from phi_core.cli.main import main

    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "参加者：高橋、渡辺。S6に12mm。"}, ensure_ascii=False) + "\n", "utf-8"
    )
    out = tmp_path / "out.jsonl"
    assert main(["deid", "--in", str(source), "--mode", "tags", "--out", str(out), "--db", str(tmp_path / "none")]) == 0
    text = json.loads(out.read_text("utf-8"))["text"]
    assert "高橋" not in text and "渡辺" not in text and "S6に12mm" in text


@pytest.mark.skipif(not sudachi_available(), reason="SudachiPy is not installed")
def test_recall_first_runs_and_scores_like_any_run_and_joins_a_union(tmp_path):
    from phi_core.cli.main import main
    from phi_core.pipelines.materialise import score_pipeline
    from phi_core.store import Store

    db = tmp_path / "r.duckdb"
    assert main(["init", "--db", str(db), "--no-seed"]) == 0
    source = tmp_path / "docs.jsonl"
    lines = [
        {"id": "d1", "text": "参加者：高橋、渡辺。", "status": "approved", "spans": []},
        {"id": "d2", "text": "S6に12mmの結節。", "status": "approved", "spans": []},
    ]
    lines[0]["spans"] = [{"start": 4, "end": 6, "category": "PHYSICIAN_NAME"}]
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", "utf-8")
    assert main(["import", str(source), "--format", "jsonl", "--dataset", "docs", "--db", str(db)]) == 0
    assert main(["run", "--backend", "recall-first", "--dataset", "docs", "--db", str(db)]) == 0
    assert main(["run", "--backend", "rules", "--dataset", "docs", "--db", str(db)]) == 0
    with Store(db) as store:
        runs = {r.backend: r for r in store.runs("docs")}
        assert "recall-first" in runs
        items = {value for _, _, _, value in store.item_tuples(runs["recall-first"].run_id)}
        assert {"高橋", "渡辺"} <= items and "12mm" not in items
        scored = score_pipeline(store, make_pipeline("both", ["rules", "recall-first"]), "docs", actor="tester")
        assert scored.reports == 2


def test_blind_dev2_is_a_builtin_written_independently():
    from phi_core.corpus import provenance

    by_name = {b.name: b for b in provenance.BUILTIN_DATASETS}
    assert by_name["blind-dev2"].provenance == provenance.INDEPENDENT
    assert by_name["blind-dev2"].file.name == "blind-dev2.jsonl"
    # Development sets load before the final one.
    names = [b.name for b in provenance.BUILTIN_DATASETS]
    assert names.index("blind-dev2") < names.index("blind-final")


def test_spent_final_sets_are_development_data_and_held_out_sets_stay_unread():
    from bench.generalisation import load_sets
    from phi_core.corpus import provenance

    by_name = {b.name: b for b in provenance.BUILTIN_DATASETS}
    assert by_name["blind-final2"].provenance == provenance.INDEPENDENT
    assert by_name["blind-final2"].file.exists()
    assert not by_name["blind-final2"].held_out and by_name["blind-final"].held_out
    # While developing (--no-final) no held-out set is read at all; a spent one is development data.
    sets = load_sets(None, limit=1, final=False)
    assert isinstance(sets["blind-final"], str)
    assert isinstance(sets["blind-final2"], list) and isinstance(sets["blind-final7"], list)


def test_every_blind_set_is_independent_and_only_the_named_final_set_is_read():
    from bench.generalisation import load_sets
    from phi_core.corpus import provenance

    blind = [b for b in provenance.BUILTIN_DATASETS if b.name.startswith("blind-")]
    assert {"blind-dev3", "blind-final", "blind-final5"} <= {b.name for b in blind}
    assert all(b.provenance == provenance.INDEPENDENT for b in blind)
    held_out = {b.name for b in blind if b.held_out}
    sets = load_sets(None, limit=1, only_final="blind-final")
    assert [name for name in held_out if not isinstance(sets[name], str)] == ["blind-final"]
    # Another held-out set, whichever is still held out: they are spent one by one, and between
    # spending some and writing new ones blind-final may be the only one.
    for other in sorted(held_out - {"blind-final"})[:1]:
        several = load_sets(None, limit=1, only_final=f"blind-final,{other}")
        assert sorted(n for n in held_out if not isinstance(several[n], str)) == sorted(["blind-final", other])
    # Development sets come before every held-out set.
    names = list(sets)
    development = [n for n in names if n.startswith("blind-") and n not in held_out]
    assert max(names.index(n) for n in development) < min(names.index(n) for n in held_out)
