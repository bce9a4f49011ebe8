"""The command line end to end on a temporary database."""

import json
import subprocess
import sys

import pytest

from phi_core.cli.main import main
from phi_core.analysis.leaderboard_records import RECORD_KEYS


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    assert main(["init", "--db", str(path)]) == 0
    capsys.readouterr()
    return str(path)


def run_json(capsys, argv):
    code = main(argv)
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def test_init_is_idempotent(capsys, tmp_path):
    path = str(tmp_path / "i.duckdb")
    _, first = run_json(capsys, ["init", "--db", path])
    _, second = run_json(capsys, ["init", "--db", path])
    assert first["reports_added"] == 160 and first["reference_rows_added"] > 0
    assert first["styles_reports_added"] >= 480
    assert first["blind_reports_added"] >= 80
    assert second["reports_added"] == second["styles_reports_added"] == second["blind_reports_added"] == 0
    assert second["reports"] == 160 + first["styles_reports_added"] + first["blind_reports_added"]


def test_no_seed_creates_an_empty_database(capsys, tmp_path):
    _, out = run_json(capsys, ["init", "--db", str(tmp_path / "e.duckdb"), "--no-seed"])
    assert out["reports"] == 0


def test_run_then_rerun_resumes_with_no_new_work(capsys, db):
    code, first = run_json(
        capsys, ["run", "--backend", "rules", "--dataset", "synthetic", "--split", "dev", "--json", "--db", db]
    )
    assert code == 0
    assert first["tasks_total"] == 100 and first["tasks_done"] == 100 and first["score"] > 85
    _, again = run_json(
        capsys, ["run", "--backend", "rules", "--dataset", "synthetic", "--split", "dev", "--json", "--db", db]
    )
    assert again["run_id"] == first["run_id"] and again["cached"] == 100 and again["backend_calls"] == 0


def test_leaderboard_has_the_documented_keys(capsys, db):
    _, run = run_json(
        capsys, ["run", "--backend", "rules", "--dataset", "synthetic", "--split", "test", "--json", "--db", db]
    )
    _, rows = run_json(capsys, ["leaderboard", "--dataset", "synthetic", "--split", "test", "--json", "--db", db])
    assert len(rows) == 1
    assert list(rows[0]) == list(RECORD_KEYS)
    # One computation: the run's own summary carries the leaderboard's score and interval exactly.
    assert rows[0]["run_id"] == run["run_id"]
    for key in ("n_reports", "score", "score_ci", "strict_f1", "relaxed_f1", "char_leak_rate", "sec_per_report"):
        assert run[key] == rows[0][key], key
    row = rows[0]
    assert (row["backend"], row["n_reports"]) == ("rules", 60)
    lo, hi = row["score_ci"]
    assert lo <= row["score"] <= hi
    assert 0 <= row["recall"] <= 20 and 0 <= row["precision"] <= 15
    _, other_split = run_json(capsys, ["leaderboard", "--dataset", "synthetic", "--split", "dev", "--json", "--db", db])
    assert other_split == []


def test_gold_scored_against_itself_is_perfect(capsys, db, tmp_path):
    gold = tmp_path / "gold.jsonl"
    run_json(capsys, ["export", "gold", "--dataset", "synthetic", "--split", "test", "--out", str(gold), "--db", db])
    code, row = run_json(capsys, ["score", "--gold", str(gold), "--pred", str(gold), "--json"])
    assert code == 0
    assert row["n_reports"] == 60 and row["score"] == pytest.approx(100.0)
    # A value inside a longer gold value (a surname in a full name) is masked there
    # too, which the strict count sees as an inexact span.
    assert row["strict_f1"] > 0.99 and row["relaxed_f1"] == pytest.approx(1.0)
    assert row["char_leak_rate"] == 0


def test_predictions_export_round_trips_through_score(capsys, db, tmp_path):
    run_json(capsys, ["run", "--backend", "rules", "--dataset", "synthetic", "--split", "dev", "--json", "--db", db])
    preds, gold = tmp_path / "p.jsonl", tmp_path / "g.jsonl"
    run_json(
        capsys,
        [
            "export",
            "predictions",
            "--dataset",
            "synthetic",
            "--split",
            "dev",
            "--backend",
            "rules",
            "--out",
            str(preds),
            "--db",
            db,
        ],
    )
    run_json(capsys, ["export", "gold", "--dataset", "synthetic", "--split", "dev", "--out", str(gold), "--db", db])
    first = json.loads(preds.read_text(encoding="utf-8").splitlines()[0])
    assert first["items"] and all(s["text"] == first["text"][s["start"] : s["end"]] for s in first["spans"])
    _, row = run_json(capsys, ["score", "--gold", str(gold), "--pred", str(preds), "--json"])
    assert 85 < row["score"] < 100


def test_import_prints_summary_and_refuses_a_second_import(capsys, db, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {
                "id": "a",
                "text": "氏名：𠮷田太郎",
                "spans": [{"start": 3, "end": 7, "category": "患者氏名", "text": "𠮷田太郎"}],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    code, summary = run_json(capsys, ["import", str(src), "--format", "jsonl", "--dataset", "mine", "--db", db])
    assert code == 0 and summary["reports"] == 1 and summary["spans"] == 1 and summary["committed"]
    code = main(["import", str(src), "--format", "jsonl", "--dataset", "mine", "--db", db])
    err = capsys.readouterr().err
    assert code == 2 and "already has" in err and "Traceback" not in err


def test_broken_file_writes_nothing(capsys, db, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\n{not json\n', encoding="utf-8")
    code = main(["import", str(bad), "--format", "jsonl", "--dataset", "broken", "--db", db])
    err = capsys.readouterr().err
    assert code == 2 and "line 2" in err
    _, rows = run_json(capsys, ["leaderboard", "--dataset", "synthetic", "--json", "--db", db])
    code = main(["leaderboard", "--dataset", "broken", "--json", "--db", db])
    assert code == 2 and "no dataset" in capsys.readouterr().err


def test_user_mistakes_get_one_line_and_no_traceback(tmp_path):
    missing = tmp_path / "nope.csv"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "phi_core",
            "import",
            str(missing),
            "--format",
            "paper-csv",
            "--dataset",
            "x",
            "--db",
            str(tmp_path / "m.duckdb"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "nope.csv" in proc.stderr


def test_locked_database_is_explained(tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        proc = subprocess.run(
            [sys.executable, "-m", "phi_core", "init", "--db", str(path)], capture_output=True, text=True
        )
        assert proc.returncode == 2 and "in use by" in proc.stderr and "Traceback" not in proc.stderr
    finally:
        holder.kill()
        holder.wait()


def test_llm_run_summary_counts_calls_and_cache(capsys, db, monkeypatch):
    from phi_core.backends.base import BACKENDS

    from tests.doubles.scripted_backend import ScriptedLLM

    monkeypatch.setitem(BACKENDS, "scripted", ScriptedLLM)
    ScriptedLLM.calls, ScriptedLLM.die_after, ScriptedLLM.reachable = 0, None, True
    argv = [
        "run",
        "--backend",
        "scripted",
        "--model",
        ScriptedLLM.MODEL,
        "--phase",
        "2",
        "--dataset",
        "synthetic",
        "--split",
        "dev",
        "--limit",
        "3",
        "--json",
        "--db",
        db,
    ]
    _, first = run_json(capsys, argv)
    assert {k: first[k] for k in ("tasks_total", "tasks_done", "backend_calls", "cached")} == {
        "tasks_total": 3,
        "tasks_done": 3,
        "backend_calls": 3,
        "cached": 0,
    }
    _, again = run_json(capsys, argv)
    assert again["run_id"] == first["run_id"] and again["backend_calls"] == 0 and again["cached"] == 3


def test_models_and_phases_commands(capsys, db, monkeypatch):
    from phi_core.backends.base import BACKENDS

    from tests.doubles.scripted_backend import ScriptedLLM

    monkeypatch.setitem(BACKENDS, "scripted", ScriptedLLM)
    ScriptedLLM.reachable = True
    code, hosts = run_json(capsys, ["models", "--backend", "scripted", "--host", "http://h1:11434"])
    assert code == 0 and hosts[0]["models"][0]["quantization"] == "Q4_K_M"
    _, phases = run_json(capsys, ["phases", "--db", db])
    assert [p["number"] for p in phases][:5] == [1, 2, 3, 4, 5]
    assert all(len(p["hash"]) == 64 for p in phases)
