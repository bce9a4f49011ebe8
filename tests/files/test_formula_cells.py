"""Every CSV the product writes opens in a spreadsheet as text: no cell is read as a formula.

Dataset names, report ids, layers, actors and model names are typed by people
or come from files; each one here starts with a character a spreadsheet runs.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from phi_core.cli.main import main
from phi_core.corpus import service as corpus
from phi_core.scoring.stored_runs import score_run
from phi_core.files import FORMULA_STARTS, safe_frame
from phi_core.models import Report, Span
from phi_core.store import Store, TaskResult
from phi_core.ui.downloads import csv_bytes

DATASET = '=HYPERLINK("http://evil.example","x")'
REPORT = "+cmd|' /C calc'!A0"
ACTOR = "@SUM(1+1)*cmd"
LAYER = "-2+3+cmd|' /C calc'!A0"
MODEL = "=1+1"
TEXT = "=氏名 山田太郎"


def cells(data: str | bytes) -> list[str]:
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def assert_no_formula(data: str | bytes, *expected: str) -> None:
    found = cells(data)
    assert found, "nothing was written"
    formulas = [cell for cell in found if cell.startswith(FORMULA_STARTS) and not _number(cell)]
    assert formulas == [], formulas
    for value in expected:  # still there, readable, one apostrophe in front
        assert "'" + value in found, (value, found)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "phi.duckdb"
    with Store(path) as store:
        name = TEXT.index("山田太郎")
        store.add_reports(
            DATASET, [Report(id=REPORT, text=TEXT, spans=[Span(start=name, end=name + 4, category="PATIENT_NAME")])]
        )
        store.save_gold(DATASET, REPORT, spans=[], expected_version=1, actor=ACTOR)
        store.assign(DATASET, {REPORT: [LAYER]}, assigned_by=ACTOR)
        run = store.create_run(
            job_key="k",
            dataset=DATASET,
            split=None,
            backend="rules",
            model=MODEL,
            phase="-",
            phase_key=None,
            hosts=[],
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=1,
        )
        items = [("PATIENT_NAME", None, "山田太郎")]
        store.save_task_results(
            run.run_id, [TaskResult(REPORT, 0, "done", "", items, [], [], 0.01, None, None, None, 0, None)]
        )
        store.update_run(run.run_id, status="done")
        score_run(store, run.run_id)
    return path


def test_audit_export_of_labels_and_runs(db, tmp_path, capsys):
    labels, runs = tmp_path / "labels.csv", tmp_path / "runs.csv"
    assert main(["audit-export", "labels", "--db", str(db), "--out", str(labels)]) == 0
    assert main(["audit-export", "runs", "--db", str(db), "--out", str(runs)]) == 0
    assert_no_formula(labels.read_bytes(), DATASET, REPORT, ACTOR)
    assert_no_formula(runs.read_bytes(), DATASET, MODEL)


def test_leak_csv(db, tmp_path, capsys):
    out = tmp_path / "leak.csv"
    assert main(["leak", "--dataset", DATASET, "--db", str(db), "--csv", str(out)]) == 0
    assert_no_formula(out.read_text(encoding="utf-8"), MODEL)


@pytest.mark.parametrize("what", ["gold", "predictions"])
def test_paper_csv_exports(db, tmp_path, what):
    out = tmp_path / f"{what}.csv"
    with Store(db) as store:
        if what == "gold":
            corpus.export_gold(store, "me", DATASET, out, "paper-csv")
        else:  # this export used to fail outright (a helper that did not exist)
            corpus.export_predictions(store, "me", DATASET, out, "paper-csv", backend="rules")
    assert_no_formula(out.read_text(encoding="utf-8"))
    assert any("山田太郎" in cell for cell in cells(out.read_text(encoding="utf-8")))


def test_gold_paper_csv_round_trips_a_text_that_starts_like_a_formula(db, tmp_path):
    from phi_core.corpus.importers import read_corpus

    out = tmp_path / "gold.csv"
    with Store(db) as store:
        corpus.export_gold(store, "me", DATASET, out, "paper-csv")
    (report,) = read_corpus(out, "paper-csv", dataset="again").reports
    assert report.text == TEXT


def test_table_downloads_and_the_frame_helper():
    frame = pd.DataFrame({"model": [MODEL, "ok"], "score": [-1.5, 2.0], ACTOR: ["-x", "+y"]})
    assert_no_formula(csv_bytes(frame), MODEL, ACTOR, "-x", "+y")
    safe = safe_frame(frame)
    assert list(safe["score"]) == [-1.5, 2.0]  # numbers are data, not formulas
    assert list(frame["model"]) == [MODEL, "ok"]  # the caller's frame is left alone
