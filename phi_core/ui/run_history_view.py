"""The Runs page's history tab: every run with its validity counts, and a look inside one run."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.ui import plain
from phi_core.ui import run_history
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.jobs import get_job_manager
from phi_core.ui.state import get_store
from phi_core.ui.vocabulary import job_status_name, run_table_headers


# ----------------------------------------------------------------- history


def history_tab() -> None:
    only_this = st.toggle(tr("Only runs of the selected dataset", "選択中のデータセットの実行のみ"), key="rn_hist_only")
    runs = get_store().runs(st.session_state.get("rn_dataset") if only_this else None)
    if not runs:
        st.info(tr("No runs yet.", "実行はまだありません。"))
        return
    live = {j.run_id for j in get_job_manager().jobs() if j.active and j.run_id}
    checks = get_store().run_validity([r.run_id for r in runs])
    rows = run_history.history_rows(runs, get_store().run_task_counts(), get_store().run_score_means(), live, checks)
    frame = pd.DataFrame(rows).assign(
        status=lambda f: f["status"].map(lambda status: job_status_name(status, current_language()))
    )
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            **run_table_headers(frame.columns, current_language()),
            "invalid_calls": st.column_config.NumberColumn(
                tr("⚠ invalid calls", "⚠ 無効な呼び出し"),
                help=tr(
                    "calls that cannot be trusted as a measure of the model: prompt or answer cut off, schema "
                    "ignored, reasoning text, model changed (counted per kind in the next columns)",
                    "モデルの評価として信頼できない呼び出し：プロンプト・回答の切り詰め、スキーマ無視、"
                    "推論テキスト、モデルの変更（種類ごとの数は右の列）",
                ),
            ),
            "unparseable_replies": st.column_config.NumberColumn(
                tr("unreadable replies", "読めない応答"),
                help=tr("replies with no usable JSON", "使える JSON のない応答"),
            ),
        },
    )
    phase_word = tr("phase", "フェーズ")
    labels = {
        r["run"]: f"{r['run']} · {r['backend']}/{r['model']} {phase_word} {r['phase']} · "
        f"{job_status_name(r['status'], current_language())}"
        for r in rows
    }
    run_id = st.selectbox(
        tr("Look inside a run", "実行の中身を見る"), list(labels), format_func=labels.get, key="rn_drill_run"
    )
    run = get_store().run(run_id)
    with st.expander(tr("Provenance", "来歴"), expanded=False):
        provenance = pd.DataFrame(run_history.provenance_rows(run))
        st.dataframe(
            provenance,
            hide_index=True,
            width="stretch",
            column_config=run_table_headers(provenance.columns, current_language()),
        )
    results = get_store().task_results(run_id)
    items = get_store().predicted_items(run_id)
    scores = get_store().report_scores([run_id])
    report_table = run_history.report_rows(results, items, scores)
    if not report_table:
        st.caption(tr("This run has no finished reports yet.", "この実行には完了したレポートがまだありません。"))
        return
    reports = pd.DataFrame(report_table).assign(
        status=lambda f: f["status"].map(lambda status: job_status_name(status, current_language()))
    )
    st.dataframe(
        reports, hide_index=True, width="stretch", column_config=run_table_headers(reports.columns, current_language())
    )
    report_ids = list(dict.fromkeys(r["report"] for r in report_table))
    report_id = st.selectbox(tr("Report", "レポート"), report_ids, key=f"rn_drill_report_{run_id}")
    report_view(run_history.report_detail(report_id, results, items, scores))


def report_view(detail: dict) -> None:
    if detail["score"]:
        score = pd.DataFrame([detail["score"]])
        st.dataframe(
            score, hide_index=True, width="stretch", column_config=run_table_headers(score.columns, current_language())
        )
    for repeat in detail["repeats"]:
        with st.container(border=True):
            st.markdown(
                plain.fmt(
                    tr("Repeat {} · {} · {} s", "反復 {} · {} · {} 秒"),
                    repeat["repeat"],
                    job_status_name(repeat["status"], current_language()),
                    repeat["seconds"],
                )
            )
            if repeat["error"]:
                plain.show(repeat["error"], "error")
            if repeat["violations"]:
                st.markdown(
                    tr("Violations: ", "違反：") + plain.escape("; ".join(str(v) for v in repeat["violations"]))
                )
            if repeat["items"]:
                items = pd.DataFrame(repeat["items"])
                st.dataframe(
                    items,
                    hide_index=True,
                    width="stretch",
                    column_config=run_table_headers(items.columns, current_language()),
                )
            else:
                st.caption(tr("no items", "項目なし"))
            st.markdown(tr("Raw reply", "応答の原文"))
            st.code(repeat["raw"] or tr("(empty)", "（空）"), language=None, wrap_lines=True)
            for call in repeat["calls"][:-1] if len(repeat["calls"]) > 1 else []:
                st.caption(
                    plain.fmt(tr("earlier call {}", "前の呼び出し {}"), call["step"])
                    + (tr(" (from cache)", "（キャッシュから）") if call["cached"] else "")
                )
                st.code(call["raw"] or tr("(empty)", "（空）"), language=None, wrap_lines=True)
