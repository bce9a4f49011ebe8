"""Tabs and expanders whose hidden parts are not drawn.

Streamlit draws every tab and every closed expander on each run, and the
browser builds all of it: on the analysis pages at study scale that (charts
in hidden tabs, tables in closed expanders) is most of the time a page takes
to appear. These track which part is open and rerun when that changes, so a
page draws only what can be seen. A part is drawn when it is open, and also
when Streamlit cannot tell (``open`` is None), so nothing goes missing.
"""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st


def tabs(labels: Sequence[str], *, key: str) -> Sequence[Any]:
    """``st.tabs`` that knows which tab is open; draw a tab's content only when :func:`shown`."""
    return st.tabs(list(labels), key=key, on_change="rerun")


def expander(label: str, *, key: str, expanded: bool = False) -> Any:
    """``st.expander`` that knows whether it is open; fill it only when :func:`shown`."""
    return st.expander(label, expanded=expanded, key=key, on_change="rerun")


def shown(container: Any) -> bool:
    """Whether a tab or expander from here is open (True when its state is unknown)."""
    return getattr(container, "open", None) is not False
