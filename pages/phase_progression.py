"""Phase progression: how much each optimisation phase adds, per model and pooled."""

import shlex

import streamlit as st

from phi_core.analysis import phase_gains, phase_means
from phi_core.figures import gains_waterfall, phase_lines, phase_start, reported_phase_means
from phi_core.ui import lazy, plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset
from phi_core.ui.cached import figure, stored
from phi_core.ui.vocabulary import column_name

require_app_shell()

language = current_language()
NUMBER, TEXT = st.column_config.NumberColumn, st.column_config.TextColumn
GAIN_COLUMNS = {
    "from_phase": TEXT(tr("from", "移行元")),
    "to_phase": TEXT(tr("to", "移行先")),
    "n": NUMBER(tr("paired reports", "対応レポート数")),
    "n_models": NUMBER(tr("models", "モデル数")),
    "mean_diff": NUMBER(tr("mean gain", "平均改善幅"), format="%+.2f"),
    "ci_lo": NUMBER(tr("CI low", "CI下限"), format="%+.2f"),
    "ci_hi": NUMBER(tr("CI high", "CI上限"), format="%+.2f"),
    "cohens_d": NUMBER(tr("dz (paired)", "dz（対応あり）"), format="%.2f"),
    "t_p": NUMBER(tr("t-test p", "t検定 p"), format="%.4f"),
    "wilcoxon_p": NUMBER("Wilcoxon p", format="%.4f"),
    "p_holm_t": NUMBER(tr("t p (Holm)", "t検定 p（Holm補正）"), format="%.4f"),
    "p_holm_wilcoxon": NUMBER(tr("Wilcoxon p (Holm)", "Wilcoxon p（Holm補正）"), format="%.4f"),
    "reason": TEXT(tr("note", "備考")),
}
MEANS_COLUMNS = {
    "model": column_name("model", language),
    "phase": column_name("phase", language),
    "mean": NUMBER(tr("mean", "平均"), format="%.2f"),
    "lo": NUMBER(tr("CI low", "CI下限"), format="%.2f"),
    "hi": NUMBER(tr("CI high", "CI上限"), format="%.2f"),
    "n": NUMBER(tr("reports", "レポート数")),
    "backend": column_name("backend", language),
    "series": tr("series", "系列"),
}

store = get_store()
exports = PageExports("phase_progression")
st.title(tr("Phase progression", "フェーズ別の推移"))
dataset, split = require_active_dataset()
all_splits = tr("all splits", "全分割")

means = stored(phase_means, store, dataset, split)
if means.empty:
    plain.show(
        tr(
            "No scored runs on this dataset and split yet. Start LLM runs of several phases on the Runs page, e.g. "
            f"python -m phi_core run --backend ollama --model MODEL --phase 1 --dataset {shlex.quote(dataset)}, then "
            f"phase 2 and so on. (python -m phi_core run --backend rules --dataset {shlex.quote(dataset)} gives a "
            "baseline without phases.)",
            "このデータセットと分割には採点済みの実行がまだありません。実行のページで複数フェーズのLLM実行を開始してください。例："
            f"python -m phi_core run --backend ollama --model MODEL --phase 1 --dataset {shlex.quote(dataset)}、"
            "続いてフェーズ2以降。"
            f"（python -m phi_core run --backend rules --dataset {shlex.quote(dataset)} でフェーズなしの基準値が得られます。）",
        ),
        "info",
    )
    st.stop()

st.caption(
    plain.fmt(tr("Dataset **{}**, {}. ", "データセット **{}**、{}。"), dataset, split or all_splits)
    + tr(
        "Newest scored run of each model and phase; "
        "the grey dashed line is the mean over models the paper reported (its models, its scoring).",
        "各モデル・各フェーズの最新の採点済み実行です。"
        "灰色の破線は論文が報告したモデル平均です（論文のモデルと採点方法による）。",
    )
)
exports.chart(
    figure(phase_lines, means, reported_phase_means(stored(type(store).reference_scores, store)), language=language),
    "phase_means",
    key="pp_lines",
)
if lazy.revealed(tr("Show the table of phase means", "フェーズ別平均の表を表示"), key="pp_means_open"):
    exports.table(means, "phase_means", key="pp_means", column_config=MEANS_COLUMNS)
else:
    exports.tables["phase_means"] = means  # drawn only when opened, in the zip either way

st.subheader(tr("Gain per phase transition", "フェーズ移行ごとの改善幅"))
series = list(dict.fromkeys(means["series"] if "series" in means else means["model"]))
# None stands for "all models pooled", so the choice survives a change of language.
model = st.selectbox(
    tr("Models", "モデル"),
    [None, *series],
    key="pp_model",
    format_func=lambda m: tr("(all models pooled)", "（全モデルをまとめて）") if m is None else m,
)
gains = stored(phase_gains, store, dataset, split, model=model)
if gains.empty:
    st.info(
        tr(
            "These runs cover fewer than two phases, so there is no step to compare yet.",
            "これらの実行は2フェーズ未満のため、比較できる移行はまだありません。",
        )
    )
else:
    first = str(gains.iloc[0]["from_phase"])
    exports.chart(
        figure(gains_waterfall, gains, start=phase_start(means, first, model), language=language),
        "phase_gains",
        key="pp_waterfall",
    )
    st.caption(
        tr(
            "Each step pairs the scores of the same report by the same model in both phases. "
            "dz is the paired effect size (mean gain / SD of the gains). p-values are two-sided; "
            "Holm corrects them for testing several steps at once (docs/statistics.md). "
            "The last bar adds the steps to the first phase's mean; when different models took part in different "
            "phases it need not equal the last phase's mean.",
            "各ステップは、同じモデルによる同じレポートの両フェーズのスコアを対応させています。"
            "dz は対応のある効果量（平均改善幅 ÷ 改善幅の標準偏差）です。p値は両側で、"
            "複数のステップを同時に検定するためHolm法で補正しています（docs/statistics.md）。"
            "最後の棒は最初のフェーズの平均に各ステップを足したもので、フェーズごとに参加したモデルが異なる場合は"
            "最後のフェーズの平均と一致しないことがあります。",
        )
    )
    shown = gains[[c for c in GAIN_COLUMNS if c in gains]]
    if language == "ja" and "reason" in shown:
        # phi_core.stats explains a skipped step in English; both of its reasons are about too few pairs.
        shown = shown.assign(
            reason=[
                "" if not r else f"両フェーズのスコアがあるレポートは{n}件です（比較には2件以上必要）"
                for r, n in zip(shown["reason"], shown["n"])
            ]
        )
    exports.table(shown, "phase_gains", key="pp_gains", column_config=GAIN_COLUMNS, width="stretch")
exports.export_all()
