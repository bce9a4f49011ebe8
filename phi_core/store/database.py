"""Opening the DuckDB file and bringing its schema up to date.

Only one process may hold the file read-write. When another process (usually
the running app) holds it, :class:`DatabaseLocked` says so in plain words.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from phi_core.paths import MIGRATIONS_DIR, default_db_path


class StoreError(Exception):
    """A store problem the user can act on; the message says how."""


class DatabaseLocked(StoreError):
    pass


_PID = re.compile(r"PID (\d+)")


def resolve_db_path(path: str | os.PathLike | None = None) -> Path:
    """--db beats PHI_DB beats the default file under db/."""
    if path:
        return Path(path)
    env = os.environ.get("PHI_DB")
    return Path(env) if env else default_db_path()


def connect(path: str | os.PathLike | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    db_path = resolve_db_path(path)
    if str(db_path) != ":memory:":
        if read_only and not db_path.exists():
            raise StoreError(f"there is no database at {db_path}: run `python -m phi_core init` first")
        db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = _PID.search(message)
            holder = f"process {pid.group(1)}" if pid else "another process"
            raise DatabaseLocked(
                f"the database {db_path} is in use by {holder} (probably the phi-bench app). "
                "Stop the app, or do this from the app's pages, or pass --db to use another file."
            ) from None
        raise StoreError(f"cannot open the database {db_path}: {message}") from None


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    files = []
    for path in sorted(directory.glob("*.sql")):
        number = path.name.split("_", 1)[0]
        if number.isdigit():
            files.append((int(number), path))
    return files


def migrate(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply numbered SQL files not applied yet; returns the numbers applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for number, path in migration_files(directory):
        if number in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, path.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
