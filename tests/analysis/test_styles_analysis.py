"""Recall, precision and leaked characters by document style and by value format, against a hand count."""

import json

import pytest

from phi_core.analysis import error_examples, format_matrix, leaderboard_frame, style_matrix, worst_styles
from phi_core.cli.main import main
from phi_core.scoring.stored_runs import score_run
from phi_core.scoring.formats import format_rows
from phi_core.extractors.base import ExtractionOutcome
from phi_core.figures import breakdown_heatmap
from phi_core.figures.registry import FigureRequest, build_figure
from phi_core.models import PredictedItem, Report, Span
from phi_core.runs import Job, Runner
from phi_core.store import Store

R1 = "PID|1||12345678^^^HOSP^MR||YAMADA^TARO||19610412"
R2 = "PID|1||87654321^^^HOSP^MR||SATO^HANAKO||19700101"
R3 = "10:15 妻（山田花子）より電話あり。090-1111-2222"
R4 = "氏名：鈴木一郎"


def _span(text: str, category: str, value: str, fmt: str | None) -> Span:
    start = text.index(value)
    return Span(start=start, end=start + len(value), category=category, text=value, format=fmt)


REPORTS = [
    Report(
        id="r1",
        text=R1,
        status="approved",
        style="hl7",
        spans=[
            _span(R1, "PATIENT_ID", "12345678", "HL7 ID"),
            _span(R1, "PATIENT_NAME", "YAMADA^TARO", "HL7 name"),
            _span(R1, "BIRTH_DATE", "19610412", "compact date"),
        ],
    ),
    Report(
        id="r2",
        text=R2,
        status="approved",
        style="hl7",
        spans=[
            _span(R2, "PATIENT_ID", "87654321", "HL7 ID"),
            _span(R2, "PATIENT_NAME", "SATO^HANAKO", "HL7 name"),
            _span(R2, "BIRTH_DATE", "19700101", "compact date"),
        ],
    ),
    Report(
        id="r3",
        text=R3,
        status="approved",
        style="nursing",
        spans=[
            _span(R3, "TIME", "10:15", "colon time"),
            _span(R3, "EMERGENCY_CONTACT", "山田花子", "kanji name"),
            _span(R3, "EMERGENCY_CONTACT", "090-1111-2222", "hyphen phone"),
        ],
    ),
    Report(id="r4", text=R4, status="approved", spans=[_span(R4, "PATIENT_NAME", "鈴木一郎", None)]),
]
ANSWERS = {
    # r1: ID right, name cut short (5 characters leak), birth date missed (8 leak)
    "r1": [("患者ID", "12345678"), ("患者氏名", "YAMADA")],
    # r2: all three right, plus a spurious item
    "r2": [("患者ID", "87654321"), ("患者氏名", "SATO^HANAKO"), ("生年月日", "19700101"), ("電話番号", "HOSP")],
    # r3: the name with its brackets (6 characters, 4 inside gold); time and phone missed
    "r3": [("緊急連絡先", "（山田花子）")],
    "r4": [],
}


class FakeExtractor:
    backend, host, phase, model = "fake", "h", "2", "m"

    def provenance(self):
        return {}

    def identity(self):
        return {}

    def extract(self, report, *, repeat=0):
        items = [PredictedItem(category=c, value=v) for c, v in ANSWERS[report.id]]
        return ExtractionOutcome(items=items, raw="{}", seconds=1.0)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    path = tmp_path_factory.mktemp("sty") / "s.duckdb"
    store = Store(path)
    store.add_reports("d", REPORTS)
    run_id = (
        Runner(store, Job(dataset="d", backend="fake", model="m", phase="2"), [FakeExtractor()], scorer=score_run)
        .run()
        .run_id
    )
    yield store, run_id, path
    store.close()


def test_style_matrix_equals_the_hand_count(scored):
    store, run_id, _ = scored
    m = style_matrix(store, [run_id]).set_index("style")
    assert list(m.index) == ["hl7", "nursing"]  # the report without a style is left out
    hl7, nursing = m.loc["hl7"], m.loc["nursing"]
    assert (hl7["reports"], hl7["gold"], hl7["gold_found"]) == (2, 6, 5)
    assert hl7["recall"] == pytest.approx(5 / 6)
    assert hl7["precision"] == pytest.approx(5 / 6)  # 6 items, the spurious HOSP is the one wrong
    assert hl7["leak_rate"] == pytest.approx(13 / 54)
    assert nursing["recall"] == pytest.approx(1 / 3)
    assert nursing["precision"] == 1.0
    assert nursing["leak_rate"] == pytest.approx(18 / 22)


def test_format_matrix_equals_the_hand_count(scored):
    store, run_id, _ = scored
    m = format_matrix(store, [run_id]).set_index("format")
    assert set(m.index) == {"HL7 ID", "HL7 name", "compact date", "colon time", "kanji name", "hyphen phone"}
    assert (m.loc["HL7 ID", "recall"], m.loc["HL7 ID", "leak_rate"], m.loc["HL7 ID", "precision"]) == (1.0, 0.0, 1.0)
    assert m.loc["HL7 name", "recall"] == 1.0 and m.loc["HL7 name", "leak_rate"] == pytest.approx(5 / 22)
    assert m.loc["compact date", "recall"] == 0.5 and m.loc["compact date", "leak_rate"] == 0.5
    assert m.loc["kanji name", "precision"] == pytest.approx(4 / 6) and m.loc["kanji name", "leak_rate"] == 0.0
    assert m.loc["colon time", "recall"] == 0.0 and m.loc["hyphen phone", "leak_rate"] == 1.0


def test_drill_down_by_style_and_by_format(scored):
    store, run_id, _ = scored
    nursing = error_examples(store, run_id, error_type="missed", style="nursing")
    assert set(nursing["gold_text"]) == {"10:15", "090-1111-2222"}
    dates = error_examples(store, run_id, error_type="missed", value_format="compact date")
    assert list(dates["gold_text"]) == ["19610412"] and list(dates["report_id"]) == ["r1"]
    assert error_examples(store, run_id, value_format="HL7 ID").empty


def test_worst_style_in_the_leaderboard_frame(scored):
    store, run_id, _ = scored
    worst = worst_styles(store, [run_id])
    assert list(worst["worst_style"]) == ["nursing"]
    row = leaderboard_frame(store, "d", n_boot=0).iloc[0]
    assert row["worst_style"] == "nursing" and row["worst_style_leak_rate"] == pytest.approx(18 / 22)


def test_worst_style_in_the_cli_leaderboard_json(tmp_path, capsys):
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        store.add_reports("d", REPORTS)
        Runner(store, Job(dataset="d", backend="fake", model="m", phase="2"), [FakeExtractor()], scorer=score_run).run()
    assert main(["leaderboard", "--dataset", "d", "--json", "--db", str(path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["worst_style"] == "nursing"
    assert rows[0]["worst_style_leak_rate"] == pytest.approx(18 / 22)


def test_heatmaps_put_the_weakest_column_first(scored):
    store, run_id, _ = scored
    fig = breakdown_heatmap(style_matrix(store, [run_id]), "style", "recall")
    assert list(fig.data[0].x) == ["nursing", "hl7"]
    leak = breakdown_heatmap(style_matrix(store, [run_id]), "style", "leak_rate")
    assert list(leak.data[0].x) == ["nursing", "hl7"] and leak.data[0].reversescale
    figure = build_figure(store, "style-recall", FigureRequest(dataset="d", run_ids=(run_id,)))
    assert list(figure.data[0].x) == ["nursing", "hl7"]
    with pytest.raises(ValueError, match="leak_rate"):
        build_figure(store, "heatmap", FigureRequest(dataset="d", run_ids=(run_id,), metric="leak_rate"))


def test_format_rows_without_formats_is_empty():
    report = REPORTS[3]
    assert format_rows(report.text, report.spans, [PredictedItem(category="氏名", value="鈴木一郎")]) == []


def test_format_heatmap_puts_formats_down_and_keeps_the_weakest(scored):
    store, run_id, _ = scored
    matrix = format_matrix(store, [run_id])
    fig = breakdown_heatmap(matrix, "format", "recall", limit=3)
    assert list(fig.data[0].x) == ["fake:m · p2"]
    assert list(fig.data[0].y)[:2] == ["colon time", "hyphen phone"]  # recall 0 first
    assert len(fig.data[0].y) == 3 and "3 weakest of 6" in fig.layout.title.text
