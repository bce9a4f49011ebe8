"""Results computed from the store, kept until the store changes.

The analysis pages compute the same frames on every rerun and for every
user; :func:`stored` keeps each (function, arguments) result until the
store's change counter (``Store.version()``) moves, so moving between pages
or clicking a widget costs a cache lookup, and a new score, label or run is
seen at once.
"""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from phi_core.ui import trace


@st.cache_data(max_entries=256, show_spinner=False)
def _computed(_fn: Callable, name: str, _store: Any, version: tuple, args: tuple, kwargs: tuple) -> Any:
    # name and version are the key; _fn and _store (unhashable) are only used.
    with trace.span("computed", name=name):
        return _fn(_store, *args, **dict(kwargs))


def stored(fn: Callable, store: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(store, *args, **kwargs)``, cached until the store changes (arguments must be hashable by Streamlit)."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _computed(fn, name, store, store.version(), args, tuple(sorted(kwargs.items())))


@st.cache_resource(max_entries=128, show_spinner=False)
def _built(_build: Callable, name: str, args: tuple, kwargs: tuple) -> Any:
    with trace.span("built", name=name):
        return _build(*args, **dict(kwargs))


def figure(build: Callable, *args: Any, **kwargs: Any) -> Any:
    """``build(*args, **kwargs)`` for a figure builder, kept while its inputs are the same.

    Building a Plotly figure costs tenths of a second (every property is
    validated); the inputs are hashed instead, which costs milliseconds. The
    figure is shared, not copied: drawing and exporting only read it.
    """
    name = f"{build.__module__}.{build.__qualname__}"
    return _built(build, name, args, tuple(sorted(kwargs.items())))
