"""Residual leak: how much PHI each pipeline would still let through, and whether that meets a release rule."""

from __future__ import annotations

import streamlit as st

from phi_core.analysis.residual_leak import ReleaseRule, measure_leaks
from phi_core.figures.leak import leak_bars
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.ui import editor_session as session
from phi_core.ui import lazy
from phi_core.ui.downloads import PageExports, table_download
from phi_core.ui.leak_cached import (
    CHART_RUNS,
    DEFAULT_MAX_RATE_PCT,
    DEFAULT_MAX_SHARE_PCT,
    leak_csv,
    leak_under,
    rule_from_inputs,
    screen_leak_bars,
)
from phi_core.ui.release_view import release_section
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.provenance_note import provenance_notice
from phi_core.ui.state import get_store, require_active_dataset
from phi_core.ui.cached import figure, stored
from phi_core.ui.vocabulary import column_labels, column_name

require_app_shell()

store = get_store()
state = st.session_state
exports = PageExports("residual_leak")
WORST_SHOWN = 20


def open_in_workbench(dataset: str, report_id: str, run_id: str) -> None:
    # Same hand-over as Error analysis: widen the workbench filters and overlay this run.
    state["wb_statuses"], state["wb_search"], state["wb_disagree"], state["wb_warnings_only"] = [], "", False, False
    state["wb_run"] = run_id
    session.open_report(state, store, dataset, report_id)
    st.switch_page("pages/workbench.py")


st.title(tr("Residual leak", "残存漏洩"))
st.text(
    tr(
        "For the privacy officer: PHI characters that no predicted span covers, per pipeline, on gold labels.",
        "個人情報保護責任者向け：正解ラベル上で、予測範囲に覆われない PHI の文字数（パイプラインごと）。",
    )
)
dataset, split = require_active_dataset()
provenance_notice(store, dataset)

with st.container(border=True):
    st.text(tr("Release rule", "公開ルール"))
    cols = st.columns([3, 1, 1])
    no_leak = cols[0].multiselect(
        tr("No document may leak", "どの文書も漏らしてはならない区分"),
        list(CATEGORY_CODES),
        default=list(ReleaseRule().no_leak_categories),
        key="leak_rule_cats",
    )
    max_rate = cols[1].number_input(
        tr("Max % of PHI characters leaked", "漏洩 PHI 文字の上限（%）"),
        min_value=0.0,
        max_value=100.0,
        value=DEFAULT_MAX_RATE_PCT,
        step=0.1,
        key="leak_rule_rate",
    )
    use_share = cols[2].checkbox(tr("Limit documents leaking", "漏洩文書の割合も制限"), key="leak_rule_use_share")
    max_share = cols[2].number_input(
        tr("Max % of documents", "文書の上限（%）"),
        min_value=0.0,
        max_value=100.0,
        value=DEFAULT_MAX_SHARE_PCT,
        step=0.5,
        key="leak_rule_share",
        disabled=not use_share,
    )
rule = rule_from_inputs(no_leak, max_rate, max_share if use_share else None)

measured_leaks = stored(measure_leaks, store, dataset, split)
leak = leak_under(store, dataset, split, rule, current_language())
if leak.summary.empty:
    st.info(
        tr(
            "No scored runs on this dataset and split yet: run an extractor or score a pipeline first.",
            "このデータセットと分割には採点済みの実行がまだありません。先に抽出器を実行するかパイプラインを採点してください。",
        )
    )
    st.stop()

st.subheader(tr("Verdict per pipeline", "パイプラインごとの判定"))
st.text(tr("Rule: ", "ルール: ") + rule.describe(current_language()))
view = leak.summary.assign(
    mark=leak.summary["is_pipeline"].map({True: tr("pipeline", "パイプライン"), False: ""}),
    verdict=leak.summary["verdict"].map({True: tr("passes", "合格"), False: tr("fails", "不合格")}),
)
exports.table(
    view[
        [
            "label",
            "mark",
            "verdict",
            "verdict_text",
            "n_documents",
            "documents_leaking",
            "document_leak_share",
            "char_leak_rate",
            "leaked_chars",
            "gold_chars",
            "over_redacted_chars",
            "over_redaction_rate",
            "f1",
            "f2",
            "run_id",
        ]
    ],
    "residual_leak_summary",
    key="leak_summary",
    column_config={
        **column_labels(view.columns, current_language()),
        **{
            c: st.column_config.NumberColumn(column_name(c, current_language()), format=f)
            for c, f in (
                ("document_leak_share", "percent"),
                ("char_leak_rate", "percent"),
                ("over_redaction_rate", "percent"),
                ("f1", "%.3f"),
                ("f2", "%.3f"),
            )
        },
    },
)
language = current_language()
# Below the verdict and drawn only on request: a Plotly chart was most of the time this page took to appear.
if lazy.revealed(tr("Show the chart of leaks by category", "区分別の漏洩の図を表示"), key="leak_fig_open"):
    if len(leak.summary) > CHART_RUNS:
        st.caption(
            tr(
                f"The {CHART_RUNS} runs that leak least; the table above and the downloads have all "
                f"{len(leak.summary)}.",
                f"漏洩の少ない {CHART_RUNS} 件の実行です。上の表とダウンロードには全 {len(leak.summary)} 件があります。",
            )
        )
    exports.chart(
        figure(screen_leak_bars, leak.by_category, leak.summary, language=language), "leak_by_category", key="leak_fig"
    )
else:
    exports.later(
        figures={
            "leak_by_category": lambda: figure(screen_leak_bars, leak.by_category, leak.summary, language=language)
        }
    )
# Every run's bars, made only if the page's zip is downloaded.
exports.later(
    figures={"leak_by_category_all_runs": lambda: leak_bars(leak.by_category, leak.summary, language=language)}
)

release_section(store, dataset, split, measured_leaks, rule)

# Only the open tab is drawn (phi_core.ui.lazy); its tables are in the zip either way.
cat_tab, style_tab, worst_tab = lazy.tabs(
    [tr("By category", "区分別"), tr("By style", "文体別"), tr("Documents that leak most", "漏洩の多い文書")],
    key="leak_tab",
)
exports.tables.update(leak_by_category=leak.by_category, leak_by_style=leak.by_style)
if lazy.shown(cat_tab):
    with cat_tab:
        # One run at a time: every run x category is over a thousand rows at study scale (the CSV has them all).
        cat_labels = dict(zip(leak.summary["run_id"], leak.summary["label"]))
        cat_run = st.selectbox(tr("Run", "実行"), list(cat_labels), format_func=cat_labels.get, key="leak_cat_run")
        one_run = leak.by_category[leak.by_category["run_id"] == cat_run]
        st.dataframe(
            one_run,
            hide_index=True,
            key="leak_cat_table",
            column_config=column_labels(one_run.columns, current_language()),
        )
        table_download(leak.by_category, "leak_by_category", key="leak_cat")
if lazy.shown(style_tab):
    with style_tab:
        exports.table(
            leak.by_style,
            "leak_by_style",
            key="leak_style",
            column_config=column_labels(leak.by_style.columns, current_language()),
        )
if lazy.shown(worst_tab):
    with worst_tab:
        labels = dict(zip(leak.summary["run_id"], leak.summary["label"]))
        run_id = st.selectbox(tr("Run", "実行"), list(labels), format_func=labels.get, key="leak_worst_run")
        worst = leak.documents[(leak.documents["run_id"] == run_id) & (leak.documents["leaked_chars"] > 0)]
        if worst.empty:
            st.text(tr("No document leaks in this run.", "この実行で漏洩している文書はありません。"))
        for index, row in worst.head(WORST_SHOWN).iterrows():
            left, right = st.columns([6, 1])
            # st.text: report ids and categories come from imported files and are not parsed as Markdown.
            left.text(
                f"{row['report_id']} · {row['leaked_chars']} "
                + tr("characters", "文字")
                + f" · {row['leaked_categories']}"
            )
            if right.button(tr("Open in workbench", "ワークベンチで開く"), key=f"leak_open_{index}"):
                open_in_workbench(dataset, row["report_id"], run_id)

st.subheader(tr("Download", "ダウンロード"))
everything = leak_csv(store, dataset, split, rule, current_language())
# Every document of every run: thousands of rows at study scale, sent to the browser only when opened.
if lazy.revealed(
    tr(f"Show the table ({len(everything):,} rows)", f"表を表示（{len(everything):,} 行）"), key="leak_all_open"
):
    exports.table(
        everything,
        "residual_leak_all",
        key="leak_all",
        column_config=column_labels(everything.columns, current_language()),
    )
else:
    exports.tables["residual_leak_all"] = everything
    table_download(everything, "residual_leak_all", key="leak_all")
exports.export_all()
