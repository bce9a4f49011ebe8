"""Opening the DuckDB file and bringing its schema up to date.

Only one process may hold the file read-write. When another process (usually
the running app) holds it, :class:`DatabaseLocked` says so in plain words.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import time
from pathlib import Path

import duckdb

from phi_core.paths import MIGRATIONS_DIR, default_db_path


class StoreError(Exception):
    """A store problem the user can act on; the message says how."""


class DatabaseLocked(StoreError):
    pass


_PID = re.compile(r"PID (\d+)")
# Who this process is, written next to the database it holds so that a refused
# writer can say whether the app or a command-line run has it.
_PROCESS = {"kind": "command line"}
LOCK_INFO_SUFFIX = ".lock-info"
_OWNED: set[Path] = set()


def set_process_kind(kind: str) -> None:
    """'app' for the Streamlit app, 'command-line run' etc. for the CLI; shown to refused writers."""
    _PROCESS["kind"] = kind


def lock_info_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_INFO_SUFFIX)


def _write_lock_info(db_path: Path) -> None:
    info = lock_info_path(db_path)
    try:
        info.write_text(
            json.dumps({"pid": os.getpid(), "kind": _PROCESS["kind"], "since": time.strftime("%Y-%m-%d %H:%M:%S")}),
            encoding="utf-8",
        )
    except OSError:
        return  # the note is a courtesy; the database lock itself is what protects the file
    if not _OWNED:
        atexit.register(_remove_lock_infos)
    _OWNED.add(info)


def _remove_lock_infos() -> None:
    for info in _OWNED:
        try:
            if json.loads(info.read_text(encoding="utf-8")).get("pid") == os.getpid():
                info.unlink()
        except (OSError, ValueError):
            pass


def describe_holder(db_path: Path, pid: int | None) -> str:
    """Who holds the database, from the note its holder left (if that process is the one DuckDB names)."""
    try:
        info = json.loads(lock_info_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {}
    if info.get("pid") and (pid is None or info["pid"] == pid):
        pid = int(info["pid"])
        kind = str(info.get("kind") or "")
        if kind == "app":
            return (
                f"the phi-bench app (process {pid}, since {info.get('since', '?')}). Stop the app or do this "
                "from its pages"
            )
        if kind:
            return (
                f"a phi-bench {kind} (process {pid}, since {info.get('since', '?')}). Wait for it to finish, "
                "or stop it with Ctrl-C"
            )
    holder = f"process {pid}" if pid else "another process"
    return f"{holder}, which is not a phi-bench app or run that this machine knows of. Stop that process"


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
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder {db_path.parent} ({exc.strerror}): choose a writable "
                "place with --db or PHI_DB"
            ) from None
    try:
        con = duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = _PID.search(message)
            raise DatabaseLocked(
                f"the database {db_path} is in use by {describe_holder(db_path, int(pid.group(1)) if pid else None)}"
                ", or pass --db to use another file."
            ) from None
        raise StoreError(explain_io_error(message, db_path)) from None
    if not read_only and str(db_path) != ":memory:":
        _write_lock_info(db_path)
    return con


def explain_io_error(message: str, db_path: Path | str) -> str:
    """One plain line for a DuckDB or OS input/output failure on the database file."""
    lowered = message.lower()
    if "no space left" in lowered or "disk full" in lowered:
        return (
            f"the disk holding {db_path} is full: free some space and run the command again "
            "(what was saved before is kept)"
        )
    if "permission denied" in lowered or "read-only file system" in lowered or "read only" in lowered:
        return (
            f"cannot write {db_path}: its folder is read-only or belongs to someone else. Choose a writable "
            "place with --db or PHI_DB, or fix the folder's permissions"
        )
    if "not a valid duckdb database" in lowered or "corrupt" in lowered or "checksum" in lowered:
        return (
            f"{db_path} is not a phi-bench database or it is damaged. Restore it from a backup, or move it "
            "away and run `python -m phi_core init` to start a new one (or pass --db to use another file)"
        )
    first = message.strip().splitlines()[0] if message.strip() else "unknown input/output error"
    return (
        f"cannot read or write the database {db_path} ({first}). Check the disk and the file, "
        "or pass --db to use another file"
    )


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
