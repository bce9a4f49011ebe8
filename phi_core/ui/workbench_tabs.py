"""The workbench's review queue and import/export tabs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.corpus.exporters import EXPORTERS
from phi_core.corpus.importers import IMPORTERS
from phi_core.models import SPLITS
from phi_core.roles import can
from phi_core.ui.workbench_list import warning_rows
from phi_core.ui import workbench_text as words
from phi_core.ui.auth import page_actor
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.transfer import export_bytes, export_filename
from phi_core.ui.vocabulary import label_status_name
from phi_core.ui.workbench_actions import ENCODINGS, check_upload, commit_upload, jump_to


def review_tab(reports: list) -> None:
    rows = warning_rows(reports)
    if not rows:
        st.text(
            tr(
                "✓ No import warnings and no unlabeled reports in this selection.",
                "✓ この範囲には取り込み警告も未ラベルのレポートもありません。",
            )
        )
        return
    frame = pd.DataFrame(rows)
    headers = words.names(words.REVIEW_HEADERS, current_language())
    st.text(
        tr(
            f"{len(frame)} items in {frame['report_id'].nunique()} reports: values the importer could not "
            "find, labels it could not map, duplicates and unlabeled reports.",
            f"{frame['report_id'].nunique()} レポートに {len(frame)} 件：取り込みで見つからなかった値、"
            "対応付けできなかったラベル、重複、未ラベルのレポート。",
        )
    )
    st.dataframe(
        frame.assign(status=frame["status"].map(lambda s: label_status_name(s, current_language()))).rename(
            columns=headers
        ),
        hide_index=True,
        width="stretch",
    )
    ids = list(dict.fromkeys(frame["report_id"]))
    cols = st.columns([3, 1], vertical_alignment="bottom")
    target = cols[0].selectbox(tr("Jump to report", "レポートへ移動"), ids, key="wb_jump_target")
    cols[1].button(tr("Open in editor", "エディターで開く"), on_click=jump_to, args=(target,), width="stretch")


def transfer_tab(dataset: str, split: str | None, reports: list) -> None:
    st.subheader(tr("Import a corpus", "コーパスの取り込み"))
    st.file_uploader(tr("Corpus file", "コーパスファイル"), key="wb_upload", type=["jsonl", "json", "csv"])
    cols = st.columns(4)
    names = words.names(words.FORMAT_NAMES, current_language())
    cols[0].selectbox(
        tr("Format", "形式"),
        list(IMPORTERS),
        key="wb_import_fmt",
        format_func={f: names.get(f, f) for f in IMPORTERS}.get,
    )
    cols[1].text_input(
        tr("Dataset name", "データセット名"),
        key="wb_import_name",
        placeholder=tr("e.g. hospital-2025", "例：hospital-2025"),
    )
    cols[2].selectbox(
        tr("Split", "分割"),
        ["from file", *SPLITS],
        key="wb_import_split",
        format_func=words.names(words.IMPORT_SPLITS, current_language()).get,
    )
    cols[3].selectbox(
        tr("Encoding", "文字コード"),
        list(ENCODINGS),
        key="wb_import_encoding",
        format_func=lambda k: tr("detect", "自動判定") if k == "auto" else k,
        help=tr(
            "Detected: UTF-8, else Shift_JIS (CP932) or EUC-JP. Choose one to force it.",
            "自動判定：UTF-8、それ以外は Shift_JIS（CP932）または EUC-JP。指定すると固定します。",
        ),
    )
    st.button(tr("Check file", "ファイルを確認"), on_click=check_upload)
    preview = st.session_state.get("wb_import")
    if preview is not None:
        with st.container(border=True):
            shown_fmt = names.get(preview.fmt, preview.fmt)
            st.text(
                tr(
                    f"{preview.filename} as {shown_fmt} → dataset {preview.dataset} (not saved yet)",
                    f"{preview.filename}（{shown_fmt}）→ データセット {preview.dataset}（未保存）",
                )
            )
            st.dataframe(
                pd.DataFrame(preview.summary_rows, columns=[tr("what", "項目"), tr("count", "件数")]), hide_index=True
            )
            st.button(
                tr("Commit import", "取り込みを確定"),
                type="primary",
                on_click=commit_upload,
                disabled=not can(page_actor(), "import"),
            )
    st.subheader(tr("Export gold labels", "ゴールドラベルの書き出し"))
    fmt = st.selectbox(
        tr("Export format", "書き出し形式"),
        list(EXPORTERS),
        key="wb_export_fmt",
        format_func={f: names.get(f, f) for f in EXPORTERS}.get,
    )
    st.download_button(
        tr(
            f"Download {len(reports)} reports as {names.get(fmt, fmt)}",
            f"{len(reports)} 件を{names.get(fmt, fmt)}でダウンロード",
        ),
        data=lambda: export_bytes(reports, fmt, actor=page_actor()),
        file_name=export_filename(dataset, split, fmt),
        mime="application/octet-stream",
        disabled=not can(page_actor(), "export_phi"),
    )
