"""The interface speaks Japanese and English.

Every visible string is written at its call site in both languages,
``tr("Dataset", "データセット")``, so a string cannot exist in one language
only and a reader sees both without opening a catalogue. The language comes
from the sidebar switch, else the browser's preference (Japanese when it
prefers Japanese), else English.
"""

from __future__ import annotations

import streamlit as st

LANGUAGES = ("ja", "en")
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
LANGUAGE_KEY = "ui_language"


def browser_language() -> str:
    try:
        locale = (st.context.locale or "").lower()
    except Exception:  # outside a browser session (AppTest, scripts)
        locale = ""
    return "ja" if locale.startswith("ja") else "en"


def current_language() -> str:
    chosen = st.session_state.get(LANGUAGE_KEY)
    return chosen if chosen in LANGUAGES else browser_language()


def tr(en: str, ja: str) -> str:
    """The string in the user's language; both are required on purpose."""
    return ja if current_language() == "ja" else en
