"""The workbench's own words: labels, shortcut descriptions, the annotator's strings, table headers.

Tables of (English, Japanese) pairs and pure functions taking the language,
so a missing translation is found without a browser. Words several pages
share live in phi_core.ui.vocabulary.
"""

from __future__ import annotations

from phi_core.ui.workbench_keys import ACTION_SHORTCUTS, category_keys
from phi_core.ui.vocabulary import pick

# Shortcut action (phi_core.ui.workbench_keys.ACTION_SHORTCUTS) -> what it does.
SHORTCUT_ACTIONS: dict[str, tuple[str, str]] = {
    "next": ("next report", "次のレポート"),
    "previous": ("previous report", "前のレポート"),
    "approve": ("approve (submit your layer)", "承認（自分のレイヤーでは提出）"),
    "in_review": ("mark in review", "レビュー中にする"),
    "undo": ("undo the last change", "最後の変更を取り消す"),
    "accept_all": ("accept all predictions of the overlay run", "重ねた実行の予測をすべて採用"),
    "accept": ("accept the clicked prediction (all its occurrences)", "クリックした予測を採用（すべての出現）"),
    "delete": ("delete the clicked span (Backspace too)", "クリックしたスパンを削除（Backspace も可）"),
    "clear": ("clear the selection", "選択を解除"),
}

# Strings the span annotator component draws (phi_core/ui/components/span_annotator).
ANNOTATOR_STRINGS: dict[str, tuple[str, str]] = {
    "saving": ("saving…", "保存中…"),
    "selected": (
        "selected {start}–{end} (UTF-16): press a category key or click a category",
        "{start}–{end} を選択中（UTF-16）：分類キーを押すか分類をクリック",
    ),
    "idle": (
        "Select text and press a category key; click a span to change or delete it.",
        "本文を選んで分類キーを押します。スパンをクリックすると変更・削除できます。",
    ),
    "missed": (" (missed by the run)", "（実行が見逃し）"),
    "gold_help": ("category key to change, Delete to remove", "分類キーで変更、Delete で削除"),
    "pred_help": ("Enter to accept, or a category key", "Enter で採用、または分類キー"),
    "key_match": ("prediction = gold", "予測＝正解"),
    "key_other": ("other category", "分類違い"),
    "key_spurious": ("spurious", "誤検出"),
    "key_missed": ("missed gold", "見逃し"),
}

# A prediction of the overlay run against the labels (phi_core.ui.gold_comparison.compare_with_gold).
VERDICTS: dict[str, tuple[str, str]] = {
    "match": ("matches the labels", "ラベルと一致"),
    "wrong_category": ("other category", "分類違い"),
    "spurious": ("spurious", "誤検出"),
}

# Corpus file format (phi_core.corpus importers and exporters) -> its name.
FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "jsonl": ("JSONL (phi-bench)", "JSONL（phi-bench 形式）"),
    "paper-csv": ("CSV of the study", "論文の CSV 形式"),
    "doccano": ("doccano JSONL", "doccano の JSONL"),
}

# The import's split choice: the file's own, or one for every report.
IMPORT_SPLITS: dict[str, tuple[str, str]] = {
    "from file": ("from file", "ファイルに従う"),
    "dev": ("dev", "開発"),
    "test": ("test", "テスト"),
}

# Headers of the review queue (phi_core.ui.workbench_list.warning_rows).
REVIEW_HEADERS: dict[str, tuple[str, str]] = {
    "report_id": ("report", "レポート"),
    "status": ("status", "状態"),
    "kind": ("kind", "種類"),
    "message": ("message", "内容"),
    "label": ("label", "ラベル"),
    "value": ("value", "値"),
}

# Headers of a report's change history (store.audit_log).
AUDIT_HEADERS: dict[str, tuple[str, str]] = {
    "audit_id": ("#", "#"),
    "actor": ("who", "担当者"),
    "changed_at": ("when", "日時"),
    "action": ("action", "操作"),
    "version_before": ("from version", "変更前の版"),
    "version_after": ("to version", "変更後の版"),
    "undone_by": ("undone by", "取り消した変更"),
}

# Headers of a list of spans.
SPAN_HEADERS: dict[str, tuple[str, str]] = {
    "text": ("text", "本文"),
    "category": ("category", "分類"),
    "start": ("start", "開始"),
    "end": ("end", "終了"),
}


def names(table: dict[str, tuple[str, str]], language: str) -> dict[str, str]:
    """A table's keys with their words in ``language``."""
    return {key: pick(pair, language) for key, pair in table.items()}


def layer_label(layer: str, language: str) -> str:
    """'' is the gold layer; any other name is the annotator's own layer."""
    if not layer:
        return pick(("Gold (shared labels)", "ゴールド（共有ラベル）"), language)
    return pick((f"My layer: {layer}", f"自分のレイヤー：{layer}"), language)


def shortcut_rows(language: str, category_name) -> list[tuple[str, str]]:
    """(key, what it does) for every shortcut; ``category_name(code)`` names a category."""
    rows = [(key, pick(SHORTCUT_ACTIONS.get(action, (text, text)), language)) for key, action, text in ACTION_SHORTCUTS]
    label = pick(("label the selection ", "選択範囲に付与："), language)
    rows += [(key, label + category_name(code)) for code, key in category_keys().items()]
    return rows


def span_rows(spans, language: str, category_name) -> list[dict]:
    """Spans as table rows with headers in ``language``."""
    head = names(SPAN_HEADERS, language)
    return [
        {head["text"]: s.text, head["category"]: category_name(s.category), head["start"]: s.start, head["end"]: s.end}
        for s in spans
    ]
