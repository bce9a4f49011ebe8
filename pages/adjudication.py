"""Adjudication: settle where annotators disagree; the result becomes the gold.

A thin view over phi_core.team (comparison, decisions, saving with the role
check). Disagreements come most leak-prone first; each is settled with a
key: 1, 2, ... take an annotator's side, b both, 0 neither.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.roles import NotAllowed, can
from phi_core.store import StoreError
from phi_core.team import service
from phi_core.team.adjudication import BOTH, NEITHER, decision_keys, first_undecided, marked_text
from phi_core.ui.auth import page_actor
from phi_core.ui.i18n import category_name, error_text, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

store = get_store()
state = st.session_state
actor = page_actor()
dataset, split = require_active_dataset()
DECISIONS = "adj_decisions"
CURRENT = "adj_current"
NOTICE = "adj_notice"

KIND_NAMES = {
    "missing": (tr("marked by one side only", "一方だけが付与"), tr("leak risk: high", "漏洩リスク：高")),
    "boundary": (tr("different boundaries", "範囲の違い"), tr("leak risk: part of a value", "漏洩リスク：値の一部")),
    "category": (
        tr("different category", "分類の違い"),
        tr("leak risk: none (masked either way)", "漏洩リスク：なし（どちらでもマスクされる）"),
    ),
    "mixed": (
        tr("different boundaries and categories", "範囲と分類の違い"),
        tr("leak risk: part of a value", "漏洩リスク：値の一部"),
    ),
}

st.title(tr("Adjudication", "裁定"))
if not can(actor, "adjudicate"):
    st.text(
        tr(
            "Adjudication needs the adjudicator or lead role. Ask a lead to change your role on the Team page.",
            "裁定には裁定者またはリーダーの役割が必要です。チームのページでリーダーに役割の変更を依頼してください。",
        )
    )
    st.stop()


def _notice(message: str) -> None:
    state[NOTICE] = message


def settle_agreed() -> None:
    try:
        done = service.settle_agreed(store, page_actor(), dataset, split)
    except (NotAllowed, StoreError) as error:
        _notice(error_text(error))
        return
    _notice(
        tr(
            f"{done} reports without disagreement were adjudicated as they are.",
            f"食い違いのない {done} 件のレポートをそのまま裁定しました。",
        )
    )


def decide(report_id: str, key: str, decision: str, index: int) -> None:
    decisions = state.setdefault(DECISIONS, {}).setdefault(report_id, {})
    decisions[key] = decision
    state[CURRENT] = index + 1


def move(step: int, total: int) -> None:
    state[CURRENT] = max(0, min(total - 1, int(state.get(CURRENT, 0)) + step))


def save(report_id: str, versions: dict) -> None:
    decisions = state.get(DECISIONS, {}).get(report_id, {})
    try:
        service.adjudicate(store, page_actor(), dataset, report_id, decisions, versions=versions)
    except (NotAllowed, StoreError) as error:
        _notice(error_text(error))
        return
    state.get(DECISIONS, {}).pop(report_id, None)
    state[CURRENT] = 0
    _notice(
        tr(
            f"✓ {report_id} adjudicated: its gold is saved (approved).",
            f"✓ {report_id} を裁定しました。ゴールドを保存しました（承認済み）。",
        )
    )


if state.get(NOTICE):
    st.text(state.pop(NOTICE))

pending = service.pending_adjudication(store, dataset, split)
if not pending:
    st.text(
        tr(
            "No report has two submitted layers yet: nothing to adjudicate.",
            "提出済みのレイヤーが2つあるレポートがまだありません。裁定するものはありません。",
        )
    )
    st.stop()

frame = pd.DataFrame(pending)
open_rows = frame[~frame["adjudicated"]]
cols = st.columns([3, 1], vertical_alignment="bottom")
cols[0].text(
    tr(
        f"{len(open_rows)} reports to adjudicate ({int((open_rows['disagreements'] == 0).sum())} without "
        f"disagreement), {int(frame['adjudicated'].sum())} done.",
        f"裁定待ち {len(open_rows)} 件（うち食い違いなし {int((open_rows['disagreements'] == 0).sum())} 件）、"
        f"裁定済み {int(frame['adjudicated'].sum())} 件。",
    )
)
cols[1].button(
    tr("Settle all without disagreement", "食い違いのないものを一括裁定"), on_click=settle_agreed, width="stretch"
)

labels = {
    row["report_id"]: tr(
        f"{row['report_id']} · {row['disagreements']} disagreements ({row['missing']} one-sided)"
        + (" · done" if row["adjudicated"] else ""),
        f"{row['report_id']} · 食い違い {row['disagreements']} 件（一方のみ {row['missing']} 件）"
        + (" · 裁定済み" if row["adjudicated"] else ""),
    )
    for row in pending
}
report_id = st.selectbox(
    tr("Report (most one-sided disagreements first)", "レポート（一方のみの食い違いが多い順）"),
    list(labels),
    format_func=labels.get,
    key="adj_report",
    on_change=lambda: state.update({CURRENT: 0}),
)
report = store.report(dataset, report_id)
comparison, versions = service.comparison_for(store, dataset, report_id)
decisions = state.setdefault(DECISIONS, {}).setdefault(report_id, {})
# Decisions of layers that have changed since do not apply any more.
for stale in set(decisions) - {d.key for d in comparison.disagreements}:
    decisions.pop(stale)

st.text(tr("[agreed]  ⟦disputed⟧#n  ⟨marked only by the other side⟩#n", "[一致]  ⟦食い違い⟧#n  ⟨相手だけが付与⟩#n"))
side_cols = st.columns(len(comparison.annotators))
for col, annotator in zip(side_cols, comparison.annotators):
    with col:
        st.text(annotator)
        st.code(marked_text(report.text, annotator, comparison), language=None, wrap_lines=True, height=260)

total = len(comparison.disagreements)
keys = decision_keys(comparison.annotators)
if total:
    index = min(int(state.get(CURRENT, 0)), total - 1)
    d = comparison.disagreements[index]
    kind, risk = KIND_NAMES[d.kind]
    with st.container(border=True):
        st.text(
            tr(
                f"Disagreement {index + 1} of {total} · {kind} · {risk} · characters {d.start}–{d.end}",
                f"食い違い {total} 件中 {index + 1} 件目 · {kind} · {risk} · 文字位置 {d.start}–{d.end}",
            )
        )
        context = (
            report.text[max(0, d.start - 15) : d.start]
            + "⟦"
            + report.text[d.start : d.end]
            + "⟧"
            + report.text[d.end : d.end + 15]
        )
        st.code(context, language=None, wrap_lines=True)
        side_text = {
            a: (
                ", ".join(f"{s.text} ({category_name(s.category)})" for s in spans)
                or tr("(nothing marked)", "（付与なし）")
            )
            for a, spans in d.sides.items()
        }
        # Button labels parse Markdown, so annotator names (from sign-in or typing) are shown here as plain text.
        side_keys = {decision: key for key, decision in keys.items()}
        for a in comparison.annotators:
            st.text(f"[{side_keys.get(a, '-')}] {a}: {side_text[a]}")
        chosen = decisions.get(d.key)
        buttons = st.columns(len(keys) + 2)
        for col, (key, decision) in zip(buttons, keys.items()):
            name = {BOTH: tr("Both", "両方"), NEITHER: tr("Neither", "どちらも不採用")}.get(
                decision, tr(f"Take side {key}", f"{key} 側を採用")
            )
            col.button(
                f"{name} ({key})",
                key=f"adj_{key}",
                shortcut=key,
                width="stretch",
                type="primary" if chosen == decision else "secondary",
                on_click=decide,
                args=(report_id, d.key, decision, index),
            )
        buttons[-2].button("◀ (k)", key="adj_prev", shortcut="k", on_click=move, args=(-1, total), width="stretch")
        buttons[-1].button("▶ (j)", key="adj_next", shortcut="j", on_click=move, args=(1, total), width="stretch")

    table = pd.DataFrame(
        [
            {
                "#": x.index + 1,
                tr("kind", "種類"): KIND_NAMES[x.kind][0],
                tr("characters", "文字位置"): f"{x.start}–{x.end}",
                **{
                    a: ", ".join(f"{s.text} ({category_name(s.category)})" for s in x.sides[a])
                    for a in comparison.annotators
                },
                tr("decision", "決定"): decisions.get(x.key, "—"),
            }
            for x in comparison.disagreements
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")

undecided = first_undecided(comparison, decisions) if total else None
left = sum(1 for x in comparison.disagreements if x.key not in decisions)
save_cols = st.columns([1, 3], vertical_alignment="center")
save_cols[0].button(
    tr("Save as gold (s)", "ゴールドとして保存 (s)"),
    type="primary",
    shortcut="s",
    disabled=undecided is not None,
    on_click=save,
    args=(report_id, versions),
    width="stretch",
)
save_cols[1].text(
    tr(
        f"{left} disagreements left to decide; the {len(comparison.agreed)} agreed spans are kept.",
        f"未決定の食い違い {left} 件。一致した {len(comparison.agreed)} 件のスパンはそのまま残ります。",
    )
    if left
    else tr("Every disagreement is decided.", "すべての食い違いを決定しました。")
)
