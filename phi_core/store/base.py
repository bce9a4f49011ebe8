"""The one DuckDB connection a process shares, and helpers for the table families.

One Store (one DuckDB connection) per process. DuckDB connections are not
shared across threads, so worker threads never touch the store: the runner
hands results back to the thread that owns it.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

import pandas as pd

from phi_core.dimensions import DIMENSIONS
from phi_core.store.backup_service import SOCKET_FIELD, BackupService
from phi_core.store.database import DB_ALIAS, add_to_lock_info, connect, migrate, resolve_db_path
from phi_core.store.keys import configured_key

# Per-(run, report) tables written next to report_scores (db/migrations/002_analysis.sql).
ANALYSIS_TABLES = ("score_counts", "score_categories", "score_scripts", "score_errors", "score_pairs", "score_formats")

# The report_scores columns holding points, one per scoring dimension.
SCORE_DIMENSION_COLUMNS = DIMENSIONS


# Statements that never change data; every other one counts as a change.
_READS = re.compile(r"\s*(SELECT|WITH|PRAGMA|DESCRIBE|SHOW|EXPLAIN|BEGIN|COMMIT|ROLLBACK)\b", re.IGNORECASE)


class CountingConnection:
    """The DuckDB connection, counting the statements that may change data.

    Only this process writes the database (the writer's lock), so the count
    tells the pages' caches whether anything they computed can have changed,
    without asking the database.
    """

    def __init__(self, con: Any) -> None:
        self._con = con
        self.changes = 0

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        if not _READS.match(sql):
            self.changes += 1
        return self._con.execute(sql, *args, **kwargs)

    def executemany(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        if not _READS.match(sql):
            self.changes += 1
        return self._con.executemany(sql, *args, **kwargs)

    def append(self, *args: Any, **kwargs: Any) -> Any:
        self.changes += 1
        return self._con.append(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _loads(value: Any, default: Any) -> Any:
    if value is None:
        return default
    if isinstance(value, (dict, list)):
        return value
    return json.loads(value)


class StoreBase:
    """The connection and the few helpers every table family uses."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = resolve_db_path(path)
        self.con = CountingConnection(connect(self.path, read_only=read_only))
        # Tells this opening apart from an earlier one of the same file (whose counter started at 0 too).
        self._opening = uuid.uuid4().hex
        self.read_only = read_only
        # Guards the single connection when the app's threads share a Store.
        self.lock = threading.RLock()
        self._backups: BackupService | None = None
        if not read_only:
            migrate(self.con)
            if str(self.path) != ":memory:":
                # The writer serves backups: no other process can open the file meanwhile.
                self._backups = BackupService.start(self.con, DB_ALIAS, configured_key())
                if self._backups:
                    add_to_lock_info(self.path, **{SOCKET_FIELD: str(self._backups.address)})
        self._on_open()

    def version(self) -> tuple[str, str, int]:
        """Changes when anything may have been written: a cache key for results computed from the store."""
        return (str(self.path), self._opening, self.con.changes)

    def _on_open(self) -> None:
        """Table families tidy up after opening here (each calls super() first)."""

    def close(self) -> None:
        if self._backups:
            self._backups.stop()
            self._backups = None
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.lock:
            return self.con.execute(sql, list(params)).fetchall()

    def _df(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        with self.lock:
            return self.con.execute(sql, list(params)).df()

    def _insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Bulk insert; DuckDB's executemany costs milliseconds per row."""
        if frame.empty:
            return
        columns = ", ".join(frame.columns)
        self.con.register("_incoming", frame)
        try:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")
        finally:
            self.con.unregister("_incoming")
