"""Document style on reports and value format on gold spans (migration 004)."""

from phi_core.corpus.exporters import write_corpus
from phi_core.corpus.importers import read_corpus
from phi_core.models import Report, Span
from phi_core.ui.workbench_list import ReportFilter, filter_reports

TEXT = "PID|1||12345678^^^HOSP^MR||YAMADA^TARO\n"


def _styled(rid: str, style: str | None) -> Report:
    return Report(
        id=rid,
        text=TEXT,
        style=style,
        status="approved",
        spans=[
            Span(start=7, end=15, category="PATIENT_ID", format="HL7 ID"),
            Span(start=27, end=38, category="PATIENT_NAME", format="HL7 name"),
        ],
    )


def test_style_and_format_are_stored_and_read_back(store):
    store.add_reports("d", [_styled("a", "hl7"), _styled("b", None)])
    a, b = store.reports("d")
    assert a.style == "hl7" and b.style is None
    assert [(s.text, s.format) for s in a.spans] == [("12345678", "HL7 ID"), ("YAMADA^TARO", "HL7 name")]
    assert store.styles("d") == ["hl7"]
    assert [r.id for r in store.reports("d", styles=["hl7"])] == ["a"]


def test_a_gold_edit_keeps_the_format_of_spans_left_in_place(store):
    store.add_reports("d", [_styled("a", "hl7")])
    store.save_gold(
        "d",
        "a",
        spans=[Span(start=7, end=15, category="PATIENT_ID"), Span(start=27, end=33, category="PATIENT_NAME")],
        expected_version=1,
        actor="alice",
    )
    spans = store.report("d", "a").spans
    assert [(s.text, s.format) for s in spans] == [("12345678", "HL7 ID"), ("YAMADA", None)]


def test_export_then_import_keeps_style_and_format(store, tmp_path):
    store.add_reports("d", [_styled("a", "hl7")])
    path = tmp_path / "out.jsonl"
    write_corpus(store.reports("d"), path, "jsonl")
    back = read_corpus(path, "jsonl", dataset="e").reports[0]
    assert back.style == "hl7" and [s.format for s in back.spans] == ["HL7 ID", "HL7 name"]


def test_the_workbench_filter_keeps_the_chosen_styles():
    reports = [_styled("a", "hl7"), _styled("b", "csv"), _styled("c", None)]
    assert [r.id for r in filter_reports(reports, ReportFilter(styles=("hl7",)))] == ["a"]
    assert [r.id for r in filter_reports(reports, ReportFilter())] == ["a", "b", "c"]


def test_deleting_a_dataset_removes_its_analysis_rows(store):
    import pandas as pd

    store.add_reports("d", [_styled("a", "hl7")])
    store.con.execute(
        "INSERT INTO runs (run_id, job_key, dataset, backend, model, phase) VALUES ('r', 'k', 'd', 'fake', 'm', '2')"
    )
    store.replace_scores(
        "r",
        [{"report_id": "a", "score": 50.0}],
        {
            "score_formats": pd.DataFrame(
                [("a", "HL7 ID", "PATIENT_ID", 1, 1, 8, 0, 8, 8)],
                columns=[
                    "report_id",
                    "format",
                    "category",
                    "support",
                    "found",
                    "gold_chars",
                    "leaked_chars",
                    "pred_chars",
                    "pred_chars_inside",
                ],
            )
        },
    )
    assert store.format_totals(["r"])["support"].tolist() == [1]
    store.delete_dataset("d")
    assert store.format_totals(["r"]).empty


def test_migration_004_keeps_reports_stored_before_it(tmp_path):
    import shutil

    import duckdb

    from phi_core.paths import MIGRATIONS_DIR
    from phi_core.store import Store
    from phi_core.store.database import migrate

    older = tmp_path / "older"
    older.mkdir()
    for path in MIGRATIONS_DIR.glob("00[123]_*.sql"):
        shutil.copy(path, older / path.name)
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    migrate(con, older)
    con.execute("INSERT INTO datasets (name) VALUES ('d')")
    con.execute(
        "INSERT INTO reports (dataset, report_id, text, split, status, ordinal) "
        "VALUES ('d', 'a', '氏名：山田太郎', 'dev', 'silver', 1)"
    )
    con.execute("INSERT INTO gold_spans VALUES ('d', 'a', 3, 7, 'PATIENT_NAME', '山田太郎')")
    con.close()
    with Store(db) as store:  # opening migrates to the newest version
        report = store.report("d", "a")
    assert report.style is None and [(s.text, s.format) for s in report.spans] == [("山田太郎", None)]
