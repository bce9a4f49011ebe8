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
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.provenance_note import provenance_notice
from phi_core.ui.ranking_first_screen import DEFAULT_REFERENCE, default_reference_index, reference_names
from phi_core.ui.state import get_store, require_active_dataset
from phi_core.ui.cached import figure, stored
from phi_core.ui.vocabulary import column_name, dimension_name, reported_label

require_app_shell()

language = current_language()
EMPTY_HINT = tr(
    "No scored runs on this dataset and split yet. Start a run on the Runs page, or from a terminal "
    "while the app is stopped: python -m phi_core run --backend rules --dataset {dataset}",
    "このデータセットと分割には採点済みの実行がまだありません。実行のページで開始するか、アプリを止めて"
    "ターミナルで次を実行してください：python -m phi_core run --backend rules --dataset {dataset}",
)
MEASURED_COLUMNS = [
    "label",
    "backend",
    "model",
    "phase",
    "score",
    "score_lo",
    "score_hi",
    "pct_of_reference",
    *DIMENSIONS,
    "strict_f1",
    "relaxed_f1",
    "char_leak_rate",
    "worst_style",
    "worst_style_leak_rate",
    "sec_per_report",
    "sec_per_100_tokens",
    "n_reports",
    "repeats",
    "invalid_calls",
    "run_id",
]
REFERENCE_COLUMNS = [
    "label",
    "source_table",
    "kind",
    "score",
    "pct_of_reference",
    *DIMENSIONS,
    "sec_per_100_tokens",
    "note",
    "source",
]
NUMBER, TEXT = st.column_config.NumberColumn, st.column_config.TextColumn
COLUMN_CONFIG = {
    "label": TEXT(tr("run", "実行")),
    "backend": TEXT(column_name("backend", language)),
    "model": TEXT(column_name("model", language)),
    "phase": TEXT(column_name("phase", language)),
    "source_table": TEXT(tr("paper table", "論文の表")),
    "kind": TEXT(tr("kind", "種類")),
    "note": TEXT(tr("note", "備考")),
    "source": TEXT(column_name("source", language)),
    "run_id": TEXT(tr("run id", "実行ID")),
    "repeats": NUMBER(tr("repeats", "反復回数")),
    "n_reports": NUMBER(column_name("n_reports", language)),
    "score": NUMBER(tr("composite", "総合スコア"), format="%.2f"),
    "score_lo": NUMBER(tr("CI low", "CI下限"), format="%.2f"),
    "score_hi": NUMBER(tr("CI high", "CI上限"), format="%.2f"),
    "pct_of_reference": NUMBER(tr("% of reference", "基準比（%）"), format="%.1f%%"),
    **{d: NUMBER(dimension_name(d, language), format="%.2f") for d in DIMENSIONS},
    "strict_f1": NUMBER(column_name("strict_f1", language), format="%.3f"),
    "relaxed_f1": NUMBER(column_name("relaxed_f1", language), format="%.3f"),
    "char_leak_rate": NUMBER(column_name("char_leak_rate", language), format="%.3f"),
    "invalid_calls": NUMBER(
        tr("⚠ invalid calls", "⚠ 無効な呼び出し"),
        format="%d",
        help=tr(
            "calls whose prompt or answer was cut, that ignored the schema, returned "
            "reasoning text or came from a changed model (see the Runs page)",
            "プロンプトや回答の切り詰め、スキーマ無視、推論テキスト、モデルの変更が"
            "あった呼び出しの数（実行のページ参照）",
        ),
    ),
    "worst_style": st.column_config.TextColumn(
        tr("worst style", "最も漏れる文書種別"),
        help=tr("the document style whose PHI characters leak most", "PHI文字の漏れ率が最も高い文書の種類"),
    ),
    "worst_style_leak_rate": NUMBER(tr("worst style leak rate", "最悪種別の漏れ率"), format="%.3f"),
    "sec_per_report": NUMBER(tr("s / report", "秒／件"), format="%.3g"),
    "sec_per_100_tokens": NUMBER(tr("s / 100 tokens", "秒／100トークン"), format="%.3g"),
}

store = get_store()
exports = PageExports("leaderboard")
st.title(tr("Leaderboard", "ランキング"))
dataset, split = require_active_dataset()
provenance_notice(store, dataset)

reported = stored(reference_frame, store)
names = reference_names(reported)
left, right = st.columns([2, 3])
reference_name = left.selectbox(
    tr('Reference for "% of reference"', "「基準比」の基準モデル"),
    names or [DEFAULT_REFERENCE],
    index=default_reference_index(names),
    key="lb_reference",
)
tables = sorted(set(reported["source_table"].dropna())) if not reported.empty else []
shown_tables = right.multiselect(
    tr("Paper tables shown beside the ranking", "ランキングの横に示す論文の表"),
    tables,
    default=[t for t in ("S8",) if t in tables],
    key="lb_tables",
)
try:
    ref_value = stored(reference_score, store, reference_name)
except ValueError as error:
    plain.show(error, "error")
    ref_value = None

measured = stored(leaderboard_frame, store, dataset, split, reference=reference_name)
if st.checkbox(
    tr("Hide runs with invalid calls", "無効な呼び出しのある実行を隠す"),
    key="lb_hide_invalid",
    help=tr(
        "rows marked ⚠ had calls that cannot be trusted as a measure of the model",
        "⚠ の付いた行には、モデルの評価として信頼できない呼び出しがあります",
    ),
):
    measured = without_invalid_runs(measured)
reported = stored(reference_frame, store, reference=reference_name)
if not reported.empty:
    reported["label"] = [reported_label(label, language) for label in reported["label"]]
st.caption(
    plain.fmt(
        tr(
            "Dataset **{}**, {}. One row per backend, model and phase (its newest scored run). Reference: {} = {} "
            "points as reported by the paper.",
            "データセット **{}**、{}。バックエンド・モデル・フェーズごとに1行（最新の採点済み実行）。基準：{} = {} 点"
            "（論文の報告値）。",
        ),
        dataset,
        split or tr("all splits", "全分割"),
        reference_name,
        ref_value if ref_value is not None else tr("not loaded", "未読み込み"),
    )
)
st.info(
    tr(
        "The study does not publish the formulas of its eight dimensions. Ours are our own definitions "
        "(docs/scoring.md), so our measured scores and the paper's reported scores compare only approximately. "
        "Reported rows are drawn grey and hatched, and they are never part of the measured ranking.",
        "論文は8つの評価軸の計算式を公開していません。ここでの計算式は独自の定義（docs/scoring.md）のため、"
        "ここで測定したスコアと論文の報告値はおおよそしか比較できません。報告値の行は灰色の斜線で描き、"
        "測定値のランキングには含めません。",
    ),
    icon=":material/info:",
)

if measured.empty:
    plain.show(EMPTY_HINT.format(dataset=shlex.quote(dataset)), "warning")
else:
    st.subheader(tr("Measured here", "ここでの測定値"))
    exports.table(
        measured[[c for c in MEASURED_COLUMNS if c in measured]],
        "leaderboard_measured",
        key="lb_measured",
        column_config=COLUMN_CONFIG,
        width="stretch",
    )

reference_rows = select_reference_rows(reported, tuple(shown_tables))
st.subheader(tr("Reported by the paper (not measured here)", "論文の報告値（ここでは測定していません）"))
if reported.empty:
    st.caption(
        tr(
            "The paper's numbers are not loaded: run `python -m phi_core init`.",
            "論文の数値が読み込まれていません：`python -m phi_core init` を実行してください。",
        )
    )
else:
    exports.table(
        reference_rows[[c for c in REFERENCE_COLUMNS if c in reference_rows]],
        "leaderboard_reported",
        key="lb_reported",
        column_config=COLUMN_CONFIG,
        width="stretch",
    )

st.subheader(tr("Composite score with 95% CI", "総合スコアと95%信頼区間"))
exports.chart(figure(leaderboard_bar, measured, reference_rows, language=language), "leaderboard", key="lb_bar")
if not measured.empty:
    st.subheader(tr("Score against speed", "スコアと速度"))
    st.caption(
        tr(
            "A run is on the Pareto front when no other run is both faster and better.",
            "より速く、かつより良い実行がほかにない実行が、パレートフロント上にあります。",
        )
    )
    exports.chart(
        figure(pareto_scatter, measured, pareto_mask(measured), language=language), "score_vs_seconds", key="lb_pareto"
    )
exports.export_all()
