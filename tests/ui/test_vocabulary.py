"""Shared interface terms: table headers and the paper's row labels in both languages."""

from phi_core.ui.vocabulary import column_labels, dimension_name, reported_label


def test_paper_labels_are_marked_in_japanese_and_left_alone_in_english():
    assert reported_label("GPT-4.1 (paper, p5)", "ja") == "GPT-4.1（論文、p5）"
    assert reported_label("M, before self-refine (paper, p4)", "ja") == "M、Self-Refine前（論文、p4）"
    assert reported_label("M (paper)", "ja") == "M（論文）"
    assert reported_label("GPT-4.1 (paper, p5)", "en") == "GPT-4.1 (paper, p5)"
    assert reported_label("gemma3 · p3", "ja") == "gemma3 · p3"


def test_headers_name_known_columns_and_keep_unknown_ones():
    assert column_labels(["category", "relaxed_recall", "mystery"], "ja") == {
        "category": "カテゴリ",
        "relaxed_recall": "緩和再現率",
        "mystery": "mystery",
    }
    assert column_labels(["category"], "en") == {"category": "category"}
    assert dimension_name("boundary_fidelity", "ja") == "境界の正確さ"
    assert dimension_name("boundary_fidelity", "en") == "boundary fidelity"
