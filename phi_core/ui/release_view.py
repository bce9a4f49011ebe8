"""The Residual leak page's release decision: bounds, verdict, evidence per kind, advice, the report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.release.verdict import STATUS_TEXT, ReleaseLimits
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.release_cached import kinds_and_sizes, run_decision

# The per-category limit on documents leaking, as the page first shows it (a percentage).
DEFAULT_CATEGORY_SHARE_PCT = 1.0


def _criteria_frame(evidence, ja: bool) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr("criterion", "基準"): c.key,
                tr("observed", "観測値"): c.bound.estimate,
                tr("95% lower", "95% 下限"): c.bound.lower,
                tr("95% upper", "95% 上限"): c.bound.upper,
                tr("limit", "上限値"): c.limit,
                tr("documents", "文書数"): c.bound.n,
                tr("verdict", "判定"): STATUS_TEXT[c.status][1 if ja else 0],
            }
            for c in evidence.criteria
        ]
    )


def _kinds_frame(decision, ja: bool, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr("kind", "種類"): e.scope,
                tr("typical lines", "典型的な行"): names.get(e.scope, ""),
                tr("annotated documents", "正解付き文書"): e.n_documents,
                tr("verdict", "判定"): STATUS_TEXT[e.status][1 if ja else 0],
                tr("advice", "助言"): e.advice("ja" if ja else "en"),
            }
            for e in decision.kinds
        ]
    )


def release_section(store, dataset: str, split: str | None, measured, rule) -> None:
    """Draw the decision for each measured run; the report downloads for pipeline and rules runs."""
    ja = current_language() == "ja"
    st.subheader(tr("Release decision with 95% confidence", "95% の信頼度での公開判定"))
    share = st.number_input(
        tr("Max % of documents leaking each no-leak category", "漏らしてはならない区分ごとの漏洩文書の上限（%）"),
        min_value=0.01,
        max_value=100.0,
        value=DEFAULT_CATEGORY_SHARE_PCT,
        step=0.5,
        key="release_category_share",
    )
    limits = ReleaseLimits(rule, share / 100)
    st.text(tr("Rule: ", "ルール: ") + limits.describe(current_language()))
    kinds, sizes = kinds_and_sizes(store, dataset)
    if sizes:
        st.text(tr("Weighted to the archive by document kind.", "文書の種類ごとにアーカイブへ重み付けしています。"))
    if not measured:
        return
    labels = {run.run_id: run.label for run in measured}
    run_id = st.selectbox(tr("Run", "実行"), list(labels), format_func=labels.get, key="release_run")
    # Only the chosen run: bootstraps for every run and kind would slow the page down with many runs.
    chosen = run_decision(store, dataset, split, run_id, limits)
    overall = chosen.decision.overall
    # st.text: kind names and run labels come from files and users, never parsed as Markdown.
    st.text(overall.advice(current_language()))
    st.dataframe(_criteria_frame(overall, ja), hide_index=True, key="release_criteria")
    names = {k["kind"]: k["name"] for k in store.sample_kinds(dataset)}
    st.dataframe(_kinds_frame(chosen.decision, ja, names), hide_index=True, key="release_kinds")
    _report_buttons(store, dataset, chosen, limits)


def _report_buttons(store, dataset: str, chosen, limits) -> None:
    from phi_core.release.pdf import html_to_pdf
    from phi_core.release.report import ReportError, build_report, find_run
    from phi_core.roles import can
    from phi_core.ui.auth import page_actor

    pipeline = chosen.label.split(":", 1)[1] if chosen.label.startswith("pipeline:") else chosen.label
    if pipeline != "rules" and not chosen.label.startswith("pipeline:"):
        st.text(tr("The report is made for pipelines.", "報告書はパイプラインについて作成します。"))
        return
    try:
        find_run(store, dataset, pipeline)
    except ReportError as exc:
        st.text(str(exc))
        return
    actor, language = page_actor(), current_language()
    allowed = can(actor, "release_report")

    def page() -> str:  # made only when a button is clicked
        return build_report(store, actor, dataset, pipeline, limits=limits, language=language).html

    left, right = st.columns(2)
    reason = None if allowed else tr("Needs the lead role.", "リーダーの役割が必要です。")
    left.download_button(
        tr("Release report (HTML)", "公開判定報告書（HTML）"),
        data=lambda: page().encode("utf-8"),
        file_name=f"release_report_{pipeline}.html",
        mime="text/html",
        key="release_report_html",
        disabled=not allowed,
        help=reason,
    )
    right.download_button(
        tr("Release report (PDF)", "公開判定報告書（PDF）"),
        data=lambda: html_to_pdf(page()),
        file_name=f"release_report_{pipeline}.pdf",
        mime="application/pdf",
        key="release_report_pdf",
        disabled=not allowed,
        help=reason,
    )
