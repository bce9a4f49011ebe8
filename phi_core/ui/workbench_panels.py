"""The workbench's panels around the text: conflicts, predictions, span lists, other layers, history, help.

Views only: they draw, and every button calls phi_core.ui.workbench_actions.
Their words are in phi_core.ui.workbench_text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.paths import ROOT
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.team import service
from phi_core.ui import editor_session as session
from phi_core.ui.gold_comparison import Comparison
from phi_core.ui.guidelines import guideline_points
from phi_core.ui.span_edits import suggested_category
from phi_core.ui.span_table import spans_table
from phi_core.ui import workbench_text as words
from phi_core.ui.auth import page_actor
from phi_core.ui.guidelines import guidelines_markdown
from phi_core.ui.i18n import category_name, current_language, fmt_datetime, tr
from phi_core.ui.state import get_store
from phi_core.ui.vocabulary import label_status_name
from phi_core.ui.workbench_actions import do, save_table

GUIDELINES = {"ja": ROOT / "docs" / "annotation_guidelines.ja.md", "en": ROOT / "docs" / "annotation_guidelines.md"}


def conflict_panel() -> None:
    pending = session.conflict(st.session_state)
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
            on_click=lambda: session.reapply_conflict(st.session_state, get_store(), page_actor()),
        )
        b.button(
            tr("Drop my change and reload", "自分の変更を破棄して再読み込み"),
            on_click=lambda: session.discard_conflict(st.session_state, get_store()),
        )


def stale_notice(dataset: str, report) -> None:
    saved = session.saved_version(get_store(), dataset, report)
    if saved is not None and saved != report.meta["version"] and session.conflict(st.session_state) is None:
        st.text(
            tr(
                f"⚠ {report.id} was saved by someone else since you opened it (version {saved}, yours "
                f"{report.meta['version']}). Press ⟳ to see it before editing.",
                f"⚠ 開いた後に {report.id} が他の人により保存されました（版 {saved}、あなたの版 "
                f"{report.meta['version']}）。編集する前に ⟳ で最新を表示してください。",
            )
        )


def predictions_panel(report, comparison: Comparison | None) -> None:
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
        verdicts = words.names(words.VERDICTS, current_language())
        distinct = {}
        for p in comparison.predictions:
            distinct.setdefault((p.value, p.label), p)
        for index, ((value, label), p) in enumerate(distinct.items()):
            cols = st.columns([4, 3, 1])
            cols[0].text(f"{value} — {label} ({verdicts.get(p.verdict, p.verdict)})")
            suggested = suggested_category(label) or CATEGORY_CODES[0]
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
    rows = words.span_rows(report.spans, current_language(), category_name)
    st.text(tr(f"Spans ({len(rows)})", f"スパン（{len(rows)} 件）"))
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=min(36 + 35 * len(rows), 246))


def spans_editor(report) -> None:
    table = spans_table(report.spans)
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
    layers = service.visible_layers(get_store(), page_actor(), dataset, report.id)
    mine = report.meta.get("layer")
    others = {name: layer for name, layer in layers.items() if name != mine}
    hidden = len(get_store().layers(dataset, ids=[report.id]).get(report.id, {})) - len(layers)
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
                    pd.DataFrame(words.span_rows(layer.spans, current_language(), category_name)),
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
        log = get_store().audit_log(dataset, report.id, layer=report.meta.get("layer", ""))
        if log.empty:
            st.text(tr("no changes since import", "取り込み以降の変更はありません"))
        else:
            log = log.assign(changed_at=log["changed_at"].map(fmt_datetime))
            st.dataframe(
                log[
                    ["audit_id", "actor", "changed_at", "action", "version_before", "version_after", "undone_by"]
                ].rename(columns=words.names(words.AUDIT_HEADERS, current_language())),
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
        points = guideline_points(path.read_text(encoding="utf-8"))
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
        rows = [
            {tr("key", "キー"): key, tr("does", "操作"): does}
            for key, does in words.shortcut_rows(current_language(), category_name)
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
