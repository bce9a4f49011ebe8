"""The app says what happened, in one message, when the database cannot be used at start."""

from __future__ import annotations

import subprocess
import sys

from streamlit.testing.v1 import AppTest

from phi_core.store import Store
from phi_core.ui.plain import unescape
from phi_core.ui.state import get_store
from tests.ui.apptest_support import APP, use_app_database

HOLD = """
import sys, time
from phi_core.store.database import set_process_kind
set_process_kind("command-line `run`")
from phi_core.store import Store
store = Store(sys.argv[1])
print("holding", flush=True)
time.sleep(60)
"""


def test_a_database_locked_by_a_command_line_run_is_named_without_a_traceback(tmp_path, monkeypatch):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        use_app_database(path, monkeypatch)
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        assert not at.exception, at.exception
        message = unescape(at.error[0].value)
        assert "command-line `run`" in message and f"process {holder.pid}" in message, message
        assert "Traceback" not in message
    finally:
        holder.kill()
        holder.wait(timeout=10)
        get_store.clear()


def test_a_damaged_database_is_named_without_a_traceback(tmp_path, monkeypatch):
    path = tmp_path / "damaged.duckdb"
    path.write_bytes(b"not a database" * 1000)
    use_app_database(path, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert "damaged" in unescape(at.error[0].value)
    get_store.clear()
