import pytest

from phi_core.analysis.residual_leak import ReleaseRule, document_leak, f_beta, residual_leak
from phi_core.scoring.stored_runs import score_run
from phi_core.models import Report, Span
from phi_core.store import Store, TaskResult


def _report(rid, text, gold, style=None):
    spans = [Span(start=text.index(v), end=text.index(v) + len(v), category=c) for c, v in gold]
    meta = {"style": style} if style else {}
    return Report(id=rid, text=text, spans=spans, status="approved", meta=meta)


REPORTS = [
    # 10 gold chars: 山田太郎 (4) + 03-1234 (7)... counted by hand below
    _report("r1", "氏名 山田太郎 電話 03-1234", [("PATIENT_NAME", "山田太郎"), ("PHONE", "03-1234")], "formal"),
    _report("r2", "ID 778899 主治医 鈴木", [("PATIENT_ID", "778899"), ("PHYSICIAN_NAME", "鈴木")], "terse"),
    _report("r3", "所見なし", []),
]
# r1: 山田 masked, 太郎 leaks (2), phone masked; "氏名" over-redacted (2 non-PHI chars).
# r2: ID masked; 鈴木 leaks (2). r3: nothing to leak, nothing masked.
ITEMS = {"r1": [("NAME", "山田"), ("PHONE", "03-1234"), ("X", "氏名")], "r2": [("ID", "778899")], "r3": []}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "l.duckdb") as s:
        s.add_reports("d", REPORTS)
        run = s.create_run(
            job_key="k",
            dataset="d",
            split=None,
            backend="pipeline",
            model="u",
            phase="-",
            phase_key=None,
            hosts=(),
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=3,
        )
        s.save_task_results(
            run.run_id,
            [
                TaskResult(
                    r, 0, "done", "", [(lab, None, v) for lab, v in ITEMS[r]], [], [], 1.0, None, None, None, 0, None
                )
                for r in ITEMS
            ],
        )
        score_run(s, run.run_id)
        yield s


def test_document_leak_by_hand():
    d = document_leak(REPORTS[0], ["山田", "03-1234", "氏名"])
    assert (d.gold_chars, d.leaked_chars, d.over_redacted_chars) == (11, 2, 2)
    assert d.non_phi_chars == len(REPORTS[0].text) - 11
    assert d.leaked_by_category == {"PATIENT_NAME": 2, "PHONE": 0}
    assert d.style == "formal"
    assert document_leak(REPORTS[2], []).style == "unknown"


def test_residual_leak_equals_a_hand_count(store):
    leak = residual_leak(store, "d", rule=ReleaseRule(("PATIENT_NAME", "PHONE"), 0.5))
    row = leak.summary.iloc[0]
    assert row["label"] == "pipeline:u" and bool(row["is_pipeline"])
    assert row["n_documents"] == 3 and row["documents_leaking"] == 2
    assert row["document_leak_share"] == pytest.approx(2 / 3)
    assert (row["gold_chars"], row["leaked_chars"]) == (19, 4)
    assert row["char_leak_rate"] == pytest.approx(4 / 19)
    non_phi = sum(len(r.text) for r in REPORTS) - 19
    assert (row["non_phi_chars"], row["over_redacted_chars"]) == (non_phi, 2)
    # Entities, relaxed: tp 3 (name, phone, id), fn 1 (鈴木), fp 1 (氏名).
    assert row["f1"] == pytest.approx(f_beta(3, 1, 1, 1)) == pytest.approx(0.75)
    assert row["f2"] == pytest.approx(5 * 3 / (5 * 3 + 4 * 1 + 1))
    assert not row["verdict"] and "1 document leak PATIENT_NAME" in row["verdict_text"]
    cats = leak.by_category.set_index("category")
    assert cats.loc["PATIENT_NAME", "leaked_chars"] == 2 and cats.loc["PHYSICIAN_NAME", "leaked_chars"] == 2
    assert cats.loc["PHONE", "leaked_chars"] == 0 and cats.loc["PATIENT_ID", "gold_chars"] == 6
    styles = leak.by_style.set_index("style")
    assert styles.loc["formal", "leaked_chars"] == 2 and styles.loc["terse", "leaked_chars"] == 2
    assert styles.loc["unknown", "gold_chars"] == 0
    assert list(leak.documents["report_id"][:2]) == ["r1", "r2"]


def test_a_lenient_rule_passes(store):
    leak = residual_leak(store, "d", rule=ReleaseRule(("PHONE",), 0.25))
    assert leak.summary.iloc[0]["verdict"] and leak.summary.iloc[0]["verdict_text"] == "passes"
    assert set(leak.csv_frame()["scope"]) == {"run", "category", "style"}


def test_the_leak_figure_draws_the_hand_count(store):
    from phi_core.figures.leak import leak_bars

    leak = residual_leak(store, "d")
    fig = leak_bars(leak.by_category, leak.summary)
    totals = {}
    for trace in fig.data:
        for label, value in zip(trace.y, trace.x):
            totals[label] = totals.get(label, 0) + value
    assert totals == {"pipeline:u": 4}


def test_verdict_in_japanese(store):
    leak = residual_leak(store, "d", rule=ReleaseRule(("PATIENT_NAME",), 0.5), language="ja")
    assert leak.summary.iloc[0]["verdict_text"] == "不合格：1 件の文書が PATIENT_NAME を漏らす"
    assert ReleaseRule().describe("ja").startswith("どの文書も PATIENT_NAME")


def test_rule_applies_to_kept_measurements(store):
    from phi_core.analysis.residual_leak import measure_leaks, summarise

    measured = measure_leaks(store, "d")
    before = store.leak_fingerprint("d")
    strict = summarise(measured, ReleaseRule(("PATIENT_NAME",), 0.5))
    lenient = summarise(measured, ReleaseRule((), 0.5))
    assert not strict.summary.iloc[0]["verdict"] and lenient.summary.iloc[0]["verdict"]
    report = store.report("d", "r3")
    store.save_gold("d", "r3", spans=[], actor="t", expected_version=report.meta["version"], status="approved")
    assert store.leak_fingerprint("d") != before  # a gold edit invalidates what a page keeps


def test_the_leak_figure_is_in_the_registry(store):
    from phi_core.cli.figure_commands import FIGURE_NAMES
    from phi_core.figures.registry import FigureRequest, build_figure

    assert "leak" in FIGURE_NAMES
    fig = build_figure(store, "leak", FigureRequest(dataset="d"))
    assert sum(sum(trace.x) for trace in fig.data) == 4
