"""Importing the project's own JSONL and doccano exports: spans checked against the text, errors name the line."""

import json
from pathlib import Path

import pytest

from phi_core.corpus.importers import CorpusFormatError, read_corpus


def kinds(report) -> list[str]:
    return [w.kind for w in report.warnings]


# --------------------------------------------------------------- project JSONL


def write_lines(path: Path, *records) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def test_jsonl_import_validates_spans_against_the_text(tmp_path):
    path = write_lines(
        tmp_path / "corpus.jsonl",
        {
            "id": "a",
            "text": "山田 太郎 P-001",
            "split": "test",
            "meta": {"k": 1},
            "spans": [
                {"start": 0, "end": 5, "category": "PATIENT_NAME", "text": "山田 太郎"},
                {"start": 0, "end": 5, "category": "PATIENT_ID", "text": "P-001"},  # wrong offsets
                {"start": 0, "end": 2, "category": "ADDRESS", "text": "東京"},  # nowhere
                {"start": 6, "end": 11, "category": "Favourite"},  # unknown label
            ],
        },
        {"text": "所見なし", "spans": []},
    )
    result = read_corpus(path, "jsonl", dataset="t")
    first, second = result.reports
    assert [(s.start, s.end, s.category) for s in first.spans] == [(0, 5, "PATIENT_NAME"), (6, 11, "PATIENT_ID")]
    assert kinds(first) == ["position_mismatch", "value_not_found", "unmapped_label"]
    assert (first.split, first.status, first.meta) == ("test", "silver", {"k": 1})
    assert (second.id, second.split, second.status) == ("corpus-2", "dev", "silver")
    assert read_corpus(path, "jsonl", dataset="t", split="dev").reports[0].split == "dev"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "a", "text": ', "line 2"),
        ('{"id": "b", "spans": []}', "line 2 has no 'text'"),
        ('{"id": "x", "text": "t", "split": "train"}', "line 2 has split 'train'"),
        ('{"id": "b", "text": "t", "status": "done"}', "line 2 has status 'done'"),
        ('{"id": "a", "text": "t"}', "line 2 reuses id 'a' from line 1"),
    ],
)
def test_jsonl_structural_problems_name_the_line(tmp_path, line, message):
    path = write_lines(tmp_path / "c.jsonl", {"id": "a", "text": "t"}, line)
    with pytest.raises(CorpusFormatError, match=message):
        read_corpus(path, "jsonl", dataset="t")


# --------------------------------------------------------------- doccano


def test_doccano_triples_dicts_and_label_spellings(tmp_path):
    path = write_lines(
        tmp_path / "doccano.jsonl",
        {"id": 7, "text": "山田 太郎 P-001", "label": [[0, 5, "患者氏名"], [6, 11, "patient-id"], [0, 2, "NAME"]]},
        {
            "text": "電話 03-1234-5678",
            "entities": [
                {"start_offset": 3, "end_offset": 15, "label": "PHONE"},
                {"start_offset": 3, "end_offset": 99, "label": "PHONE"},
            ],
        },
        {"text": "所見なし", "labels": []},
    )
    result = read_corpus(path, "doccano", dataset="t", split="test")
    first, second, third = result.reports
    assert first.id == "7" and first.meta == {"source_id": "7"}
    assert [(s.start, s.end, s.category) for s in first.spans] == [(0, 5, "PATIENT_NAME"), (6, 11, "PATIENT_ID")]
    assert kinds(first) == ["unmapped_label"]
    assert [s.text for s in second.spans] == ["03-1234-5678"] and kinds(second) == ["position_mismatch"]
    assert (third.id, third.status, kinds(third)) == ("doccano-3", "unlabeled", ["no_labels"])
    assert result.summary.by_split == {"test": 3}
