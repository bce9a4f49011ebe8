"""What a database path holds, checked before DuckDB opens it, and who may read the file.

DuckDB's Python client opens an existing ``.csv`` (or other data file) as an
empty in-memory database, so everything written to it vanishes at exit while
the caller believes it stored something. The file's own header decides
instead: a DuckDB database starts with a checksum and the magic bytes
``DUCK``, followed by the storage version and flags (bit 0 of the first flag
word: encrypted).
"""

from __future__ import annotations

import os
from pathlib import Path

from phi_core.store.errors import NotADatabase

MAGIC = b"DUCK"
MAGIC_OFFSET = 8
FLAGS_OFFSET = 20
ENCRYPTED_FLAG = 1
HEADER_BYTES = 28
OWNER_ONLY = 0o600
# A new database with one of these names is almost always a mistyped --out or
# input file; the Python client would also read an existing one as data.
DATA_FILE_SUFFIXES = frozenset(
    {".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet", ".xlsx", ".xls", ".zip", ".gz"}
)
WAL_SUFFIX = ".wal"


def wal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + WAL_SUFFIX)


def read_header(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEADER_BYTES)


def is_duckdb_file(path: Path) -> bool:
    try:
        header = read_header(path)
    except OSError:
        return False
    return len(header) == HEADER_BYTES and header[MAGIC_OFFSET : MAGIC_OFFSET + 4] == MAGIC


def is_encrypted(path: Path) -> bool:
    """Whether the DuckDB file at ``path`` is encrypted (False for a missing or foreign file)."""
    if not is_duckdb_file(path):
        return False
    flags = int.from_bytes(read_header(path)[FLAGS_OFFSET:HEADER_BYTES], "little")
    return bool(flags & ENCRYPTED_FLAG)


def check_database_path(path: Path) -> None:
    """Refuse a path that holds something other than a DuckDB database, or would not become one."""
    if path.is_dir():
        raise NotADatabase(
            f"{path} is a folder: the database must be a file, e.g. {path / 'phi.duckdb'} (--db or PHI_DB)"
        )
    if path.exists():
        if not is_duckdb_file(path):
            raise NotADatabase(
                f"{path} is not a DuckDB database, or its header is damaged; nothing was read or written. "
                "Pass --db (or PHI_DB) the phi-bench database file (e.g. db/phi.duckdb), or restore a damaged "
                "one from a backup (`python -m phi_core restore --from FILE --force`)"
            )
        return
    if path.suffix.lower() in DATA_FILE_SUFFIXES:
        raise NotADatabase(
            f"{path} names a data file ({path.suffix}), not a database; nothing was written. Name the "
            "database file *.duckdb (--db or PHI_DB); to read a file in, use `python -m phi_core import`"
        )


def tighten_umask() -> None:
    """From here on this process creates files owner-only: it holds PHI.

    DuckDB creates the database, its write-ahead log (deleted and made anew
    at each checkpoint) and its spill files itself, with the process's umask,
    so the umask is the one place that covers them all.
    """
    current = _current_umask()
    if current & 0o077 != 0o077:
        os.umask(current | 0o077)


def _current_umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Reading the umask means setting it; set the strict one meanwhile.
    previous = os.umask(0o077)
    os.umask(previous)
    return previous


def make_owner_only(*paths: Path) -> None:
    """Narrow files made before this version (or by another tool) to owner-only; missing ones are skipped."""
    for path in paths:
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                os.chmod(path, OWNER_ONLY)
        except OSError:
            pass  # not ours to change; the folder's permissions are then what protects it


def process_alive(pid: int) -> bool:
    """Whether a process of this machine still runs (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
