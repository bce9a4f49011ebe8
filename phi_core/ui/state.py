"""Process-wide resources and the session keys every page shares.

One store per app process (DuckDB allows a single writer process) and one
host monitor, both through ``st.cache_resource``. Pages read the active
dataset and split through the helpers here, never by spelling the keys.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from phi_core.first_start import initialise
from phi_core.store import Store
from phi_core.store.database import set_process_kind
from phi_core.ui.hosts import HostMonitor
from phi_core.ui.i18n import tr

DATASET_KEY = "phi_dataset"
SPLIT_KEY = "phi_split"
ANNOTATOR_KEY = "phi_annotator"
ALL_SPLITS = "all"


@st.cache_resource(show_spinner=False)
def get_store() -> Store:
    set_process_kind("app")
    store = Store()
    initialise(store, seed=True)
    return store


@st.cache_resource(show_spinner=False)
def get_host_monitor() -> HostMonitor:
    return HostMonitor()


def active_dataset() -> str | None:
    return st.session_state.get(DATASET_KEY)


def active_split() -> str | None:
    """The chosen split, or None for all splits."""
    split = st.session_state.get(SPLIT_KEY, ALL_SPLITS)
    return None if split in (None, ALL_SPLITS) else split


def require_active_dataset() -> tuple[str, str | None]:
    """The sidebar's dataset and split; stops the page with advice when there is no dataset."""
    dataset = active_dataset()
    if not dataset:
        st.info(
            tr(
                "There is no dataset yet: import one on the Workbench page, or run `python -m phi_core init`.",
                "データセットがまだありません：アノテーションのページで取り込むか、"
                "`python -m phi_core init` を実行してください。",
            )
        )
        st.stop()
    return dataset, active_split()


def logged_in_user() -> str | None:
    """The name of the signed-in user when st.login is configured, else None."""
    try:
        user: Any = st.user
        if user.get("is_logged_in"):
            return str(user.get("name") or user.get("email") or "").strip() or None
    except Exception:  # no auth configured, or an older runtime without st.user
        return None
    return None


def current_annotator() -> str:
    """Who is editing: the signed-in user, else the name typed in the sidebar."""
    return logged_in_user() or str(st.session_state.get(ANNOTATOR_KEY) or "").strip()
