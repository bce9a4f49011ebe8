"""Error analysis frames on two hand-made reports scored through the runner."""

import pandas as pd
import pytest

from phi_core.analysis import (
    category_matrix,
    compare_runs,
    compare_runs_items,
    confusion_frame,
    error_examples,
    error_type_counts,
    script_recall_frame,
)
from phi_core.scoring.stored_runs import score_run
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import PredictedItem, Report, Span
from phi_core.runs import Job, Runner
from phi_core.scoring import ERROR_TYPES
from phi_core.store import Store, StoreError

R1 = "氏名：山田太郎 電話：03-1234-5678 主治医：佐藤一郎"
R2 = "患者：鈴木花子 検査日：2024年3月1日"


def _span(text: str, category: str, value: str) -> Span:
    start = text.index(value)
    return Span(start=start, end=start + len(value), category=category, text=value)


REPORTS = [
    Report(
        id="r1",
        text=R1,
        split="dev",
        status="approved",
        spans=[
            _span(R1, "PATIENT_NAME", "山田太郎"),
            _span(R1, "PHONE", "03-1234-5678"),
            _span(R1, "PHYSICIAN_NAME", "佐藤一郎"),
        ],
    ),
    Report(
        id="r2",
        text=R2,
        split="dev",
        status="approved",
        spans=[_span(R2, "PATIENT_NAME", "鈴木花子"), _span(R2, "EXAM_DATE", "2024年3月1日")],
    ),
]
# Run "a" makes one of each mistake; run "b" is perfect.
ANSWERS = {
    "a": {
        "r1": [
            ("患者氏名", "山田太郎"),  # right
            ("電話番号", "03-1234"),  # boundary
            ("患者氏名", "佐藤一郎"),  # wrong_category
            ("医師名", "主治医"),  # spurious
            ("電話番号", "090-0000-0000"),
        ],  # not_in_text
        "r2": [("患者氏名", "：鈴木花子")],  # boundary + impure; the exam date is missed
    },
    "b": {
        "r1": [("患者氏名", "山田太郎"), ("電話番号", "03-1234-5678"), ("医師名", "佐藤一郎")],
        "r2": [("患者氏名", "鈴木花子"), ("検査日", "2024年3月1日")],
    },
}


class FakeExtractor:
    backend, host, phase = "fake", "h", "2"

    def __init__(self, model):
        self.model = model

    def provenance(self):
        return {}

    def identity(self):
        return {"answers": self.model}

    def extract(self, report, *, repeat=0):
        items = [PredictedItem(category=c, value=v) for c, v in ANSWERS[self.model][report.id]]
        return ExtractionOutcome(items=items, raw="{}", seconds=1.0)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("err") / "e.duckdb")
    store.add_reports("d", REPORTS)
    ids = {}
    for model in ("a", "b"):
        job = Job(dataset="d", backend="fake", model=model, phase="2")
        ids[model] = Runner(store, job, [FakeExtractor(model)], scorer=score_run).run().run_id
    yield store, ids
    store.close()


def test_error_types_are_counted_per_run_with_zeros(scored):
    store, ids = scored
    counts = error_type_counts(store, [ids["a"], ids["b"]])
    a = dict(zip(*counts[counts["run_id"] == ids["a"]][["type", "count"]].T.values))
    assert a == {"missed": 1, "spurious": 1, "boundary": 2, "wrong_category": 1, "impure": 1, "not_in_text": 1}
    b = counts[counts["run_id"] == ids["b"]]
    assert list(b["type"]) == list(ERROR_TYPES) and b["count"].sum() == 0
    assert set(counts["label"]) == {"fake:a · p2", "fake:b · p2"}


def test_category_matrix_rates(scored):
    store, ids = scored
    m = category_matrix(store, [ids["a"]]).set_index("category")
    patient = m.loc["PATIENT_NAME"]
    # found both names, one exactly; strict fp: 佐藤一郎 under 患者氏名 and the padded ：鈴木花子
    assert patient["support"] == 2
    assert (patient["relaxed_recall"], patient["strict_recall"]) == (1.0, 0.5)
    assert patient["strict_precision"] == pytest.approx(1 / 3)
    physician = m.loc["PHYSICIAN_NAME"]
    # found (under the wrong label), never strictly; 主治医 is a relaxed false positive
    assert (physician["relaxed_recall"], physician["strict_recall"]) == (1.0, 0.0)
    assert physician["relaxed_precision"] == 0.5
    assert m.loc["EXAM_DATE", "relaxed_recall"] == 0.0
    assert m.loc["PHONE", "support"] == 1 and m.loc["PHONE", "relaxed_recall"] == 1.0


def test_confusion_counts_matched_spans(scored):
    store, ids = scored
    frame = confusion_frame(store, [ids["a"]])
    pairs = {(g, p): n for g, p, n in frame.itertuples(index=False)}
    assert pairs == {("PATIENT_NAME", "PATIENT_NAME"): 2, ("PHONE", "PHONE"): 1, ("PHYSICIAN_NAME", "PATIENT_NAME"): 1}
    both = confusion_frame(store, [ids["a"], ids["b"]])
    assert both["count"].sum() == 4 + 5


def test_script_recall(scored):
    store, ids = scored
    frame = script_recall_frame(store, [ids["a"]]).set_index("script")
    # kanji names all found, the phone number (digits) found, the date (mixed) missed
    assert (frame.loc["kanji", "found"], frame.loc["kanji", "total"]) == (3, 3)
    assert frame.loc["digits", "recall"] == 1.0
    assert frame.loc["mixed", "recall"] == 0.0


def test_error_examples_give_both_positions_and_context(scored):
    store, ids = scored
    boundary = error_examples(store, ids["a"], error_type="boundary", context=4)
    assert list(boundary["report_id"]) == ["r1", "r2"]  # report order
    phone = boundary.iloc[0]
    start = R1.index("03-1234-5678")
    assert (phone["start"], phone["end"]) == (start, start + 12)
    assert (phone["gold_start"], phone["gold_end"], phone["pred_start"], phone["pred_end"]) == (
        start,
        start + 12,
        start,
        start + 7,
    )
    assert phone["context_text"] == "03-1234-5678"
    assert phone["context_before"] == R1[start - 4 : start] and phone["context_after"] == R1[start + 12 : start + 16]
    assert phone["gold_text"] == "03-1234-5678" and phone["pred_value"] == "03-1234"
    padded = boundary.iloc[1]
    assert padded["context_text"] == "：鈴木花子"  # gold and predicted span together
    assert padded["context_start"] == 0

    spurious = error_examples(store, ids["a"], error_type="spurious").iloc[0]
    assert spurious["pred_value"] == "主治医" and spurious["context_text"] == "主治医"
    assert pd.isna(spurious["gold_start"]) and spurious["pred_start"] == R1.index("主治医")
    phantom = error_examples(store, ids["a"], error_type="not_in_text").iloc[0]
    assert phantom["context_text"] == "" and phantom["pred_value"] == "090-0000-0000"
    assert len(error_examples(store, ids["a"], limit=3)) == 3
    assert len(error_examples(store, ids["a"], category="EXAM_DATE")) == 1


def test_error_examples_refuse_unknown_inputs(scored):
    store, ids = scored
    with pytest.raises(ValueError, match="missed"):
        error_examples(store, ids["a"], error_type="typo")
    with pytest.raises(StoreError, match="no run"):
        error_examples(store, "nope")


def test_compare_runs_counts_fixed_and_broken_spans(scored):
    store, ids = scored
    table = compare_runs(store, ids["a"], ids["b"]).set_index("category")
    assert table.loc["EXAM_DATE"].to_dict() == {"fixed": 1, "broken": 0, "both_found": 0, "both_missed": 0}
    assert table["both_found"].sum() == 4 and table["broken"].sum() == 0
    reverse = compare_runs(store, ids["b"], ids["a"]).set_index("category")
    assert reverse.loc["EXAM_DATE", "broken"] == 1
    items = compare_runs_items(store, ids["a"], ids["b"])
    assert len(items) == 5 and items.loc[items["change"] == "fixed", "gold_text"].tolist() == ["2024年3月1日"]
