"""Error analysis: where each run misses, what kind of mistakes it makes, and examples in context."""

from __future__ import annotations


import shlex

import pandas as pd
import streamlit as st

from phi_core.analysis import (
    category_matrix,
    compare_runs,
    confusion_frame,
    error_type_counts,
    format_matrix,
    script_recall_frame,
    style_matrix,
)
from phi_core.figures import (
    breakdown_heatmap,
    category_heatmap,
    confusion_heatmap,
    error_type_bars,
    fixed_broken_bars,
    script_recall_bars,
)
from phi_core.figures.errors import error_type_label
from phi_core.scoring import ERROR_TYPES
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.ui import editor_session as session
from phi_core.ui import error_examples_view as examples_view
from phi_core.ui import error_first_screen as first_screen
from phi_core.ui import lazy, plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.error_drilldown import default_comparison
from phi_core.ui.error_sections import (
    ANY,
    CATEGORY_KEY,
    FORMAT_KEY,
    RUN_KEY,
    STYLE_KEY,
    TYPE_KEY,
    apply_breakdown_click,
    apply_click,
    hidden_exports,
    present_breakdowns,
)
from phi_core.ui.i18n import category_name, current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.provenance_note import provenance_notice
from phi_core.ui.state import get_store, require_active_dataset
from phi_core.ui.cached import figure, stored
from phi_core.ui.vocabulary import column_labels

require_app_shell()

PAGE_KEY = "ea_example_page"
BREAKDOWN_METRICS = ("recall", "precision", "leak_rate")

store = get_store()
state = st.session_state
language = current_language()


def any_or(value: str) -> str:
    """The "(any)" choice in the user's language; other choices as they are."""
    return tr("(any)", "（すべて）") if value == ANY else value


exports = PageExports("error_analysis")


def table(frame: pd.DataFrame, name: str, key: str) -> None:
    """A result table with headers in the user's language (its export keeps the column names)."""
    exports.table(frame, name, key=key, column_config=column_labels(frame.columns, language))


def table_below(frame: pd.DataFrame, name: str, key: str) -> None:
    """A chart's table, drawn only when asked for (it is in the zip either way)."""
    if lazy.revealed(tr("Show the table", "表を表示"), key=f"{key}_open"):
        table(frame, name, key)
    else:
        exports.tables[name] = frame


def open_in_workbench(dataset: str, report_id: str, run_id: str) -> None:
    # Widen the workbench filters so the report is in its list, and overlay this run's predictions.
    state["wb_statuses"], state["wb_search"], state["wb_disagree"], state["wb_warnings_only"] = [], "", False, False
    state["wb_styles"] = []
    state["wb_run"] = run_id
    session.open_report(state, store, dataset, report_id)
    st.switch_page("pages/workbench.py")


def breakdown_section(chosen: list[str], label_to_run: dict[str, str]) -> tuple[list[str], list[str]]:
    """Heatmaps by document style and by value format; returns the styles and formats present."""
    metric = st.radio(
        tr("Measure", "指標"),
        BREAKDOWN_METRICS,
        horizontal=True,
        key="ea_breakdown_metric",
        format_func=lambda m: {
            "recall": tr("recall", "再現率"),
            "precision": tr("precision", "適合率"),
            "leak_rate": tr("leaked characters", "漏れた文字の割合"),
        }[m],
    )
    styles, formats = stored(style_matrix, store, chosen), stored(format_matrix, store, chosen)
    if styles.empty and formats.empty:
        st.info(
            tr(
                "These runs' reports record no document style or value format. Score a run on "
                "synthetic-styles (or a corpus whose JSONL gives them) to see this breakdown.",
                "これらの実行の文書には文書の種類も値の書式も記録されていません。synthetic-styles"
                "（またはそれらを含むJSONLコーパス）で実行を採点すると表示されます。",
            )
        )
        return [], []
    event = exports.chart(
        figure(breakdown_heatmap, styles, "style", metric, language=language),
        f"{metric}_by_style",
        key="ea_style_map",
        on_select="rerun",
    )
    apply_breakdown_click(event, label_to_run, STYLE_KEY)
    event = exports.chart(
        figure(breakdown_heatmap, formats, "format", metric, language=language),
        f"{metric}_by_format",
        key="ea_format_map",
        on_select="rerun",
    )
    apply_breakdown_click(event, label_to_run, FORMAT_KEY)
    if lazy.revealed(tr("Show the tables", "表を表示"), key="ea_style_tables_open"):
        table(styles, "style_matrix", "ea_style_table")
        table(formats, "format_matrix", "ea_format_table")
    else:
        exports.tables.update(style_matrix=styles, format_matrix=formats)
    return sorted(set(styles.get("style", []))), sorted(set(formats.get("format", [])))


def examples_section(
    dataset: str, run_labels: dict[str, str], styles: list[str] | None = None, formats: list[str] | None = None
) -> None:
    st.subheader(tr("Examples", "例"))
    st.caption(
        tr(
            "Pick a cell or a bar above, or choose here. Gold span shaded yellow, predicted span outlined blue.",
            "上のセルや棒をクリックするか、ここで選んでください。正解スパンは黄色の網掛け、予測スパンは青の枠です。",
        )
    )
    for key, options in (
        (RUN_KEY, list(run_labels)),
        (TYPE_KEY, [ANY, *ERROR_TYPES]),
        (CATEGORY_KEY, [ANY, *CATEGORY_CODES]),
    ):
        if state.get(key) not in options:
            state[key] = options[0] if key != TYPE_KEY else first_screen.FIRST_ERROR_TYPE
    cols = st.columns(3)
    run_id = cols[0].selectbox(tr("Run", "実行"), list(run_labels), format_func=run_labels.get, key=RUN_KEY)
    error_type = cols[1].selectbox(
        tr("Error type", "エラーの種類"),
        [ANY, *ERROR_TYPES],
        key=TYPE_KEY,
        format_func=lambda t: any_or(t) if t == ANY else error_type_label(t, language),
    )
    category = cols[2].selectbox(
        tr("Gold or predicted category", "正解または予測のカテゴリ"),
        [ANY, *CATEGORY_CODES],
        key=CATEGORY_KEY,
        format_func=lambda c: any_or(c) if c == ANY else f"{category_name(c)} ({c})",
    )
    style = value_format = ANY
    if styles or formats:
        for key, options in ((STYLE_KEY, [ANY, *(styles or [])]), (FORMAT_KEY, [ANY, *(formats or [])])):
            if state.get(key) not in options:
                state[key] = ANY
        more = st.columns(2)
        style = more[0].selectbox(
            tr("Document style", "文書の種類"), [ANY, *(styles or [])], key=STYLE_KEY, format_func=any_or
        )
        value_format = more[1].selectbox(
            tr("Value format of the gold span", "正解スパンの値の書式"),
            [ANY, *(formats or [])],
            key=FORMAT_KEY,
            format_func=any_or,
        )
    examples = first_screen.examples(
        store,
        run_id,
        None if error_type == ANY else error_type,
        None if category == ANY else category,
        None if style == ANY else style,
        None if value_format == ANY else value_format,
    )
    if examples.empty:
        st.success(tr("No errors of this kind in this run.", "この実行にはこの種類のエラーはありません。"))
        return
    pages = examples_view.page_count(len(examples))
    if state.get(PAGE_KEY, 1) > pages:
        state[PAGE_KEY] = 1
    page = int(st.number_input(tr("Page", "ページ"), 1, pages, key=PAGE_KEY)) if pages > 1 else 1
    shown = examples_view.page_of(examples, page)
    first = (page - 1) * examples_view.PAGE_SIZE
    st.caption(
        tr(
            f"{len(examples)} errors{' (first 200)' if len(examples) == 200 else ''}; "
            f"showing {first + 1}–{first + len(shown)}.",
            f"エラー{len(examples)}件{'（先頭200件）' if len(examples) == 200 else ''}、"
            f"うち{first + 1}〜{first + len(shown)}件目を表示。",
        )
    )
    # One block of escaped HTML (the report text is never read as Markdown); one button opens the chosen one.
    st.html(
        "".join(
            examples_view.example_block(
                row,
                index + 1,
                type_label=error_type_label(row["type"], language),
                category_label=category_name(row["category"]) if row["category"] else "—",
                tr=tr,
                category_name=category_name,
            )
            for index, row in shown.iterrows()
        )
    )
    cols = st.columns([4, 1], vertical_alignment="bottom")
    pick = cols[0].selectbox(
        tr("Example", "例"), list(shown.index), format_func=lambda i: f"{i + 1}. {examples.at[i, 'report_id']}"
    )
    if cols[1].button(tr("Open in workbench", "アノテーションで開く"), key="ea_open", icon=":material/edit_note:"):
        open_in_workbench(dataset, examples.at[pick, "report_id"], run_id)
    exports.tables["error_examples"] = examples


def compare_section(run_labels: dict[str, str], frame: pd.DataFrame) -> None:
    st.subheader(tr("Compare two runs", "2つの実行の比較"))
    st.caption(
        tr(
            "Gold spans that run B finds and run A misses are fixed; the reverse are broken.",
            "実行Bが検出し実行Aが見逃した正解スパンが「改善」、その逆が「悪化」です。",
        )
    )
    ids = list(run_labels)
    default_a, default_b = default_comparison(frame, ids)
    cols = st.columns(2)
    run_a = cols[0].selectbox(
        tr("Run A (before)", "実行A（変更前）"),
        ids,
        index=ids.index(default_a),
        format_func=run_labels.get,
        key="ea_cmp_a",
    )
    run_b = cols[1].selectbox(
        tr("Run B (after)", "実行B（変更後）"),
        ids,
        index=ids.index(default_b),
        format_func=run_labels.get,
        key="ea_cmp_b",
    )
    if run_a == run_b:
        st.info(tr("Choose two different runs to compare.", "比較する2つの異なる実行を選んでください。"))
        return
    comparison = stored(compare_runs, store, run_a, run_b)
    exports.chart(
        fixed_broken_bars(comparison, label_a=run_labels[run_a], label_b=run_labels[run_b], language=language),
        "fixed_broken",
        key="ea_fixed_broken",
    )
    table(comparison, "fixed_broken_by_category", "ea_cmp_table")


# --------------------------------------------------------------------- page

st.title(tr("Error analysis", "エラー分析"))
dataset, split = require_active_dataset()
provenance_notice(store, dataset)
runs = first_screen.runs_frame(store, dataset, split)
if runs.empty:
    command = f"python -m phi_core run --backend rules --dataset {shlex.quote(dataset)}"
    plain.show(
        tr(
            "No scored runs on this dataset and split yet. Start a run on the Runs page, or from a terminal "
            f"while the app is stopped: {command}",
            "このデータセットと分割には採点済みの実行がまだありません。実行のページで開始するか、アプリを止めて"
            f"ターミナルで次を実行してください：{command}",
        ),
        "info",
    )
    st.stop()
all_labels = dict(zip(runs["run_id"], runs["label"]))
chosen = st.multiselect(
    tr("Runs (newest run of each model and phase)", "実行（各モデル・フェーズの最新の実行）"),
    list(all_labels),
    default=first_screen.default_runs(runs),
    format_func=all_labels.get,
    key="ea_runs",
)
if not chosen:
    st.info(tr("Choose at least one run.", "実行を1つ以上選んでください。"))
    st.stop()
run_labels = {r: all_labels[r] for r in chosen}
label_to_run = {label: run_id for run_id, label in run_labels.items()}

TAB_LABELS = {
    "category": tr("By category", "カテゴリ別"),
    "types": tr("Error types", "エラーの種類"),
    "confusion": tr("Confusion", "混同行列"),
    "script": tr("By script", "文字種別"),
    "style": tr("By style and format", "文書の種類・値の書式別"),
    "compare": tr("Compare two runs", "2つの実行の比較"),
}
# Only the open tab is drawn; the others' figures and tables are made only if the zip is downloaded.
tabs = dict(zip(TAB_LABELS, lazy.tabs(list(TAB_LABELS.values()), key="ea_tab")))
hidden = [name for name, tab in tabs.items() if not lazy.shown(tab)]
exports.later(**hidden_exports(store, chosen, hidden, language, run_labels, runs))
present_styles: list[str] = []
present_formats: list[str] = []
if "category" not in hidden:
    with tabs["category"]:
        matrix = stored(category_matrix, store, chosen)
        heatmaps = {
            "recall": (first_screen.FIRST_METRIC, "recall_by_category"),
            "precision": ("relaxed_precision", "precision_by_category"),
        }
        # One heatmap at a time (the other is in the zip): each is a run per row, so two fill the screen.
        shown_measure = st.radio(
            tr("Measure", "指標"),
            list(heatmaps),
            horizontal=True,
            key="ea_category_metric",
            format_func=lambda m: {"recall": tr("recall", "再現率"), "precision": tr("precision", "適合率")}[m],
        )
        for measure, (metric, name) in heatmaps.items():
            if measure != shown_measure:
                exports.later(figures={name: lambda metric=metric: category_heatmap(matrix, metric, language=language)})
                continue
            shown_map = figure(first_screen.screen_heatmap, matrix, metric, language=language)
            event = exports.chart(shown_map, name, key=f"ea_{measure}", on_select="rerun")
            apply_click(event, label_to_run, "cell")
            if not first_screen.has_cell_text(shown_map):
                st.caption(
                    tr(
                        "With this many runs the cells show no numbers: point at a cell, or show the table.",
                        "実行が多いため、セルに数値は表示していません。セルにマウスを合わせるか、表を表示してください。",
                    )
                )
        table_below(matrix, "category_matrix", "ea_matrix")
if "types" not in hidden:
    with tabs["types"]:
        counts = stored(error_type_counts, store, chosen)
        type_event = exports.chart(
            figure(error_type_bars, counts, language=language), "error_types", key="ea_types", on_select="rerun"
        )
        apply_click(type_event, label_to_run, "type")
        table_below(counts, "error_types", "ea_types_table")
if "confusion" not in hidden:
    with tabs["confusion"]:
        st.caption(
            tr(
                "Over every matched span of the chosen runs. Coarse or unknown predicted labels keep their own column.",
                "選んだ実行の一致したすべてのスパンが対象です。粗い区分や未知の予測ラベルはそれぞれ独立した列になります。",
            )
        )
        confusion = stored(confusion_frame, store, chosen)
        exports.chart(figure(confusion_heatmap, confusion, language=language), "category_confusion", key="ea_confusion")
        table_below(confusion, "category_confusion", "ea_confusion_table")
if "script" not in hidden:
    with tabs["script"]:
        scripts = stored(script_recall_frame, store, chosen)
        exports.chart(figure(script_recall_bars, scripts, language=language), "recall_by_script", key="ea_scripts")
        table_below(scripts, "recall_by_script", "ea_scripts_table")
if "style" not in hidden:
    with tabs["style"]:
        present_styles, present_formats = breakdown_section(chosen, label_to_run)
else:
    # The example filters still offer the styles and formats present (a cached lookup, nothing drawn).
    present_styles, present_formats = present_breakdowns(store, chosen)
if "compare" not in hidden:
    with tabs["compare"]:
        compare_section(run_labels, runs[runs["run_id"].isin(chosen)])

examples_section(dataset, run_labels, present_styles, present_formats)
exports.export_all()
