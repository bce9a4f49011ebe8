"""Threshold advisor: below which score does a step such as Self-Refine pay off?"""

import math
import shlex

import pandas as pd
import streamlit as st

from phi_core.analysis import phase_scores, threshold_analysis
from phi_core.analysis.threshold import STEP_NAMES
from phi_core.figures import threshold_scatter
from phi_core.figures.common import phase_sort_key
from phi_core.ui import plain, threshold_text
from phi_core.ui.downloads import PageExports
from phi_core.ui.formatting import format_count, format_number
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset
from phi_core.ui.cached import stored
from phi_core.ui.vocabulary import column_name

require_app_shell()

language = current_language()
METHODS = {
    "split": tr("split (a jump: the study's description)", "分割（段差：研究の記述どおり）"),
    "segmented": tr("segmented (a gradual bend)", "区分回帰（緩やかな折れ曲がり）"),
}
NUMBER = st.column_config.NumberColumn

store = get_store()
exports = PageExports("threshold_advisor")
st.title(tr("Threshold advisor", "閾値アドバイザー"))
st.caption(
    tr(
        "The study gave Self-Refine (phase 3 → 4) to two models: one at 84.6 points gained +6.9, one at 89.1 "
        "gained nothing, so it suggested a threshold near 87-88 points. With more models we can fit it.",
        "研究ではSelf-Refine（フェーズ3→4）を2つのモデルに適用しました。84.6点のモデルは+6.9点改善し、"
        "89.1点のモデルは改善しなかったため、87〜88点付近に閾値があると示唆しています。"
        "より多くのモデルがあれば、閾値を推定できます。",
    )
)
dataset, split = require_active_dataset()

phases = sorted({str(p) for p in phase_scores(store, dataset, split)["phase"]} - {"-", ""}, key=phase_sort_key)
if len(phases) < 2:
    plain.show(
        tr(
            "The advisor needs models scored in two phases (by default 3 and 4, Self-Refine). Start them on the "
            f"Runs page, e.g. python -m phi_core run --backend ollama --model MODEL --phase 3 --dataset {shlex.quote(dataset)} "
            "and the same with --phase 4, for at least five models.",
            "このアドバイザーには2つのフェーズ（既定では3と4、Self-Refine）で採点されたモデルが必要です。"
            "実行のページで開始してください。例："
            f"python -m phi_core run --backend ollama --model MODEL --phase 3 --dataset {shlex.quote(dataset)} と、"
            "同じコマンドを --phase 4 で、少なくとも5つのモデルについて。",
        ),
        "info",
    )
    st.stop()

cols = st.columns(3)
from_phase = cols[0].selectbox(
    tr("Phase before the step", "ステップ前のフェーズ"),
    phases,
    index=phases.index("3") if "3" in phases else 0,
    key="ta_from",
)
after = [p for p in phases if p != from_phase]
to_phase = cols[1].selectbox(
    tr("Phase after the step", "ステップ後のフェーズ"),
    after,
    index=after.index("4") if "4" in after else 0,
    key="ta_to",
)
method = cols[2].radio(tr("Fit", "当てはめ方法"), list(METHODS), format_func=METHODS.get, key="ta_method")

analysis = stored(threshold_analysis, store, dataset, split, from_phase=from_phase, to_phase=to_phase, method=method)
estimate = analysis.estimate
verdict = threshold_text.verdict(estimate, language)
if estimate.ok and estimate.threshold_supported:
    plain.show(verdict, "success")
elif estimate.ok:
    plain.show(
        verdict
        + tr(
            " The line is drawn dashed: do not read it as a recommendation.",
            " 線は破線で描いています：推奨値として読まないでください。",
        ),
        "warning",
    )
else:
    plain.show(
        threshold_text.summary(
            estimate, analysis.points, from_phase, to_phase, analysis.summary or estimate.verdict, language
        ),
        "warning",
    )

fig = threshold_scatter(
    analysis.points,
    estimate,
    reported_points=analysis.reported_points,
    reported_band=analysis.reported_band,
    before_label=tr(f"mean score in phase {from_phase}", f"フェーズ{from_phase}の平均スコア"),
    gain_label=tr(f"gain from phase {from_phase} to {to_phase}", f"フェーズ{from_phase}→{to_phase}の改善幅"),
    title=tr(
        f"Gain from phase {from_phase} → {to_phase} against the score before it",
        f"フェーズ{from_phase}→{to_phase}の改善幅とステップ前のスコア",
    ),
    language=language,
)
exports.chart(fig, "threshold", key="ta_scatter")
st.caption(
    tr(
        "Blue: our models, with 95% bootstrap intervals over reports in both directions. Grey diamonds and band: "
        "reported by the paper (its two models and its 87-88 band), for comparison only.",
        "青：このデータでのモデル（レポートに対するブートストラップ95%区間を縦横に表示）。灰色のひし形と帯："
        "論文の報告値（2つのモデルと87〜88点の帯）で、比較のためだけに示しています。",
    )
)

if estimate.ok:
    st.subheader(tr("Estimate", "推定結果"))
    m = st.columns(4)
    ci = estimate.threshold_ci
    ci_help = (
        tr(f"95% CI {ci[0]:.1f} to {ci[1]:.1f}", f"95%信頼区間 {ci[0]:.1f}〜{ci[1]:.1f}")
        if all(map(math.isfinite, ci))
        else tr("CI not available", "信頼区間なし")
    )
    m[0].metric(tr("Threshold", "閾値"), format_number(estimate.threshold, 1, language), help=ci_help)
    mean_gain = tr("mean gain", "平均改善幅")
    m[1].metric(
        tr("Models below", "閾値未満のモデル"),
        format_count(estimate.below.n, language),
        f"{format_number(estimate.below.mean_gain, 2, language, sign=True)} {mean_gain}",
    )
    m[2].metric(
        tr("Models at or above", "閾値以上のモデル"),
        format_count(estimate.above.n, language),
        f"{format_number(estimate.above.mean_gain, 2, language, sign=True)} {mean_gain}",
    )
    m[3].metric(
        tr("Is there a threshold?", "閾値はあるか"),
        threshold_text.p_text(estimate.test_threshold_exists.p, language),
        help=tr(
            "permutation test that accounts for the threshold being fitted to these models",
            "閾値をこれらのモデルに当てはめたことを考慮した並べ替え検定",
        ),
    )
    below_positive, groups_differ = estimate.test_below_positive, estimate.test_groups_differ
    tests = [
        (tr("threshold exists (permutation)", "閾値が存在する（並べ替え検定）"), estimate.test_threshold_exists),
        *[
            (tr("below gain > 0, ", "閾値未満の改善幅 > 0、") + threshold_text.stat_test_name(t.name, language), t)
            for t in (below_positive.parametric, below_positive.rank)
        ],
        *[
            (tr("groups differ, ", "群間の差、") + threshold_text.stat_test_name(t.name, language), t)
            for t in (groups_differ.parametric, groups_differ.rank)
        ],
    ]
    test_table = pd.DataFrame([{"question": q, "statistic": t.stat, "p": t.p} for q, t in tests])
    exports.table(
        test_table,
        "threshold_tests",
        key="ta_tests",
        column_config={
            "question": tr("question", "問い"),
            "statistic": NUMBER(tr("statistic", "統計量"), format="%.3f"),
            "p": NUMBER(format="%.4f"),
        },
    )
    st.caption(
        tr(
            "Only the permutation test allows for the threshold having been chosen to fit these same models; "
            "the group tests are descriptive (docs/statistics.md).",
            "閾値を同じモデルに合わせて選んだことを考慮しているのは並べ替え検定だけです。"
            "群間の検定は記述的な参考値です（docs/statistics.md）。",
        )
    )

st.subheader(tr("Advice per model", "モデルごとの助言"))
if not analysis.advice:
    st.info(
        tr(
            f"No model has scores in both phase {from_phase} and phase {to_phase} yet.",
            f"フェーズ{from_phase}とフェーズ{to_phase}の両方でスコアのあるモデルはまだありません。",
        )
    )
step = STEP_NAMES.get((from_phase, to_phase), tr(f"phase {to_phase}", f"フェーズ{to_phase}"))
advice = {
    point.model: threshold_text.advice(
        point, estimate, analysis.advice.get(point.model, ""), step=step, from_phase=from_phase, language=language
    )
    for point in analysis.points
}
for model, text in advice.items():
    # Model names come from run settings: shown as plain text, never parsed as Markdown.
    st.text(f"• {model}: {text}")
points = analysis.points_frame()
points["advice"] = [advice.get(model, text) for model, text in zip(points["model"], points["advice"])]
with st.expander(tr("Table of model points", "モデルごとの点の表")):
    exports.table(
        points,
        "threshold_points",
        key="ta_points",
        width="stretch",
        column_config={column: column_name(column, language) for column in points.columns},
    )
exports.export_all()
