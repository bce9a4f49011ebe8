"""Making sure every page runs inside app.py's shell (sidebar, navigation).

Streamlit keeps a legacy behaviour for apps with a folder called ``pages/``:
when the very first request after the server starts is a deep link such as
/workbench, it runs that page file on its own, without app.py. The page then
hands over to app.py, which installs the real navigation for the rest of the
process; the user lands on the default page once, with the sidebar intact.
"""

from __future__ import annotations

import streamlit as st


def legacy_pages_mode() -> bool:
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the legacy mode
        return False
    return bool(PagesManager.uses_pages_directory)


def require_app_shell() -> None:
    if legacy_pages_mode():
        st.switch_page("app.py")
