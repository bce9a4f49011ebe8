"""Property-based: arbitrary bytes, JSON lines and label cells never crash the importers
with anything but CorpusFormatError, and what they return is storable and well-formed."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phi_core.corpus.importers import IMPORTERS, CorpusFormatError, read_corpus
from phi_core.taxonomy import CATEGORY_CODES
from tests.hypothesis_strategies import JSON_SCALARS, JSON_VALUES, LABELS, TEXT, examples

SPAN_DICTS = st.fixed_dictionaries(
    {},
    optional={
        "start": st.one_of(st.integers(-3, 90), JSON_SCALARS),
        "end": st.one_of(st.integers(-3, 90), JSON_SCALARS),
        "category": st.one_of(LABELS, JSON_SCALARS),
        "text": st.one_of(TEXT, JSON_SCALARS),
    },
)
RECORDS = st.fixed_dictionaries(
    {"text": TEXT},
    optional={
        "id": st.one_of(TEXT, st.integers()),
        "split": st.one_of(st.sampled_from(["dev", "test"]), JSON_SCALARS),
        "status": st.one_of(st.sampled_from(["unlabeled", "silver", "in_review", "approved"]), JSON_SCALARS),
        "spans": st.one_of(st.lists(SPAN_DICTS, max_size=6), JSON_VALUES),
        "label": st.lists(st.tuples(st.integers(-3, 90), st.integers(-3, 90), LABELS), max_size=5),
        "meta": JSON_VALUES,
    },
)


def _import(data: bytes, fmt: str, suffix: str) -> None:
    """Import bytes; only CorpusFormatError may escape, and a result must hold well-formed reports."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_bytes(data)
        try:
            result = read_corpus(path, fmt, dataset="d")
        except CorpusFormatError as error:
            assert str(error)
            return
    for report in result.reports:
        report.text.encode("utf-8")  # storable
        for span in report.spans:
            assert 0 <= span.start < span.end <= len(report.text)
            assert span.category in CATEGORY_CODES
    assert result.summary.reports == len(result.reports)


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
@examples(400)
@given(data=st.binary(max_size=400))
def test_importers_take_arbitrary_bytes(fmt, data):
    _import(data, fmt, ".csv" if fmt == "paper-csv" else ".jsonl")


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@examples(200)
@given(
    records=st.lists(st.one_of(RECORDS, JSON_VALUES), min_size=1, max_size=4),
    encoding=st.sampled_from(["utf-8", "cp932", "euc_jp"]),
    ascii_only=st.booleans(),
)
def test_importers_take_arbitrary_json_lines(fmt, records, encoding, ascii_only):
    lines = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records) + "\n"
    try:
        data = lines.encode(encoding)
    except UnicodeEncodeError:
        data = lines.encode("utf-8", "surrogatepass")
    _import(data, fmt, ".jsonl")


@examples(200)
@given(
    texts=st.lists(TEXT, min_size=1, max_size=3), cells=st.lists(st.one_of(JSON_VALUES, TEXT), min_size=1, max_size=3)
)
def test_paper_csv_takes_arbitrary_label_cells(texts, cells):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["report_text", "phi_items"])
    for text, cell in zip(texts, cells):
        writer.writerow([text, cell if isinstance(cell, str) else json.dumps(cell, ensure_ascii=False)])
    _import(out.getvalue().encode("utf-8", "surrogatepass"), "paper-csv", ".csv")
