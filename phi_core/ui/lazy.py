"""Sections of a page that are not drawn while hidden.

Streamlit draws every tab and every closed expander on each run, and the
browser builds all of it: on the analysis pages at study scale that (charts
in hidden tabs, tables in closed expanders) is most of the time a page takes
to appear. Here a row of buttons picks the one section drawn, and a switch
shows a long table on request.

Not Streamlit's own stateful tabs and expanders (``on_change="rerun"``): with
those, a click on another page in the sidebar sometimes did nothing until
the sidebar's 30-second refresh (Chromium, bench/pages.py saw it), as if the
click's rerun were lost.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any, Sequence

import streamlit as st

from phi_core.ui.i18n import tr


class Section:
    """One section from :func:`tabs`: ``open`` says whether it is the chosen one; use it with ``with``."""

    def __init__(self, label: str, open_: bool, container: Any) -> None:
        self.label, self.open, self._container = label, open_, container

    def __enter__(self) -> Any:
        return self._container.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        return self._container.__exit__(*exc)


def tabs(labels: Sequence[str], *, key: str) -> list[Section]:
    """Tab-like buttons; only the chosen section is drawn (``st.session_state[key]`` holds its label).

    A label no longer offered (the language changed) falls back to the first.
    """
    labels = list(labels)
    if st.session_state.get(key) not in labels:
        st.session_state[key] = labels[0]
    chosen = st.segmented_control(
        tr("Section", "表示する内容"), labels, key=key, required=True, label_visibility="collapsed"
    )
    body = st.container()
    return [Section(label, label == chosen, body if label == chosen else nullcontext()) for label in labels]


def revealed(label: str, *, key: str) -> bool:
    """A "show" switch for a part drawn only on request (a long table); True when switched on."""
    return st.toggle(label, key=key)


def shown(section: Any) -> bool:
    """Whether a section from :func:`tabs` is the open one (True when it cannot tell)."""
    return getattr(section, "open", None) is not False
