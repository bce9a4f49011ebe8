"""The command line keeps PHI files owner-only, never overwrites unasked, refuses non-databases, encrypts."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from phi_core.cli.main import main
from phi_core.store.dbfile import is_encrypted

KEY = "cli-test-key-0123456789-abcdef"
NAME = "大塚陽子"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_error(code: int, err: str, *needles: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0 and len(lines) == 1, err
    assert "bug" not in err.lower()
    for needle in needles:
        assert needle in err, err


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv("PHI_DB_KEY", raising=False)
    monkeypatch.delenv("PHI_DB_KEY_FILE", raising=False)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "phi.duckdb"
    os.environ.pop("PHI_DB_KEY", None)
    os.environ.pop("PHI_DB_KEY_FILE", None)
    assert main(["init", "--db", str(path)]) == 0
    return path


@pytest.fixture
def db(seeded_db, tmp_path) -> str:
    path = tmp_path / "phi.duckdb"
    shutil.copyfile(seeded_db, path)
    return str(path)


def test_import_into_a_csv_given_as_database_is_refused_and_commits_nothing(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(
            {"id": "r1", "text": f"患者名：{NAME}", "spans": [{"start": 4, "end": 8, "category": "PATIENT_NAME"}]}
        )
        + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "some.csv"
    target.write_text("report_text,phi_items\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "--format", "jsonl", "--dataset", "d", "--db", str(target))
    one_line_error(code, err, "not a DuckDB database")
    assert "committed" not in out
    assert target.read_text(encoding="utf-8") == "report_text,phi_items\n"
    code, out, err = run(
        capsys, "import", str(source), "--format", "jsonl", "--dataset", "d", "--db", str(tmp_path / "new.csv")
    )
    one_line_error(code, err, "data file")
    assert not (tmp_path / "new.csv").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ("export", "gold", "--dataset", "synthetic", "--split", "dev"),
        ("export", "gold", "--dataset", "synthetic", "--format", "paper-csv"),
        ("export", "predictions", "--dataset", "synthetic", "--backend", "rules"),
        ("audit-export", "runs"),
        ("leak", "--dataset", "synthetic", "--csv"),
    ],
    ids=["gold-jsonl", "gold-csv", "predictions", "audit", "leak"],
)
def test_phi_outputs_are_owner_only_and_never_replaced_unasked(capsys, db, tmp_path, argv):
    out = tmp_path / "out.file"
    target = ["--out", str(out)] if argv[-1] != "--csv" else [str(out)]
    code, _, err = run(capsys, *argv, *target, "--db", db)
    assert code == 0, err
    assert mode(out) == 0o600 and out.stat().st_size > 0
    if argv[0] == "export" and argv[1] == "gold":
        assert NAME in out.read_text(encoding="utf-8")  # it is PHI: hence the mode
    out.write_text("kept", encoding="utf-8")
    code, _, err = run(capsys, *argv, *target, "--db", db)
    one_line_error(code, err, "already exists", "--force")
    assert out.read_text(encoding="utf-8") == "kept"
    os.chmod(out, 0o644)
    code, _, err = run(capsys, *argv, *target, "--force", "--db", db)
    assert code == 0, err
    assert out.read_text(encoding="utf-8") != "kept" and mode(out) == 0o600
    before = Path(db).read_bytes()
    code, _, err = run(capsys, *argv, *target[:-1], db, "--force", "--db", db)
    one_line_error(code, err, "is the input")
    assert Path(db).read_bytes() == before


def test_init_encrypt_backup_restore_decrypt(capsys, tmp_path, monkeypatch):
    path = tmp_path / "enc.duckdb"
    code, _, err = run(capsys, "init", "--encrypt", "--no-seed", "--db", str(path))
    one_line_error(code, err, "PHI_DB_KEY")
    assert not path.exists()
    monkeypatch.setenv("PHI_DB_KEY", KEY)
    code, _, err = run(capsys, "init", "--encrypt", "--db", str(path))
    assert code == 0, err
    assert is_encrypted(path) and NAME.encode() not in path.read_bytes() and mode(path) == 0o600
    code, out, err = run(capsys, "leaderboard", "--dataset", "synthetic", "--json", "--db", str(path))
    assert code == 0 and json.loads(out), err  # every command opens it transparently
    backup = tmp_path / "enc.backup"
    code, out, err = run(capsys, "backup", "--out", str(backup), "--db", str(path))
    assert code == 0 and json.loads(out)["encrypted"], err
    assert KEY not in out + err
    code, _, err = run(capsys, "restore", "--from", str(backup), "--db", str(path))
    one_line_error(code, err, "--force")
    code, out, err = run(capsys, "restore", "--from", str(backup), "--db", str(path), "--force")
    assert code == 0 and json.loads(out)["rows"] > 0, err
    monkeypatch.setenv("PHI_DB_KEY", "a-wrong-key-0123456789-zzz")
    code, _, err = run(capsys, "runs", "--db", str(path))
    one_line_error(code, err, "not the key")
    assert "a-wrong-key" not in err
    monkeypatch.setenv("PHI_DB_KEY", KEY)
    code, out, err = run(capsys, "decrypt", "--db", str(path))
    assert code == 0, err
    assert not is_encrypted(path) and NAME.encode() in path.read_bytes()
    code, _, err = run(capsys, "runs", "--db", str(path))
    one_line_error(code, err, "not encrypted", "encrypt")
    code, out, err = run(capsys, "encrypt", "--db", str(path))
    assert code == 0 and is_encrypted(path), err


def test_restore_of_a_file_that_is_no_backup(capsys, db, tmp_path):
    bogus = tmp_path / "bogus.backup"
    bogus.write_text("report_text,phi_items\n", encoding="utf-8")
    before = Path(db).read_bytes()
    code, _, err = run(capsys, "restore", "--from", str(bogus), "--db", db, "--force")
    one_line_error(code, err, "not a phi-bench backup")
    assert Path(db).read_bytes() == before
