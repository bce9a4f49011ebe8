"""The annotation guidelines cover every category and the topics the workbench panel promises."""

from phi_core.taxonomy import CATEGORY_CODES
from phi_core.ui.guidelines import guidelines_markdown


def test_guidelines_name_every_category_and_the_span_rules():
    text = guidelines_markdown()
    for code in CATEGORY_CODES:
        assert f"| {code} |" in text, code
    for topic in (
        "Every occurrence is marked",
        "Examination dates versus other dates",
        "What is not PHI",
        "橋本病",
        "Basedow病",
        "〒",
        "NAME_READING",
        "Labels from the source study",
    ):
        assert topic in text, topic


def test_a_missing_file_gives_advice_instead_of_failing(tmp_path):
    assert "restore docs/annotation_guidelines.md" in guidelines_markdown(tmp_path / "absent.md")
