import json

import pytest

from phi_core.models import Report, Span
from phi_core.store import Store
from phi_core.ui.transfer import TransferError, commit_import, export_bytes, export_filename, preview_import

TEXT = "患者名：𠮷田太郎"


def jsonl(*records):
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()


def test_preview_then_commit(tmp_path):
    data = jsonl(
        {
            "id": "a",
            "text": TEXT,
            "split": "dev",
            "status": "silver",
            "spans": [{"start": 4, "end": 8, "category": "PATIENT_NAME"}],
        }
    )
    preview = preview_import(data, "corpus.jsonl", "jsonl", " new ", None)
    assert preview.dataset == "new" and preview.result.summary.reports == 1
    assert ("reports", "1") in preview.summary_rows
    with Store(tmp_path / "t.duckdb") as store:
        assert not store.has_dataset("new")  # the preview wrote nothing
        assert commit_import(store, preview, actor="tester") == 1
        assert store.report("new", "a").spans[0].text == "𠮷田太郎"


@pytest.mark.parametrize(
    "data,fmt,name,message",
    [
        (b"{}", "jsonl", "", "name"),
        (b"{}", "xml", "d", "unknown format"),
        (b"\xff\xfe\x00", "jsonl", "d", "."),
    ],
)
def test_bad_uploads_get_a_plain_message(data, fmt, name, message):
    with pytest.raises(TransferError, match=message):
        preview_import(data, "f.jsonl", fmt, name, None)


def test_export_round_trips_through_the_importer():
    report = Report(id="a", text=TEXT, status="approved", spans=[Span(start=4, end=8, category="PATIENT_NAME")])
    for fmt in ("jsonl", "paper-csv"):
        data = export_bytes([report], fmt, actor="tester")
        back = preview_import(data, export_filename("d", None, fmt), fmt, "d", "dev").result.reports
        assert [(s.start, s.end, s.category) for s in back[0].spans] == [(4, 8, "PATIENT_NAME")]
    assert export_filename("d", "test", "paper-csv") == "d-test-gold.csv"
