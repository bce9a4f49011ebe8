"""Error analysis: where each run misses, what kind of mistakes it makes, and examples in context."""

from __future__ import annotations


import shlex

import pandas as pd
import streamlit as st

from phi_core.analysis import (
    category_matrix, compare_runs, confusion_frame, error_examples, error_type_counts, leaderboard_frame,
    script_recall_frame,
)
from phi_core.figures import (
    category_heatmap, confusion_heatmap, error_type_bars, fixed_broken_bars, script_recall_bars,
)
from phi_core.figures.theme import ERROR_TYPE_LABELS, category_name
from phi_core.scoring import ERROR_TYPES
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.ui import editor_session as session
from phi_core.ui import plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.error_drilldown import default_comparison, highlight_html, selection_from_click
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

ANY = "(any)"
EXAMPLES_SHOWN = 20
# Drill-down widget keys; a click on a chart writes them before the widgets are drawn.
RUN_KEY, TYPE_KEY, CATEGORY_KEY, LAST_CLICK = "ea_run", "ea_type", "ea_category", "ea_last_click"

store = get_store()
state = st.session_state
exports = PageExports("error_analysis")


def open_in_workbench(dataset: str, report_id: str, run_id: str) -> None:
    # Widen the workbench filters so the report is in its list, and overlay this run's predictions.
    state["wb_statuses"], state["wb_search"], state["wb_disagree"], state["wb_warnings_only"] = [], "", False, False
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


def examples_section(dataset: str, run_labels: dict[str, str]) -> None:
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
    examples = error_examples(store, run_id, error_type=None if error_type == ANY else error_type,
                              category=None if category == ANY else category, limit=200)
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

heat_tab, types_tab, confusion_tab, script_tab, compare_tab = st.tabs(
    ["By category", "Error types", "Confusion", "By script", "Compare two runs"])
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
with compare_tab:
    compare_section(run_labels, runs[runs["run_id"].isin(chosen)], language)

examples_section(dataset, run_labels)
exports.export_all()
