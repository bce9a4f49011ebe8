"""PHI at rest: what a database path may hold, encryption, key files, file modes, backup and restore."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from phi_core.files import OutputExists
from phi_core.first_start import seed_builtin_corpus
from phi_core.store import DatabaseLocked, Store, StoreError
from phi_core.store.database import connect, lock_info_path
from phi_core.store.dbfile import is_encrypted, wal_path
from phi_core.store.errors import NotADatabase
from phi_core.store.keys import DatabaseKeyError
from phi_core.store.maintenance import backup_database, convert_database, restore_database

ROOT = Path(__file__).resolve().parents[2]
KEY = "test-key-0123456789-abcdefghij"
# From the built-in corpus's first report (data/corpus/synthetic.jsonl, syn-dev-001).
KNOWN_PHI = ("大塚陽子", "ID-6055625", "078-105-6159")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def plain_phi_in(path: Path) -> list[str]:
    data = path.read_bytes()
    return [value for value in KNOWN_PHI if value.encode("utf-8") in data]


@pytest.fixture
def no_key(monkeypatch):
    monkeypatch.delenv("PHI_DB_KEY", raising=False)
    monkeypatch.delenv("PHI_DB_KEY_FILE", raising=False)


@pytest.fixture
def key(monkeypatch, no_key):
    monkeypatch.setenv("PHI_DB_KEY", KEY)
    return KEY


def seeded(path: Path) -> Path:
    with Store(path) as store:
        seed_builtin_corpus(store)
    return path


def report_count(path: Path) -> int:
    with Store(path, read_only=True) as store:
        return store._rows("SELECT count(*) FROM reports")[0][0]


# --- what a database path may hold ---------------------------------------------------------


@pytest.mark.parametrize("content", [b"report_text,phi_items\n", b"", b"\x00garbage" * 600])
def test_a_file_that_is_not_a_duckdb_database_is_refused_and_left_as_it_was(tmp_path, no_key, content):
    path = tmp_path / "some.csv"
    path.write_bytes(content)
    with pytest.raises(NotADatabase) as info:
        Store(path)
    assert "not a DuckDB database" in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == content


def test_a_new_database_named_like_a_data_file_is_refused(tmp_path, no_key):
    with pytest.raises(NotADatabase, match="data file"):
        Store(tmp_path / "export.csv")
    assert not (tmp_path / "export.csv").exists()


def test_every_write_lands_in_the_file(tmp_path, no_key):
    path = seeded(tmp_path / "phi.duckdb")
    assert report_count(path) == 160


# --- file modes ----------------------------------------------------------------------------


def test_the_database_its_log_and_its_note_are_owner_only(tmp_path, no_key):
    path = tmp_path / "phi.duckdb"
    with Store(path) as store:
        seed_builtin_corpus(store)
        store._rows("SET checkpoint_threshold = '1GB'")
        store.con.execute("CREATE TABLE scratch AS SELECT 'x' AS v")
        assert wal_path(path).exists()
        assert mode(wal_path(path)) == 0o600
        assert mode(lock_info_path(path)) == 0o600
    assert mode(path) == 0o600


def test_an_older_world_readable_database_is_narrowed_when_opened(tmp_path, no_key):
    path = seeded(tmp_path / "phi.duckdb")
    os.chmod(path, 0o644)
    with Store(path):
        pass
    assert mode(path) == 0o600


# --- encryption ----------------------------------------------------------------------------


def test_plain_database_shows_phi_to_grep_so_the_encryption_test_means_something(tmp_path, no_key):
    assert plain_phi_in(seeded(tmp_path / "plain.duckdb")) == list(KNOWN_PHI)


def test_encrypted_database_round_trips_and_holds_no_plain_phi(tmp_path, key):
    path = tmp_path / "enc.duckdb"
    with Store(path) as store:
        seed_builtin_corpus(store)
        store._rows("SET checkpoint_threshold = '1GB'")
        store.con.execute("CREATE TABLE scratch AS SELECT '大塚陽子 ID-6055625 078-105-6159' AS v")
        assert plain_phi_in(wal_path(path)) == []  # the write-ahead log is encrypted too
    assert is_encrypted(path)
    assert plain_phi_in(path) == []
    assert report_count(path) == 160


def test_wrong_or_missing_key_gives_one_plain_line_without_the_key(tmp_path, key, monkeypatch):
    path = seeded(tmp_path / "enc.duckdb")
    monkeypatch.setenv("PHI_DB_KEY", "another-key-0123456789-xyz")
    with pytest.raises(DatabaseKeyError) as wrong:
        Store(path)
    assert "not the key" in str(wrong.value) and "another-key" not in str(wrong.value)
    monkeypatch.delenv("PHI_DB_KEY")
    with pytest.raises(DatabaseKeyError, match="is encrypted"):
        Store(path)


def test_a_key_set_for_a_plain_database_is_refused_rather_than_ignored(tmp_path, no_key, monkeypatch):
    path = seeded(tmp_path / "plain.duckdb")
    monkeypatch.setenv("PHI_DB_KEY", KEY)
    with pytest.raises(DatabaseKeyError, match="not encrypted"):
        Store(path)


def test_a_short_key_is_refused(tmp_path, no_key, monkeypatch):
    monkeypatch.setenv("PHI_DB_KEY", "short")
    with pytest.raises(DatabaseKeyError, match="shorter than"):
        Store(tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def test_key_file_must_be_owner_only(tmp_path, no_key, monkeypatch):
    key_file = tmp_path / "db.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    os.chmod(key_file, 0o644)
    monkeypatch.setenv("PHI_DB_KEY_FILE", str(key_file))
    with pytest.raises(DatabaseKeyError, match="chmod 600"):
        Store(tmp_path / "x.duckdb")
    os.chmod(key_file, 0o600)
    path = seeded(tmp_path / "x.duckdb")
    assert is_encrypted(path)
    monkeypatch.delenv("PHI_DB_KEY_FILE")
    monkeypatch.setenv("PHI_DB_KEY", KEY)  # the file's trailing newline is not part of the key
    assert report_count(path) == 160


AUDIT_ROW = "INSERT INTO gold_audit (dataset, report_id, actor, action) VALUES ('d', 'r', 'a', 'x') RETURNING audit_id"


def test_encrypt_then_decrypt_in_place(tmp_path, no_key, monkeypatch):
    path = seeded(tmp_path / "phi.duckdb")
    with Store(path) as store:
        first = store.con.execute(AUDIT_ROW).fetchone()[0]
    with pytest.raises(DatabaseKeyError, match="needs the key"):
        convert_database(path, encrypt=True)
    monkeypatch.setenv("PHI_DB_KEY", KEY)
    done = convert_database(path, encrypt=True)
    assert done["encrypted"] and done["rows"] > 160
    assert is_encrypted(path) and plain_phi_in(path) == [] and mode(path) == 0o600
    assert report_count(path) == 160
    with Store(path) as store:  # the converted file takes writes: the sequence went along
        assert store.con.execute(AUDIT_ROW).fetchone()[0] > first
    convert_database(path, encrypt=False)
    assert not is_encrypted(path)
    monkeypatch.delenv("PHI_DB_KEY")
    assert report_count(path) == 160


# --- backup and restore --------------------------------------------------------------------


def test_backup_and_restore_of_an_encrypted_database(tmp_path, key):
    path = seeded(tmp_path / "phi.duckdb")
    out = tmp_path / "phi.backup"
    summary = backup_database(path, out)
    assert summary["encrypted"] and is_encrypted(out) and plain_phi_in(out) == [] and mode(out) == 0o600
    with pytest.raises(OutputExists):
        backup_database(path, out)
    with pytest.raises(ValueError, match="is the input"):
        backup_database(path, path, force=True)
    fresh = tmp_path / "restored.duckdb"
    restored = restore_database(out, fresh)
    assert restored["encrypted"] and report_count(fresh) == 160
    with pytest.raises(StoreError, match="--force"):
        restore_database(out, fresh)
    restore_database(out, fresh, force=True)
    assert report_count(fresh) == 160


def test_restore_refuses_what_does_not_open(tmp_path, key, monkeypatch):
    path = seeded(tmp_path / "phi.duckdb")
    garbage = tmp_path / "garbage.backup"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(NotADatabase):
        restore_database(garbage, path, force=True)
    out = tmp_path / "b.backup"
    backup_database(path, out)
    monkeypatch.setenv("PHI_DB_KEY", "another-key-0123456789-xyz")
    with pytest.raises(DatabaseKeyError, match="cannot be opened"):
        restore_database(out, tmp_path / "new.duckdb")
    assert not (tmp_path / "new.duckdb").exists()
    monkeypatch.setenv("PHI_DB_KEY", KEY)
    assert report_count(path) == 160  # the database itself was never touched


def test_restore_drops_the_log_of_the_database_it_replaces(tmp_path, no_key):
    path = seeded(tmp_path / "phi.duckdb")
    out = tmp_path / "b.backup"
    backup_database(path, out)
    wal_path(path).write_bytes(b"stale log of the old database")
    restore_database(out, path, force=True)
    assert not wal_path(path).exists() and report_count(path) == 160


HOLDER = """
import sys, time
from phi_core.store import Store
from phi_core.store.database import set_process_kind
set_process_kind("app")
store = Store(sys.argv[1])
store.con.execute("CREATE TABLE IF NOT EXISTS held (v VARCHAR)")
store.con.execute("INSERT INTO held VALUES ('written by the holder')")
print("ok", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(tmp_path, key):
    path = seeded(tmp_path / "phi.duckdb")
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=os.environ.copy()
    )
    try:
        assert process.stdout.readline().strip() == "ok"
        yield path
    finally:
        process.kill()
        process.wait()


def test_backup_while_another_process_holds_the_database_goes_through_it(holder, tmp_path):
    with pytest.raises(DatabaseLocked):
        Store(holder)  # nobody else can open it, not even to read
    note = json.loads(lock_info_path(holder).read_text(encoding="utf-8"))
    assert note["kind"] == "app" and note["backup_socket"]
    out = tmp_path / "held.backup"
    summary = backup_database(holder, out)
    assert "holds the database" in summary["made_by"] and summary["encrypted"]
    assert is_encrypted(out) and plain_phi_in(out) == [] and mode(out) == 0o600
    copy = tmp_path / "copy.duckdb"
    restore_database(out, copy)
    with Store(copy, read_only=True) as store:
        assert store._rows("SELECT v FROM held") == [("written by the holder",)]
        assert store._rows("SELECT count(*) FROM reports")[0][0] == 160
    with pytest.raises(OutputExists):
        backup_database(holder, out)
    with pytest.raises(DatabaseLocked, match="in use by the phi-bench app"):
        restore_database(out, holder, force=True)


def test_backup_refuses_a_holder_that_takes_no_requests(tmp_path, no_key):
    path = seeded(tmp_path / "phi.duckdb")
    code = f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(30)"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ok"
        with pytest.raises(DatabaseLocked, match="no backup requests"):
            backup_database(path, tmp_path / "b.backup")
    finally:
        process.kill()
        process.wait()
    assert not (tmp_path / "b.backup").exists()


def test_connect_in_memory_still_works(no_key):
    con = connect(":memory:")
    assert con.execute("SELECT 1").fetchone() == (1,)


def test_a_key_with_quotes_and_spaces_works_and_is_not_sql(tmp_path, no_key, monkeypatch):
    monkeypatch.setenv("PHI_DB_KEY", "it's a key'); DROP TABLE reports; --")
    path = seeded(tmp_path / "q.duckdb")
    assert is_encrypted(path) and report_count(path) == 160


WRITING_HOLDER = """
import sys
from phi_core.store import Store
store = Store(sys.argv[1])
store.con.execute("CREATE TABLE pairs_a (i INTEGER); CREATE TABLE pairs_b (i INTEGER)")
print("ok", flush=True)
i = 0
while True:
    i += 1
    with store.transaction():
        store.con.execute("INSERT INTO pairs_a VALUES (?)", [i])
        store.con.execute("INSERT INTO pairs_b VALUES (?)", [i])
"""


def test_backup_while_the_holder_keeps_writing_is_one_consistent_snapshot(tmp_path, key):
    path = seeded(tmp_path / "phi.duckdb")
    process = subprocess.Popen(
        [sys.executable, "-c", WRITING_HOLDER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert process.stdout.readline().strip() == "ok"
        outs = [tmp_path / f"b{n}.backup" for n in range(3)]
        for out in outs:
            backup_database(path, out)
        assert process.poll() is None  # the holder went on working throughout
    finally:
        process.kill()
        process.wait()
    counts = []
    for n, out in enumerate(outs):
        copy = tmp_path / f"copy{n}.duckdb"
        restore_database(out, copy)
        with Store(copy, read_only=True) as store:
            a, b = store._rows("SELECT (SELECT count(*) FROM pairs_a), (SELECT count(*) FROM pairs_b)")[0]
        assert a == b  # never half a transaction
        counts.append(a)
    assert counts == sorted(counts) and counts[-1] > 0
