"""The study's own dev file (../shared/data/paper_dev_100.csv) imports completely; skipped when absent."""

import csv
import time
from pathlib import Path

import pytest

from phi_core.corpus.importers import ImportResult, read_corpus
from phi_core.corpus.importers.paper_csv_labels import parse_labels_cell

DEV_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "paper_dev_100.csv"


def kinds(report) -> list[str]:
    return [w.kind for w in report.warnings]


# --------------------------------------------------------------- the study's dev file


@pytest.fixture(scope="module")
def dev_import() -> tuple[ImportResult, float]:
    if not DEV_FILE.exists():
        pytest.skip("the study's dev file (../shared/data/paper_dev_100.csv) is not available")
    started = time.perf_counter()
    result = read_corpus(DEV_FILE, "paper-csv", dataset="paper")
    return result, time.perf_counter() - started


def test_dev_file_imports_completely(dev_import):
    result, _ = dev_import
    assert result.summary.reports == 100
    assert [r.id for r in result.reports[:2]] == ["paper-001", "paper-002"]
    assert result.summary.unmapped_labels == {}


def test_dev_file_layouts_are_all_recognised(dev_import):
    result, _ = dev_import
    layouts = {r.meta["layout"] for r in result.reports} - {"empty"}
    assert layouts == {
        "annotations_document",
        "annotations_truncated",
        "annotations_fragment",
        "items_fragment",
        "list_document",
        "list_in_string",
        "visible_hidden_fragment",
        "visible_hidden_salvaged",
    }


def test_dev_file_has_six_unlabeled_reports(dev_import):
    result, _ = dev_import
    assert sum(r.status == "unlabeled" for r in result.reports) == 6
    assert result.summary.reports_without_labels == 6


def test_dev_file_values_are_located(dev_import):
    result, _ = dev_import
    located = sum(sum(r.meta["located"].values()) for r in result.reports)
    not_found = result.summary.values_not_found
    assert located and (located - not_found) / located >= 0.95


def test_dev_file_positions_are_honoured_when_they_agree_and_reported_otherwise(dev_import):
    result, _ = dev_import
    csv.field_size_limit(2**31 - 1)
    with open(DEV_FILE, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row, report in zip(rows, result.reports):
        positioned = [
            item
            for item in parse_labels_cell(row["phi_items"]).items
            if item.start is not None and item.end is not None
        ]
        agreeing = [item for item in positioned if report.text[item.start : item.end] == item.value]
        for item in agreeing:  # the span may be the name without its title, inside the given stretch
            assert any(item.start <= s.start and s.end <= item.end for s in report.spans)
        assert kinds(report).count("position_mismatch") == len(positioned) - len(agreeing)
