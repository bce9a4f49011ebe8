import csv
import json

import pytest

from phi_core.corpus.exporters import EXPORTERS, write_corpus
from phi_core.corpus.importers import CorpusFormatError, read_corpus
from phi_core.models import Report, Span

TEXT = '【頭部CT】\n氏名：𠮷田 花子（よしだ はなこ）\n患者ID：ＭＲ２０２４－７８\n"引用" C:\\new\t\n𠮷田 花子様、電話０３-１２３４'


def span(text: str, value: str, category: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    return Span(start=start, end=start + len(value), category=category)


def sample_reports() -> list[Report]:
    return [
        Report(
            id="r-1",
            text=TEXT,
            status="approved",
            spans=[
                # only the first mention of the name is labelled: export must not widen that
                span(TEXT, "𠮷田 花子", "PATIENT_NAME"),
                span(TEXT, "よしだ はなこ", "NAME_READING"),
                span(TEXT, "ＭＲ２０２４－７８", "PATIENT_ID"),
                span(TEXT, "０３-１２３４", "PHONE"),
            ],
        ),
        Report(id="r-2", text="所見なし。", status="unlabeled"),
        Report(id="r-3", text='"始まりと終わりが引用符"', spans=[Span(start=1, end=4, category="OTHER_ID")]),
    ]


def span_tuples(report: Report) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.category, s.text) for s in report.spans]


@pytest.mark.parametrize("fmt", ["jsonl", "paper-csv"])
def test_round_trip_reproduces_texts_order_and_spans(tmp_path, fmt):
    reports = sample_reports()
    path = tmp_path / f"out.{fmt}"
    assert write_corpus(reports, path, fmt) == 3
    result = read_corpus(path, fmt, dataset="t")
    assert [r.text for r in result.reports] == [r.text for r in reports]
    assert [span_tuples(r) for r in result.reports] == [span_tuples(r) for r in reports]
    assert result.summary.values_not_found == result.summary.position_mismatches == 0
    assert result.summary.unmapped_labels == {}
    expected_ids = [r.id for r in reports] if fmt == "jsonl" else ["paper-001", "paper-002", "paper-003"]
    assert [r.id for r in result.reports] == expected_ids


def test_paper_csv_keeps_the_original_id_and_the_unlabeled_status(tmp_path):
    path = tmp_path / "out.csv"
    write_corpus(sample_reports(), path, "paper-csv")
    reports = read_corpus(path, "paper-csv", dataset="t").reports
    assert [r.meta.get("source_id") for r in reports] == ["r-1", None, "r-3"]
    assert [r.status for r in reports] == ["silver", "unlabeled", "silver"]


def test_paper_csv_cells_look_like_the_study(tmp_path):
    path = tmp_path / "out.csv"
    write_corpus(sample_reports()[:2], path, "paper-csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    text_cell = rows[0]["report_text"]
    assert text_cell.startswith('"【頭部CT】\\n氏名：') and text_cell.endswith('"')
    assert "\n" not in text_cell
    items = json.loads(rows[0]["phi_items"])["phi_items"]
    assert items[0] == {"type": "Patient name", "value": "𠮷田 花子", "start_position": 10, "end_position": 15}
    assert [item["type"] for item in items] == [
        "Patient name",
        "Name reading (kana/romaji)",
        "Patient ID",
        "Phone number",
    ]
    assert rows[1]["phi_items"] == ""


def test_unknown_export_format_lists_the_known_ones(tmp_path):
    assert set(EXPORTERS) == {"jsonl", "paper-csv"}
    with pytest.raises(CorpusFormatError, match="jsonl, paper-csv"):
        write_corpus([], tmp_path / "x", "xlsx")
