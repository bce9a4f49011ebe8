"""Annotation workbench: review and correct PHI labels, in the gold or in one's own layer.

A thin view: filtering, editing and saving live in phi_core.ui.workbench and
phi_core.ui.editor_session, and every save is checked against the user's role
there. Every change is made in a callback, so the page always draws the state
after the change. The report text comes first and is fitted to the window, so
that on a 1366x768 laptop it is visible without scrolling (in columns when
long), with the category keys under it, the span list below and the
guidelines' key points in the sidebar.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.corpus.exporters import EXPORTERS
from phi_core.corpus.importers import IMPORTERS
from phi_core.models import LABEL_STATUSES, SPLITS
from phi_core.paths import ROOT
from phi_core.roles import can, may_edit_layer
from phi_core.store import StoreError
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.team import service
from phi_core.ui import editor_session as session
from phi_core.ui import flash as flashes
from phi_core.ui import workbench as wb
from phi_core.ui.auth import page_actor
from phi_core.ui.components.span_annotator import component_data, span_annotator
from phi_core.ui.guidelines import guidelines_markdown
from phi_core.ui.i18n import category_name, current_language, fmt_datetime, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.sidebar import page_panel
from phi_core.ui.state import active_dataset, active_split, get_store
from phi_core.ui.vocabulary import label_status_name
from phi_core.ui.transfer import TransferError, commit_import, export_bytes, export_filename, preview_import

require_app_shell()

COMPONENT_KEY = "wb_annotator"
CONTEXT = "wb_context"
NO_RUN = "(none)"
GUIDELINES = {"ja": ROOT / "docs" / "annotation_guidelines.ja.md", "en": ROOT / "docs" / "annotation_guidelines.md"}
# Shown choice -> codec; None detects (UTF-8, else CP932 or EUC-JP).
ENCODINGS = {"auto": None, "UTF-8": "utf-8", "Shift_JIS (CP932)": "cp932", "EUC-JP": "euc_jp"}
# Messages are shown as plain text: they can quote report ids and values from imported files.

store = get_store()
state = st.session_state
actor = page_actor()


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
    session.handle_browser_event(
        state, store, raw, actor=page_actor(), ids=_context().get("ids", []), items=_items_of_open_report()
    )


def do(action: str, **fields) -> None:
    session.perform(
        state,
        store,
        {"action": action, **fields},
        actor=page_actor(),
        ids=_context().get("ids", []),
        items=_items_of_open_report(),
    )


def on_pick() -> None:
    session.open_report(state, store, active_dataset(), state.get("wb_pick"))


def on_layer() -> None:
    report = session.snapshot(state)
    session.open_report(state, store, active_dataset(), report.id if report else None)


def save_table(table_key: str, rows: list[dict]) -> None:
    edited = wb.apply_editor_changes(rows, state.get(table_key))
    do("table", rows=edited)


def jump_to(report_id: str) -> None:
    # Widen the filters so that the report is in the list it opens in.
    state["wb_statuses"], state["wb_search"], state["wb_disagree"], state["wb_styles"] = [], "", False, []
    session.open_report(state, store, active_dataset(), report_id)


def check_upload() -> None:
    upload = state.get("wb_upload")
    state["wb_import"] = None
    if upload is None:
        session.flash(state, "warning", "choose a file to import first", "先に取り込むファイルを選んでください")
        return
    split = state.get("wb_import_split")
    try:
        state["wb_import"] = preview_import(
            upload.getvalue(),
            upload.name,
            state["wb_import_fmt"],
            state.get("wb_import_name", ""),
            None if split == "from file" else split,
            encoding=ENCODINGS.get(state.get("wb_import_encoding")),
        )
    except TransferError as error:
        session.flash(state, "error", str(error))


def commit_upload() -> None:
    preview = state.get("wb_import")
    if preview is None:
        return
    if not can(page_actor(), "import"):
        session.flash(
            state, "error", "importing a corpus needs the lead role", "コーパスの取り込みにはリーダーの役割が必要です"
        )
        return
    try:
        added = commit_import(store, preview)
    except StoreError as error:
        session.flash(state, "error", str(error))
        return
    state["wb_import"] = None
    session.flash(
        state,
        "success",
        f"imported {added} reports into dataset {preview.dataset!r}; choose it in the sidebar to annotate",
        f"{added} 件のレポートをデータセット {preview.dataset!r} に取り込みました。"
        "サイドバーで選ぶとアノテーションできます",
    )


# -------------------------------------------------------------------- views


def show_flashes() -> None:
    flashes.show_flashes(state, current_language(), key=session.FLASH, compact=True)


def layer_label(layer: str) -> str:
    return (
        tr("Gold (shared labels)", "ゴールド（共有ラベル）")
        if not layer
        else tr(f"My layer: {layer}", f"自分のレイヤー：{layer}")
    )


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
    status_names = {s: label_status_name(s, current_language()) for s in LABEL_STATUSES}
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
    parts = " · ".join(f"{label_status_name(s, current_language())} {counts[s]}" for s in LABEL_STATUSES)
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
        format_func={layer: layer_label(layer) for layer in layer_options}.get,
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


def conflict_panel() -> None:
    pending = session.conflict(state)
    if pending is None:
        return
    with st.container(border=True):
        st.text(
            tr(
                f"✖ Your change to {pending.report_id} was not saved: someone saved it first "
                f"(now version {pending.current_version}). Nothing was overwritten.",
                f"✖ {pending.report_id} へのあなたの変更は保存されていません：先に他の人が保存しました"
                f"（現在の版 {pending.current_version}）。何も上書きされていません。",
            )
        )
        left, right = st.columns(2)
        left.text(tr("They changed", "相手の変更") + "\n" + "\n".join(f"- {line}" for line in pending.their_changes()))
        right.text(tr("You tried to", "あなたの変更") + "\n" + "\n".join(f"- {line}" for line in pending.my_changes()))
        a, b = st.columns(2)
        a.button(
            tr("Reload and re-apply my change", "再読み込みして自分の変更を適用し直す"),
            type="primary",
            on_click=lambda: session.reapply_conflict(state, store, page_actor()),
        )
        b.button(
            tr("Drop my change and reload", "自分の変更を破棄して再読み込み"),
            on_click=lambda: session.discard_conflict(state, store),
        )


def stale_notice(dataset: str, report) -> None:
    saved = session.saved_version(store, dataset, report)
    if saved is not None and saved != report.meta["version"] and session.conflict(state) is None:
        st.text(
            tr(
                f"⚠ {report.id} was saved by someone else since you opened it (version {saved}, yours "
                f"{report.meta['version']}). Press ⟳ to see it before editing.",
                f"⚠ 開いた後に {report.id} が他の人により保存されました（版 {saved}、あなたの版 "
                f"{report.meta['version']}）。編集する前に ⟳ で最新を表示してください。",
            )
        )


def predictions_panel(report, comparison: wb.Comparison | None) -> None:
    if comparison is None:
        return
    with st.expander(
        tr(
            f"Predictions of the overlay run: {len(comparison.predictions)} placed, "
            f"{len(comparison.missed)} gold missed, {len(comparison.not_found)} not in the text",
            f"重ねた実行の予測：配置 {len(comparison.predictions)} 件、見逃し {len(comparison.missed)} 件、"
            f"本文にないもの {len(comparison.not_found)} 件",
        ),
        expanded=False,
    ):
        verdicts = {
            "match": tr("matches the labels", "ラベルと一致"),
            "wrong_category": tr("other category", "分類違い"),
            "spurious": tr("spurious", "誤検出"),
        }
        distinct = {}
        for p in comparison.predictions:
            distinct.setdefault((p.value, p.label), p)
        for index, ((value, label), p) in enumerate(distinct.items()):
            cols = st.columns([4, 3, 1])
            cols[0].text(f"{value} — {label} ({verdicts.get(p.verdict, p.verdict)})")
            suggested = wb.suggested_category(label) or CATEGORY_CODES[0]
            category = cols[1].selectbox(
                tr("as", "分類"),
                CATEGORY_CODES,
                index=CATEGORY_CODES.index(suggested),
                key=f"wb_accept_cat_{report.id}_{index}",
                label_visibility="collapsed",
                format_func={c: category_name(c) for c in CATEGORY_CODES}.get,
            )
            cols[2].button(
                tr("Accept", "採用"),
                key=f"wb_accept_{report.id}_{index}",
                on_click=do,
                args=("accept",),
                kwargs={"value": value, "label": label, "category": category},
            )
        for item in comparison.not_found:
            st.text(tr("not in the text: ", "本文にない：") + f"{item.get('value')} ({item.get('label')})")


def span_list(report) -> None:
    """The spans of the open layer, compact, beside the text."""
    rows = [
        {
            tr("text", "本文"): s.text,
            tr("category", "分類"): category_name(s.category),
            tr("start", "開始"): s.start,
            tr("end", "終了"): s.end,
        }
        for s in report.spans
    ]
    st.text(tr(f"Spans ({len(rows)})", f"スパン（{len(rows)} 件）"))
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=min(36 + 35 * len(rows), 246))


def spans_editor(report) -> None:
    table = wb.spans_table(report.spans)
    table_key = f"wb_table_{report.id}_{report.meta.get('layer', '')}_{report.meta['version']}"
    st.text(
        tr(
            "Exact offsets (code points, end exclusive). Edit, add or delete rows, then save; "
            "the text column is filled in from the offsets.",
            "正確なオフセット（コードポイント、終了位置は含まない）。行を編集・追加・削除してから保存します。"
            "本文の列はオフセットから埋められます。",
        )
    )
    st.data_editor(
        table,
        key=table_key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "start": st.column_config.NumberColumn(tr("start", "開始"), min_value=0, step=1, required=True),
            "end": st.column_config.NumberColumn(tr("end", "終了"), min_value=1, step=1, required=True),
            "category": st.column_config.SelectboxColumn(
                tr("category", "分類"),
                options=list(CATEGORY_CODES),
                required=True,
                format_func={c: f"{category_name(c)} ({c})" for c in CATEGORY_CODES}.get,
            ),
            "text": st.column_config.TextColumn(tr("text", "本文"), disabled=True),
        },
    )
    st.button(
        tr("Save table", "表を保存"),
        key=f"wb_save_table_{report.id}",
        on_click=save_table,
        args=(table_key, table.to_dict("records")),
    )


def other_layers(dataset: str, report) -> None:
    """Other annotators' layers of this report, as far as blind mode lets this user see them."""
    layers = service.visible_layers(store, actor, dataset, report.id)
    mine = report.meta.get("layer")
    others = {name: layer for name, layer in layers.items() if name != mine}
    hidden = len(store.layers(dataset, ids=[report.id]).get(report.id, {})) - len(layers)
    if not others and not hidden:
        return
    with st.expander(tr(f"Other layers ({len(others)})", f"他のレイヤー（{len(others)}）")):
        if hidden:
            st.text(
                tr(
                    f"Blind mode: {hidden} other layers stay hidden until you submit yours.",
                    f"ブラインドモード：自分のレイヤーを提出するまで、他の {hidden} レイヤーは表示されません。",
                )
            )
        for name, layer in others.items():
            st.text(
                f"{name} · {label_status_name(layer.status, current_language())} · "
                + tr(f"{len(layer.spans)} spans", f"スパン {len(layer.spans)} 件")
            )
            if layer.spans:
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                tr("text", "本文"): s.text,
                                tr("category", "分類"): category_name(s.category),
                                tr("start", "開始"): s.start,
                                tr("end", "終了"): s.end,
                            }
                            for s in layer.spans
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                )


def report_details(dataset: str, report) -> None:
    if report.warnings:
        with st.expander(
            tr(
                f"Import warnings of this report ({len(report.warnings)})",
                f"このレポートの取り込み警告（{len(report.warnings)}）",
            ),
            expanded=False,
        ):
            st.dataframe(
                pd.DataFrame([{tr("kind", "種類"): w.kind, tr("message", "内容"): w.message} for w in report.warnings]),
                hide_index=True,
                width="stretch",
            )
    with st.expander(tr("Change history", "変更履歴")):
        log = store.audit_log(dataset, report.id, layer=report.meta.get("layer", ""))
        if log.empty:
            st.text(tr("no changes since import", "取り込み以降の変更はありません"))
        else:
            log = log.assign(changed_at=log["changed_at"].map(fmt_datetime))
            st.dataframe(
                log[
                    ["audit_id", "actor", "changed_at", "action", "version_before", "version_after", "undone_by"]
                ].rename(
                    columns={
                        "audit_id": "#",
                        "actor": tr("who", "担当者"),
                        "changed_at": tr("when", "日時"),
                        "action": tr("action", "操作"),
                        "version_before": tr("from version", "変更前の版"),
                        "version_after": tr("to version", "変更後の版"),
                        "undone_by": tr("undone by", "取り消した変更"),
                    }
                ),
                hide_index=True,
            )


def guidelines_panel() -> None:
    path = GUIDELINES.get(current_language())
    if path is None or not path.exists():
        path = GUIDELINES["en"]
    with st.expander(tr("Guidelines: key points", "ガイドライン：要点"), expanded=True):
        if not path.exists():
            st.text(
                tr(
                    "The annotation guidelines (docs/annotation_guidelines.md) are not in this copy yet.",
                    "アノテーションガイドライン（docs/annotation_guidelines.md）はまだこのコピーにありません。",
                )
            )
            return
        points = wb.guideline_points(path.read_text(encoding="utf-8"))
        with st.container(height=220, border=False):
            st.text("\n".join(f"• {p}" for p in points) or tr("(no bullet points found)", "（箇条書きがありません）"))
        with st.popover(tr("Read the full guidelines", "ガイドライン全文を読む")):
            st.markdown(guidelines_markdown(path))  # the project's own file, not user text


def shortcuts_help() -> None:
    with st.expander(tr("Keyboard shortcuts", "キーボードショートカット"), expanded=False):
        st.text(
            tr(
                "Keys work whenever the cursor is not in a text field or the table. Select text with the "
                "mouse, then press a category key (or click a category).",
                "カーソルが入力欄や表にないときにキーが使えます。本文をマウスで選び、分類キーを押す"
                "（または分類をクリックする）と付与されます。",
            )
        )
        rows = [{tr("key", "キー"): key, tr("does", "操作"): does} for key, does in _shortcut_rows()]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _shortcut_rows() -> list[tuple[str, str]]:
    does = {
        "next": ("next report", "次のレポート"),
        "previous": ("previous report", "前のレポート"),
        "approve": ("approve (submit your layer)", "承認（自分のレイヤーでは提出）"),
        "in_review": ("mark in review", "レビュー中にする"),
        "undo": ("undo the last change", "最後の変更を取り消す"),
        "accept_all": ("accept all predictions of the overlay run", "重ねた実行の予測をすべて採用"),
        "accept": ("accept the clicked prediction (all its occurrences)", "クリックした予測を採用（すべての出現）"),
        "delete": ("delete the clicked span (Backspace too)", "クリックしたスパンを削除（Backspace も可）"),
        "clear": ("clear the selection", "選択を解除"),
    }
    rows = [(key, tr(*does.get(action, (text, text)))) for key, action, text in wb.ACTION_SHORTCUTS]
    rows += [
        (key, tr("label the selection ", "選択範囲に付与：") + category_name(code))
        for code, key in wb.category_keys().items()
    ]
    return rows


def annotator_strings() -> dict[str, str]:
    return {
        "saving": tr("saving…", "保存中…"),
        "selected": tr(
            "selected {start}–{end} (UTF-16): press a category key or click a category",
            "{start}–{end} を選択中（UTF-16）：分類キーを押すか分類をクリック",
        ),
        "idle": tr(
            "Select text and press a category key; click a span to change or delete it.",
            "本文を選んで分類キーを押します。スパンをクリックすると変更・削除できます。",
        ),
        "missed": tr(" (missed by the run)", "（実行が見逃し）"),
        "gold_help": tr("category key to change, Delete to remove", "分類キーで変更、Delete で削除"),
        "pred_help": tr("Enter to accept, or a category key", "Enter で採用、または分類キー"),
        "key_match": tr("prediction = gold", "予測＝正解"),
        "key_other": tr("other category", "分類違い"),
        "key_spurious": tr("spurious", "誤検出"),
        "key_missed": tr("missed gold", "見逃し"),
    }


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
        r.id: f"{r.id} · {label_status_name(r.status, current_language())} · "
        + tr(f"{len(r.spans)} spans", f"スパン {len(r.spans)} 件")
        + (" ⚠" if wb.needs_review(r) else "")
        for r in shown
    }
    options = wb.layer_options(
        layer_name=actor.layer_name, may_edit_gold=can(actor, "edit_gold"), has_queue=queue is not None
    )
    toolbar(dataset, report, ids, labels, options)
    conflict_panel()
    stale_notice(dataset, report)
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
        strings=annotator_strings(),
        status_names={s: label_status_name(s, current_language()) for s in LABEL_STATUSES},
    )
    span_annotator(data, key=COMPONENT_KEY, on_event=on_component_event)
    with page_panel():
        guidelines_panel()
    list_col, info_col = st.columns([2, 1])
    with list_col:
        span_list(report)
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
    predictions_panel(report, comparison)
    other_layers(dataset, report)
    with st.expander(tr(f"Spans table ({len(report.spans)})", f"スパンの表（{len(report.spans)}）"), expanded=False):
        spans_editor(report)
    shortcuts_help()
    report_details(dataset, report)


def review_tab(reports: list) -> None:
    rows = wb.warning_rows(reports)
    if not rows:
        st.text(
            tr(
                "✓ No import warnings and no unlabeled reports in this selection.",
                "✓ この範囲には取り込み警告も未ラベルのレポートもありません。",
            )
        )
        return
    frame = pd.DataFrame(rows)
    headers = {
        "report_id": tr("report", "レポート"),
        "status": tr("status", "状態"),
        "kind": tr("kind", "種類"),
        "message": tr("message", "内容"),
        "label": tr("label", "ラベル"),
        "value": tr("value", "値"),
    }
    st.text(
        tr(
            f"{len(frame)} items in {frame['report_id'].nunique()} reports: values the importer could not "
            "find, labels it could not map, duplicates and unlabeled reports.",
            f"{frame['report_id'].nunique()} レポートに {len(frame)} 件：取り込みで見つからなかった値、"
            "対応付けできなかったラベル、重複、未ラベルのレポート。",
        )
    )
    st.dataframe(
        frame.assign(status=frame["status"].map(lambda s: label_status_name(s, current_language()))).rename(
            columns=headers
        ),
        hide_index=True,
        width="stretch",
    )
    ids = list(dict.fromkeys(frame["report_id"]))
    cols = st.columns([3, 1], vertical_alignment="bottom")
    target = cols[0].selectbox(tr("Jump to report", "レポートへ移動"), ids, key="wb_jump_target")
    cols[1].button(tr("Open in editor", "エディターで開く"), on_click=jump_to, args=(target,), width="stretch")


def format_names() -> dict[str, str]:
    return {
        "jsonl": tr("JSONL (phi-bench)", "JSONL（phi-bench 形式）"),
        "paper-csv": tr("CSV of the study", "論文の CSV 形式"),
        "doccano": tr("doccano JSONL", "doccano の JSONL"),
    }


def transfer_tab(dataset: str, split: str | None, reports: list) -> None:
    st.subheader(tr("Import a corpus", "コーパスの取り込み"))
    st.file_uploader(tr("Corpus file", "コーパスファイル"), key="wb_upload", type=["jsonl", "json", "csv"])
    cols = st.columns(4)
    names = format_names()
    cols[0].selectbox(
        tr("Format", "形式"),
        list(IMPORTERS),
        key="wb_import_fmt",
        format_func={f: names.get(f, f) for f in IMPORTERS}.get,
    )
    cols[1].text_input(
        tr("Dataset name", "データセット名"),
        key="wb_import_name",
        placeholder=tr("e.g. hospital-2025", "例：hospital-2025"),
    )
    cols[2].selectbox(
        tr("Split", "分割"),
        ["from file", *SPLITS],
        key="wb_import_split",
        format_func={
            "from file": tr("from file", "ファイルに従う"),
            "dev": tr("dev", "開発"),
            "test": tr("test", "テスト"),
        }.get,
    )
    cols[3].selectbox(
        tr("Encoding", "文字コード"),
        list(ENCODINGS),
        key="wb_import_encoding",
        format_func=lambda k: tr("detect", "自動判定") if k == "auto" else k,
        help=tr(
            "Detected: UTF-8, else Shift_JIS (CP932) or EUC-JP. Choose one to force it.",
            "自動判定：UTF-8、それ以外は Shift_JIS（CP932）または EUC-JP。指定すると固定します。",
        ),
    )
    st.button(tr("Check file", "ファイルを確認"), on_click=check_upload)
    preview = state.get("wb_import")
    if preview is not None:
        with st.container(border=True):
            shown_fmt = names.get(preview.fmt, preview.fmt)
            st.text(
                tr(
                    f"{preview.filename} as {shown_fmt} → dataset {preview.dataset} (not saved yet)",
                    f"{preview.filename}（{shown_fmt}）→ データセット {preview.dataset}（未保存）",
                )
            )
            st.dataframe(
                pd.DataFrame(preview.summary_rows, columns=[tr("what", "項目"), tr("count", "件数")]), hide_index=True
            )
            st.button(
                tr("Commit import", "取り込みを確定"),
                type="primary",
                on_click=commit_upload,
                disabled=not can(actor, "import"),
            )
    st.subheader(tr("Export gold labels", "ゴールドラベルの書き出し"))
    fmt = st.selectbox(
        tr("Export format", "書き出し形式"),
        list(EXPORTERS),
        key="wb_export_fmt",
        format_func={f: names.get(f, f) for f in EXPORTERS}.get,
    )
    st.download_button(
        tr(
            f"Download {len(reports)} reports as {names.get(fmt, fmt)}",
            f"{len(reports)} 件を{names.get(fmt, fmt)}でダウンロード",
        ),
        data=lambda: export_bytes(reports, fmt),
        file_name=export_filename(dataset, split, fmt),
        mime="application/octet-stream",
    )


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
annotate, review, transfer = st.tabs(
    [tr("Annotate", "アノテーション"), tr("Review queue", "確認待ち"), tr("Import / export", "取り込み／書き出し")]
)
with annotate:
    annotate_tab(dataset, split, all_reports)
with review:
    review_tab(all_reports)
with transfer:
    transfer_tab(dataset, split, all_reports)
