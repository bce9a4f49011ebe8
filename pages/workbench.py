"""Annotation workbench: review and correct PHI labels, in the gold or in one's own layer.

A thin view: filtering, editing and saving live in phi_core.ui.workbench_list, span_events and
phi_core.ui.editor_session, and every save is checked against the user's role
there. Every change is made in a callback (phi_core.ui.workbench_actions), so
the page always draws the state after the change; the panels around the text
are phi_core.ui.workbench_panels, the review and import/export tabs
phi_core.ui.workbench_tabs, and their words phi_core.ui.workbench_text. The
report text comes first and is fitted to the window, so that on a 1366x768
laptop it is visible without scrolling (in columns when long), with the
category keys under it, the span list below and the guidelines' key points in
the sidebar.
"""

from __future__ import annotations

import streamlit as st

from phi_core.models import LABEL_STATUSES
from phi_core.roles import can, may_edit_layer
from phi_core.team import service
from phi_core.ui import editor_session as session
from phi_core.ui import flash as flashes
from phi_core.ui import lazy
from phi_core.ui import workbench_list as wb
from phi_core.ui import workbench_panels as panels
from phi_core.ui import workbench_text as words
from phi_core.ui.auth import page_actor
from phi_core.ui.components.span_annotator import component_data, span_annotator
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.sidebar import page_panel
from phi_core.ui.state import active_dataset, active_split, get_store
from phi_core.ui.vocabulary import label_status_name
from phi_core.ui.workbench_actions import (
    COMPONENT_KEY,
    CONTEXT,
    SHOW_EDITOR,
    do,
    on_component_event,
    on_layer,
    on_pick,
)
from phi_core.ui.workbench_tabs import review_tab, transfer_tab

require_app_shell()

NO_RUN = "(none)"

store = get_store()
state = st.session_state
actor = page_actor()
language = current_language()


# -------------------------------------------------------------------- views


def show_flashes() -> None:
    flashes.show_flashes(state, language, key=session.FLASH, compact=True)


def choose_layer(dataset: str, split: str | None) -> tuple[str, list[str] | None]:
    queue = service.queue(store, actor, dataset, split)
    options = wb.layer_options(
        layer_name=actor.layer_name, may_edit_gold=can(actor, "edit_gold"), has_queue=queue is not None
    )
    if state.get(session.LAYER) not in options:
        state[session.LAYER] = options[0]
    return state[session.LAYER], queue


def _run_labels(dataset: str) -> dict[str, str]:
    return {r.run_id: f"{r.backend} · {r.model} · {r.phase} ({r.run_id})" for r in store.runs(dataset)}


def current_filter(dataset: str, reports: list) -> tuple[wb.ReportFilter, str | None]:
    """The filter the widgets hold; read before they are drawn (they sit in a popover after the list)."""
    run_labels = _run_labels(dataset)
    if state.get("wb_run") not in (NO_RUN, *run_labels):
        state["wb_run"] = NO_RUN
    run_id = None if state.get("wb_run", NO_RUN) == NO_RUN else state["wb_run"]
    disagreeing = None
    if run_id and state.get("wb_disagree"):
        processed = store.task_results(run_id)["report_id"]
        disagreeing = wb.disagreeing_ids(reports, store.predicted_items(run_id), processed)
    flt = wb.ReportFilter(
        tuple(state.get("wb_statuses") or ()),
        bool(state.get("wb_warnings_only")),
        disagreeing,
        str(state.get("wb_search") or ""),
        tuple(state.get("wb_styles") or ()),
    )
    return flt, run_id


def filter_widgets(dataset: str) -> None:
    run_labels = _run_labels(dataset)
    # Labels are looked up in dicts built now: a format function must not depend on the language later.
    status_names = {s: label_status_name(s, language) for s in LABEL_STATUSES}
    st.multiselect(tr("Label status", "ラベルの状態"), LABEL_STATUSES, key="wb_statuses", format_func=status_names.get)
    st.toggle(tr("Only with import warnings", "取り込み警告のあるものだけ"), key="wb_warnings_only")
    run_labels = {NO_RUN: tr("(none)", "（なし）"), **run_labels}
    run_choice = st.selectbox(
        tr("Overlay predictions of run", "予測を重ねて表示する実行"),
        list(run_labels),
        format_func=run_labels.get,
        key="wb_run",
    )
    st.toggle(
        tr("Only where the run disagrees", "実行と食い違うものだけ"), key="wb_disagree", disabled=run_choice == NO_RUN
    )
    st.text_input(
        tr("Search id or text", "ID または本文を検索"),
        key="wb_search",
        placeholder=tr("e.g. syn-dev-01 or 田中", "例：syn-dev-01、田中"),
    )
    available_styles = store.styles(dataset)
    if available_styles:
        st.multiselect(tr("Document style", "文書の種類"), available_styles, key="wb_styles")


def status_line(reports: list, shown: list) -> None:
    counts = wb.status_counts(reports)
    review = sum(1 for r in reports if wb.needs_review(r))
    parts = " · ".join(f"{label_status_name(s, language)} {counts[s]}" for s in LABEL_STATUSES)
    st.text(
        parts
        + " · "
        + tr(
            f"to review {review} — showing {len(shown)} of {len(reports)}",
            f"要確認 {review} — {len(reports)} 件中 {len(shown)} 件を表示",
        )
    )


def toolbar(dataset: str, report, ids: list[str], labels: dict, layer_options: list[str]) -> None:
    """One row above the text: layer, report, the actions, and the filters in a popover."""
    cols = st.columns([2.0, 2.9, 0.7, 0.7, 1.3, 1.6, 0.7, 0.7, 1.5], vertical_alignment="bottom")
    # Labels collapsed (still read by screen readers): the row must stay one line high for the text below.
    cols[0].selectbox(
        tr("Layer", "レイヤー"),
        layer_options,
        key=session.LAYER,
        label_visibility="collapsed",
        format_func={layer: words.layer_label(layer, language) for layer in layer_options}.get,
        on_change=on_layer,
    )
    cols[1].selectbox(
        tr(
            f"Report ({ids.index(report.id) + 1} of {len(ids)})",
            f"レポート（{len(ids)} 件中 {ids.index(report.id) + 1} 件目）",
        ),
        ids,
        key="wb_pick",
        format_func=labels.get,
        on_change=on_pick,
        label_visibility="collapsed",
    )
    cols[2].button(
        "◀", on_click=do, args=("previous",), width="stretch", help=tr("Previous report (p)", "前のレポート (p)")
    )
    cols[3].button("▶", on_click=do, args=("next",), width="stretch", help=tr("Next report (n)", "次のレポート (n)"))
    layer = report.meta.get("layer")
    # Greyed out when the role may not edit this layer; the save itself is refused in phi_core anyway.
    read_only = not may_edit_layer(actor, layer or "")
    approve = tr("Submit (a)", "提出 (a)") if layer else tr("Approve (a)", "承認 (a)")
    cols[4].button(
        approve,
        on_click=do,
        args=("approve",),
        type="primary",
        width="stretch",
        disabled=report.status == "approved" or read_only,
    )
    cols[5].button(
        tr("Review (r)", "レビュー (r)"),
        on_click=do,
        args=("in_review",),
        width="stretch",
        disabled=report.status == "in_review" or read_only,
        help=tr("Mark as in review", "レビュー中にする"),
    )
    cols[6].button(
        "↶",
        on_click=do,
        args=("undo",),
        width="stretch",
        disabled=read_only,
        help=tr("Undo the last change (u)", "最後の変更を取り消す (u)"),
    )
    cols[7].button(
        "⟳",
        on_click=do,
        args=("reload",),
        width="stretch",
        help=tr("Show the newest saved labels of this report", "このレポートの最新の保存ラベルを表示"),
    )
    with cols[8].popover(tr("Filters", "絞り込み"), width="stretch"):
        filter_widgets(dataset)


def annotate_tab(dataset: str, split: str | None, all_reports: list) -> None:
    layer, queue = choose_layer(dataset, split)
    reports = all_reports
    if layer and queue is not None and layer == actor.layer_name:
        in_queue = set(queue)
        reports = [r for r in all_reports if r.id in in_queue]
    if layer:
        reports = wb.layer_view(reports, store.layers(dataset, split=split), layer)
    flt, run_id = current_filter(dataset, reports)
    shown = wb.filter_reports(reports, flt)
    ids = [r.id for r in shown]
    state[CONTEXT] = {"ids": ids, "run_id": run_id}
    if not ids:
        st.text(
            tr(
                "No report matches these filters. Clear a filter to see more.",
                "条件に合うレポートがありません。絞り込みを解除してください。",
            )
        )
        with st.popover(tr("Filters", "絞り込み")):
            filter_widgets(dataset)
        return
    current = state.get(session.CURRENT)
    if current not in ids:
        current = ids[0]
    report = session.ensure_open(state, store, dataset, current)
    if report is None:  # deleted meanwhile
        report = session.open_report(state, store, dataset, ids[0])
    state["wb_pick"] = report.id
    labels = {
        r.id: f"{r.id} · {label_status_name(r.status, language)} · "
        + tr(f"{len(r.spans)} spans", f"スパン {len(r.spans)} 件")
        + (" ⚠" if wb.needs_review(r) else "")
        for r in shown
    }
    options = wb.layer_options(
        layer_name=actor.layer_name, may_edit_gold=can(actor, "edit_gold"), has_queue=queue is not None
    )
    toolbar(dataset, report, ids, labels, options)
    panels.conflict_panel()
    panels.stale_notice(dataset, report)
    comparison = None
    if run_id:
        items = wb.items_by_report(store.predicted_items(run_id, report_ids=[report.id])).get(report.id, [])
        comparison = wb.compare_with_gold(report.text, report.spans, items)
    # The text takes the full width (so a long report still fits the first screen in columns);
    # the keys are under it, the span list below, the guidelines in the side panel.
    data = component_data(
        report.id,
        report.text,
        report.spans,
        comparison,
        version=report.meta["version"],
        status=report.status,
        language=current_language(),
        strings=words.names(words.ANNOTATOR_STRINGS, language),
        status_names={s: label_status_name(s, language) for s in LABEL_STATUSES},
    )
    span_annotator(data, key=COMPONENT_KEY, on_event=on_component_event)
    with page_panel():
        panels.guidelines_panel()
    list_col, info_col = st.columns([2, 1])
    with list_col:
        panels.span_list(report)
    with info_col:
        st.text(
            tr(f"Report {ids.index(report.id) + 1} of {len(ids)}", f"{len(ids)} 件中 {ids.index(report.id) + 1} 件目")
        )
        if not may_edit_layer(actor, report.meta.get("layer") or ""):
            st.text(
                tr(
                    "Read only: your role may not change this layer.",
                    "閲覧のみ：あなたの役割ではこのレイヤーを変更できません。",
                )
            )
        elif not actor.label:
            st.text(
                tr(
                    "⚠ Type your name in the sidebar before editing: every change is recorded with its author.",
                    "⚠ 編集の前にサイドバーに氏名を入力してください。すべての変更は作成者とともに記録されます。",
                )
            )
        status_line(reports, shown)
    panels.predictions_panel(report, comparison)
    panels.other_layers(dataset, report)
    with st.expander(tr(f"Spans table ({len(report.spans)})", f"スパンの表（{len(report.spans)}）"), expanded=False):
        panels.spans_editor(report)
    panels.shortcuts_help()
    panels.report_details(dataset, report)


# --------------------------------------------------------------------- page

dataset = active_dataset()
if not dataset:
    st.title(tr("Annotation workbench", "アノテーション・ワークベンチ"))
    st.text(tr("There is no dataset yet. Import one below.", "データセットがまだありません。下で取り込んでください。"))
    transfer_tab("dataset", None, [])
    st.stop()
split = active_split()
all_reports = store.reports(dataset, split=split)
st.title(tr("Annotation workbench", "アノテーション・ワークベンチ"))
show_flashes()
# Only the open tab is drawn (phi_core.ui.lazy): the editor is what people come for.
TAB_LABELS = [
    tr("Annotate", "アノテーション"),
    tr("Review queue", "確認待ち"),
    tr("Import / export", "取り込み／書き出し"),
]
if state.pop(SHOW_EDITOR, False):  # "Open in editor" on the review tab
    state["wb_tab"] = TAB_LABELS[0]
annotate, review, transfer = lazy.tabs(TAB_LABELS, key="wb_tab")
if lazy.shown(annotate):
    with annotate:
        annotate_tab(dataset, split, all_reports)
if lazy.shown(review):
    with review:
        review_tab(all_reports)
if lazy.shown(transfer):
    with transfer:
        transfer_tab(dataset, split, all_reports)
