"""Where a database ready-made with the built-in datasets is kept between first starts.

Reading the built-in files (hundreds of datasets, tens of thousands of
documents) takes most of a minute on a small machine; copying them from a
database that already holds them takes seconds. Every new database (the app's
first start, `init`, each test's store) pays the first cost once per content
of those files, then only the second.

The name of the file is a hash of everything that decides its content: the
built-in files and their registry entries, the schema's migrations and the
DuckDB version. Any change gives a new name; an older file is removed when the
new one is saved.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import duckdb

from phi_core.corpus.provenance import BuiltinDataset
from phi_core.paths import CACHE_DIR, MIGRATIONS_DIR

CACHE_FOLDER = CACHE_DIR / "builtin-datasets"
SUFFIX = ".duckdb"
_BUILDING = re.compile(r"\.building-(\d+)\.")


def cache_path(builtins: Sequence[BuiltinDataset], folder: Path = CACHE_FOLDER) -> Path:
    digest = hashlib.sha256()
    digest.update(f"duckdb {duckdb.__version__}\n".encode())
    for migration in sorted(MIGRATIONS_DIR.glob("*.sql")):
        digest.update(migration.name.encode() + b"\n" + migration.read_bytes())
    for builtin in builtins:
        entry = f"\n{builtin.name}\n{builtin.provenance}\n{builtin.description}\n"
        digest.update(entry.encode() + builtin.file.read_bytes())
    return folder / f"{digest.hexdigest()[:24]}{SUFFIX}"


def building_path(final: Path, pid: int) -> Path:
    """A private name to build under: two processes building at once never share a file."""
    return final.with_name(f"{final.stem}.building-{pid}{SUFFIX}")


def builder_pid(path: Path) -> int | None:
    """The process that builds under this name (a building file or its log), None for a finished copy."""
    found = _BUILDING.search(path.name)
    return int(found.group(1)) if found else None


def stale_files(final: Path) -> list[Path]:
    """Cache files of other contents, and leftovers of builds that stopped halfway."""
    return [path for path in final.parent.glob(f"*{SUFFIX}*") if path.name != final.name]
