"""Expected faults end with one plain line, a non-zero exit and no "bug" wording; real bugs keep it."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from phi_core.cli import main as cli_main
from phi_core.cli.main import expected_fault, main
from phi_core.store import Store
from phi_core.store.database import explain_io_error

ROOT = Path(__file__).resolve().parents[2]


def run_cli(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


def assert_plain(code: int, err: str, *needles: str) -> None:
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "bug" not in err.lower() and "Traceback" not in err
    for needle in needles:
        assert needle in err, err


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "phi.duckdb"
    with Store(path):
        pass
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["leaderboard", "--dataset", "d"],
        ["runs"],
        ["phases"],
        ["threshold", "--dataset", "d"],
        ["export", "gold", "--dataset", "d", "--out", "x.jsonl"],
    ],
)
def test_read_commands_refuse_a_missing_database_and_create_nothing(capsys, tmp_path, command):
    target = tmp_path / "no-such-folder" / "phi.duckdb"
    code, err = run_cli(capsys, *command, "--db", str(target))
    assert_plain(code, err, "there is no database", "init --db")
    assert not target.parent.exists()
    code, err = run_cli(capsys, *command, "--db", str(tmp_path / "missing.duckdb"))
    assert_plain(code, err, "there is no database")
    assert not (tmp_path / "missing.duckdb").exists()


def test_import_into_a_folder_that_does_not_exist_is_refused(capsys, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    code, err = run_cli(
        capsys,
        "import",
        str(corpus),
        "--format",
        "jsonl",
        "--dataset",
        "d",
        "--db",
        str(tmp_path / "nope" / "phi.duckdb"),
    )
    assert_plain(code, err, "does not exist")
    assert not (tmp_path / "nope").exists()


def test_a_damaged_database(capsys, tmp_path):
    path = tmp_path / "bad.duckdb"
    path.write_bytes(b"\x00garbage" * 4000)
    code, err = run_cli(capsys, "leaderboard", "--dataset", "d", "--db", str(path))
    assert_plain(code, err, "damaged", "backup")


def test_an_unknown_phase(capsys, db):
    code, err = run_cli(
        capsys, "run", "--backend", "ollama", "--model", "m", "--phase", "9", "--dataset", "d", "--db", str(db)
    )
    assert_plain(code, err, "no phase 9")


def test_a_lone_surrogate_and_a_numeric_span_text_in_a_file(capsys, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "abc \\udc00"}\n', encoding="utf-8")
    code, err = run_cli(capsys, "import", str(bad), "--format", "jsonl", "--dataset", "d", "--dry-run")
    assert_plain(code, err, "lone surrogate")
    good = tmp_path / "n.jsonl"
    good.write_text(
        json.dumps({"id": "a", "text": "年齢 45 歳", "spans": [{"start": 3, "end": 5, "category": "AGE", "text": 45}]})
        + "\n",
        encoding="utf-8",
    )
    assert main(["import", str(good), "--format", "jsonl", "--dataset", "d", "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["spans"] == 1


@pytest.mark.parametrize(
    "exc, needle",
    [
        (OSError(errno.ENOSPC, "No space left on device", "/data/phi.duckdb"), "disk is full"),
        (OSError(errno.EROFS, "Read-only file system", "/ro/phi.duckdb"), "read-only"),
        (PermissionError(errno.EACCES, "Permission denied", "/ro/out.png"), "permission denied"),
        (duckdb.IOException('IO Error: Could not write file "x": No space left on device'), "full"),
        (duckdb.IOException("IO Error: Cannot open file x: Permission denied"), "read-only"),
        (duckdb.FatalException("FATAL Error: database has been invalidated"), "write failed"),
    ],
)
def test_disk_and_permission_faults_become_plain_lines(capsys, monkeypatch, db, exc, needle):
    assert needle in expected_fault(exc)

    def broken(args):
        raise exc

    monkeypatch.setitem(
        cli_main.COMMANDS,
        "phases",
        cli_main.COMMANDS["phases"].__class__("phases", "", cli_main.COMMANDS["phases"].configure, broken),
    )
    code, err = run_cli(capsys, "phases", "--db", str(db))
    assert_plain(code, err, needle)


def test_a_real_bug_still_says_so(capsys, monkeypatch, db):
    def broken(args):
        raise KeyError("oops")

    monkeypatch.setitem(
        cli_main.COMMANDS,
        "phases",
        cli_main.COMMANDS["phases"].__class__("phases", "", cli_main.COMMANDS["phases"].configure, broken),
    )
    code, err = run_cli(capsys, "phases", "--db", str(db))
    assert code != 0 and "This is a bug" in err


def test_explain_io_error_for_a_damaged_file():
    assert "damaged" in explain_io_error(
        'IO Error: The file "x" exists, but it is not a valid DuckDB database file!', "x"
    )


HOLD = """
import sys, time
from phi_core.store.database import set_process_kind
set_process_kind(sys.argv[2])
from phi_core.store import Store
store = Store(sys.argv[1])
print("holding", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("kind, needle", [("app", "the phi-bench app"), ("command-line `run`", "command-line `run`")])
def test_the_lock_message_names_the_holder(tmp_path, db, kind, needle):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), kind], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        done = subprocess.run(
            [sys.executable, "-m", "phi_core", "leaderboard", "--dataset", "d", "--db", str(db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert done.returncode != 0
    assert needle in done.stderr and f"process {holder.pid}" in done.stderr, done.stderr
    assert "bug" not in done.stderr.lower()


def _gold_and_pred(tmp_path, pred_ids):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"r{i}",
                    "text": "山田太郎",
                    "status": "approved",
                    "spans": [{"start": 0, "end": 4, "category": "PATIENT_NAME"}],
                },
                ensure_ascii=False,
            )
            + "\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "".join(
            json.dumps({"id": i, "items": [{"category": "NAME", "value": "山田太郎"}]}, ensure_ascii=False) + "\n"
            for i in pred_ids
        ),
        encoding="utf-8",
    )
    return str(gold), str(pred)


def test_score_refuses_files_with_no_report_in_common(capsys, tmp_path):
    gold, pred = _gold_and_pred(tmp_path, ["x1", "x2"])
    code, err = run_cli(capsys, "score", "--gold", gold, "--pred", pred)
    assert_plain(code, err, "no report id in common")


def test_score_warns_with_the_count_of_missing_predictions(capsys, tmp_path):
    gold, pred = _gold_and_pred(tmp_path, ["r0", "r1"])
    assert main(["score", "--gold", gold, "--pred", pred]) == 0
    captured = capsys.readouterr()
    assert "1 of 3 gold reports have no prediction" in captured.err
    assert json.loads(captured.out)["reports_without_predictions"] == ["r2"]


def test_score_names_a_prediction_file_that_is_not_utf8(capsys, tmp_path):
    gold, _ = _gold_and_pred(tmp_path, ["r0"])
    pred = tmp_path / "sjis.jsonl"
    pred.write_bytes('{"id": "r0", "items": [{"category": "NAME", "value": "山田太郎"}]}\n'.encode("cp932"))
    code, err = run_cli(capsys, "score", "--gold", gold, "--pred", str(pred))
    assert_plain(code, err, "not UTF-8")
