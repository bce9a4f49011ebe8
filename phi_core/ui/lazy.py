"""Tabs and parts of a page that are not drawn while hidden.

Streamlit draws every tab and every closed expander on each run, and the
browser builds all of it: on the analysis pages at study scale that (charts
in hidden tabs, tables in closed expanders) is most of the time a page takes
to appear. These track which part is open and rerun when that changes, so a
page draws only what can be seen. A tab is drawn when it is open, and also
when Streamlit cannot tell (``open`` is None), so nothing goes missing.
"""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st


def tabs(labels: Sequence[str], *, key: str) -> Sequence[Any]:
    """``st.tabs`` that knows which tab is open; draw a tab's content only when :func:`shown`."""
    return st.tabs(list(labels), key=key, on_change="rerun")


def revealed(label: str, *, key: str) -> bool:
    """A "show" switch for a part drawn only on request (a long table); True when switched on.

    A switch, not an expander that reruns on opening: with the latter, a
    click on another page in the sidebar sometimes waited half a minute in
    Chromium before the new page started (bench/pages.py saw it).
    """
    return st.toggle(label, key=key)


def shown(container: Any) -> bool:
    """Whether a tab from :func:`tabs` is open (True when its state is unknown)."""
    return getattr(container, "open", None) is not False
