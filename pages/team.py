"""Team: roles, assignments, blind mode and the audit export.

A thin view over phi_core.team.service; every action is checked against the
user's role there (a lead assigns and sets roles, adjudicators and leads export
the audit), whatever this page shows.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.roles import ACTIONS, NotAllowed, can
from phi_core.store import StoreError
from phi_core.store.members import ROLES
from phi_core.team import service
from phi_core.ui.auth import auth_configured, page_actor
from phi_core.ui.i18n import current_language, error_text, fmt_datetime, tr
from phi_core.ui.vocabulary import label_status_name
from phi_core.ui.shell import require_app_shell
from phi_core.ui.sidebar import role_name
from phi_core.ui.state import get_store, require_active_dataset
from phi_core.ui.vocabulary import column_labels

require_app_shell()

store = get_store()
state = st.session_state
actor = page_actor()
dataset, split = require_active_dataset()
NOTICE = "team_notice"


def _run(action, success: str) -> None:
    try:
        result = action()
    except (NotAllowed, StoreError) as error:
        state[NOTICE] = "✖ " + error_text(error)
        return
    state[NOTICE] = "✓ " + success.format(result=result)


def do_assign() -> None:
    names = [n.strip() for n in str(state.get("team_annotators") or "").replace("、", ",").split(",")]
    _run(
        lambda: service.assign_reports(
            store,
            page_actor(),
            dataset,
            names,
            double_share=float(state.get("team_share", 20)) / 100,
            split=split,
            seed=int(state.get("team_seed", 0)),
            prefill=bool(state.get("team_prefill")),
        ),
        tr("assigned: {result}", "割り当てました：{result}"),
    )


def do_unassign() -> None:
    picked = state.get("team_unassign")
    if not picked:
        return
    report_id, annotator = picked
    _run(
        lambda: service.unassign(store, page_actor(), dataset, report_id, annotator),
        tr(
            f"removed the assignment of {report_id} to {annotator}",
            f"{report_id} の {annotator} への割り当てを外しました",
        ),
    )


def do_blind() -> None:
    _run(
        lambda: service.set_blind(store, page_actor(), dataset, bool(state.get("team_blind"))),
        tr("blind mode saved", "ブラインドモードを保存しました"),
    )


def do_role() -> None:
    _run(
        lambda: service.set_member_role(
            store,
            page_actor(),
            str(state.get("team_user") or ""),
            str(state.get("team_role")),
            str(state.get("team_user_name") or ""),
        ),
        tr("role saved", "役割を保存しました"),
    )


st.title(tr("Team", "チーム"))
if state.get(NOTICE):
    st.text(state.pop(NOTICE))

if not auth_configured():
    st.text(
        tr(
            "Single-user mode on this machine: sign-in is not configured, so every action is allowed and "
            "edits are recorded under the name typed in the sidebar. To give a team roles, configure sign-in "
            "(docs/team.md).",
            "このマシンでの単一ユーザーモード：サインインが設定されていないため、すべての操作が可能で、編集は"
            "サイドバーに入力した名前で記録されます。チームに役割を与えるにはサインインを設定してください"
            "（docs/team.md）。",
        )
    )

# ------------------------------------------------------------- assignments
st.subheader(tr("Assignments", "割り当て"))
lead = can(actor, "assign")
cols = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
cols[0].text_input(
    tr(
        "Annotators (comma-separated; sign-in e-mails when sign-in is on)",
        "アノテーター（カンマ区切り。サインイン時はメールアドレス）",
    ),
    key="team_annotators",
    disabled=not lead,
)
cols[1].number_input(
    tr("Annotated twice (%)", "二重アノテーションの割合（%）"), 0, 100, 20, 5, key="team_share", disabled=not lead
)
cols[2].number_input(tr("Seed", "乱数シード"), 0, 10_000, 0, key="team_seed", disabled=not lead)
cols[3].toggle(
    tr("Start from imported labels", "取り込んだラベルから開始"),
    key="team_prefill",
    disabled=not lead,
    help=tr(
        "Off keeps annotators independent (agreement is not inflated by shared pre-labels).",
        "オフにするとアノテーターは互いに独立します（共通の事前ラベルで一致率が水増しされません）。",
    ),
)
st.button(
    tr("Assign the unassigned reports", "未割り当てのレポートを割り当てる"),
    type="primary",
    on_click=do_assign,
    disabled=not lead,
)
state["team_blind"] = service.is_blind(store, dataset)
st.toggle(
    tr(
        "Blind mode: annotators see other layers only after submitting their own",
        "ブラインドモード：自分のレイヤーを提出するまで他のレイヤーを見せない",
    ),
    key="team_blind",
    on_change=do_blind,
    disabled=not can(actor, "set_blind"),
)
assignments = store.assignments(dataset)
if split:
    assignments = assignments[assignments["split"] == split]
if assignments.empty:
    st.text(tr("No report is assigned yet.", "まだ割り当てられたレポートはありません。"))
else:
    summary = (
        assignments.assign(done=assignments["status"] == "approved")
        .groupby("annotator")
        .agg(assigned=("report_id", "count"), done=("done", "sum"))
        .reset_index()
    )
    st.dataframe(
        summary.rename(
            columns={
                "annotator": tr("annotator", "アノテーター"),
                "assigned": tr("assigned", "割り当て"),
                "done": tr("submitted", "提出済み"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    with st.expander(tr(f"All assignments ({len(assignments)})", f"すべての割り当て（{len(assignments)}）")):
        shown = assignments.assign(
            status=assignments["status"].map(lambda s: label_status_name(s, current_language())),
            assigned_at=assignments["assigned_at"].map(fmt_datetime),
        )
        columns = ["report_id", "annotator", "status", "assigned_by", "assigned_at"]
        st.dataframe(
            shown[columns], hide_index=True, width="stretch", column_config=column_labels(columns, current_language())
        )
        untouched = [
            (r, a) for r, a, v in assignments[["report_id", "annotator", "version"]].itertuples(index=False) if v <= 1
        ]
        if untouched and lead:
            cols = st.columns([3, 1], vertical_alignment="bottom")
            cols[0].selectbox(
                tr("Assignment nobody has worked on yet", "まだ作業されていない割り当て"),
                untouched,
                format_func={p: f"{p[0]} → {p[1]}" for p in untouched}.get,
                key="team_unassign",
            )
            cols[1].button(tr("Remove", "外す"), on_click=do_unassign, width="stretch")

# ------------------------------------------------------------------- roles
st.subheader(tr("Roles", "役割"))
st.text(
    tr(
        "viewer: read only · annotator: own layer · adjudicator: adjudication and the gold · lead: runs, "
        "assignments, phase edits and roles",
        "閲覧者：閲覧のみ · アノテーター：自分のレイヤー · 裁定者：裁定とゴールド · リーダー：実行、割り当て、"
        "フェーズ編集、役割",
    )
)
members = store.members()
if not members.empty:
    st.dataframe(
        members.assign(role=members["role"].map(role_name), updated_at=members["updated_at"].map(fmt_datetime)),
        hide_index=True,
        width="stretch",
        column_config=column_labels(members.columns, current_language()),
    )
may_manage = can(actor, "manage_roles")
cols = st.columns([3, 2, 2, 1], vertical_alignment="bottom")
cols[0].text_input(tr("Sign-in e-mail", "サインインのメールアドレス"), key="team_user", disabled=not may_manage)
cols[1].text_input(tr("Display name", "表示名"), key="team_user_name", disabled=not may_manage)
cols[2].selectbox(
    tr("Role", "役割"),
    ROLES,
    key="team_role",
    format_func={r: role_name(r) for r in ROLES}.get,
    disabled=not may_manage,
)
cols[3].button(tr("Save role", "役割を保存"), on_click=do_role, disabled=not may_manage, width="stretch")
with st.expander(tr("What each role may do", "各役割ができること")):
    st.dataframe(
        pd.DataFrame(
            [
                {tr("action", "操作"): action, tr("lowest role", "必要な最低の役割"): role_name(role)}
                for action, role in ACTIONS.items()
            ]
        ),
        hide_index=True,
        width="stretch",
    )

# ------------------------------------------------------------------- audit
st.subheader(tr("Audit export", "監査ログの書き出し"))
if can(actor, "export_audit"):
    cols = st.columns(2)
    cols[0].download_button(
        tr("Label changes (CSV): who changed which label when", "ラベル変更（CSV）：誰がいつどのラベルを変更したか"),
        data=lambda: service.audit_csv(store, page_actor(), "labels", dataset),
        file_name=f"{dataset}-label-audit.csv",
        mime="text/csv",
        width="stretch",
    )
    cols[1].download_button(
        tr("Runs (CSV): model and prompt versions of every run", "実行（CSV）：各実行のモデルとプロンプトの版"),
        data=lambda: service.audit_csv(store, page_actor(), "runs", dataset),
        file_name=f"{dataset}-runs.csv",
        mime="text/csv",
        width="stretch",
    )
else:
    st.text(
        tr("The audit export needs the adjudicator or lead role.", "監査ログの書き出しには裁定者以上の役割が必要です。")
    )
