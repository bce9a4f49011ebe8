"""Leaderboard: measured runs ranked with CIs, the paper's numbers beside them, never among them."""

import shlex

import streamlit as st

from phi_core.analysis import leaderboard_frame, pareto_mask, reference_frame, reference_score
from phi_core.analysis.leaderboard import without_invalid_runs
from phi_core.figures import leaderboard_bar, pareto_scatter
from phi_core.figures.leaderboard import select_reference_rows
from phi_core.scoring import DIMENSIONS
from phi_core.ui import plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.i18n import tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

EMPTY_HINT = ("No scored runs on this dataset and split yet. Start a run on the Runs page, or from a terminal "
              "while the app is stopped: python -m phi_core run --backend rules --dataset {dataset}")
MEASURED_COLUMNS = ["label", "backend", "model", "phase", "score", "score_lo", "score_hi", "pct_of_reference",
                    *DIMENSIONS, "strict_f1", "relaxed_f1", "char_leak_rate", "worst_style", "worst_style_leak_rate",
                    "sec_per_report",
                    "sec_per_100_tokens", "n_reports", "repeats", "invalid_calls", "run_id"]
REFERENCE_COLUMNS = ["label", "source_table", "kind", "score", "pct_of_reference", *DIMENSIONS,
                     "sec_per_100_tokens", "note", "source"]
NUMBER = st.column_config.NumberColumn
COLUMN_CONFIG = {
    "score": NUMBER("composite", format="%.2f"), "score_lo": NUMBER("CI low", format="%.2f"),
    "score_hi": NUMBER("CI high", format="%.2f"), "pct_of_reference": NUMBER("% of reference", format="%.1f%%"),
    **{d: NUMBER(d.replace("_", " "), format="%.2f") for d in DIMENSIONS},
    "strict_f1": NUMBER("strict F1", format="%.3f"), "relaxed_f1": NUMBER("relaxed F1", format="%.3f"),
    "char_leak_rate": NUMBER("char leak rate", format="%.3f"),
    "invalid_calls": NUMBER(tr("⚠ invalid calls", "⚠ 無効な呼び出し"), format="%d",
                            help=tr("calls whose prompt or answer was cut, that ignored the schema, returned "
                                    "reasoning text or came from a changed model (see the Runs page)",
                                    "プロンプトや回答の切り詰め、スキーマ無視、推論テキスト、モデルの変更が"
                                    "あった呼び出しの数（Runs ページ参照）")),
    "worst_style": st.column_config.TextColumn(tr("worst style", "最も漏れる文書種別"),
                                               help=tr("the document style whose PHI characters leak most",
                                                       "PHI文字の漏れ率が最も高い文書の種類")),
    "worst_style_leak_rate": NUMBER(tr("worst style leak rate", "最悪種別の漏れ率"), format="%.3f"),
    "sec_per_report": NUMBER("s / report", format="%.3g"), "sec_per_100_tokens": NUMBER("s / 100 tokens",
                                                                                       format="%.3g"),
}

store = get_store()
exports = PageExports("leaderboard")
st.title("Leaderboard")
dataset, split = require_active_dataset()

reported = reference_frame(store)
names = [m for m in dict.fromkeys(reported.loc[reported["kind"] != "aggregate", "model"])] if not reported.empty else []
left, right = st.columns([2, 3])
reference_name = left.selectbox("Reference for \"% of reference\"", names or ["GPT-4.1"],
                                index=names.index("GPT-4.1") if "GPT-4.1" in names else 0, key="lb_reference")
tables = sorted(set(reported["source_table"].dropna())) if not reported.empty else []
shown_tables = right.multiselect("Paper tables shown beside the ranking", tables,
                                 default=[t for t in ("S8",) if t in tables], key="lb_tables")
try:
    ref_value = reference_score(store, reference_name)
except ValueError as error:
    plain.show(error, "error")
    ref_value = None

measured = leaderboard_frame(store, dataset, split, reference=reference_name)
if st.checkbox(tr("Hide runs with invalid calls", "無効な呼び出しのある実行を隠す"), key="lb_hide_invalid",
               help=tr("rows marked ⚠ had calls that cannot be trusted as a measure of the model",
                       "⚠ の付いた行には、モデルの評価として信頼できない呼び出しがあります")):
    measured = without_invalid_runs(measured)
reported = reference_frame(store, reference=reference_name)
st.caption(
    plain.fmt("Dataset **{}**, {}. One row per backend, model and phase (its newest scored run). Reference: {} = {} "
              "points as reported by the paper.", dataset, split or "all splits", reference_name,
              ref_value if ref_value is not None else "not loaded")
)
st.info(
    "The study does not publish the formulas of its eight dimensions. Ours are our own definitions "
    "(docs/scoring.md), so our measured scores and the paper's reported scores compare only approximately. "
    "Reported rows are drawn grey and hatched, and they are never part of the measured ranking.",
    icon=":material/info:",
)

if measured.empty:
    plain.show(EMPTY_HINT.format(dataset=shlex.quote(dataset)), "warning")
else:
    st.subheader("Measured here")
    exports.table(measured[[c for c in MEASURED_COLUMNS if c in measured]], "leaderboard_measured", key="lb_measured",
                  column_config=COLUMN_CONFIG, width="stretch")

reference_rows = select_reference_rows(reported, tuple(shown_tables))
st.subheader("Reported by the paper (not measured here)")
if reported.empty:
    st.caption("The paper's numbers are not loaded: run `python -m phi_core init`.")
else:
    exports.table(reference_rows[[c for c in REFERENCE_COLUMNS if c in reference_rows]], "leaderboard_reported",
                  key="lb_reported", column_config=COLUMN_CONFIG, width="stretch")

st.subheader("Composite score with 95% CI")
exports.chart(leaderboard_bar(measured, reference_rows), "leaderboard", key="lb_bar")
if not measured.empty:
    st.subheader("Score against speed")
    st.caption("A run is on the Pareto front when no other run is both faster and better.")
    exports.chart(pareto_scatter(measured, pareto_mask(measured)), "score_vs_seconds", key="lb_pareto")
exports.export_all()
