"""Overview: datasets, label progress and the leaderboard of the active dataset."""

import streamlit as st

from phi_core.analysis import leaderboard_frame
from phi_core.models import LABEL_STATUSES
from phi_core.ui import plain
from phi_core.ui.formatting import format_count, format_date, format_duration
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import active_dataset, active_split, get_store
from phi_core.ui.cached import stored
from phi_core.ui.vocabulary import column_name, label_status_name

require_app_shell()

store = get_store()
language = current_language()
NUMBER, TEXT = st.column_config.NumberColumn, st.column_config.TextColumn

st.title("phi-bench")
st.write(
    tr(
        "Which local LLM finds the protected health information in our radiology reports, "
        "and how much does systematic prompt optimisation add?",
        "放射線読影レポート中の個人健康情報（PHI）を最もよく見つけるローカルLLMはどれか、"
        "そして体系的なプロンプト最適化でどれだけ改善するか。",
    )
)
st.subheader(tr("Datasets", "データセット"))
datasets = store.datasets()
if "provenance" in datasets:
    from phi_core.corpus.provenance import provenance_label

    datasets["provenance"] = [provenance_label(value, language) for value in datasets["provenance"]]
if "created_at" in datasets:
    datasets["created_at"] = [format_date(value, language) for value in datasets["created_at"]]
st.dataframe(
    datasets, hide_index=True, column_config={column: column_name(column, language) for column in datasets.columns}
)

dataset, split = active_dataset(), active_split()
if not dataset:
    st.info(
        tr(
            "No dataset yet: import one on the Workbench page.",
            "データセットがまだありません：アノテーションのページで取り込んでください。",
        )
    )
    st.stop()

st.subheader(plain.fmt(tr("Label progress of {}", "{} のラベル付け状況"), dataset))
counts = store.report_counts(dataset)
for column, status in zip(st.columns(len(LABEL_STATUSES)), LABEL_STATUSES):
    column.metric(label_status_name(status, language), format_count(counts.get(status, 0), language))

frame = stored(leaderboard_frame, store, dataset, split)
all_splits = tr("all splits", "全分割")
st.subheader(tr(f"Leaderboard ({split or all_splits})", f"ランキング（{split or all_splits}）"))
if frame.empty:
    st.info(
        tr(
            "No scored runs yet: start one on the Runs page (the rule-based extractor takes seconds).",
            "採点済みの実行はまだありません：実行のページで開始してください（ルールベース抽出器なら数秒です）。",
        )
    )
else:
    columns = [
        "backend",
        "model",
        "phase",
        "n_reports",
        "score",
        "strict_f1",
        "relaxed_f1",
        "char_leak_rate",
        "sec_per_report",
    ]
    table = frame[columns].assign(sec_per_report=[format_duration(s, language) for s in frame["sec_per_report"]])
    formats = {"score": "%.2f", "strict_f1": "%.3f", "relaxed_f1": "%.3f", "char_leak_rate": "%.3f"}
    config = {
        column: (
            NUMBER(column_name(column, language), format=formats[column])
            if column in formats
            else TEXT(column_name(column, language))
            if column == "sec_per_report"
            else column_name(column, language)
        )
        for column in columns
    }
    st.dataframe(table, hide_index=True, column_config=config)
    st.caption(
        tr(
            "Details, confidence intervals and the paper's reported numbers: the Leaderboard page.",
            "詳細、信頼区間、論文の報告値はランキングのページにあります。",
        )
    )
