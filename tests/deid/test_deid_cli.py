import csv
import json

from phi_core.cli.main import main
from phi_core.store import Store

DOCS = [
    {"id": "a", "text": "患者名：山田太郎\n電話：03-1234-5678", "pid": "P1"},
    {"id": "b", "text": "患者名：山田太郎\n検査日：2024年8月6日", "pid": "P1"},
]


def _write(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    return source


def _counts(db):
    with Store(db) as store:
        return store._rows(
            "SELECT (SELECT count(*) FROM datasets), (SELECT count(*) FROM reports), (SELECT count(*) FROM runs)"
        )[0]


def test_rules_deid_touches_no_database(tmp_path):
    db = tmp_path / "x.duckdb"
    out = tmp_path / "out.jsonl"
    code = main(
        [
            "deid",
            "--pipeline",
            "rules",
            "--in",
            str(_write(tmp_path)),
            "--mode",
            "tags",
            "--out",
            str(out),
            "--db",
            str(db),
        ]
    )
    assert code == 0
    assert not db.exists()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert set(rows[0]) == {"id", "text"}  # the patient key and other fields stay behind
    assert "山田" not in out.read_text(encoding="utf-8")


def test_stored_pipeline_job_stores_nothing_unless_asked(tmp_path):
    db = tmp_path / "x.duckdb"
    assert main(["init", "--no-seed", "--db", str(db)]) == 0
    assert main(["pipeline", "add", "r", "--part", "rules", "--db", str(db)]) == 0
    before = _counts(db)
    out, mapping, key = tmp_path / "out.jsonl", tmp_path / "map.csv", tmp_path / "deid.key"
    assert main(["deid-key", "new", "--out", str(key)]) == 0
    assert (
        main(
            [
                "deid",
                "--key",
                str(key),
                "--pipeline",
                "r",
                "--in",
                str(_write(tmp_path)),
                "--mode",
                "surrogate",
                "--out",
                str(out),
                "--mapping",
                str(mapping),
                "--patient-key",
                "pid",
                "--db",
                str(db),
            ]
        )
        == 0
    )
    assert _counts(db) == before
    pairs = list(csv.DictReader(mapping.open(encoding="utf-8")))
    names = {p["replacement"] for p in pairs if p["original"] == "山田太郎"}
    assert len(names) == 1 and "山田太郎" not in names  # one patient, one surrogate
    assert "山田太郎" not in out.read_text(encoding="utf-8")
    assert (
        main(
            [
                "deid",
                "--pipeline",
                "r",
                "--in",
                str(_write(tmp_path)),
                "--mode",
                "redact",
                "--out",
                str(out),
                "--keep-dataset",
                "kept",
                "--force",
                "--db",
                str(db),
            ]
        )
        == 0
    )
    with Store(db) as store:
        kept = store.reports("kept")
    assert [r.id for r in kept] == ["a", "b"] and kept[0].text == DOCS[0]["text"]
    assert {s.category for s in kept[0].spans} >= {"PATIENT_NAME"}


def test_mapping_and_output_must_differ(tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    code = main(
        [
            "deid",
            "--pipeline",
            "rules",
            "--in",
            str(_write(tmp_path)),
            "--mode",
            "tags",
            "--out",
            str(out),
            "--mapping",
            str(out),
        ]
    )
    assert code == 2 and "same file" in capsys.readouterr().err


def test_paper_csv_keeps_its_layout(tmp_path):
    from phi_core.corpus.importers.paper_csv import decode_report_text, encode_report_text

    source = tmp_path / "p.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["report_text", "phi_items"])
        for d in DOCS:
            writer.writerow(
                [
                    encode_report_text(d["text"]),
                    json.dumps([{"type": "患者氏名", "value": "山田太郎"}], ensure_ascii=False),
                ]
            )
    out = tmp_path / "o.csv"
    assert (
        main(
            [
                "deid",
                "--pipeline",
                "rules",
                "--in",
                str(source),
                "--format",
                "paper-csv",
                "--mode",
                "redact",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["report_text"]
    texts = [decode_report_text(r["report_text"]) for r in rows]
    assert [len(t) for t in texts] == [len(d["text"]) for d in DOCS]
    assert "山田" not in "".join(texts)
