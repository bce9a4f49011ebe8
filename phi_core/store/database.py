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

from phi_core.files import create_private
from phi_core.paths import MIGRATIONS_DIR, default_db_path
from phi_core.store.dbfile import check_database_path, is_encrypted, make_owner_only, tighten_umask, wal_path
from phi_core.store.errors import DatabaseLocked, NotADatabase, StoreError
from phi_core.store.keys import DatabaseKeyError, configured_key, key_source, load_crypto, quoted_key

__all__ = ["DatabaseLocked", "NotADatabase", "StoreError", "DatabaseKeyError", "connect", "migrate"]

# The catalog name the database is attached under in every connection (the
# default catalog is an empty in-memory one, see connect()).
DB_ALIAS = "phi"
# Tells connect() to take the key from the environment.
FROM_ENVIRONMENT = object()

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


def _write_lock_info(db_path: Path, **extra: str) -> None:
    info = lock_info_path(db_path)
    note = {"pid": os.getpid(), "kind": _PROCESS["kind"], "since": time.strftime("%Y-%m-%d %H:%M:%S"), **extra}
    try:
        with os.fdopen(create_private(info, force=True), "w", encoding="utf-8") as out:
            out.write(json.dumps(note))
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


def add_to_lock_info(db_path: Path, **extra: str) -> None:
    """Add fields (the backup service's address) to the note this process left."""
    try:
        note = json.loads(lock_info_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if note.get("pid") == os.getpid():
        _write_lock_info(db_path, **{**{k: v for k, v in note.items() if k not in ("pid", "kind", "since")}, **extra})


def read_lock_info(db_path: Path) -> dict:
    try:
        note = json.loads(lock_info_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


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


def connect(
    path: str | os.PathLike | None = None, *, read_only: bool = False, key: object = FROM_ENVIRONMENT
) -> duckdb.DuckDBPyConnection:
    """Open the database, encrypted or not, attached as ``DB_ALIAS`` and made the default catalog.

    ``key`` is the encryption key (None: the file must be plain); by default it
    comes from PHI_DB_KEY or PHI_DB_KEY_FILE. A plain file is refused while a
    key is set, so that a database believed encrypted never silently is not.
    """
    db_path = resolve_db_path(path)
    if str(db_path) == ":memory:":
        return duckdb.connect(":memory:")
    check_database_path(db_path)
    if read_only and not db_path.exists():
        raise StoreError(f"there is no database at {db_path}: run `python -m phi_core init` first")
    secret = configured_key() if key is FROM_ENVIRONMENT else key
    _check_key_fits(db_path, secret, from_environment=key is FROM_ENVIRONMENT)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder {db_path.parent} ({exc.strerror}): choose a writable place with --db or PHI_DB"
        ) from None
    tighten_umask()
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
    try:
        _attach(con, db_path, secret, read_only)
    except BaseException:
        con.close()
        raise
    if not read_only:
        make_owner_only(db_path, wal_path(db_path))
        _write_lock_info(db_path)
    return con


def _check_key_fits(db_path: Path, secret: object, *, from_environment: bool) -> None:
    if not db_path.exists():
        return
    encrypted = is_encrypted(db_path)
    if encrypted and not secret:
        raise DatabaseKeyError(
            f"the database {db_path} is encrypted: set PHI_DB_KEY, or PHI_DB_KEY_FILE to a key file "
            "(mode 600), to its key"
        )
    if secret and not encrypted:
        where = key_source() if from_environment else "a key"
        raise DatabaseKeyError(
            f"the database {db_path} is not encrypted, but {where} is set: encrypt it with "
            "`python -m phi_core encrypt`, or unset PHI_DB_KEY and PHI_DB_KEY_FILE to use it as it is"
        )


def _attach(con: duckdb.DuckDBPyConnection, db_path: Path, secret: object, read_only: bool) -> None:
    options = []
    if secret:
        load_crypto(con)
        options.append(f"ENCRYPTION_KEY {quoted_key(str(secret))}")
    if read_only:
        options.append("READ_ONLY")
    statement = f"ATTACH {quoted_key(str(db_path))} AS {DB_ALIAS}" + (f" ({', '.join(options)})" if options else "")
    try:
        con.execute(statement)
    except duckdb.Error as exc:
        # Never let the key reach a message, whatever DuckDB put in it.
        message = str(exc).replace(str(secret), "***") if secret else str(exc)
        if "wrong encryption key" in message.lower():
            raise DatabaseKeyError(
                f"the key ({key_source() or 'given'}) does not open {db_path}: it is not the key the database "
                "was encrypted with. Set PHI_DB_KEY or PHI_DB_KEY_FILE to the right key"
            ) from None
        # A whole word: a damaged "block at location ..." is not a lock held by another process.
        if isinstance(exc, duckdb.IOException) and re.search(r"\block\b", message, re.IGNORECASE):
            pid = _PID.search(message)
            raise DatabaseLocked(
                f"the database {db_path} is in use by {describe_holder(db_path, int(pid.group(1)) if pid else None)}"
                ", or pass --db to use another file."
            ) from None
        if isinstance(exc, (duckdb.IOException, duckdb.SerializationException, duckdb.CatalogException)):
            raise StoreError(explain_io_error(message, db_path)) from None
        raise
    con.execute(f"USE {DB_ALIAS}")
    if secret:
        # Spilled intermediate results hold PHI too.
        con.execute("SET temp_file_encryption = true")


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
