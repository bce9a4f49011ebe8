"""A consistent copy of the open database into a new file: backups, encrypt, decrypt.

The copy is made over a cursor of the connection that already holds the
database, inside one transaction: DuckDB's MVCC gives that transaction a
snapshot, so the copy is consistent while the holder goes on writing in
other threads, and nothing but the new file is written. (DuckDB's own
``COPY FROM DATABASE`` refuses a read-only source and, in 1.4, fails on a
table whose default draws from a used sequence, so the catalog is copied
here object by object from DuckDB's own DDL.)

The new file is written under a temporary name beside the target and moved
into place only when complete, so a failure leaves no half-written backup.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from phi_core.files import OutputExists
from phi_core.store.dbfile import OWNER_ONLY, tighten_umask
from phi_core.store.keys import load_crypto, quoted_key

_SEQUENCE = itertools.count()


@dataclass(frozen=True)
class CopySummary:
    out: str
    tables: int
    rows: int
    encrypted: bool

    def as_dict(self) -> dict:
        return {"out": self.out, "tables": self.tables, "rows": self.rows, "encrypted": self.encrypted}


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def copy_open_database(
    con: duckdb.DuckDBPyConnection, source: str, target: Path, key: str | None, *, force: bool = False
) -> CopySummary:
    """Copy catalog ``source`` of ``con``'s database instance to a new file ``target``.

    ``key`` encrypts the copy (None: plain). Without ``force`` an existing
    ``target`` is refused, and stays refused if it appears while copying.
    """
    target = Path(target)
    if target.exists() and not force:
        raise OutputExists(target)
    tighten_umask()
    temporary = partial_path(target)
    _remove(temporary)
    cursor = con.cursor()
    alias = f"phi_copy_{os.getpid()}_{next(_SEQUENCE)}"
    home = cursor.execute("SELECT current_database()").fetchone()[0]
    try:
        if key:
            load_crypto(cursor)
        options = f" (ENCRYPTION_KEY {quoted_key(key)})" if key else ""
        cursor.execute(f"ATTACH {quoted_key(str(temporary))} AS {alias}{options}")
        try:
            tables, rows = _copy_catalog(cursor, source, alias)
        finally:
            cursor.execute(f"USE {_ident(home)}")
            cursor.execute(f"DETACH {alias}")  # checkpoints: the copy is one self-contained file
        os.chmod(temporary, OWNER_ONLY)
        _fsync(temporary)
        _move_into_place(temporary, target, force=force)
    finally:
        cursor.close()
        _remove(temporary)
    return CopySummary(str(target), tables, rows, bool(key))


def _copy_catalog(cursor: duckdb.DuckDBPyConnection, source: str, alias: str) -> tuple[int, int]:
    cursor.execute("BEGIN TRANSACTION")
    try:
        schemas = [
            row[0]
            for row in cursor.execute(
                "SELECT schema_name FROM duckdb_schemas() WHERE database_name = ? AND NOT internal", [source]
            ).fetchall()
        ]
        for schema in schemas:
            cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {alias}.{_ident(schema)}")
        for schema, sql in cursor.execute(
            "SELECT schema_name, sql FROM duckdb_sequences() WHERE database_name = ? AND NOT temporary", [source]
        ).fetchall():
            _create_in(cursor, alias, schema, sql)
        tables = cursor.execute(
            "SELECT schema_name, table_name, sql FROM duckdb_tables() "
            "WHERE database_name = ? AND NOT temporary ORDER BY table_oid",
            [source],
        ).fetchall()
        rows = 0
        for schema, table, sql in tables:
            _create_in(cursor, alias, schema, sql)
            name = f"{_ident(schema)}.{_ident(table)}"
            cursor.execute(f"INSERT INTO {alias}.{name} SELECT * FROM {_ident(source)}.{name}")
            rows += cursor.execute(f"SELECT count(*) FROM {alias}.{name}").fetchone()[0]
        for query in (
            "SELECT schema_name, sql FROM duckdb_views() WHERE database_name = ? AND NOT internal AND NOT temporary",
            "SELECT schema_name, sql FROM duckdb_indexes() WHERE database_name = ? AND sql IS NOT NULL",
        ):
            for schema, sql in cursor.execute(query, [source]).fetchall():
                _create_in(cursor, alias, schema, sql)
        cursor.execute("COMMIT")
    except BaseException:
        cursor.execute("ROLLBACK")
        raise
    return len(tables), rows


def _create_in(cursor: duckdb.DuckDBPyConnection, alias: str, schema: str, sql: str) -> None:
    # DuckDB's stored DDL names objects without their catalog: run it there.
    cursor.execute(f"USE {alias}.{_ident(schema)}")
    cursor.execute(sql)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _move_into_place(temporary: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(temporary, target)
    else:
        try:
            os.link(temporary, target)  # fails, unlike rename, when the target appeared meanwhile
        except FileExistsError:
            raise OutputExists(target) from None
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
