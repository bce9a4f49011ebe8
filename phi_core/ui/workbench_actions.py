"""The workbench's callbacks: every change is made here, before the page redraws.

Streamlit calls these from widgets (on_click, on_change); they read the
session and the store at call time, so AppTest sessions with their own
database never share state.
"""

from __future__ import annotations

import streamlit as st

from phi_core.store import StoreError
from phi_core.ui import editor_session as session
from phi_core.ui.gold_comparison import items_by_report
from phi_core.ui.span_table import apply_editor_changes
from phi_core.ui.auth import page_actor
from phi_core.ui.guard import refused
from phi_core.ui.state import active_dataset, get_store
from phi_core.ui.transfer import TransferError, commit_import, preview_import

COMPONENT_KEY = "wb_annotator"
CONTEXT = "wb_context"
# Shown choice -> codec; None detects (UTF-8, else CP932 or EUC-JP).
ENCODINGS = {"auto": None, "UTF-8": "utf-8", "Shift_JIS (CP932)": "cp932", "EUC-JP": "euc_jp"}


def _context() -> dict:
    return st.session_state.get(CONTEXT) or {}


def _items_of_open_report() -> list[dict]:
    run_id, report = _context().get("run_id"), session.snapshot(st.session_state)
    if not run_id or report is None:
        return []
    return items_by_report(get_store().predicted_items(run_id, report_ids=[report.id])).get(report.id, [])


def on_component_event() -> None:
    raw = (st.session_state.get(COMPONENT_KEY) or {}).get("event")
    session.handle_browser_event(
        st.session_state,
        get_store(),
        raw,
        actor=page_actor(),
        ids=_context().get("ids", []),
        items=_items_of_open_report(),
    )


def do(action: str, **fields) -> None:
    session.perform(
        st.session_state,
        get_store(),
        {"action": action, **fields},
        actor=page_actor(),
        ids=_context().get("ids", []),
        items=_items_of_open_report(),
    )


def on_pick() -> None:
    session.open_report(st.session_state, get_store(), active_dataset(), st.session_state.get("wb_pick"))


def on_layer() -> None:
    report = session.snapshot(st.session_state)
    session.open_report(st.session_state, get_store(), active_dataset(), report.id if report else None)


def save_table(table_key: str, rows: list[dict]) -> None:
    edited = apply_editor_changes(rows, st.session_state.get(table_key))
    do("table", rows=edited)


SHOW_EDITOR = "wb_show_editor"


def jump_to(report_id: str) -> None:
    # Widen the filters so that the report is in the list it opens in.
    st.session_state.update(wb_statuses=[], wb_search="", wb_disagree=False, wb_styles=[])
    session.open_report(st.session_state, get_store(), active_dataset(), report_id)
    # The page draws only its open tab: ask it to open the editor, where the report now is.
    st.session_state[SHOW_EDITOR] = True


def check_upload() -> None:
    upload = st.session_state.get("wb_upload")
    st.session_state["wb_import"] = None
    if upload is None:
        session.flash(
            st.session_state, "warning", "choose a file to import first", "先に取り込むファイルを選んでください"
        )
        return
    split = st.session_state.get("wb_import_split")
    try:
        st.session_state["wb_import"] = preview_import(
            upload.getvalue(),
            upload.name,
            st.session_state["wb_import_fmt"],
            st.session_state.get("wb_import_name", ""),
            None if split == "from file" else split,
            encoding=ENCODINGS.get(st.session_state.get("wb_import_encoding")),
        )
    except TransferError as error:
        session.flash(st.session_state, "error", str(error))


def commit_upload() -> None:
    preview = st.session_state.get("wb_import")
    if preview is None:
        return
    if refused(st.session_state, "import", key=session.FLASH):
        return
    try:
        added = commit_import(get_store(), preview, actor=page_actor())
    except StoreError as error:
        session.flash(st.session_state, "error", str(error))
        return
    st.session_state["wb_import"] = None
    session.flash(
        st.session_state,
        "success",
        f"imported {added} reports into dataset {preview.dataset!r}; choose it in the sidebar to annotate",
        f"{added} 件のレポートをデータセット {preview.dataset!r} に取り込みました。"
        "サイドバーで選ぶとアノテーションできます",
    )
