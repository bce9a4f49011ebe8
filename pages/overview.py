"""Overview: datasets, label progress and the leaderboard of the active dataset."""

import streamlit as st

from phi_core.analysis import leaderboard_frame
from phi_core.models import LABEL_STATUSES
from phi_core.ui import plain
from phi_core.ui.state import active_dataset, active_split, get_store
from phi_core.ui.shell import require_app_shell

require_app_shell()

store = get_store()
st.title("phi-bench")
st.write(
    "Which local LLM finds the protected health information in our radiology reports, "
    "and how much does systematic prompt optimisation add?"
)
st.subheader("Datasets")
st.dataframe(store.datasets(), hide_index=True)

dataset, split = active_dataset(), active_split()
if not dataset:
    st.info("No dataset yet: import one on the Workbench page.")
    st.stop()

st.subheader(plain.fmt("Label progress of {}", dataset))
counts = store.report_counts(dataset)
for column, status in zip(st.columns(len(LABEL_STATUSES)), LABEL_STATUSES):
    column.metric(status.replace("_", " "), counts.get(status, 0))

frame = leaderboard_frame(store, dataset, split, n_boot=200)
st.subheader(f"Leaderboard ({split or 'all splits'})")
if frame.empty:
    st.info("No scored runs yet: start one on the Runs page (the rule-based extractor takes seconds).")
else:
    columns = ["backend", "model", "phase", "n_reports", "score", "strict_f1", "relaxed_f1", "char_leak_rate",
               "sec_per_report"]
    st.dataframe(frame[columns], hide_index=True)
    st.caption("Details, confidence intervals and the paper's reported numbers: the Leaderboard page.")
