"""import --annotator into layers, then agreement --json and audit-export."""

import json

from phi_core.cli.main import main
from phi_core.corpus.jsonl import write_jsonl
from phi_core.models import Report, Span
from phi_core.store import Store

TEXT = "氏名 山田太郎 電話 03-1234-5678 です"
NAME = Span(start=3, end=7, category="PATIENT_NAME", text="山田太郎")
PHONE = Span(start=11, end=23, category="PHONE", text="03-1234-5678")
PHONE_SHORT = Span(start=11, end=22, category="PHONE", text="03-1234-567")


def _file(tmp_path, name, spans_of):
    path = tmp_path / name
    write_jsonl([Report(id=f"r{i}", text=TEXT, spans=spans_of(i)) for i in range(4)], path)
    return str(path)


def test_layers_imported_by_annotator_give_agreement_json(tmp_path, capsys):
    db = str(tmp_path / "c.duckdb")
    base = _file(tmp_path, "base.jsonl", lambda i: [])
    ann = _file(tmp_path, "ann.jsonl", lambda i: [NAME, PHONE])
    bob = _file(tmp_path, "bob.jsonl", lambda i: [NAME, PHONE_SHORT if i == 0 else PHONE])
    assert main(["import", base, "--format", "jsonl", "--dataset", "d", "--db", db]) == 0
    assert main(["import", ann, "--format", "jsonl", "--dataset", "d", "--annotator", "ann", "--db", db]) == 0
    assert main(["import", bob, "--format", "jsonl", "--dataset", "d", "--annotator", "bob", "--db", db]) == 0
    capsys.readouterr()
    assert main(["agreement", "--dataset", "d", "--json", "--boot", "100", "--db", db]) == 0
    out = json.loads(capsys.readouterr().out)
    for block in (out["overall"], *out["by_category"].values()):
        assert {"exact_f1", "overlap_f1", "kappa", "alpha", "n_reports"} <= set(block)
    assert out["overall"]["n_reports"] == 4
    # 8 spans each side, 7 identical: 2*7/16.
    assert abs(out["overall"]["exact_f1"] - 14 / 16) < 1e-9
    assert out["by_category"]["PATIENT_NAME"]["exact_f1"] == 1.0
    with Store(db) as store:
        # ann's layer was the only one when imported, so it became the gold; bob's second layer does not
        # overwrite it: from now on the gold changes only by adjudication.
        assert store.report("d", "r0").spans == [NAME, PHONE]
        assert store.audit_log("d", "r0").iloc[0]["action"] == "from layer ann"
    assert main(["audit-export", "labels", "--dataset", "d", "--out", str(tmp_path / "a.csv"), "--db", db]) == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").count(",import,") == 8


def test_import_into_a_layer_of_unknown_reports_fails_plainly(tmp_path, capsys):
    db = str(tmp_path / "c.duckdb")
    ann = _file(tmp_path, "ann.jsonl", lambda i: [NAME])
    assert main(["import", ann, "--format", "jsonl", "--dataset", "d", "--annotator", "ann", "--db", db]) == 2
    assert "import the reports themselves first" in capsys.readouterr().err
