"""Annotation workbench: review and correct the gold PHI labels of each report.

A thin view: filtering, editing and saving live in phi_core.ui.workbench and
phi_core.ui.editor_session. Every change is made in a callback, so the page
always draws the state after the change.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.corpus.exporters import EXPORTERS
from phi_core.corpus.importers import IMPORTERS
from phi_core.models import LABEL_STATUSES, SPLITS
from phi_core.store import StoreError
from phi_core.taxonomy import CATEGORY_BY_CODE, CATEGORY_CODES
from phi_core.ui import editor_session as session
from phi_core.ui import plain
from phi_core.ui.i18n import tr
from phi_core.ui import workbench as wb
from phi_core.ui.components.span_annotator import component_data, span_annotator
from phi_core.ui.guidelines import guidelines_markdown
from phi_core.ui.state import active_dataset, active_split, current_annotator, get_store
from phi_core.ui.transfer import TransferError, commit_import, export_bytes, export_filename, preview_import
from phi_core.ui.shell import require_app_shell

require_app_shell()

COMPONENT_KEY = "wb_annotator"
CONTEXT = "wb_context"
NO_RUN = "(none)"
# Shown choice -> codec; None detects (UTF-8, else CP932 or EUC-JP).
ENCODINGS = {"auto": None, "UTF-8": "utf-8", "Shift_JIS (CP932)": "cp932", "EUC-JP": "euc_jp"}
# Successes are brief toasts so that a day of key presses does not pile up banners.
FLASH_RENDERERS = {"success": lambda m: st.toast(m, icon=":material/check:"), "info": st.info,
                   "warning": st.warning, "error": st.error}

store = get_store()
state = st.session_state


# ---------------------------------------------------------------- callbacks

def _context() -> dict:
    return state.get(CONTEXT) or {}


def _items_of_open_report() -> list[dict]:
    run_id, report = _context().get("run_id"), session.snapshot(state)
    if not run_id or report is None:
        return []
    return wb.items_by_report(store.predicted_items(run_id, report_ids=[report.id])).get(report.id, [])


def on_component_event() -> None:
    raw = (state.get(COMPONENT_KEY) or {}).get("event")
    session.handle_browser_event(state, store, raw, actor=current_annotator(), ids=_context().get("ids", []),
                                 items=_items_of_open_report())


def do(action: str, **fields) -> None:
    session.perform(state, store, {"action": action, **fields}, actor=current_annotator(),
                    ids=_context().get("ids", []), items=_items_of_open_report())


def on_pick() -> None:
    session.open_report(state, store, active_dataset(), state.get("wb_pick"))


def save_table(table_key: str, rows: list[dict]) -> None:
    edited = wb.apply_editor_changes(rows, state.get(table_key))
    do("table", rows=edited)


def jump_to(report_id: str) -> None:
    # Widen the filters so that the report is in the list it opens in.
    state["wb_statuses"], state["wb_search"], state["wb_disagree"] = [], "", False
    state["wb_styles"] = []
    session.open_report(state, store, active_dataset(), report_id)


def check_upload() -> None:
    upload = state.get("wb_upload")
    state["wb_import"] = None
    if upload is None:
        session.flash(state, "warning", "choose a file to import first")
        return
    split = state.get("wb_import_split")
    try:
        state["wb_import"] = preview_import(upload.getvalue(), upload.name, state["wb_import_fmt"],
                                            state.get("wb_import_name", ""), None if split == "from file" else split,
                                            encoding=ENCODINGS.get(state.get("wb_import_encoding")))
    except TransferError as error:
        session.flash(state, "error", str(error))


def commit_upload() -> None:
    preview = state.get("wb_import")
    if preview is None:
        return
    try:
        added = commit_import(store, preview)
    except StoreError as error:
        session.flash(state, "error", str(error))
        return
    state["wb_import"] = None
    session.flash(state, "success", f"imported {added} reports into dataset {preview.dataset!r}; "
                                    "choose it in the sidebar to annotate")


# -------------------------------------------------------------------- views

def show_flashes() -> None:
    for level, message in session.take_flashes(state):
        FLASH_RENDERERS.get(level, st.info)(plain.escape(message))


def filters(dataset: str, reports: list) -> tuple[wb.ReportFilter, str | None]:
    runs = store.runs(dataset)
    run_labels = {r.run_id: f"{r.backend} · {r.model} · {r.phase} ({r.run_id})" for r in runs}
    cols = st.columns([3, 2, 3, 2])
    statuses = cols[0].multiselect("Label status", LABEL_STATUSES, key="wb_statuses")
    warnings_only = cols[1].toggle("Only with import warnings", key="wb_warnings_only")
    run_choice = cols[2].selectbox("Overlay predictions of run", [NO_RUN, *run_labels],
                                   format_func=lambda r: run_labels.get(r, r), key="wb_run")
    disagree = cols[3].toggle("Only where the run disagrees", key="wb_disagree", disabled=run_choice == NO_RUN)
    search = st.text_input("Search id or text", key="wb_search", placeholder="e.g. syn-dev-01 or 田中")
    available_styles = store.styles(dataset)
    styles = st.multiselect(tr("Document style", "文書の種類"), available_styles, key="wb_styles") \
        if available_styles else []
    run_id = None if run_choice == NO_RUN else run_choice
    disagreeing = None
    if run_id and disagree:
        processed = store.task_results(run_id)["report_id"]
        disagreeing = wb.disagreeing_ids(reports, store.predicted_items(run_id), processed)
    return wb.ReportFilter(tuple(statuses), warnings_only, disagreeing, search or "", tuple(styles)), run_id


def status_line(reports: list, shown: list) -> None:
    counts = wb.status_counts(reports)
    review = sum(1 for r in reports if wb.needs_review(r))
    parts = [f"**{counts[s]}** {s.replace('_', ' ')}" for s in LABEL_STATUSES]
    st.markdown(" · ".join(parts) + f" · **{review}** to review  —  showing {len(shown)} of {len(reports)}")


def action_buttons(report) -> None:
    cols = st.columns(8)
    cols[0].button("◀ Previous (p)", on_click=do, args=("previous",), width="stretch")
    cols[1].button("Next (n) ▶", on_click=do, args=("next",), width="stretch")
    cols[2].button("Approve (a)", on_click=do, args=("approve",), type="primary", width="stretch",
                   disabled=report.status == "approved")
    cols[3].button("In review (r)", on_click=do, args=("in_review",), width="stretch",
                   disabled=report.status == "in_review")
    cols[4].button("Undo (u)", on_click=do, args=("undo",), width="stretch")
    cols[5].button("Accept all (x)", on_click=do, args=("accept_all",), width="stretch",
                   disabled=not _context().get("run_id"))
    cols[6].button("Reload", on_click=do, args=("reload",), width="stretch",
                   help="show the newest saved labels of this report")


def conflict_panel() -> None:
    pending = session.conflict(state)
    if pending is None:
        return
    with st.container(border=True):
        st.error(plain.fmt("Your change to {} was not saved: someone saved it first "
                           "(now version {}). Nothing was overwritten.", pending.report_id, pending.current_version))
        left, right = st.columns(2)
        left.markdown("**They changed**\n" + "\n".join(f"- {plain.escape(line)}" for line in pending.their_changes()))
        right.markdown("**You tried to**\n" + "\n".join(f"- {plain.escape(line)}" for line in pending.my_changes()))
        a, b = st.columns(2)
        a.button("Reload and re-apply my change", type="primary",
                 on_click=lambda: session.reapply_conflict(state, store, current_annotator()))
        b.button("Drop my change and reload", on_click=lambda: session.discard_conflict(state, store))


def stale_notice(dataset: str, report) -> None:
    saved = store.report_version(dataset, report.id)
    if saved is not None and saved != report.meta["version"] and session.conflict(state) is None:
        st.warning(plain.fmt("{} was saved by someone else since you opened it (version {}, yours "
                             "{}). Press Reload to see it before editing.", report.id, saved, report.meta["version"]))


def predictions_panel(report, comparison: wb.Comparison | None) -> None:
    if comparison is None:
        return
    with st.expander(f"Predictions of the overlay run: {len(comparison.predictions)} placed, "
                     f"{len(comparison.missed)} gold missed, {len(comparison.not_found)} not in the text",
                     expanded=False):
        distinct = {}
        for p in comparison.predictions:
            distinct.setdefault((p.value, p.label), p)
        for index, ((value, label), p) in enumerate(distinct.items()):
            cols = st.columns([4, 2, 3, 1])
            cols[0].markdown(plain.fmt("{} — {} ({})", value, label, p.verdict.replace("_", " ")))
            suggested = wb.suggested_category(label) or CATEGORY_CODES[0]
            category = cols[2].selectbox("as", CATEGORY_CODES, index=CATEGORY_CODES.index(suggested),
                                         key=f"wb_accept_cat_{report.id}_{index}", label_visibility="collapsed",
                                         format_func=lambda c: f"{c} {CATEGORY_BY_CODE[c].name_ja}")
            cols[3].button("Accept", key=f"wb_accept_{report.id}_{index}", on_click=do, args=("accept",),
                           kwargs={"value": value, "label": label, "category": category})
        for item in comparison.not_found:
            st.caption(plain.fmt("not in the text: {} ({})", item.get("value"), item.get("label")))


def spans_editor(report) -> None:
    table = wb.spans_table(report.spans)
    table_key = f"wb_table_{report.id}_{report.meta['version']}"
    st.caption("Exact offsets (code points, end exclusive). Edit, add or delete rows, then save; "
               "the text column is filled in from the offsets.")
    st.data_editor(
        table, key=table_key, num_rows="dynamic", hide_index=True, width="stretch",
        column_config={
            "start": st.column_config.NumberColumn("start", min_value=0, step=1, required=True),
            "end": st.column_config.NumberColumn("end", min_value=1, step=1, required=True),
            "category": st.column_config.SelectboxColumn("category", options=list(CATEGORY_CODES), required=True),
            "text": st.column_config.TextColumn("text", disabled=True),
        },
    )
    st.button("Save table", key=f"wb_save_table_{report.id}", on_click=save_table,
              args=(table_key, table.to_dict("records")))


def report_details(dataset: str, report) -> None:
    if report.warnings:
        with st.expander(f"Import warnings of this report ({len(report.warnings)})", expanded=True):
            for w in report.warnings:
                st.markdown(plain.fmt("- **{}** {}", w.kind, w.message))
    with st.expander("Change history"):
        log = store.audit_log(dataset, report.id)
        if log.empty:
            st.caption("no changes since import")
        else:
            st.dataframe(log[["audit_id", "actor", "changed_at", "action", "version_before", "version_after",
                              "undone_by"]], hide_index=True)


def shortcuts_help() -> None:
    with st.expander("Keyboard shortcuts", expanded=False):
        st.caption("Keys work whenever the cursor is not in a text field or the table. Select text with the "
                   "mouse, then press a category key (or click a category).")
        st.dataframe(pd.DataFrame(wb.shortcut_rows()), hide_index=True, width="stretch")


def guidelines_help() -> None:
    with st.expander(tr("Annotation guidelines", "アノテーションガイドライン"), expanded=False):
        st.markdown(guidelines_markdown())  # the project's own file, not user text


def annotate_tab(dataset: str, reports: list) -> None:
    flt, run_id = filters(dataset, reports)
    shown = wb.filter_reports(reports, flt)
    ids = [r.id for r in shown]
    state[CONTEXT] = {"ids": ids, "run_id": run_id}
    status_line(reports, shown)
    if not ids:
        st.info("No report matches these filters. Clear a filter to see more.")
        return
    current = state.get(session.CURRENT)
    if current not in ids:
        current = ids[0]
    report = session.ensure_open(state, store, dataset, current)
    if report is None:  # deleted meanwhile
        report = session.open_report(state, store, dataset, ids[0])
    state["wb_pick"] = report.id
    labels = {r.id: wb.report_label(r) for r in shown}
    st.selectbox(f"Report ({ids.index(report.id) + 1} of {len(ids)})", ids, key="wb_pick",
                 format_func=labels.get, on_change=on_pick)
    if not current_annotator():
        st.warning("Type your name in the sidebar before editing: every change is recorded with its author.")
    conflict_panel()
    stale_notice(dataset, report)
    action_buttons(report)
    comparison = None
    if run_id:
        items = wb.items_by_report(store.predicted_items(run_id, report_ids=[report.id])).get(report.id, [])
        comparison = wb.compare_with_gold(report.text, report.spans, items)
    data = component_data(report.id, report.text, report.spans, comparison,
                          version=report.meta["version"], status=report.status)
    span_annotator(data, key=COMPONENT_KEY, on_event=on_component_event)
    shortcuts_help()
    guidelines_help()
    predictions_panel(report, comparison)
    with st.expander(f"Spans table ({len(report.spans)})", expanded=False):
        spans_editor(report)
    report_details(dataset, report)


def review_tab(reports: list) -> None:
    rows = wb.warning_rows(reports)
    if not rows:
        st.success("No import warnings and no unlabeled reports in this selection.")
        return
    frame = pd.DataFrame(rows)
    st.caption(f"{len(frame)} items in {frame['report_id'].nunique()} reports: values the importer could not "
               "find, labels it could not map, duplicates and unlabeled reports.")
    st.dataframe(frame, hide_index=True, width="stretch")
    ids = list(dict.fromkeys(frame["report_id"]))
    cols = st.columns([3, 1])
    target = cols[0].selectbox("Jump to report", ids, key="wb_jump_target")
    cols[1].button("Open in editor", on_click=jump_to, args=(target,), width="stretch")


def transfer_tab(dataset: str, split: str | None, reports: list) -> None:
    st.subheader("Import a corpus")
    st.file_uploader("Corpus file", key="wb_upload", type=["jsonl", "json", "csv"])
    cols = st.columns(4)
    cols[0].selectbox("Format", list(IMPORTERS), key="wb_import_fmt")
    cols[1].text_input("Dataset name", key="wb_import_name", placeholder="e.g. hospital-2025")
    cols[2].selectbox("Split", ["from file", *SPLITS], key="wb_import_split")
    cols[3].selectbox(tr("Encoding", "文字コード"), list(ENCODINGS), key="wb_import_encoding",
                      format_func=lambda k: tr("detect", "自動判定") if k == "auto" else k,
                      help=tr("Detected: UTF-8, else Shift_JIS (CP932) or EUC-JP. Choose one to force it.",
                              "自動判定：UTF-8、それ以外は Shift_JIS（CP932）または EUC-JP。指定すると固定します。"))
    st.button("Check file", on_click=check_upload)
    preview = state.get("wb_import")
    if preview is not None:
        with st.container(border=True):
            st.markdown(plain.fmt("**{}** as {} → dataset **{}** (not saved yet)", preview.filename, preview.fmt,
                                  preview.dataset))
            st.dataframe(pd.DataFrame(preview.summary_rows, columns=["what", "count"]), hide_index=True)
            st.button("Commit import", type="primary", on_click=commit_upload)
    st.subheader("Export gold labels")
    fmt = st.selectbox("Export format", list(EXPORTERS), key="wb_export_fmt")
    st.download_button(f"Download {len(reports)} reports as {fmt}", data=lambda: export_bytes(reports, fmt),
                       file_name=export_filename(dataset, split, fmt), mime="application/octet-stream")


# --------------------------------------------------------------------- page

st.title("Annotation workbench")
dataset = active_dataset()
if not dataset:
    st.info("There is no dataset yet. Import one below.")
    transfer_tab("dataset", None, [])
    st.stop()
split = active_split()
all_reports = store.reports(dataset, split=split)
show_flashes()
annotate, review, transfer = st.tabs(["Annotate", "Review queue", "Import / export"])
with annotate:
    annotate_tab(dataset, all_reports)
with review:
    review_tab(all_reports)
with transfer:
    transfer_tab(dataset, split, all_reports)
