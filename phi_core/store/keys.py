"""The database key and DuckDB's crypto module.

The key comes from ``PHI_DB_KEY`` or from the file that ``PHI_DB_KEY_FILE``
names; it is never taken from the command line (other users see a process's
arguments) and never written to a message or a log.

DuckDB encrypts with AES-GCM. It writes encrypted files only with a
cryptographically secure random source, which it takes from OpenSSL inside
its ``httpfs`` extension; without that extension it opens encrypted files
read-only. The extension cannot be downloaded here, so it comes from the
``duckdb-ext-httpfs`` package on PyPI, built for the exact DuckDB version the
project pins (requirements.txt), and is loaded from that package's files.
DuckDB's "insecure" override, which writes with a weak random source, is
never used.
"""

from __future__ import annotations

import os
import stat
from importlib import metadata
from pathlib import Path

import duckdb

from phi_core.store.errors import StoreError

KEY_ENV = "PHI_DB_KEY"
KEY_FILE_ENV = "PHI_DB_KEY_FILE"
MIN_KEY_LENGTH = 16
EXTENSION_PACKAGE = "duckdb-ext-httpfs"


class DatabaseKeyError(StoreError):
    """The key is missing, wrong, too weak, or its file is readable by others."""


def configured_key() -> str | None:
    """The key from the environment or the key file, or None when neither is set."""
    key = os.environ.get(KEY_ENV)
    source = KEY_ENV
    if not key:
        key_file = os.environ.get(KEY_FILE_ENV)
        if not key_file:
            return None
        key = _read_key_file(Path(key_file))
        source = f"the key file {key_file}"
    key = key.strip()
    if len(key) < MIN_KEY_LENGTH:
        raise DatabaseKeyError(
            f"the database key in {source} is shorter than {MIN_KEY_LENGTH} characters: use a long random key, "
            'e.g. python -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    if any(ord(ch) < 32 for ch in key):
        raise DatabaseKeyError(f"the database key in {source} holds control characters: use printable characters only")
    return key


def key_source() -> str | None:
    """Where the key comes from, for messages (never the key itself)."""
    if os.environ.get(KEY_ENV):
        return KEY_ENV
    if os.environ.get(KEY_FILE_ENV):
        return f"the key file {os.environ[KEY_FILE_ENV]} ({KEY_FILE_ENV})"
    return None


def _read_key_file(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        raise DatabaseKeyError(f"there is no key file {path} ({KEY_FILE_ENV}): check the path") from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseKeyError(f"the key file {path} ({KEY_FILE_ENV}) is not a regular file")
    if info.st_mode & 0o077:
        raise DatabaseKeyError(
            f"the key file {path} can be read by other users (mode {stat.S_IMODE(info.st_mode):03o}): "
            f"run `chmod 600 {path}` and try again"
        )
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatabaseKeyError(f"cannot read the key file {path}: {getattr(exc, 'strerror', None) or exc}") from None


def quoted_key(key: str) -> str:
    """The key as an SQL string literal (ATTACH takes no parameters)."""
    return "'" + key.replace("'", "''") + "'"


def crypto_extension_path(con: duckdb.DuckDBPyConnection) -> Path:
    """Where the packaged httpfs extension for this DuckDB version and platform lies."""
    version = con.execute("SELECT library_version FROM pragma_version()").fetchone()[0]
    platform = con.execute("PRAGMA platform").fetchone()[0]
    missing = DatabaseKeyError(
        f"encrypting the database needs DuckDB's httpfs extension for DuckDB {version} ({platform}), "
        f"which is not installed: run `pip install -r requirements.txt` (it pins {EXTENSION_PACKAGE} "
        "for the pinned DuckDB)"
    )
    try:
        dist = metadata.distribution(EXTENSION_PACKAGE)
    except metadata.PackageNotFoundError:
        raise missing from None
    path = Path(str(dist.locate_file(f"duckdb_ext/extensions/{version}/{platform}/httpfs.duckdb_extension")))
    if not path.is_file():
        raise missing
    return path


def load_crypto(con: duckdb.DuckDBPyConnection) -> None:
    """Load the secure crypto module into ``con``'s database instance (idempotent)."""
    loaded = con.execute("SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'httpfs'").fetchone()
    if loaded and loaded[0]:
        return
    path = crypto_extension_path(con)
    con.execute("LOAD " + quoted_key(str(path)))
