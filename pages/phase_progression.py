"""Phase progression: how much each optimisation phase adds, per model and pooled."""

import shlex

import streamlit as st

from phi_core.analysis import phase_gains, phase_means
from phi_core.figures import gains_waterfall, phase_lines, phase_start, reported_phase_means
from phi_core.ui import plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

POOLED = "(all models pooled)"
NUMBER = st.column_config.NumberColumn
GAIN_COLUMNS = {
    "from_phase": st.column_config.TextColumn("from"), "to_phase": st.column_config.TextColumn("to"),
    "n": NUMBER("paired reports"), "n_models": NUMBER("models"),
    "mean_diff": NUMBER("mean gain", format="%+.2f"), "ci_lo": NUMBER("CI low", format="%+.2f"),
    "ci_hi": NUMBER("CI high", format="%+.2f"), "cohens_d": NUMBER("dz (paired)", format="%.2f"),
    "t_p": NUMBER("t-test p", format="%.4f"), "wilcoxon_p": NUMBER("Wilcoxon p", format="%.4f"),
    "p_holm_t": NUMBER("t p (Holm)", format="%.4f"), "p_holm_wilcoxon": NUMBER("Wilcoxon p (Holm)", format="%.4f"),
    "reason": st.column_config.TextColumn("note"),
}

store = get_store()
exports = PageExports("phase_progression")
st.title("Phase progression")
dataset, split = require_active_dataset()

means = phase_means(store, dataset, split)
if means.empty:
    plain.show("No scored runs on this dataset and split yet. Start LLM runs of several phases on the Runs page, "
               f"e.g. python -m phi_core run --backend ollama --model MODEL --phase 1 --dataset {shlex.quote(dataset)}"
               ", then phase 2 and so on. (python -m phi_core run --backend rules --dataset "
               f"{shlex.quote(dataset)} gives a baseline without phases.)", "info")
    st.stop()

st.caption(plain.fmt("Dataset **{}**, {}. ", dataset, split or "all splits") + "Newest scored run of each model and phase; "
           "the grey dashed line is the mean over models the paper reported (its models, its scoring).")
exports.chart(phase_lines(means, reported_phase_means(store.reference_scores())), "phase_means", key="pp_lines")
with st.expander("Table of phase means"):
    exports.table(means, "phase_means", key="pp_means")

st.subheader("Gain per phase transition")
series = list(dict.fromkeys(means["series"] if "series" in means else means["model"]))
model = st.selectbox("Models", [POOLED, *series], key="pp_model")
chosen = None if model == POOLED else model
gains = phase_gains(store, dataset, split, model=chosen)
if gains.empty:
    st.info("These runs cover fewer than two phases, so there is no step to compare yet.")
else:
    first = str(gains.iloc[0]["from_phase"])
    exports.chart(gains_waterfall(gains, start=phase_start(means, first, chosen)), "phase_gains", key="pp_waterfall")
    st.caption(
        "Each step pairs the scores of the same report by the same model in both phases. "
        "dz is the paired effect size (mean gain / SD of the gains). p-values are two-sided; "
        "Holm corrects them for testing several steps at once (docs/statistics.md). "
        "The last bar adds the steps to the first phase's mean; when different models took part in different "
        "phases it need not equal the last phase's mean."
    )
    exports.table(gains[[c for c in GAIN_COLUMNS if c in gains]], "phase_gains", key="pp_gains",
                  column_config=GAIN_COLUMNS, width="stretch")
exports.export_all()
