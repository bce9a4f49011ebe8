"""The interface speaks Japanese and English.

Every visible string is written at its call site in both languages,
``tr("Dataset", "データセット")``, so a string cannot exist in one language
only and a reader sees both without opening a catalogue. The language comes
from the sidebar switch (kept in the session and in the address as
``?lang=ja``, and stored per user by the sidebar), else the browser's
preference (Japanese when it prefers Japanese), else English.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import streamlit as st

LANGUAGES = ("ja", "en")
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
LANGUAGE_KEY = "ui_language"
QUERY_KEY = "lang"


def browser_language() -> str:
    try:
        locale = (st.context.locale or "").lower()
    except Exception:  # outside a browser session (AppTest, scripts)
        locale = ""
    return "ja" if locale.startswith("ja") else "en"


def address_language() -> str | None:
    """The language in the address (?lang=ja), which survives reloads and bookmarks."""
    try:
        value = st.query_params.get(QUERY_KEY)
    except Exception:
        return None
    return value if value in LANGUAGES else None


def current_language() -> str:
    chosen = st.session_state.get(LANGUAGE_KEY)
    if chosen in LANGUAGES:
        return chosen
    return address_language() or browser_language()


def set_language(language: str) -> None:
    """Use this language from now on, in this session and in the address."""
    if language not in LANGUAGES:
        return
    st.session_state[LANGUAGE_KEY] = language
    try:
        st.query_params[QUERY_KEY] = language
    except Exception:  # no browser session
        pass


def tr(en: str, ja: str) -> str:
    """The string in the user's language; both are required on purpose."""
    return ja if current_language() == "ja" else en


def category_name(code: str) -> str:
    """A category's name from the taxonomy in the user's language (the code for unknown ones)."""
    from phi_core.taxonomy import CATEGORY_BY_CODE

    category = CATEGORY_BY_CODE.get(code)
    if category is None:
        return code
    return category.name_ja if current_language() == "ja" else category.name_en


def fmt_datetime(value: Any) -> str:
    """A date with its time of day in the user's language: the date as phi_core/ui/formatting.py writes it."""
    from phi_core.ui.formatting import format_date

    day = format_date(value, current_language())
    if isinstance(value, datetime) or hasattr(value, "hour"):
        try:
            return f"{day} {value.hour:02d}:{value.minute:02d}"
        except (AttributeError, ValueError):  # NaT
            return day
    return day


def error_text(error: BaseException) -> str:
    """An error's message in the user's language: library errors that know Japanese carry it as ``ja``."""
    ja = getattr(error, "ja", "")
    return ja if ja and current_language() == "ja" else str(error)
