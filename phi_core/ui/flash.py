"""Messages that outlive a rerun: a button's callback says what happened, the page shows it once.

The one flash-message system of the app. Messages live in a mutable mapping
(``st.session_state`` in the app, a dict in tests) under a key per page, so
queuing them needs no Streamlit; :func:`show_flashes` draws and forgets them,
always as plain text (a message may quote a file name or a model's reply).
"""

from __future__ import annotations

from typing import Any, MutableMapping, NamedTuple

FLASH = "flash"
LEVELS = ("success", "info", "warning", "error")
ICONS = {"success": "✓", "info": "ℹ", "warning": "⚠", "error": "✖"}


class Flash(NamedTuple):
    level: str
    message: str
    # The Japanese wording when the sender wrote one (errors passed through may be English only).
    ja: str | None = None

    def text(self, language: str) -> str:
        return self.ja if language == "ja" and self.ja else self.message


def flash(
    state: MutableMapping[str, Any], level: str, message: str, ja: str | None = None, *, key: str = FLASH
) -> None:
    if level not in LEVELS:
        raise ValueError(f"flash level {level!r} is not one of {', '.join(LEVELS)}")
    state.setdefault(key, []).append(Flash(level, message, ja))


def take_flashes(state: MutableMapping[str, Any], *, key: str = FLASH) -> list[Flash]:
    return state.pop(key, [])


def show_flashes(state: MutableMapping[str, Any], language: str, *, key: str = FLASH, compact: bool = False) -> None:
    """Draw the queued messages once. ``compact``: one line of text each (the workbench, where height counts)."""
    import streamlit as st

    from phi_core.ui import plain

    for item in take_flashes(state, key=key):
        if compact:
            st.text(f"{ICONS[item.level]} {item.text(language)}")
        else:
            plain.show(item.text(language), kind=item.level)
