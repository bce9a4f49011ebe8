"""Importing the paper CSV (the study's format): labels-cell layouts, report text, gold rules, file errors; the registry."""

import csv
import json
from pathlib import Path

import pytest

from phi_core.corpus.importers import IMPORTERS, CorpusFormatError, ImportResult, read_corpus
from phi_core.corpus.importers.paper_csv import decode_report_text, encode_report_text
from phi_core.corpus.importers.paper_csv_labels import parse_labels_cell
from phi_core.models import Report
from phi_core.taxonomy import HEADLINE_CODES

TEXT_CELL = '"氏名：山田 太郎\\n患者ID：P-001\\n"'
TEXT = "氏名：山田 太郎\n患者ID：P-001\n"
NAME_AND_ID = [{"type": "Patient Name", "value": "山田 太郎"}, {"type": "Patient ID", "value": "P-001"}]


def write_paper(path: Path, rows: list[tuple[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["report_text", "phi_items"])
        writer.writerows(rows)
    return path


def import_paper(tmp_path: Path, *rows: tuple[str, str], split: str | None = None) -> ImportResult:
    return read_corpus(write_paper(tmp_path / "paper.csv", list(rows)), "paper-csv", dataset="t", split=split)


def one_report(tmp_path: Path, text_cell: str, labels) -> Report:
    cell = labels if isinstance(labels, str) else json.dumps({"phi_items": labels}, ensure_ascii=False)
    return import_paper(tmp_path, (text_cell, cell)).reports[0]


def spans_of(report) -> set[tuple[str, str]]:
    return {(s.category, s.text) for s in report.spans}


def kinds(report) -> list[str]:
    return [w.kind for w in report.warnings]


# --------------------------------------------------------------- layouts


def _items_json(items=NAME_AND_ID) -> str:
    return json.dumps(items, ensure_ascii=False)


LAYOUT_CELLS = {
    "list_document": _items_json(),
    "items_document": '{"phi_items": ' + _items_json() + "}",
    "items_fragment": '"phi_items": ' + _items_json() + ",",
    "visible_hidden_fragment": '"visible_phi_items": '
    + _items_json(NAME_AND_ID[:1])
    + ',\n"hidden_phi_items": '
    + _items_json([{**NAME_AND_ID[1], "detection_difficulty": 7, "disguise_method": "ID形式"}])
    + ",",
    "annotations_document": json.dumps(
        {
            "report_id": "rep-1",
            "phi_annotations": [
                {"text": "山田 太郎", "type": "PATIENT_NAME", "start_position": 3, "end_position": 8},
                {"text": "P-001", "type": "PATIENT_ID", "start_position": 14, "end_position": 19},
            ],
            "phi_summary": {"required_phi": {"patient_name": {"text": "太郎", "present": True, "position": [6, 8]}}},
            "statistics": {"total_phi_count": 2},
            "validation": {"report_completeness": True},
        },
        ensure_ascii=False,
    ),
    "annotations_fragment": '"phi_annotations": [{"text": "山田 太郎", "type": "PATIENT_NAME"}, '
    '{"text": "P-001", "type": "PATIENT_ID"}]\n}',
    "annotations_truncated": '{"report_id": "r", "phi_annotations": [{"text": "山田 太郎", "type": "PATIENT_NAME"}, '
    '{"text": "P-001", "type": "PATIENT_ID", "start_position": 14,',
    "list_in_string": json.dumps({"PHI": "```json\n" + json.dumps(NAME_AND_ID, indent=2) + "\n```"}),
    "visible_hidden_salvaged": '{"type": "Patient Name", "value": "山田 太郎"},\n  ],\n  "hidden_phi_items": [\n'
    '{"type": "Patient ID", "value": "P-001", "detection_difficulty": 8}\n  ],',
}


@pytest.mark.parametrize("layout", sorted(LAYOUT_CELLS))
def test_every_layout_is_recognised_and_read(tmp_path, layout):
    report = one_report(tmp_path, TEXT_CELL, LAYOUT_CELLS[layout])
    assert report.meta["layout"] == layout
    assert spans_of(report) == {("PATIENT_NAME", "山田 太郎"), ("PATIENT_ID", "P-001")}
    assert report.status == "silver"


@pytest.mark.parametrize(
    "cell",
    [
        "```json\n" + _items_json() + "\n```",
        _items_json().replace('"', '\\"'),  # quotes still escaped
        '{"PHI": ' + json.dumps(json.dumps({"phi_items": NAME_AND_ID})) + "}",
    ],
)
def test_fenced_escaped_and_nested_cells(tmp_path, cell):
    assert spans_of(one_report(tmp_path, TEXT_CELL, cell)) == {("PATIENT_NAME", "山田 太郎"), ("PATIENT_ID", "P-001")}


def test_metadata_keys_are_never_read_as_labels():
    parsed = parse_labels_cell(LAYOUT_CELLS["annotations_document"])
    assert [item.value for item in parsed.items] == ["山田 太郎", "P-001"]
    assert parsed.source_id == "rep-1"


def test_hidden_items_are_recorded_in_meta(tmp_path):
    report = one_report(tmp_path, TEXT_CELL, LAYOUT_CELLS["visible_hidden_fragment"])
    assert report.meta["hidden"] == [{"start": 14, "end": 19, "difficulty": 7, "disguise": "ID形式"}]


def test_hidden_repeat_of_a_header_value_marks_the_later_mention(tmp_path):
    cell = (
        '"visible_phi_items": [{"type": "Phone Number", "value": "03-1111-2222"}],'
        '"hidden_phi_items": [{"type": "Phone Number", "value": "03-1111-2222", "detection_difficulty": 9}],'
    )
    report = one_report(tmp_path, '"電話：03-1111-2222\\n体積は03-1111-2222mm3"', cell)
    assert [(h["start"], h["end"]) for h in report.meta["hidden"]] == [(19, 31)]
    assert len(report.spans) == 2


# --------------------------------------------------------------- report text


@pytest.mark.parametrize(
    "raw, text",
    [
        ('"a\\nb"', "a\nb"),
        ('"report_text": "a\\\\nb\\\\n- c",', "a\nb\n- c"),
        ('report_text: "a\\\\nb",', "a\nb"),
        ('"""a\\nb"""', "a\nb"),
        ('"tab\\there \\"q\\""', 'tab\there "q"'),
        ("plain text", "plain text"),
    ],
)
def test_report_text_is_unescaped_and_unwrapped(raw, text):
    assert decode_report_text(raw) == text


@pytest.mark.parametrize("text", ['"quoted"', "back\\slash\\n not a newline", "改行\n\tタブ\r", "𠮷 ５", ""])
def test_encoded_report_text_decodes_to_itself(text):
    assert decode_report_text(encode_report_text(text)) == text


# --------------------------------------------------------------- gold rules


def test_every_occurrence_is_labelled_and_titles_are_stripped(tmp_path):
    text_cell = '"依頼医：Dr.河合真理\\n河合 真理先生に連絡。患者 西田 優子、西田優子様"'
    report = one_report(
        tmp_path,
        text_cell,
        [
            {"type": "Physician Name", "value": "Dr. 河合 真理"},
            {"type": "Patient Name", "value": "西田 優子"},
        ],
    )
    assert sorted((s.category, s.text) for s in report.spans) == [
        ("PATIENT_NAME", "西田 優子"),
        ("PATIENT_NAME", "西田優子"),
        ("PHYSICIAN_NAME", "河合 真理"),
        ("PHYSICIAN_NAME", "河合真理"),
    ]
    assert report.warnings == []


def test_bare_surname_is_not_labelled_inside_other_names(tmp_path):
    report = one_report(
        tmp_path,
        '"患者：高橋 陽子\\n緊急連絡先：高橋はな\\n高橋様は"',
        [
            {"type": "Patient Name", "value": "高橋 陽子"},
            {"type": "Emergency Contact Name", "value": "高橋はな"},
            {"type": "Patient Name", "value": "高橋様"},
        ],
    )
    assert sorted((s.start, s.text) for s in report.spans) == [(3, "高橋 陽子"), (15, "高橋はな"), (20, "高橋")]


def test_unmapped_and_coarse_labels_are_warned_counted_and_not_spans(tmp_path):
    result = import_paper(
        tmp_path,
        (
            TEXT_CELL,
            json.dumps(
                {
                    "phi_items": [
                        {"type": "Favourite Colour", "value": "山田 太郎"},
                        {"type": "NAME", "value": "山田 太郎"},
                        {"type": "GENDER", "value": "P-001"},  # coarse but a single category: SEX
                    ]
                }
            ),
        ),
    )
    report = result.reports[0]
    assert kinds(report).count("unmapped_label") == 2
    assert spans_of(report) == {("SEX", "P-001")}
    assert result.summary.unmapped_labels == {"Favourite Colour": 1, "NAME": 1}


def test_value_not_found_is_warned(tmp_path):
    result = import_paper(
        tmp_path,
        (
            TEXT_CELL,
            json.dumps({"phi_items": NAME_AND_ID + [{"type": "Address", "value": "東京都"}]}, ensure_ascii=False),
        ),
    )
    assert kinds(result.reports[0]) == ["value_not_found"]
    assert result.summary.values_not_found == 1


def test_duplicates_are_kept_once_and_the_first_category_wins(tmp_path):
    result = import_paper(
        tmp_path,
        (
            TEXT_CELL,
            json.dumps(
                {
                    "phi_items": NAME_AND_ID
                    + [{"type": "Patient Name", "value": "山田 太郎"}, {"type": "Exam ID", "value": "P-001"}]
                },
                ensure_ascii=False,
            ),
        ),
    )
    report = result.reports[0]
    assert spans_of(report) == {("PATIENT_NAME", "山田 太郎"), ("PATIENT_ID", "P-001")}
    assert kinds(report) == ["duplicate_span", "duplicate_span"]
    assert result.summary.duplicates == 2


def test_only_partial_overlaps_across_categories_are_warned(tmp_path):
    report = one_report(
        tmp_path,
        '"東京都港区芝公園1-1 病院"',
        [
            {"type": "Address", "value": "東京都港区芝公園1-1"},
            {"type": "Hospital Address", "value": "芝公園1-1 病院"},
            {"type": "Patient Address", "value": "港区"},  # nested: fine
        ],
    )
    assert kinds(report) == ["overlapping_spans"]
    assert len(report.spans) == 3


def test_given_positions_are_honoured_when_they_agree(tmp_path):
    cell = json.dumps(
        {
            "phi_annotations": [
                {"text": "Dr.山田", "type": "DOCTOR_NAME", "start_position": 4, "end_position": 9},
                {"text": "P-001", "type": "PATIENT_ID", "start_position": 0, "end_position": 5},
            ]
        }
    )
    result = import_paper(tmp_path, ('"読影医：Dr.山田 P-001"', cell))
    report = result.reports[0]
    assert [(s.start, s.end, s.category) for s in report.spans] == [(7, 9, "PHYSICIAN_NAME"), (10, 15, "PATIENT_ID")]
    assert kinds(report) == ["position_mismatch"]
    assert result.summary.position_mismatches == 1


def test_status_split_ids_scope_and_source_id(tmp_path):
    result = import_paper(
        tmp_path,
        (TEXT_CELL, LAYOUT_CELLS["annotations_document"]),
        ('"所見なし"', ""),
        ('"所見なし"', "[]"),
        split="test",
    )
    first, empty, no_items = result.reports
    assert [r.id for r in result.reports] == ["paper-001", "paper-002", "paper-003"]
    assert [r.status for r in result.reports] == ["silver", "unlabeled", "unlabeled"]
    assert {r.split for r in result.reports} == {"test"}
    assert first.meta["source_id"] == "rep-1"
    assert first.meta["label_scope"] == sorted(HEADLINE_CODES)
    assert kinds(empty) == ["no_labels"] and kinds(no_items) == ["no_labels", "duplicate_report"]
    summary = result.summary
    assert (summary.reports, summary.spans, summary.reports_without_labels, summary.duplicate_reports) == (3, 2, 2, 1)
    assert summary.by_split == {"test": 3}


def test_label_scope_adds_labelled_categories_to_the_headline_eight(tmp_path):
    report = one_report(tmp_path, '"60歳 女性"', [{"type": "Age", "value": "60歳"}])
    assert report.meta["label_scope"] == sorted({*HEADLINE_CODES, "AGE"})


def test_unreadable_labels_cell_is_reported_not_dropped(tmp_path):
    report = one_report(tmp_path, TEXT_CELL, "see attached sheet")
    assert report.status == "unlabeled"
    assert kinds(report) == ["unparseable_labels"]


# --------------------------------------------------------------- file errors


def test_unknown_format_lists_the_known_ones(tmp_path):
    with pytest.raises(CorpusFormatError, match="paper-csv, jsonl, doccano"):
        read_corpus(tmp_path / "x", "excel", dataset="t")


def test_missing_file_and_wrong_columns_are_format_errors(tmp_path):
    with pytest.raises(CorpusFormatError, match="does not exist"):
        read_corpus(tmp_path / "missing.csv", "paper-csv", dataset="t")
    (tmp_path / "other.csv").write_text("text,labels\nabc,\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="report_text"):
        read_corpus(tmp_path / "other.csv", "paper-csv", dataset="t")
    (tmp_path / "latin1.csv").write_bytes("report_text\n\xe9\n".encode("latin-1"))
    with pytest.raises(CorpusFormatError, match="UTF-8"):
        read_corpus(tmp_path / "latin1.csv", "paper-csv", dataset="t")


def test_bad_split_argument_is_refused(tmp_path):
    with pytest.raises(ValueError, match="dev, test"):
        read_corpus(write_paper(tmp_path / "p.csv", []), "paper-csv", dataset="t", split="train")


def test_registry_keys():
    assert set(IMPORTERS) == {"paper-csv", "jsonl", "doccano"}
