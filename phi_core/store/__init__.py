"""The DuckDB store: one file, one writer process, all SQL in this package.

`Store` joins one class per table family (corpus, reference, phases, runs,
scores, reply cache, jobs, team) over a single connection.
"""

from phi_core.store.corpus import StaleEdit
from phi_core.store.corpus_import import DatasetExists
from phi_core.store.database import DatabaseLocked, StoreError, resolve_db_path
from phi_core.store.errors import NotADatabase
from phi_core.store.keys import DatabaseKeyError
from phi_core.store.records import RunRecord, TaskResult
from phi_core.store.store import Store

__all__ = [
    "DatabaseKeyError",
    "DatabaseLocked",
    "DatasetExists",
    "NotADatabase",
    "RunRecord",
    "StaleEdit",
    "Store",
    "StoreError",
    "TaskResult",
    "resolve_db_path",
]
