"""Threshold advisor: below which score does a step such as Self-Refine pay off?"""

import math
import shlex

import pandas as pd
import streamlit as st

from phi_core.analysis import phase_scores, threshold_analysis
from phi_core.figures import threshold_scatter
from phi_core.figures.common import phase_sort_key
from phi_core.stats.threshold import format_p
from phi_core.ui import plain
from phi_core.ui.downloads import PageExports
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import get_store, require_active_dataset

require_app_shell()

METHODS = {"split": "split (a jump: the study's description)", "segmented": "segmented (a gradual bend)"}
NUMBER = st.column_config.NumberColumn

store = get_store()
exports = PageExports("threshold_advisor")
st.title("Threshold advisor")
st.caption("The study gave Self-Refine (phase 3 → 4) to two models: one at 84.6 points gained +6.9, one at 89.1 "
           "gained nothing, so it suggested a threshold near 87-88 points. With more models we can fit it.")
dataset, split = require_active_dataset()

phases = sorted({str(p) for p in phase_scores(store, dataset, split)["phase"]} - {"-", ""}, key=phase_sort_key)
if len(phases) < 2:
    plain.show("The advisor needs models scored in two phases (by default 3 and 4, Self-Refine). Start them on the "
               "Runs page, e.g. python -m phi_core run --backend ollama --model MODEL --phase 3 --dataset "
               f"{shlex.quote(dataset)} and the same with --phase 4, for at least five models.", "info")
    st.stop()

cols = st.columns(3)
from_phase = cols[0].selectbox("Phase before the step", phases,
                               index=phases.index("3") if "3" in phases else 0, key="ta_from")
after = [p for p in phases if p != from_phase]
to_phase = cols[1].selectbox("Phase after the step", after, index=after.index("4") if "4" in after else 0,
                             key="ta_to")
method = cols[2].radio("Fit", list(METHODS), format_func=METHODS.get, key="ta_method")

analysis = threshold_analysis(store, dataset, split, from_phase=from_phase, to_phase=to_phase, method=method)
estimate = analysis.estimate
if estimate.ok and estimate.threshold_supported:
    plain.show(estimate.verdict, "success")
elif estimate.ok:
    plain.show(estimate.verdict + " The line is drawn dashed: do not read it as a recommendation.", "warning")
else:
    plain.show(analysis.summary or estimate.verdict, "warning")

fig = threshold_scatter(analysis.points, estimate, reported_points=analysis.reported_points,
                        reported_band=analysis.reported_band, before_label=f"mean score in phase {from_phase}",
                        gain_label=f"gain from phase {from_phase} to {to_phase}",
                        title=f"Gain from phase {from_phase} → {to_phase} against the score before it")
exports.chart(fig, "threshold", key="ta_scatter")
st.caption("Blue: our models, with 95% bootstrap intervals over reports in both directions. Grey diamonds and band: "
           "reported by the paper (its two models and its 87-88 band), for comparison only.")

if estimate.ok:
    st.subheader("Estimate")
    m = st.columns(4)
    ci = estimate.threshold_ci
    m[0].metric("Threshold", f"{estimate.threshold:.1f}",
                help=f"95% CI {ci[0]:.1f} to {ci[1]:.1f}" if all(map(math.isfinite, ci)) else "CI not available")
    m[1].metric("Models below", f"{estimate.below.n}", f"{estimate.below.mean_gain:+.2f} mean gain")
    m[2].metric("Models at or above", f"{estimate.above.n}", f"{estimate.above.mean_gain:+.2f} mean gain")
    m[3].metric("Is there a threshold?", format_p(estimate.test_threshold_exists.p),
                help="permutation test that accounts for the threshold being fitted to these models")
    tests = [
        ("threshold exists (permutation)", estimate.test_threshold_exists),
        ("below gain > 0, " + estimate.test_below_positive.parametric.name, estimate.test_below_positive.parametric),
        ("below gain > 0, " + estimate.test_below_positive.rank.name, estimate.test_below_positive.rank),
        ("groups differ, " + estimate.test_groups_differ.parametric.name, estimate.test_groups_differ.parametric),
        ("groups differ, " + estimate.test_groups_differ.rank.name, estimate.test_groups_differ.rank),
    ]
    test_table = pd.DataFrame([{"question": q, "statistic": t.stat, "p": t.p} for q, t in tests])
    exports.table(test_table, "threshold_tests", key="ta_tests",
                  column_config={"statistic": NUMBER(format="%.3f"), "p": NUMBER(format="%.4f")})
    st.caption("Only the permutation test allows for the threshold having been chosen to fit these same models; "
               "the group tests are descriptive (docs/statistics.md).")

st.subheader("Advice per model")
if not analysis.advice:
    st.info(plain.fmt("No model has scores in both phase {} and phase {} yet.", from_phase, to_phase))
for model, advice in analysis.advice.items():
    st.markdown(plain.fmt("- **{}**: {}", model, advice))
points = analysis.points_frame()
with st.expander("Table of model points"):
    exports.table(points, "threshold_points", key="ta_points", width="stretch")
exports.export_all()
