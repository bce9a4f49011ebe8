"""phi-bench in the browser: `make run` starts it on 127.0.0.1."""

from pathlib import Path

import streamlit as st

from phi_core.ui import gc_policy, trace

gc_policy.take_over()
trace.install()
script_run = trace.ScriptRun()

from phi_core.ui.hosts import normalise_ollama_env

normalise_ollama_env()  # before anything imports ollama

from phi_core.store import StoreError  # noqa: E402
from phi_core.ui import plain  # noqa: E402
from phi_core.ui.i18n import tr  # noqa: E402
from phi_core.ui.sidebar import render_sidebar  # noqa: E402
from phi_core.ui import warmup  # noqa: E402
from phi_core.ui.i18n import current_language  # noqa: E402
from phi_core.ui.state import active_dataset, active_split, get_store  # noqa: E402

ROOT = Path(__file__).resolve().parent

# A local image: an emoji or material icon as page_icon makes the browser
# fetch the favicon from a CDN, and the app must not talk to the internet.
st.set_page_config(page_title="phi-bench", page_icon=str(ROOT / "phi_core/ui/assets/favicon.png"), layout="wide")

# Page registry: (file, title, icon). Pages listed here appear in this order
# once their file exists, so a page can be added by dropping in its file.
# Titles go through tr() like every visible string; the registry is rebuilt on
# each run, so the navigation follows the language switch. (tests/e2e/helpers.py
# reads this table from the source: keep each row a literal tuple.)
PAGES: tuple[tuple[str, str, str], ...] = (
    ("pages/overview.py", tr("Overview", "概要"), ":material/dashboard:"),
    ("pages/workbench.py", tr("Workbench", "アノテーション"), ":material/edit_note:"),
    ("pages/agreement.py", tr("Agreement", "一致度"), ":material/join_inner:"),
    ("pages/adjudication.py", tr("Adjudication", "裁定"), ":material/gavel:"),
    ("pages/team.py", tr("Team", "チーム"), ":material/group:"),
    ("pages/runs.py", tr("Runs", "実行"), ":material/play_circle:"),
    ("pages/leaderboard.py", tr("Leaderboard", "ランキング"), ":material/leaderboard:"),
    ("pages/error_analysis.py", tr("Error analysis", "エラー分析"), ":material/troubleshoot:"),
    ("pages/phase_progression.py", tr("Phase progression", "フェーズ別の推移"), ":material/trending_up:"),
    ("pages/threshold_advisor.py", tr("Threshold advisor", "閾値アドバイザー"), ":material/tune:"),
    ("pages/residual_leak.py", tr("Residual leak", "残存漏えい"), ":material/policy:"),
    ("pages/deidentify.py", tr("De-identify", "匿名化"), ":material/shield_lock:"),
)

pages = [
    st.Page(path, title=title, icon=icon, default=index == 0)
    for index, (path, title, icon) in enumerate(PAGES)
    if (ROOT / path).exists()
]
navigation = st.navigation(pages)
try:
    store = get_store()
except StoreError as error:  # locked by a command-line run, damaged, unwritable: say so, no traceback
    plain.show(f"{error}", "error")
    st.info(
        tr(
            "Reload this page when the database is free again.",
            "データベースが使えるようになったら、このページを再読み込みしてください。",
        )
    )
    st.stop()
render_sidebar(store)
# The slow pages' first screens are computed ahead, in the background, once the store stands still.
warmup.request(store, active_dataset(), active_split(), current_language())
try:
    navigation.run()
finally:
    script_run.end(navigation.url_path)
    gc_policy.after_run()
