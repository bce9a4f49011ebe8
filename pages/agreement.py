"""Agreement: how far annotators agree, overall, per category and per pair, and per-annotator figures.

A thin view over phi_core.agreement; the figures are the same as
`python -m phi_core agreement --dataset NAME --json`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.agreement import annotator_figures, dataset_agreement
from phi_core.ui.formatting import format_number
from phi_core.ui.i18n import category_name, current_language, tr
from phi_core.ui.cached import stored
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

store = get_store()
language = current_language()
dataset, split = require_active_dataset()

st.title(tr("Inter-annotator agreement", "アノテーター間一致"))
st.text(tr(f"Dataset: {dataset}", f"データセット：{dataset}") + (f" · {split}" if split else ""))
cols = st.columns([1, 1, 2], vertical_alignment="bottom")
n_boot = cols[0].select_slider(
    tr("Bootstrap resamples", "ブートストラップ回数"), [0, 200, 1000, 2000], value=1000, key="ag_boot"
)
unsubmitted = cols[1].toggle(tr("Include unsubmitted layers", "未提出のレイヤーも含める"), key="ag_unsubmitted")


# Kept until the store changes (a new layer or edit is seen at once), and shared by every tab and user.
result = stored(dataset_agreement, store, dataset, split, n_boot=n_boot, submitted_only=not unsubmitted)
overall = result["overall"]

FIGURE_NAMES = {
    "exact_f1": (
        tr("Exact span F1", "完全一致スパン F1"),
        tr("2·|A∩B| / (|A|+|B|) over (start, end, category)", "（開始, 終了, 分類）の三つ組で 2·|A∩B| / (|A|+|B|)"),
    ),
    "overlap_f1": (
        tr("Overlap span F1", "重なりスパン F1"),
        tr(
            "a span counts when the other side has one of the same category sharing a character",
            "同じ分類のスパンが1文字でも重なれば一致とみなす",
        ),
    ),
    "kappa": (
        tr("Character kappa", "文字単位カッパ"),
        tr("Cohen's kappa over the category of every character", "各文字の分類に対する Cohen のカッパ"),
    ),
    "alpha": (
        tr("Krippendorff's alpha", "Krippendorff のアルファ"),
        tr("nominal alpha over characters, all annotators at once", "文字単位・名義尺度・全アノテーター同時"),
    ),
}

if not overall["n_reports"]:
    st.text(
        tr(
            "No report of this selection has two submitted layers yet. Assign reports twice on the Team page "
            "(or import each annotator's file with `import FILE --format jsonl --dataset NAME --annotator NAME`); "
            "the figures appear once both annotators have submitted.",
            "この範囲には提出済みのレイヤーが2つあるレポートがまだありません。チームのページで二重に割り当てるか、"
            "`import FILE --format jsonl --dataset NAME --annotator NAME` で各アノテーターのファイルを取り込んで"
            "ください。両者が提出すると数値が表示されます。",
        )
    )
else:
    level = round(result["ci_level"] * 100)
    metric_cols = st.columns(4)
    for col, (key, (name, helptext)) in zip(metric_cols, FIGURE_NAMES.items()):
        low, high = overall["ci"][key]
        interval = (
            tr(
                f"{level}% CI {format_number(low, 2, language)}–{format_number(high, 2, language)}",
                f"{level}% 信頼区間 {format_number(low, 2, language)}–{format_number(high, 2, language)}",
            )
            if low is not None
            else ""
        )
        col.metric(name, format_number(overall[key], 3, language), help=helptext)
        col.text(interval)
    st.text(
        tr(
            f"{overall['n_reports']} reports annotated by two or more people; annotators: "
            f"{', '.join(result['annotators'])}",
            f"2人以上がアノテーションしたレポート {overall['n_reports']} 件。アノテーター：{', '.join(result['annotators'])}",
        )
    )

    def block_rows(blocks: dict) -> pd.DataFrame:
        rows = []
        for code, block in blocks.items():
            row = {tr("category", "分類"): category_name(code), tr("reports", "レポート数"): block["n_reports"]}
            for key, (name, _) in FIGURE_NAMES.items():
                row[name] = block[key]
                if block.get("ci") and block["ci"][key][0] is not None:
                    row[name + tr(" CI", " 区間")] = (
                        f"{format_number(block['ci'][key][0], 2, language)}–{format_number(block['ci'][key][1], 2, language)}"
                    )
            rows.append(row)
        return pd.DataFrame(rows)

    st.subheader(tr("By category", "分類別"))
    by_category = block_rows(result["by_category"])
    st.dataframe(
        by_category,
        hide_index=True,
        width="stretch",
        column_config={name: st.column_config.NumberColumn(format="%.3f") for name, _ in FIGURE_NAMES.values()},
    )
    if not by_category.empty:
        chart = by_category.set_index(tr("category", "分類"))[[FIGURE_NAMES["exact_f1"][0], FIGURE_NAMES["kappa"][0]]]
        st.text(tr("Exact span F1 and character kappa by category", "分類別の完全一致スパン F1 と文字単位カッパ"))
        st.bar_chart(chart, horizontal=True, stack=False, height=28 * len(chart) + 80)

    st.subheader(tr("By pair of annotators", "アノテーターの組ごと"))
    pair_rows = []
    for pair in result["pairs"]:
        row = {
            tr("annotator A", "アノテーター A"): pair["a"],
            tr("annotator B", "アノテーター B"): pair["b"],
            tr("reports", "レポート数"): pair["overall"]["n_reports"],
        }
        row.update({name: pair["overall"][key] for key, (name, _) in FIGURE_NAMES.items()})
        pair_rows.append(row)
    st.dataframe(
        pd.DataFrame(pair_rows),
        hide_index=True,
        width="stretch",
        column_config={name: st.column_config.NumberColumn(format="%.3f") for name, _ in FIGURE_NAMES.values()},
    )
    with st.expander(tr("Per pair and category", "組ごと・分類別")):
        for pair in result["pairs"]:
            st.text(f"{pair['a']} × {pair['b']}")
            st.dataframe(block_rows(pair["by_category"]), hide_index=True, width="stretch")

st.subheader(tr("Annotators", "アノテーター"))
figures = stored(annotator_figures, store, dataset, split)
if not figures:
    st.text(
        tr("No annotator layers in this dataset yet.", "このデータセットにはまだアノテーターのレイヤーがありません。")
    )
else:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("annotator", "アノテーター"): f["annotator"],
                    tr("assigned", "割り当て"): f["assigned"],
                    tr("done", "完了"): f["done"],
                    tr("minutes per report (median)", "1件あたりの分（中央値）"): f["minutes_per_report"],
                    tr("exact F1 vs adjudicated gold", "裁定済みゴールドとの完全一致 F1"): f["exact_f1_vs_gold"],
                    tr("kappa vs adjudicated gold", "裁定済みゴールドとのカッパ"): f["kappa_vs_gold"],
                    tr("adjudicated reports", "裁定済みレポート数"): f["adjudicated_reports"],
                }
                for f in figures
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.text(
        tr(
            "Time per report runs from the first opening of an assigned report to its submission.",
            "1件あたりの時間は、割り当てられたレポートを最初に開いてから提出するまでです。",
        )
    )
