"""The sidebar every page shows: dataset and split, annotator, database, hosts."""

from __future__ import annotations

import streamlit as st

from phi_core.models import SPLITS
from phi_core.store import Store
from phi_core.ui.hosts import panel_hosts
from phi_core.ui.i18n import tr
from phi_core.ui.state import (
    ALL_SPLITS, ANNOTATOR_KEY, DATASET_KEY, SPLIT_KEY, get_host_monitor, logged_in_user,
)

# While a host has not answered yet the panel refreshes quickly, then calmly.
_FAST_REFRESH_S = 2
_SLOW_REFRESH_S = 30


def render_sidebar(store: Store) -> None:
    with st.sidebar:
        _dataset_selectors(store)
        _annotator_field()
        _database_info(store)
        _hosts_panel()


def _dataset_selectors(store: Store) -> None:
    names = store.dataset_names()
    if not names:
        st.info("No dataset yet: import one on the Workbench page.")
        return
    if st.session_state.get(DATASET_KEY) not in names:
        st.session_state[DATASET_KEY] = names[0]
    st.selectbox("Dataset", names, key=DATASET_KEY)
    splits = [ALL_SPLITS, *SPLITS]
    if st.session_state.get(SPLIT_KEY) not in splits:
        st.session_state[SPLIT_KEY] = ALL_SPLITS
    st.segmented_control("Split", splits, key=SPLIT_KEY, required=True)


def _annotator_field() -> None:
    user = logged_in_user()
    if user:
        st.caption(f"Annotator: **{user}** (signed in)")
        return
    # Re-assigning keeps the typed name when a page without this widget ran in between.
    st.session_state[ANNOTATOR_KEY] = st.session_state.get(ANNOTATOR_KEY, "")
    st.text_input("Annotator name", key=ANNOTATOR_KEY, placeholder="your name (recorded with every edit)")


def _database_info(store: Store) -> None:
    info = store.summary()
    st.caption(f"Database `{info['path']}`  \n{info['reports']} reports in {info['datasets']} datasets, "
               f"{info['runs']} runs")


def _hosts_panel() -> None:
    panel = panel_hosts()
    monitor = get_host_monitor()
    for backend, hosts in panel.items():
        monitor.statuses(hosts, backend)  # starts the checks before the fragment draws
    pending = any(monitor.pending(hosts, backend) for backend, hosts in panel.items())
    every = _FAST_REFRESH_S if pending else _SLOW_REFRESH_S
    st.fragment(run_every=every)(_draw_panel)(panel)


def _draw_panel(panel: dict[str, list[str]]) -> None:
    for backend, hosts in panel.items():
        _draw_hosts(hosts, backend)


def _draw_hosts(hosts: list[str], backend: str = "ollama") -> None:
    statuses = get_host_monitor().statuses(hosts, backend)
    st.caption("Ollama hosts" if backend == "ollama" else tr("OpenAI-compatible servers", "OpenAI 互換サーバー"))
    for host, status in statuses.items():
        if status is None:
            st.caption(f":material/hourglass_empty: `{host}` checking…")
        elif status.reachable:
            # Model names and errors come from the servers: plain text, never Markdown.
            models = ", ".join(m.name for m in status.models) or "no models pulled"
            st.caption(f":material/check_circle: `{host}` {len(status.models)} models")
            st.text(models)
        else:
            st.caption(f":material/error: `{host}` unreachable")
            st.text(status.error)
