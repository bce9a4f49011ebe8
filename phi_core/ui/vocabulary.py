"""Words the interface repeats on several pages, in both languages, in one place.

Status names and the column headers of score tables
recur across pages; writing each once here keeps one Japanese term per
concept (an annotator should not meet 承認済み on one page and 承認 on
another). Call sites still read ``tr``-style: every entry holds its English
and Japanese text side by side.
"""

from __future__ import annotations

from phi_core.dimensions import DIMENSION_NAMES

# Label status (a report's or an annotator's layer) -> (English, Japanese).
LABEL_STATUS_NAMES: dict[str, tuple[str, str]] = {
    "unlabeled": ("unlabeled", "未ラベル"),
    "silver": ("silver", "シルバー（未確認）"),
    "in_review": ("in review", "レビュー中"),
    "approved": ("approved", "承認済み"),
}

# Job and run status -> (English, Japanese).
JOB_STATUS_NAMES: dict[str, tuple[str, str]] = {
    "queued": ("queued", "待機中"),
    "running": ("running", "実行中"),
    "cancelling": ("cancelling", "中止処理中"),
    "cancelled": ("cancelled", "中止"),
    "done": ("done", "完了"),
    "finished": ("finished", "完了"),
    "failed": ("failed", "失敗"),
    "error": ("error", "エラー"),
    "interrupted": ("interrupted", "中断"),
    "ok": ("ok", "成功"),
    "scored": ("scored", "採点済み"),
}

# Validity code (phi_core/violations.py) -> short (English, Japanese) column header.
VALIDITY_NAMES: dict[str, tuple[str, str]] = {
    "prompt_truncated": ("prompt cut", "プロンプト切り詰め"),
    "output_truncated": ("answer cut", "回答切り詰め"),
    "schema_ignored": ("schema ignored", "スキーマ無視"),
    "thinking_text": ("reasoning text", "推論テキスト"),
    "model_changed": ("model changed", "モデル変更"),
}

# Headers of the Runs page's tables (history, plan, provenance, a run's reports) where
# they differ from COLUMN_NAMES.
RUN_COLUMN_NAMES: dict[str, tuple[str, str]] = {
    "run": ("run", "実行"),
    "status": ("status", "状態"),
    "phase_key": ("phase key", "フェーズキー"),
    "phase_hash": ("phase hash", "フェーズのハッシュ"),
    "variant": ("variant", "バリアント"),
    "host": ("host", "ホスト"),
    "model_digest": ("model digest", "モデルのダイジェスト"),
    "dataset": ("dataset", "データセット"),
    "split": ("split", "分割"),
    "repeats": ("repeats", "反復回数"),
    "done": ("done", "完了"),
    "failed": ("failed", "失敗"),
    "total": ("total", "総数"),
    "options": ("options", "オプション"),
    "created": ("created", "作成"),
    "started": ("started", "開始"),
    "finished": ("finished", "終了"),
    "error": ("error", "エラー"),
    "report": ("report", "レポート"),
    "repeat": ("repeat", "反復"),
    "items": ("items", "項目数"),
    "violations": ("violations", "違反数"),
    "seconds": ("seconds", "秒"),
    "job": ("job", "ジョブ"),
    "reports": ("reports", "レポート数"),
    "estimated time": ("estimated time", "見込み時間"),
    "what": ("what", "項目"),
    "value": ("value", "値"),
    "label": ("label", "ラベル"),
    "category": ("category", "カテゴリ"),
}

# Column of a score or run table -> (English, Japanese) header.
COLUMN_NAMES: dict[str, tuple[str, str]] = {
    "name": ("name", "名前"),
    "description": ("description", "説明"),
    "source": ("source", "出典"),
    "provenance": ("provenance", "由来"),
    "created_at": ("created", "作成日"),
    "reports": ("reports", "レポート数"),
    "dev": ("dev", "開発用"),
    "test": ("test", "テスト用"),
    "backend": ("backend", "バックエンド"),
    "model": ("model", "モデル"),
    "phase": ("phase", "フェーズ"),
    "n_reports": ("reports", "レポート数"),
    "score": ("score", "スコア"),
    "strict_f1": ("strict F1", "厳密F1"),
    "relaxed_f1": ("relaxed F1", "緩和F1"),
    "char_leak_rate": ("character leak rate", "文字漏れ率"),
    "sec_per_report": ("time per report", "1件あたりの時間"),
    "before": ("score before", "ステップ前のスコア"),
    "before_lo": ("before: CI low", "ステップ前：CI下限"),
    "before_hi": ("before: CI high", "ステップ前：CI上限"),
    "gain": ("gain", "改善幅"),
    "gain_lo": ("gain: CI low", "改善幅：CI下限"),
    "gain_hi": ("gain: CI high", "改善幅：CI上限"),
    "seconds_added": ("seconds added per report", "1件あたりの追加秒数"),
    "advice": ("advice", "助言"),
    "run_id": ("run id", "実行ID"),
    "label": ("run", "実行"),
    "category": ("category", "カテゴリ"),
    "support": ("gold spans", "正解スパン数"),
    "recall": ("recall", "再現率"),
    "precision": ("precision", "適合率"),
    "leak_rate": ("leak rate", "漏れ率"),
    "relaxed_recall": ("relaxed recall", "緩和再現率"),
    "relaxed_precision": ("relaxed precision", "緩和適合率"),
    "strict_recall": ("strict recall", "厳密再現率"),
    "strict_precision": ("strict precision", "厳密適合率"),
    "type": ("error type", "エラーの種類"),
    "count": ("count", "件数"),
    "gold_category": ("gold category", "正解カテゴリ"),
    "predicted_category": ("predicted label", "予測ラベル"),
    "script": ("script", "文字種"),
    "found": ("found", "検出数"),
    "total": ("total", "総数"),
    "style": ("document style", "文書の種類"),
    "format": ("value format", "値の書式"),
    "gold": ("gold spans", "正解スパン数"),
    "gold_found": ("gold spans found", "検出した正解スパン数"),
    "pred_items": ("predicted values", "予測値の数"),
    "pred_items_correct": ("correct predicted values", "正しい予測値の数"),
    "gold_chars": ("PHI characters", "PHI文字数"),
    "leaked_chars": ("leaked characters", "漏れた文字数"),
    "pred_chars": ("predicted characters", "予測文字数"),
    "pred_chars_inside": ("predicted characters inside", "範囲内の予測文字数"),
    "fixed": ("fixed", "改善"),
    "broken": ("broken", "悪化"),
    "both_found": ("both found", "両方が検出"),
    "both_missed": ("both missed", "両方が見逃し"),
    "mark": ("kind", "種別"),
    "verdict": ("verdict", "判定"),
    "verdict_text": ("why", "理由"),
    "is_pipeline": ("pipeline", "パイプライン"),
    "n_documents": ("documents", "文書数"),
    "documents_leaking": ("documents leaking", "漏れのある文書数"),
    "document_leak_share": ("share of documents leaking", "漏れのある文書の割合"),
    "non_phi_chars": ("non-PHI characters", "PHI以外の文字数"),
    "over_redacted_chars": ("over-redacted characters", "過剰に隠した文字数"),
    "over_redaction_rate": ("over-redaction rate", "過剰隠蔽率"),
    "f1": ("F1", "F1"),
    "f2": ("F2", "F2"),
    "scope": ("scope", "範囲"),
    "key": ("key", "キー"),
    "report_id": ("report", "レポート"),
    "leaked_categories": ("leaked categories", "漏れたカテゴリ"),
    "annotator": ("annotator", "アノテーター"),
    "status": ("status", "状態"),
    "assigned_by": ("assigned by", "割り当てた人"),
    "assigned_at": ("assigned", "割り当て日時"),
    "user_id": ("user", "ユーザー"),
    "role": ("role", "役割"),
    "updated_by": ("changed by", "変更した人"),
    "updated_at": ("changed", "変更日時"),
}


# How a row the paper reported is marked in its label: "GPT-4.1 (paper, p5)" (phi_core/analysis/leaderboard.py).
_PAPER_MARKS = (
    (" (paper, p", "（論文、p"),
    (" (paper)", "（論文）"),
    (", before self-refine", "、Self-Refine前"),
    (", after self-refine", "、Self-Refine後"),
)


def pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "ja" else pair[0]


def label_status_name(status: str, language: str = "en") -> str:
    pair = LABEL_STATUS_NAMES.get(status)
    return pick(pair, language) if pair else status.replace("_", " ")


def job_status_name(status: str, language: str = "en") -> str:
    """A job's or run's status (unknown statuses as they are)."""
    pair = JOB_STATUS_NAMES.get(status)
    return pick(pair, language) if pair else status


def validity_name(code: str, language: str = "en") -> str:
    pair = VALIDITY_NAMES.get(code)
    return pick(pair, language) if pair else code.replace("_", " ")


def column_name(column: str, language: str = "en") -> str:
    pair = COLUMN_NAMES.get(column)
    return pick(pair, language) if pair else column


def column_labels(columns, language: str = "en") -> dict[str, str]:
    """Headers for a table's columns (an st.dataframe column_config); unknown columns keep their name."""
    return {c: column_name(c, language) for c in columns}


def dimension_name(dimension: str, language: str = "en") -> str:
    pair = DIMENSION_NAMES.get(dimension)
    return pick(pair, language) if pair else dimension.replace("_", " ")


def reported_label(label: str, language: str = "en") -> str:
    """A paper row's label with its "(paper, p5)" mark in the user's language; other labels unchanged."""
    if language != "ja" or not isinstance(label, str):
        return label
    for english, japanese in _PAPER_MARKS:
        if english in label:
            label = label.replace(english, japanese)
            if japanese.endswith("p"):
                label = label[:-1] + "）" if label.endswith(")") else label
    return label


def run_table_headers(columns, language: str = "en") -> dict[str, str]:
    """Headers for a Runs page table: run words first, then validity codes, dimensions and shared columns."""
    named = column_labels(columns, language)
    for column in columns:
        for table in (DIMENSION_NAMES, VALIDITY_NAMES, RUN_COLUMN_NAMES):
            if column in table:
                named[column] = pick(table[column], language)
    return named
