"""phi-bench in the browser: `make run` starts it on 127.0.0.1."""

from pathlib import Path

import streamlit as st

from phi_core.ui.hosts import normalise_ollama_env

normalise_ollama_env()  # before anything imports ollama

from phi_core.ui.sidebar import render_sidebar  # noqa: E402
from phi_core.ui.state import get_store  # noqa: E402

ROOT = Path(__file__).resolve().parent

# A local image: an emoji or material icon as page_icon makes the browser
# fetch the favicon from a CDN, and the app must not talk to the internet.
st.set_page_config(page_title="phi-bench", page_icon=str(ROOT / "phi_core/ui/assets/favicon.png"), layout="wide")

# Page registry: (file, title, icon). Pages listed here appear in this order
# once their file exists, so a page can be added by dropping in its file.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("pages/overview.py", "Overview", ":material/dashboard:"),
    ("pages/workbench.py", "Workbench", ":material/edit_note:"),
    ("pages/agreement.py", "Agreement", ":material/join_inner:"),
    ("pages/adjudication.py", "Adjudication", ":material/gavel:"),
    ("pages/team.py", "Team", ":material/group:"),
    ("pages/runs.py", "Runs", ":material/play_circle:"),
    ("pages/leaderboard.py", "Leaderboard", ":material/leaderboard:"),
    ("pages/error_analysis.py", "Error analysis", ":material/troubleshoot:"),
    ("pages/phase_progression.py", "Phase progression", ":material/trending_up:"),
    ("pages/threshold_advisor.py", "Threshold advisor", ":material/tune:"),
)

pages = [
    st.Page(path, title=title, icon=icon, default=index == 0)
    for index, (path, title, icon) in enumerate(PAGES)
    if (ROOT / path).exists()
]
navigation = st.navigation(pages)
render_sidebar(get_store())
navigation.run()
