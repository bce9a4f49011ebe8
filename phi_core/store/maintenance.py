"""Backup, restore, encrypt and decrypt a whole database file.

Each writes its result under a temporary name and moves it into place only
after it opened and held the same rows, so a failure halfway leaves the old
file as it was. Replacing a database requires that no process holds it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from phi_core.files import OutputExists, create_private, refuse_same_file
from phi_core.store.backup_service import request_backup
from phi_core.store.copy import copy_open_database
from phi_core.store.database import (
    DB_ALIAS,
    DatabaseLocked,
    connect,
    describe_holder,
    read_lock_info,
    resolve_db_path,
)
from phi_core.store.dbfile import OWNER_ONLY, check_database_path, is_duckdb_file, is_encrypted, wal_path
from phi_core.store.errors import NotADatabase, StoreError
from phi_core.store.keys import DatabaseKeyError, configured_key


def backup_database(db: str | os.PathLike | None, out: str | os.PathLike, *, force: bool = False) -> dict:
    """A consistent copy of the database in ``out``, encrypted with the database's key when it is encrypted."""
    db_path, out_path = _existing_database(db), Path(out)
    refuse_same_file(db_path, out_path)
    if out_path.exists() and not force:
        raise OutputExists(out_path)
    try:
        con = connect(db_path, read_only=True)
    except DatabaseLocked as locked:
        return request_backup(read_lock_info(db_path), out_path, force=force, locked=locked)
    try:
        summary = copy_open_database(con, DB_ALIAS, out_path, configured_key(), force=force)
    finally:
        con.close()
    return {**summary.as_dict(), "made_by": "this command (no other process held the database)"}


def restore_database(backup: str | os.PathLike, db: str | os.PathLike | None, *, force: bool = False) -> dict:
    """Replace (or create) the database with the backup, after checking that the backup opens."""
    source, target = Path(backup), resolve_db_path(db)
    if not source.is_file():
        raise StoreError(f"there is no backup file {source}: check the path")
    if not is_duckdb_file(source):
        raise NotADatabase(f"{source} is not a phi-bench backup (not a DuckDB database): nothing was restored")
    refuse_same_file(source, target)
    check_database_path(target)
    if target.exists() and not force:
        raise StoreError(
            f"the database {target} exists and restoring replaces it; nothing was changed. Add --force to "
            "replace it (back it up first with `python -m phi_core backup --out FILE`), or restore to a new "
            "file with --db"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.{os.getpid()}.restoring")
    try:
        with open(source, "rb") as src, os.fdopen(create_private(staged, force=True), "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        tables, rows = _check_opens(staged, "the backup")
        with _held_exclusively(target):
            wal_path(target).unlink(missing_ok=True)  # it belongs to the database being replaced
            os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)
    return {
        "restored": str(target),
        "from": str(source),
        "tables": tables,
        "rows": rows,
        "encrypted": is_encrypted(target),
    }


def convert_database(db: str | os.PathLike | None, *, encrypt: bool) -> dict:
    """Encrypt a plain database with the configured key, or decrypt an encrypted one, in place."""
    target = _existing_database(db)
    key = configured_key()
    if not key:
        raise DatabaseKeyError(
            f"{'encrypt' if encrypt else 'decrypt'} needs the key: set PHI_DB_KEY, or PHI_DB_KEY_FILE to a file "
            "of mode 600 holding it (at least 16 characters; never on the command line)"
        )
    if is_encrypted(target) == encrypt:
        state = "already encrypted" if encrypt else "not encrypted"
        raise StoreError(f"the database {target} is {state}: nothing to do")
    converted = target.with_name(f".{target.name}.{os.getpid()}.converted")
    con = connect(target, read_only=True, key=None if encrypt else key)
    try:
        summary = copy_open_database(con, DB_ALIAS, converted, key if encrypt else None, force=True)
        tables, rows = _check_opens(converted, "the converted copy", key=key if encrypt else None)
        if (tables, rows) != (summary.tables, summary.rows):
            raise StoreError(f"the converted copy of {target} does not hold the same rows; the database is unchanged")
        # Its changes are in the copy; left beside the new file it would be replayed into it.
        wal_path(target).unlink(missing_ok=True)
        os.replace(converted, target)
        os.chmod(target, OWNER_ONLY)
    finally:
        con.close()
        converted.unlink(missing_ok=True)
    return {"database": str(target), "encrypted": encrypt, "tables": tables, "rows": rows}


def _existing_database(db: str | os.PathLike | None) -> Path:
    path = resolve_db_path(db)
    check_database_path(path)
    if not path.exists():
        raise StoreError(f"there is no database at {path}: check --db (or PHI_DB)")
    return path


def _check_opens(path: Path, what: str, **key: object) -> tuple[int, int]:
    """Open ``path`` read-only (with the configured key unless given) and count its tables and rows."""
    try:
        con = connect(path, read_only=True, **key)
    except DatabaseKeyError as exc:
        raise DatabaseKeyError(f"{what} cannot be opened: {exc}") from None
    try:
        names = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ?", [DB_ALIAS]
        ).fetchall()
        if ("main", "schema_migrations") not in names:
            raise NotADatabase(f"{what} is a DuckDB database but not a phi-bench one (it has no schema_migrations)")
        rows = sum(con.execute(f'SELECT count(*) FROM {DB_ALIAS}."{s}"."{t}"').fetchone()[0] for s, t in names)
    finally:
        con.close()
    return len(names), rows


@contextmanager
def _held_exclusively(path: Path) -> Iterator[None]:
    """Hold the lock DuckDB takes on ``path`` (if it exists), so no process opens it while it is replaced."""
    if not path.exists():
        yield
        return
    fd = os.open(path, os.O_RDWR)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise DatabaseLocked(
                f"the database {path} is in use by {describe_holder(path, None)}; nothing was restored."
            ) from None
        yield
    finally:
        os.close(fd)


def require_encryptable(db: str | os.PathLike | None) -> None:
    """`init --encrypt`: a key is set, and the database is new or already encrypted."""
    path = resolve_db_path(db)
    if not configured_key():
        raise DatabaseKeyError(
            "init --encrypt needs a key: set PHI_DB_KEY, or PHI_DB_KEY_FILE to a file of mode 600 holding a long "
            'random key (python -c "import secrets; print(secrets.token_urlsafe(32))")'
        )
    if path.exists() and not is_encrypted(path):
        raise StoreError(f"{path} exists and is not encrypted: encrypt it with `python -m phi_core encrypt`")
