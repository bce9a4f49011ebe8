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
        with pytest.raises(DatabaseLocked) as info:
            Store(path)
        assert "in use by" in str(info.value) and "--db" in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_the_writer_leaves_a_note_naming_itself_and_removes_it_at_exit(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from phi_core.store.database import lock_info_path

    path = tmp_path / "noted.duckdb"
    code = (
        "import sys; from phi_core.store.database import set_process_kind; set_process_kind('app'); "
        "from phi_core.store import Store; s = Store(sys.argv[1]); "
        "import json; print(open(sys.argv[1] + '.lock-info').read(), flush=True)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    assert done.returncode == 0, done.stderr
    note = json.loads(done.stdout)
    assert note["kind"] == "app" and note["pid"] > 0
    assert not lock_info_path(path).exists()  # removed when the process ended


def test_a_stale_note_of_another_process_is_not_believed(tmp_path):
    import json

    from phi_core.store.database import describe_holder, lock_info_path

    path = tmp_path / "x.duckdb"
    lock_info_path(path).write_text(json.dumps({"pid": 1, "kind": "app", "since": "2026-01-01"}), encoding="utf-8")
    assert "not a phi-bench app" in describe_holder(path, 4242)
    assert "phi-bench app (process 1" in describe_holder(path, 1)
