"""Overview: datasets, label progress and the leaderboard of the active dataset."""

import pandas as pd
import streamlit as st

from phi_core.evaluation import leaderboard
from phi_core.models import LABEL_STATUSES
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

st.subheader(f"Label progress of {dataset}")
counts = store.report_counts(dataset)
for column, status in zip(st.columns(len(LABEL_STATUSES)), LABEL_STATUSES):
    column.metric(status.replace("_", " "), counts.get(status, 0))

rows = leaderboard(store, dataset, split, n_boot=200)
st.subheader(f"Leaderboard ({split or 'all splits'})")
if rows:
    columns = ["backend", "model", "phase", "n_reports", "score", "strict_f1", "relaxed_f1", "char_leak_rate",
               "sec_per_report"]
    frame = pd.DataFrame(rows)
    st.dataframe(frame[[c for c in columns if c in frame.columns]], hide_index=True)
else:
    st.info("No scored runs yet. Start one with `python -m phi_core run --backend rules --dataset "
            f"{dataset}` while the app is stopped.")
