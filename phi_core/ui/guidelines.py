"""The annotation guidelines, shown as a help panel beside the editor.

The file is the project's own (docs/annotation_guidelines.md), not user
input, so the page may render it as Markdown.
"""

from __future__ import annotations

from pathlib import Path

from phi_core.paths import ROOT

GUIDELINES_FILE = ROOT / "docs" / "annotation_guidelines.md"


def guidelines_markdown(path: Path = GUIDELINES_FILE) -> str:
    """The guidelines' Markdown, or a short note saying where they should be."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return (
            f"The annotation guidelines were not found at {path.name}: restore docs/annotation_guidelines.md "
            "from the repository to read them here."
        )
