"""leaderboard_frame against the scoring functions, reference rows, pareto_mask."""

import json
import math

import pandas as pd
import pytest

from phi_core.analysis import (
    LEADERBOARD_COLUMNS,
    MEASURED,
    REPORTED,
    leaderboard_frame,
    pareto_mask,
    reference_frame,
    reference_score,
)
from phi_core.analysis.leaderboard_records import RECORD_KEYS, leaderboard_records, leaderboard_row, run_record
from phi_core.scoring.stored_runs import score_run
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import PredictedItem, Report, Span
from phi_core.paths import REFERENCE_FILE
from phi_core.runs import Job, Runner
from phi_core.scoring import ReportScore, aggregate, score_report
from phi_core.store import Store


def _report(rid: str, text: str, *values: tuple[str, str]) -> Report:
    spans = []
    for category, value in values:
        start = text.index(value)
        spans.append(Span(start=start, end=start + len(value), category=category, text=value))
    return Report(id=rid, text=text, split="dev", status="approved", spans=spans)


REPORTS = [
    _report("r1", "氏名：山田太郎 電話：03-1234-5678", ("PATIENT_NAME", "山田太郎"), ("PHONE", "03-1234-5678")),
    _report("r2", "患者：鈴木花子 検査日：2024年3月1日", ("PATIENT_NAME", "鈴木花子"), ("EXAM_DATE", "2024年3月1日")),
    _report("r3", "主治医：佐藤一郎 所見：異常なし", ("PHYSICIAN_NAME", "佐藤一郎")),
    _report(
        "r4",
        "所見：肝臓に腫瘤なし",
    ),
]
SECONDS = 2.0
# What each fake model answers per report: a perfect one and a sloppy one.
ANSWERS = {
    "good": {
        "r1": [("患者氏名", "山田太郎"), ("電話番号", "03-1234-5678")],
        "r2": [("患者氏名", "鈴木花子"), ("検査日", "2024年3月1日")],
        "r3": [("医師名", "佐藤一郎")],
        "r4": [],
    },
    "sloppy": {
        "r1": [("患者氏名", "山田"), ("医師名", "03-1234-5678")],
        "r2": [("NAME", "鈴木花子"), ("検査日", "2025年1月1日")],
        "r3": [("患者氏名", "佐藤一郎"), ("医師名", "所見")],
        "r4": [("患者氏名", "肝臓")],
    },
}


def _items(model: str, rid: str) -> list[PredictedItem]:
    return [PredictedItem(category=c, value=v) for c, v in ANSWERS[model][rid]]


class FakeExtractor:
    backend, host = "fake", "h"

    def __init__(self, model: str, phase: str):
        self.model, self.phase = model, phase

    def provenance(self):
        return {"options": {}}

    def identity(self):
        return {"answers": self.model}

    def extract(self, report, *, repeat=0):
        return ExtractionOutcome(items=_items(self.model, report.id), raw="{}", seconds=SECONDS)


def run_fake(store: Store, model: str, phase: str, repeats: int = 1) -> str:
    job = Job(dataset="d", backend="fake", model=model, phase=phase, repeats=repeats)
    return Runner(store, job, [FakeExtractor(model, phase)], scorer=score_run).run().run_id


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "lb.duckdb")
    s.add_reports("d", REPORTS)
    s.load_reference(REFERENCE_FILE)
    yield s
    s.close()


def _direct(model: str) -> dict:
    scores = [
        score_report(r.text, r.spans, _items(model, r.id), repeats=[_items(model, r.id)], seconds=SECONDS)
        for r in sorted(REPORTS, key=lambda r: r.id)
    ]
    return aggregate(scores, n_boot=500, seconds=[SECONDS] * len(scores))


def test_numbers_match_aggregate_of_the_same_report_scores(store):
    run_fake(store, "good", "3")
    run_fake(store, "sloppy", "3")
    frame = leaderboard_frame(store, "d", n_boot=500)
    assert list(frame.columns[: len(LEADERBOARD_COLUMNS)]) == list(LEADERBOARD_COLUMNS)
    assert list(frame["model"]) == ["good", "sloppy"]  # best first
    for _, row in frame.iterrows():
        expected = _direct(row["model"])
        assert row["n_reports"] == 4
        assert row["score"] == pytest.approx(expected["score"])
        assert (row["score_lo"], row["score_hi"]) == pytest.approx(tuple(expected["score_ci"]))
        for key in (
            "recall",
            "precision",
            "boundary_fidelity",
            "information_purity",
            "category_classification",
            "rule_adherence",
            "efficiency",
            "strict_f1",
            "relaxed_f1",
            "char_leak_rate",
            "strict_precision",
            "relaxed_recall",
        ):
            assert row[key] == pytest.approx(expected[key]), key
        assert math.isnan(row["stability"])  # one repeat: not measured, like aggregate's None
        assert expected["stability"] is None
        assert row["sec_per_report"] == pytest.approx(SECONDS)
    good = frame.iloc[0]
    assert good["score"] == pytest.approx(100.0) and good["char_leak_rate"] == 0
    assert good["pct_of_reference"] == pytest.approx(100 / 93.56 * 100)


def _approx_equal(ours, theirs, where=""):
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs), where
        for key in theirs:
            _approx_equal(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(theirs, (list, tuple)):
        assert len(ours) == len(theirs), where
        for i, (a, b) in enumerate(zip(ours, theirs)):
            _approx_equal(a, b, f"{where}[{i}]")
    elif isinstance(theirs, float):
        assert ours == pytest.approx(theirs), where
    else:
        assert ours == theirs, where


def test_the_command_line_records_equal_the_scoring_functions(store):
    """One source per number: the SQL path gives what scoring.aggregate gives over the same report scores."""
    run_fake(store, "sloppy", "2")
    run_fake(store, "good", "3", repeats=2)
    records = leaderboard_records(store, "d", n_boot=300)
    assert [r["model"] for r in records] == ["good", "sloppy"]
    for record in records:
        assert list(record) == list(RECORD_KEYS)
        part = store.report_scores([record["run_id"]])
        scores = [ReportScore.from_dict(json.loads(d)) for d in part["details"]]
        expected = leaderboard_row(scores, seconds=list(part["seconds"]), n_boot=300)
        for key in (
            "backend",
            "model",
            "phase",
            "run_id",
            "dataset",
            "split",
            "repeats",
            "status",
            "sec_per_100_tokens",
        ):
            expected.pop(key, None)
        _approx_equal({k: record[k] for k in expected}, expected, record["model"])
        assert record["status"] == "done" and record["dataset"] == "d"


def test_a_single_run_record_is_its_leaderboard_record(store):
    run_fake(store, "sloppy", "2")
    good = run_fake(store, "good", "3", repeats=2)
    board = {r["run_id"]: r for r in leaderboard_records(store, "d", n_boot=300)}
    assert run_record(store, good, n_boot=300) == board[good]
    assert run_record(store, "no-such-run") is None


def test_labels_sources_and_the_newest_run_per_model_and_phase(store):
    first = run_fake(store, "sloppy", "3")
    newer = run_fake(store, "sloppy", "3", repeats=2)  # another job: a new run of the same model and phase
    frame = leaderboard_frame(store, "d", n_boot=50)
    assert list(frame["run_id"]) == [newer] and first != newer
    assert frame.iloc[0]["label"] == "fake:sloppy · p3"
    assert frame.iloc[0]["repeats"] == 2 and frame.iloc[0]["stability"] == pytest.approx(10.0)
    assert set(frame["source"]) == {MEASURED}
    assert leaderboard_frame(store, "d", "test").empty  # no run on the test split


def test_reference_rows_stay_apart_with_their_own_labels(store):
    ref = reference_frame(store)
    assert set(ref["source"]) == {REPORTED} and ref["run_id"].isna().all()
    gpt = ref[ref["model"] == "GPT-4.1"].iloc[0]
    assert gpt["label"] == "GPT-4.1 (paper, p5)" and gpt["pct_of_reference"] == pytest.approx(100.0)
    mistral = ref[ref["model"] == "Mistral-Small-3.2 + Self-Refine"].iloc[0]
    assert mistral["pct_of_reference"] == pytest.approx(97.84, abs=0.01)  # the study's 97.8%
    assert ref["label"].is_unique
    assert "Mistral-Small-3.2, before self-refine (paper, p4)" in set(ref["label"])


def test_reference_score_choices(store, tmp_path):
    assert reference_score(store) == pytest.approx(93.56)
    assert reference_score(store, "gemini-2.5-flash") == pytest.approx(92.05)
    with pytest.raises(ValueError, match="GPT-4.1"):
        reference_score(store, "GPT-5")
    with Store(tmp_path / "empty.duckdb") as empty:
        assert reference_score(empty) is None
        assert reference_frame(empty).empty


def test_pareto_mask_keeps_rows_nobody_beats():
    frame = pd.DataFrame(
        {
            "score": [90, 85, 80, 92, 70, None],
            "sec_per_report": [10, 5, 6, 30, 1, 1],
        }
    )
    # 80 @ 6 s loses to 85 @ 5 s; the last row has no score.
    assert pareto_mask(frame).tolist() == [True, True, False, True, True, False]
    assert pareto_mask(frame.iloc[:0]).tolist() == []


class TruncatedExtractor(FakeExtractor):
    """Answers like FakeExtractor, but every call's prompt was cut by the server."""

    def extract(self, report, *, repeat=0):
        outcome = super().extract(report, repeat=repeat)
        outcome.validity = {"prompt_truncated": 1, "output_truncated": 1}
        return outcome


def test_runs_with_invalid_calls_carry_a_mark_and_can_be_hidden(store):
    from phi_core.analysis.leaderboard import INVALID_MARK, without_invalid_runs

    run_fake(store, "good", "3")
    job = Job(dataset="d", backend="fake", model="sloppy", phase="3")
    Runner(store, job, [TruncatedExtractor("sloppy", "3")], scorer=score_run).run()
    frame = leaderboard_frame(store, "d", n_boot=0)
    marked = frame.set_index("model")
    n = len(REPORTS)
    assert marked.loc["sloppy", "invalid_calls"] == 2 * n
    assert marked.loc["sloppy", "label"].endswith(f"{INVALID_MARK}{2 * n}")
    assert marked.loc["good", "invalid_calls"] == 0 and INVALID_MARK not in marked.loc["good", "label"]
    assert list(without_invalid_runs(frame)["model"]) == ["good"]
