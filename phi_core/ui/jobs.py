"""The app's one JobManager per store, held by Streamlit (the Streamlit half of running jobs).

Everything else about jobs (queue, threads, resume) is in phi_core/runs/manager.py.
"""

from __future__ import annotations

from phi_core.runs.manager import JobManager, max_parallel_from_env
from phi_core.store import Store


def get_job_manager() -> JobManager:
    """The app's job manager for the current store (one per app process)."""
    from phi_core.ui.state import get_store

    store = get_store()
    return _manager_for(str(store.path), id(store), store)


def _cached_manager_factory():
    import streamlit as st

    @st.cache_resource(show_spinner=False)
    def manager_for(path: str, store_id: int, _store: Store) -> JobManager:
        # path and store_id form the cache key: a new store gets a new manager.
        return JobManager(_store, max_parallel=max_parallel_from_env())

    return manager_for


_manager_for = _cached_manager_factory()
