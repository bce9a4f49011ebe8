"""De-identify: run a pipeline over pasted text or uploaded files and download the result.

Nothing of a job is written to the database unless the user ticks "keep these
documents": the documents are real PHI. All logic is in phi_core.deid and
phi_core.pipelines; this page only collects input and shows output.
"""

from __future__ import annotations

import streamlit as st

from phi_core.deid import MODES, DeidInputError, Document, deidentify, keep_documents, pipeline_detector
from phi_core.deid.io import READERS, WRITERS, guess_format, read_documents
from phi_core.pipelines import PipelineError, load_pipeline
from phi_core.pipelines.materialise import score_pipeline
from phi_core.pipelines.service import add_pipeline
from phi_core.roles import NotAllowed, can
from phi_core.store import StoreError
from phi_core.ui.auth import page_actor
from phi_core.ui.deid_view import highlight_html, part_choices
from phi_core.ui.i18n import error_text, tr
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import active_dataset, active_split, get_store

require_app_shell()

store = get_store()
actor = page_actor()
state = st.session_state
RESULT, INPUT = "deid_result", "deid_input"
AUTO = "auto"

MODE_NAMES = {
    "tags": lambda: tr("tags (【患者氏名】)", "タグ（【患者氏名】）"),
    "redact": lambda: tr("redact (■, length kept)", "黒塗り（■、長さを保持）"),
    "surrogate": lambda: tr("surrogate (realistic fictional values)", "代替値（実在しない自然な値）"),
}


def pipeline_form() -> None:
    """Define a pipeline: rules, a model in a phase, or a union of several (leads only; checked in phi_core)."""
    if not can(actor, "manage_pipelines"):
        return
    with st.expander(tr("Define a pipeline", "パイプラインを定義"), icon=":material/merge:"):
        identities = sorted({(r.backend, r.model, r.phase) for r in store.runs()})
        choices = part_choices(identities)
        with st.form("deid_pipeline_form"):
            name = st.text_input(tr("Name", "名前"), key="deid_new_name")
            parts = st.multiselect(
                tr("Parts (several make a union)", "構成要素（複数なら和集合）"),
                choices,
                default=["rules"],
                key="deid_new_parts",
            )
            extra = st.text_input(
                tr("Other part (BACKEND:MODEL:PHASE)", "その他の構成要素（バックエンド:モデル:フェーズ）"),
                key="deid_new_extra",
            )
            replace = st.checkbox(
                tr("Replace a pipeline of the same name", "同名のパイプラインを置き換える"), key="deid_new_replace"
            )
            saved = st.form_submit_button(tr("Save pipeline", "パイプラインを保存"))
        st.text(
            tr(
                "Overlapping spans are joined; the joined span takes the category that identifies the patient "
                "most directly (patient name first, department last).",
                "重なる範囲は結合され、患者を最も直接に特定する区分（患者氏名が最優先、診療科が最後）になります。",
            )
        )
        if saved:
            try:
                add_pipeline(store, actor, name, [*parts, *([extra.strip()] if extra.strip() else [])], replace=replace)
                st.success(tr("Saved.", "保存しました。"))
            except (PipelineError, StoreError, NotAllowed) as exc:
                st.error(
                    tr("Not saved: ", "保存できません: ") + tr("see the message below.", "下の理由をご覧ください。")
                )
                st.code(error_text(exc), language=None)
        stored = store.pipeline_definitions()
        if stored:
            st.dataframe([{"name": n, "parts": " ∪ ".join(d.get("parts", []))} for n, d in stored], hide_index=True)
            dataset = active_dataset()
            if dataset and can(actor, "score"):
                target = st.selectbox(
                    tr(
                        "Score a pipeline on the active dataset (no model calls)",
                        "アクティブなデータセットでパイプラインを採点（モデル呼び出しなし）",
                    ),
                    [n for n, _ in stored],
                    key="deid_score_pick",
                )
                if st.button(tr("Score", "採点"), key="deid_score"):
                    try:
                        pipeline = load_pipeline(store, target)
                        result = score_pipeline(store, pipeline, dataset, active_split(), actor=actor)
                        # st.text: the pipeline name is user text and must not be parsed as Markdown.
                        st.text(
                            tr(
                                f"Scored {result.reports} reports: it is on the Leaderboard as pipeline:{target}.",
                                f"{result.reports} 件を採点しました。リーダーボードに pipeline:{target} として表示されます。",
                            )
                        )
                    except (PipelineError, StoreError, NotAllowed) as exc:
                        st.code(error_text(exc), language=None)


def read_input() -> tuple[list[Document], str] | None:
    paste_tab, file_tab = st.tabs(
        [tr("Paste text", "テキストを貼り付け"), tr("Upload a file", "ファイルをアップロード")]
    )
    with paste_tab:
        pasted = st.text_area(tr("One report", "レポート 1 件"), height=200, key="deid_paste")
        use_paste = st.button(tr("De-identify the pasted text", "貼り付けたテキストを匿名化"), key="deid_go_paste")
    with file_tab:
        upload = st.file_uploader(
            tr(
                "CSV, JSONL, a text file, or a zip of text files",
                "CSV、JSONL、テキストファイル、またはテキストファイルの zip",
            ),
            type=["csv", "jsonl", "txt", "zip"],
            key="deid_upload",
        )
        cols = st.columns(3)
        fmt = cols[0].selectbox(
            tr("Format", "形式"),
            [AUTO, *READERS],
            key="deid_format",
            format_func=lambda f: tr("auto (from the file name)", "自動判定（ファイル名から）") if f == AUTO else f,
        )
        patient_key = cols[1].text_input(tr("Patient key column (optional)", "患者キーの列（任意）"), key="deid_pkey")
        text_column = cols[2].text_input(tr("Text column of a CSV (optional)", "CSV の本文列（任意）"), key="deid_tcol")
        use_file = st.button(
            tr("De-identify the file", "ファイルを匿名化"), key="deid_go_file", disabled=upload is None
        )
    if use_paste and pasted.strip():
        return [Document("pasted", pasted)], "txt"
    if use_file and upload is not None:
        chosen = guess_format(upload.name) if fmt == AUTO else fmt
        docs = read_documents(
            upload.getvalue(),
            upload.name,
            chosen,
            patient_key=patient_key.strip() or None,
            text_column=text_column.strip() or None,
        )
        return docs, chosen
    return None


def show_result() -> None:
    result, (docs, fmt) = state[RESULT], state[INPUT]
    st.subheader(tr("Result", "結果"))
    spans = sum(len(d.replacements) for d in result.documents)
    st.text(
        tr(
            f"{len(result.documents)} documents, {spans} spans replaced ({result.mode}).",
            f"{len(result.documents)} 件、{spans} 箇所を置換（{result.mode}）。",
        )
    )
    ids = [d.id for d in result.documents]
    pick = st.selectbox(tr("Document", "文書"), range(len(ids)), format_func=lambda i: ids[i], key="deid_doc")
    doc = result.documents[pick]
    left, right = st.columns(2)
    left.text(tr("Original", "原文"))
    left.html(highlight_html(doc.original, [(r.start, r.end, r.category) for r in doc.replacements]))
    right.text(tr("De-identified", "匿名化後"))
    right.html(highlight_html(doc.text, [(r.out_start, r.out_end, r.category) for r in doc.replacements]))
    cols = st.columns(2)
    extension = "zip" if fmt == "txt" and len(docs) > 1 else ("csv" if fmt == "paper-csv" else fmt)
    cols[0].download_button(
        tr("Download the de-identified output", "匿名化した出力をダウンロード"),
        data=WRITERS[fmt](docs, result.texts),
        file_name=f"deidentified.{extension}",
        icon=":material/download:",
        key="deid_dl",
    )
    if cols[1].checkbox(
        tr(
            "Also offer the mapping (originals! for authorised re-identification only)",
            "対応表も出す（原文を含みます。許可された再識別のためだけに）",
        ),
        key="deid_want_map",
    ):
        cols[1].download_button(
            tr("Download the mapping", "対応表をダウンロード"),
            data=result.mapping_csv(),
            file_name="deid_mapping.csv",
            icon=":material/key:",
            key="deid_dl_map",
        )
    if not can(actor, "keep_documents"):
        return
    with st.container(border=True):
        st.text(
            tr(
                "Nothing from this job has been stored: the documents are real PHI. Tick below only if they "
                "should become a dataset (originals, pre-labelled by the pipeline) for review in the workbench.",
                "このジョブの内容は何も保存されていません（文書は実際の PHI です）。ワークベンチで確認するデータセット"
                "（原文、パイプラインによる事前ラベル付き）にする場合だけ下をチェックしてください。",
            )
        )
        keep = st.checkbox(tr("keep these documents", "これらの文書を保存する"), key="deid_keep")
        if keep:
            name = st.text_input(tr("Dataset name", "データセット名"), key="deid_keep_name")
            if st.button(tr("Store them", "保存"), key="deid_keep_go", disabled=not name.strip()):
                try:
                    n = keep_documents(store, name.strip(), result, actor=actor)
                    st.success(tr(f"Stored {n} documents.", f"{n} 件を保存しました。"))
                except (StoreError, NotAllowed) as exc:
                    st.code(error_text(exc), language=None)


st.title(tr("De-identify", "匿名化"))
st.text(
    tr(
        "A pipeline finds the PHI; the mode decides what replaces it. Runs on this machine only. Nothing "
        'you paste or upload is stored unless you tick "keep these documents" after the job.',
        "パイプラインが PHI を見つけ、モードが置き換え方を決めます。処理はこのマシン内だけで行われます。貼り付けや"
        "アップロードした内容は、ジョブの後で「これらの文書を保存する」をチェックしない限り保存されません。",
    )
)
pipeline_form()
# recall-first is the default: a de-identifier should rather mask too much than leak.
names = ["recall-first", "rules", *[n for n, _ in store.pipeline_definitions() if n not in ("recall-first", "rules")]]
top = st.columns([2, 2, 1])
pipeline_name = top[0].selectbox(tr("Pipeline", "パイプライン"), names, key="deid_pipeline")
mode = top[1].radio(
    tr("Mode", "モード"), list(MODES), format_func=lambda m: MODE_NAMES[m](), key="deid_mode", horizontal=True
)
english = top[2].toggle(tr("English tags", "英語のタグ"), key="deid_english")
try:
    request = read_input()
    if request is not None:
        docs, fmt = request
        with st.spinner(tr("De-identifying…", "匿名化しています…")):
            detect = pipeline_detector(load_pipeline(store, pipeline_name), store, actor=actor)
            state[RESULT] = deidentify(docs, detect, mode, english_tags=english)
            state[INPUT] = (docs, fmt)
except (DeidInputError, PipelineError, StoreError, RuntimeError, NotAllowed) as exc:
    st.error(tr("The job could not run; the reason is below.", "ジョブを実行できませんでした。理由は下のとおりです。"))
    st.code(error_text(exc), language=None)
if RESULT in state:
    show_result()
