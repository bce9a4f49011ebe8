"""Property-based tests: arbitrary input never crashes the importers, the reply parser or the scorer
with anything but their documented errors.

About 2,500 examples in all (a few seconds each test on a quiet machine);
raise PHI_HYPOTHESIS_SCALE for a longer hunt.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phi_core.corpus.importers import IMPORTERS, CorpusFormatError, read_corpus
from phi_core.llm import VIOLATION_CODES, parse_reply
from phi_core.models import PredictedItem, Span
from phi_core.scoring import DIMENSIONS, score_report
from phi_core.taxonomy import CATEGORY_CODES

SCALE = float(os.environ.get("PHI_HYPOTHESIS_SCALE", "1"))
QUICK = settings(max_examples=int(300 * SCALE), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

JAPANESE = st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF)
# Lone surrogates too: JSON files can spell them as \udXXX escapes.
TEXT = st.text(st.one_of(st.characters(), JAPANESE, st.sampled_from(["\ud800", "\udfff"])), max_size=80)
LABELS = st.one_of(st.sampled_from([*CATEGORY_CODES, "NAME", "氏名", "Patient Name", "DATE", "ID"]), TEXT)
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                         st.floats(allow_nan=False, allow_infinity=False), TEXT)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.one_of(TEXT, st.sampled_from(
        ["id", "text", "spans", "start", "end", "category", "label", "split", "status", "meta", "type", "value",
         "phi_items", "entities", "start_offset", "end_offset"])), inner, max_size=5)), max_leaves=20)
SPAN_DICTS = st.fixed_dictionaries({}, optional={
    "start": st.one_of(st.integers(-3, 90), JSON_SCALARS), "end": st.one_of(st.integers(-3, 90), JSON_SCALARS),
    "category": st.one_of(LABELS, JSON_SCALARS), "text": st.one_of(TEXT, JSON_SCALARS)})
RECORDS = st.fixed_dictionaries({"text": TEXT}, optional={
    "id": st.one_of(TEXT, st.integers()), "split": st.one_of(st.sampled_from(["dev", "test"]), JSON_SCALARS),
    "status": st.one_of(st.sampled_from(["unlabeled", "silver", "in_review", "approved"]), JSON_SCALARS),
    "spans": st.one_of(st.lists(SPAN_DICTS, max_size=6), JSON_VALUES),
    "label": st.lists(st.tuples(st.integers(-3, 90), st.integers(-3, 90), LABELS), max_size=5),
    "meta": JSON_VALUES})


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
@QUICK
@given(data=st.binary(max_size=400))
def test_importers_take_arbitrary_bytes(fmt, data):
    _import(data, fmt, ".csv" if fmt == "paper-csv" else ".jsonl")


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@settings(QUICK, max_examples=int(200 * SCALE))
@given(records=st.lists(st.one_of(RECORDS, JSON_VALUES), min_size=1, max_size=4),
       encoding=st.sampled_from(["utf-8", "cp932", "euc_jp"]), ascii_only=st.booleans())
def test_importers_take_arbitrary_json_lines(fmt, records, encoding, ascii_only):
    lines = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records) + "\n"
    try:
        data = lines.encode(encoding)
    except UnicodeEncodeError:
        data = lines.encode("utf-8", "surrogatepass")
    _import(data, fmt, ".jsonl")


@settings(QUICK, max_examples=int(200 * SCALE))
@given(texts=st.lists(TEXT, min_size=1, max_size=3), cells=st.lists(st.one_of(JSON_VALUES, TEXT), min_size=1,
                                                                      max_size=3))
def test_paper_csv_takes_arbitrary_label_cells(texts, cells):
    import csv
    import io

    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["report_text", "phi_items"])
    for text, cell in zip(texts, cells):
        writer.writerow([text, cell if isinstance(cell, str) else json.dumps(cell, ensure_ascii=False)])
    _import(out.getvalue().encode("utf-8", "surrogatepass"), "paper-csv", ".csv")


@QUICK
@given(reply=st.one_of(TEXT, st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
                       JSON_VALUES.map(lambda v: json.dumps(v, ensure_ascii=False)),
                       st.builds(lambda v, cut: json.dumps(v, ensure_ascii=False)[:cut], JSON_VALUES,
                                 st.integers(0, 200))),
       shape=st.sampled_from(["category_object", "phi_list"]))
def test_the_reply_parser_reads_anything(reply, shape):
    parsed = parse_reply(reply, expected_shape=shape)
    assert set(parsed.violations) <= set(VIOLATION_CODES)
    assert all(isinstance(i, PredictedItem) and isinstance(i.value, str) for i in parsed.items)


def test_the_reply_parser_refuses_an_unknown_shape():
    with pytest.raises(ValueError, match="expected_shape"):
        parse_reply("{}", expected_shape="tree")


@st.composite
def scored_cases(draw):
    text = draw(st.text(st.one_of(JAPANESE, st.characters(max_codepoint=0x7F)), min_size=1, max_size=60))
    gold = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        gold.append(Span(start=start, end=end, category=draw(st.sampled_from(CATEGORY_CODES))))
    values = st.one_of(TEXT, st.builds(lambda a, b: text[min(a, b):max(a, b)], st.integers(0, len(text)),
                                       st.integers(0, len(text))))
    items = draw(st.lists(st.builds(PredictedItem, category=LABELS, value=values), max_size=8))
    repeats = draw(st.lists(st.lists(st.builds(PredictedItem, category=LABELS, value=values), max_size=4),
                            max_size=3))
    scope = draw(st.one_of(st.none(), st.sets(st.sampled_from(CATEGORY_CODES))))
    return text, gold, items, repeats, scope


@QUICK
@given(case=scored_cases(), violations=st.lists(st.sampled_from([*VIOLATION_CODES, "made_up"]), max_size=4),
       seconds=st.one_of(st.none(), st.floats(min_value=0, max_value=1e4), st.just(float("nan"))))
def test_the_scorer_scores_any_span_lists(case, violations, seconds):
    text, gold, items, repeats, scope = case
    score = score_report(text, gold, items, violations=violations, repeats=[items, *repeats] if repeats else (),
                         seconds=seconds, input_tokens=100, scope=scope)
    assert 0 <= score.score <= 100
    for name in DIMENSIONS:
        points = score.points[name]
        assert points is None or points >= 0, name
    json.dumps(score.to_dict(), allow_nan=False)


@settings(QUICK, max_examples=int(100 * SCALE))
@given(text=st.text(max_size=20), start=st.integers(0, 40), width=st.integers(1, 10))
def test_the_scorer_refuses_gold_past_the_text_with_its_documented_error(text, start, width):
    span = Span(start=start, end=start + width, category="AGE")
    if span.end <= len(text):
        score_report(text, [span], [])
    else:
        with pytest.raises(ValueError, match="runs past the end of the text"):
            score_report(text, [span], [])
