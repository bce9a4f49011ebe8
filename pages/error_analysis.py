"""Error analysis: where each run misses, what kind of mistakes it makes, and examples in context."""

from __future__ import annotations


import shlex

import pandas as pd
import streamlit as st

from phi_core.analysis import (
    category_matrix, compare_runs, confusion_frame, error_examples, error_type_counts, format_matrix,
    leaderboard_frame, script_recall_frame, style_matrix,
)
from phi_core.figures import (
    breakdown_heatmap, category_heatmap, confusion_heatmap, error_type_bars, fixed_broken_bars, script_recall_bars,
)
from phi_core.figures.theme import ERROR_TYPE_LABELS, category_name
from phi_core.scoring import ERROR_TYPES
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.ui import editor_session as session
from phi_core.ui import plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.error_drilldown import default_comparison, highlight_html, selection_from_click
from phi_core.ui.i18n import tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

ANY = "(any)"
EXAMPLES_SHOWN = 20
# Drill-down widget keys; a click on a chart writes them before the widgets are drawn.
RUN_KEY, TYPE_KEY, CATEGORY_KEY, LAST_CLICK = "ea_run", "ea_type", "ea_category", "ea_last_click"
STYLE_KEY, FORMAT_KEY = "ea_style", "ea_format"
BREAKDOWN_METRICS = ("recall", "precision", "leak_rate")

store = get_store()
state = st.session_state
exports = PageExports("error_analysis")


def open_in_workbench(dataset: str, report_id: str, run_id: str) -> None:
    # Widen the workbench filters so the report is in its list, and overlay this run's predictions.
    state["wb_statuses"], state["wb_search"], state["wb_disagree"], state["wb_warnings_only"] = [], "", False, False
    state["wb_styles"] = []
    state["wb_run"] = run_id
    session.open_report(state, store, dataset, report_id)
    st.switch_page("pages/workbench.py")


def apply_click(event, label_to_run: dict[str, str], kind: str) -> None:
    """A click on a heatmap cell or an error bar picks run, category or type below (once per click)."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if not points:
        return
    point = points[0]
    click = (kind, str(point.get("x")), str(point.get("y")), str(point.get("customdata")))
    if state.get(LAST_CLICK) == click:
        return  # the same selection survives reruns; apply it only when it changes
    state[LAST_CLICK] = click
    chosen = selection_from_click(kind, point, label_to_run)
    for name, key in (("run", RUN_KEY), ("category", CATEGORY_KEY), ("type", TYPE_KEY)):
        if name in chosen:
            state[key] = ANY if chosen[name] is None else chosen[name]


def apply_breakdown_click(event, label_to_run: dict[str, str], key: str) -> None:
    """A click on a style or format cell picks that run and that style (or format) for the examples."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if not points:
        return
    x, y = str(points[0].get("x")), str(points[0].get("y"))
    click = (key, x, y)
    if state.get(LAST_CLICK) == click:
        return
    state[LAST_CLICK] = click
    # Styles run across with runs down; value formats run down with runs across.
    run_label, value = (x, y) if x in label_to_run else (y, x)
    state[key] = value
    if run_label in label_to_run:
        state[RUN_KEY] = label_to_run[run_label]


def breakdown_section(chosen: list[str], label_to_run: dict[str, str]) -> tuple[list[str], list[str]]:
    """Heatmaps by document style and by value format; returns the styles and formats present."""
    metric = st.radio(tr("Measure", "指標"), BREAKDOWN_METRICS, horizontal=True, key="ea_breakdown_metric",
                      format_func=lambda m: {"recall": tr("recall", "再現率"), "precision": tr("precision", "適合率"),
                                             "leak_rate": tr("leaked characters", "漏れた文字の割合")}[m])
    styles, formats = style_matrix(store, chosen), format_matrix(store, chosen)
    if styles.empty and formats.empty:
        st.info(tr("These runs' reports record no document style or value format. Score a run on "
                   "synthetic-styles (or a corpus whose JSONL gives them) to see this breakdown.",
                   "これらの実行の文書には文書の種類も値の書式も記録されていません。synthetic-styles"
                   "（またはそれらを含むJSONLコーパス）で実行を採点すると表示されます。"))
        return [], []
    event = exports.chart(breakdown_heatmap(styles, "style", metric), f"{metric}_by_style", key="ea_style_map",
                          on_select="rerun")
    apply_breakdown_click(event, label_to_run, STYLE_KEY)
    event = exports.chart(breakdown_heatmap(formats, "format", metric), f"{metric}_by_format",
                          key="ea_format_map", on_select="rerun")
    apply_breakdown_click(event, label_to_run, FORMAT_KEY)
    with st.expander(tr("Tables", "表")):
        exports.table(styles, "style_matrix", key="ea_style_table")
        exports.table(formats, "format_matrix", key="ea_format_table")
    return sorted(set(styles.get("style", []))), sorted(set(formats.get("format", [])))


def examples_section(dataset: str, run_labels: dict[str, str], styles: list[str] | None = None,
                     formats: list[str] | None = None) -> None:
    st.subheader("Examples")
    st.caption("Pick a cell or a bar above, or choose here. Gold span shaded yellow, predicted span outlined blue.")
    for key, options in ((RUN_KEY, list(run_labels)), (TYPE_KEY, [ANY, *ERROR_TYPES]),
                         (CATEGORY_KEY, [ANY, *CATEGORY_CODES])):
        if state.get(key) not in options:
            state[key] = options[0] if key != TYPE_KEY else "missed"
    cols = st.columns(3)
    run_id = cols[0].selectbox("Run", list(run_labels), format_func=run_labels.get, key=RUN_KEY)
    error_type = cols[1].selectbox("Error type", [ANY, *ERROR_TYPES], key=TYPE_KEY,
                                   format_func=lambda t: ERROR_TYPE_LABELS.get(t, t))
    category = cols[2].selectbox("Gold or predicted category", [ANY, *CATEGORY_CODES], key=CATEGORY_KEY,
                                 format_func=lambda c: c if c == ANY else f"{category_name(c)} ({c})")
    style = value_format = ANY
    if styles or formats:
        for key, options in ((STYLE_KEY, [ANY, *(styles or [])]), (FORMAT_KEY, [ANY, *(formats or [])])):
            if state.get(key) not in options:
                state[key] = ANY
        more = st.columns(2)
        style = more[0].selectbox(tr("Document style", "文書の種類"), [ANY, *(styles or [])], key=STYLE_KEY)
        value_format = more[1].selectbox(tr("Value format of the gold span", "正解スパンの値の書式"),
                                         [ANY, *(formats or [])], key=FORMAT_KEY)
    examples = error_examples(store, run_id, error_type=None if error_type == ANY else error_type,
                              category=None if category == ANY else category, limit=200,
                              style=None if style == ANY else style,
                              value_format=None if value_format == ANY else value_format)
    if examples.empty:
        st.success("No errors of this kind in this run.")
        return
    st.caption(f"{len(examples)} errors{' (first 200)' if len(examples) == 200 else ''}; "
               f"showing {min(EXAMPLES_SHOWN, len(examples))}.")
    for index, row in examples.head(EXAMPLES_SHOWN).iterrows():
        with st.container(border=True):
            head, button = st.columns([6, 1])
            head.markdown(plain.fmt("**{}** · {} · {}", row["report_id"], ERROR_TYPE_LABELS.get(row["type"], row["type"]),
                                    category_name(row["category"]) if row["category"] else "—"))
            # st.html: the escaped report text is never read as Markdown.
            head.html(f"<div style='font-size:1.05em;line-height:1.9'>{highlight_html(row)}</div>")
            gold = f"«{row['gold_text']}»" if isinstance(row["gold_text"], str) and row["gold_text"] else "—"
            pred = (f"«{row['pred_value']}» as {row['pred_label']}" if isinstance(row["pred_value"], str)
                    and row["pred_value"] else "—")
            plain.show(f"gold {gold} · predicted {pred}", "caption")
            if button.button("Open in workbench", key=f"ea_open_{index}", icon=":material/edit_note:"):
                open_in_workbench(dataset, row["report_id"], run_id)
    exports.tables["error_examples"] = examples


def compare_section(run_labels: dict[str, str], frame: pd.DataFrame, language: str) -> None:
    st.subheader("Compare two runs")
    st.caption("Gold spans that run B finds and run A misses are fixed; the reverse are broken.")
    ids = list(run_labels)
    default_a, default_b = default_comparison(frame, ids)
    cols = st.columns(2)
    run_a = cols[0].selectbox("Run A (before)", ids, index=ids.index(default_a), format_func=run_labels.get,
                              key="ea_cmp_a")
    run_b = cols[1].selectbox("Run B (after)", ids, index=ids.index(default_b), format_func=run_labels.get,
                              key="ea_cmp_b")
    if run_a == run_b:
        st.info("Choose two different runs to compare.")
        return
    comparison = compare_runs(store, run_a, run_b)
    exports.chart(fixed_broken_bars(comparison, label_a=run_labels[run_a], label_b=run_labels[run_b],
                                    language=language), "fixed_broken", key="ea_fixed_broken")
    exports.table(comparison, "fixed_broken_by_category", key="ea_cmp_table")


# --------------------------------------------------------------------- page

st.title("Error analysis")
dataset, split = require_active_dataset()
runs = leaderboard_frame(store, dataset, split, n_boot=0)
if runs.empty:
    plain.show("No scored runs on this dataset and split yet. Start a run on the Runs page, or from a terminal "
               f"while the app is stopped: python -m phi_core run --backend rules --dataset {shlex.quote(dataset)}",
               "info")
    st.stop()
all_labels = dict(zip(runs["run_id"], runs["label"]))
top = st.columns([4, 1])
chosen = top[0].multiselect("Runs (newest run of each model and phase)", list(all_labels),
                            default=list(all_labels)[:16], format_func=all_labels.get, key="ea_runs")
language = "ja" if top[1].toggle("日本語の区分名", key="ea_ja", help="category names in Japanese") else "en"
if not chosen:
    st.info("Choose at least one run.")
    st.stop()
run_labels = {r: all_labels[r] for r in chosen}
label_to_run = {label: run_id for run_id, label in run_labels.items()}

heat_tab, types_tab, confusion_tab, script_tab, style_tab, compare_tab = st.tabs(
    ["By category", "Error types", "Confusion", "By script", tr("By style and format", "文書の種類・値の書式別"),
     "Compare two runs"])
with heat_tab:
    matrix = category_matrix(store, chosen)
    recall_event = exports.chart(category_heatmap(matrix, "relaxed_recall", language=language), "recall_by_category",
                                 key="ea_recall", on_select="rerun")
    apply_click(recall_event, label_to_run, "cell")
    precision_event = exports.chart(category_heatmap(matrix, "relaxed_precision", language=language),
                                    "precision_by_category", key="ea_precision", on_select="rerun")
    apply_click(precision_event, label_to_run, "cell")
    with st.expander("Table"):
        exports.table(matrix, "category_matrix", key="ea_matrix")
with types_tab:
    counts = error_type_counts(store, chosen)
    type_event = exports.chart(error_type_bars(counts), "error_types", key="ea_types", on_select="rerun")
    apply_click(type_event, label_to_run, "type")
    with st.expander("Table"):
        exports.table(counts, "error_types", key="ea_types_table")
with confusion_tab:
    st.caption("Over every matched span of the chosen runs. Coarse or unknown predicted labels keep their own column.")
    confusion = confusion_frame(store, chosen)
    exports.chart(confusion_heatmap(confusion, language=language), "category_confusion", key="ea_confusion")
    with st.expander("Table"):
        exports.table(confusion, "category_confusion", key="ea_confusion_table")
with script_tab:
    scripts = script_recall_frame(store, chosen)
    exports.chart(script_recall_bars(scripts), "recall_by_script", key="ea_scripts")
    with st.expander("Table"):
        exports.table(scripts, "recall_by_script", key="ea_scripts_table")
with style_tab:
    present_styles, present_formats = breakdown_section(chosen, label_to_run)
with compare_tab:
    compare_section(run_labels, runs[runs["run_id"].isin(chosen)], language)

examples_section(dataset, run_labels, present_styles, present_formats)
exports.export_all()
