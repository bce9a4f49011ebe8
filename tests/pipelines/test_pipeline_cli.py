import json

from phi_core.cli.main import main
from phi_core.models import Report, Span
from phi_core.store import Store


def test_add_list_score_and_delete(tmp_path, capsys):
    db = str(tmp_path / "c.duckdb")
    text = "氏名 山田太郎 電話 03-1234-5678"
    with Store(db) as store:
        store.add_reports(
            "d", [Report(id="r1", text=text, status="approved", spans=[Span(start=3, end=7, category="PATIENT_NAME")])]
        )
    assert main(["run", "--backend", "rules", "--dataset", "d", "--db", db]) == 0
    capsys.readouterr()
    assert main(["pipeline", "add", "r+", "--part", "rules", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["parts"] == ["rules"]
    assert main(["pipeline", "add", "r+", "--part", "rules", "--db", db]) == 2
    assert "already a pipeline" in capsys.readouterr().err
    assert main(["pipeline", "add", "bad", "--part", "ollama:x", "--db", db]) == 2
    assert "BACKEND:MODEL:PHASE" in capsys.readouterr().err
    assert main(["pipeline", "list", "--db", db]) == 0
    assert [p["name"] for p in json.loads(capsys.readouterr().out)] == ["r+"]
    assert main(["pipeline", "score", "r+", "--dataset", "d", "--db", db]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert scored["reports"] == 1 and scored["score"] > 0
    assert main(["leak", "--dataset", "d", "--db", db]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    assert {r["label"] for r in runs} == {"rules", "pipeline:r+"}
    assert main(["pipeline", "delete", "r+", "--db", db]) == 0
    assert main(["pipeline", "score", "r+", "--dataset", "d", "--db", db]) == 2
    assert "no pipeline called" in capsys.readouterr().err
