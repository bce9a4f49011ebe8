import pytest

from phi_core.store import DatabaseLocked, Store
from phi_core.store.database import connect, migrate


def test_migrations_are_idempotent(tmp_path):
    con = connect(tmp_path / "m.duckdb")
    first = migrate(con)
    assert first and migrate(con) == []


def test_second_writer_process_gets_a_plain_message(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(DatabaseLocked) as info:
            Store(path)
        assert "in use by" in str(info.value) and "--db" in str(info.value)
    finally:
        holder.kill()
        holder.wait()
