"""The DuckDB store: one file, one writer process, all SQL in this package."""

from phi_core.store.database import DatabaseLocked, StoreError, resolve_db_path
from phi_core.store.store import DatasetExists, RunRecord, StaleEdit, Store, TaskResult

__all__ = [
    "DatabaseLocked", "DatasetExists", "RunRecord", "StaleEdit", "Store", "StoreError", "TaskResult",
    "resolve_db_path",
]
