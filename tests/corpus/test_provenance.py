"""The built-in dataset registry (data/corpus/datasets.json)."""

import json

from phi_core.corpus import provenance


def test_registry_rows_name_shipped_files_with_a_known_provenance():
    names = [b.name for b in provenance.BUILTIN_DATASETS]
    assert len(names) == len(set(names))
    for builtin in provenance.BUILTIN_DATASETS:
        assert builtin.provenance in provenance.PROVENANCES
        assert builtin.file.parent == provenance.CORPUS_DIR
        assert builtin.description.strip()
    generated = {b.name for b in provenance.BUILTIN_DATASETS if b.provenance == provenance.GENERATED}
    assert generated == {"synthetic", "synthetic-styles"}
    # Only written-independently sets can be held out: a generated set never measures generalisation.
    assert all(b.provenance == provenance.INDEPENDENT for b in provenance.BUILTIN_DATASETS if b.held_out)


def test_a_row_without_held_out_is_development_data(tmp_path):
    registry = tmp_path / "datasets.json"
    rows = [
        {"name": "a", "file": "a.jsonl", "provenance": "independent", "description": "x"},
        {"name": "b", "file": "b.jsonl", "provenance": "independent", "description": "y", "held_out": True},
    ]
    registry.write_text(json.dumps(rows), "utf-8")
    loaded = provenance._load_builtins(registry)
    assert [(b.name, b.held_out) for b in loaded] == [("a", False), ("b", True)]
    assert loaded[0].file == tmp_path / "a.jsonl"
